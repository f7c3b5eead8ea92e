/**
 * Export action log… through the contract, against a real library of a committee's meeting
 * files: where it is offered, the Word table in the house style and the CSV for Excel (read back
 * by unzipping and by papaparse), Part 2 actions only when asked, a target open in Word refused
 * with a free name, and Open / Show in folder allowed for the file just exported.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchOperation } from '../../main/core/dispatch';
import { wordOwnerFileNames } from '../../main/core/export/writeExport';
import { recordingDesktop, type DesktopCall } from '../../main/core/host/hostDesktop';
import { createMinuteBookCore, type Desktop, type MinuteBookCore } from '../../main/core/minuteBookCore';
import { fileSettingsStore } from '../../main/core/settingsFile';
import type { ActionLogTargets, ApiRefusal, ExportedActionLog, OperationInput, OperationName } from '../../main/domain/api';
import { createLibrarySettings } from '../../main/domain/houseStyle';
import { openDocx } from '../support/openDocx';
import { makeTempLibrary, type TempLibrary } from '../support/tempLibrary';
import { COMMITTEE_SLUG, EXEMPT_ACTION, makeCommitteeLibrary } from '../cli/committeeLibrary';

/** 23 November 2026, 9 am on this computer: the day in the offered file names. */
const TODAY = new Date(2026, 10, 23, 9, 0, 0);

let temp: TempLibrary;
let core: MinuteBookCore;
let desktopCalls: DesktopCall[];
let chooseAnswer: string | undefined;
let chooseStartedAt: string[];

function startCore(desktop: Desktop): void {
  const settings = fileSettingsStore(join(temp.data, 'settings.json'), { displayName: 'Jane Clerk', libraryPath: temp.library });
  core = createMinuteBookCore({ settings, desktop, journalDir: join(temp.data, 'journal'), now: () => TODAY });
}

beforeEach(async () => {
  temp = await makeTempLibrary();
  await makeCommitteeLibrary(temp.library);
  desktopCalls = [];
  chooseAnswer = undefined;
  chooseStartedAt = [];
  startCore(recordingDesktop((call) => desktopCalls.push(call)));
});
afterEach(async () => {
  await core.close();
  await temp.remove();
});

async function ask<N extends OperationName>(name: N, input: OperationInput<N>) {
  return dispatchOperation(core.handlers, name, input);
}

async function value<T>(name: OperationName, input: unknown): Promise<T> {
  const reply = await dispatchOperation(core.handlers, name, input);
  if (!reply.ok) throw new Error(`${name} was refused: ${reply.error.message}`);
  return reply.value as T;
}

async function refusal(name: OperationName, input: unknown): Promise<ApiRefusal> {
  const reply = await dispatchOperation(core.handlers, name, input);
  if (reply.ok) throw new Error(`${name} was expected to be refused`);
  return reply.error;
}

async function wordParts(path: string): Promise<{ document: string; header: string; styles: string }> {
  const { part } = await openDocx(await readFile(path), path);
  return { document: await part(/^word\/document\.xml$/), header: await part(/^word\/header\d*\.xml$/), styles: await part(/^word\/styles\.xml$/) };
}

function texts(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]!).join(' | ');
}

function csvRows(csv: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('where the action log is offered', () => {
  it('offers the library’s Exports folder, named after the committee and today, for each format and version', async () => {
    const targets = await value<ActionLogTargets>('committees.actionLogTargets', { slug: COMMITTEE_SLUG });
    const exports = join(temp.library, 'Exports');
    expect(targets).toEqual({
      committeeName: 'Planning Panel',
      folder: exports,
      paths: {
        public: { docx: join(exports, 'Planning Panel action log 2026-11-23.docx'), csv: join(exports, 'Planning Panel action log 2026-11-23.csv') },
        confidential: {
          docx: join(exports, 'Planning Panel action log 2026-11-23 (confidential).docx'),
          csv: join(exports, 'Planning Panel action log 2026-11-23 (confidential).csv'),
        },
      },
      canChooseFile: false,
    });
  });

  it('offers the folder this computer last exported to, once it has', async () => {
    const elsewhere = join(temp.root, 'Committee papers');
    await mkdir(elsewhere);
    await value('committees.exportActionLog', { slug: COMMITTEE_SLUG, format: 'csv', confidential: false, target: join(elsewhere, 'Log.csv') });
    const targets = await value<ActionLogTargets>('committees.actionLogTargets', { slug: COMMITTEE_SLUG });
    expect(targets.folder).toBe(elsewhere);
    expect(dirname(targets.paths.public.docx)).toBe(elsewhere);
  });
});

describe('exporting the action log', () => {
  it('writes the public Word table in the house style, without Part 2 actions, into a new Exports folder', async () => {
    await value('library.houseStyle.save', {
      houseStyle: { ...createLibrarySettings().houseStyle, organisation: 'Borsetshire County Council', fontFamily: 'Verdana' },
    });
    const exported = await value<ExportedActionLog>('committees.exportActionLog', { slug: COMMITTEE_SLUG, format: 'docx', confidential: false });
    expect(exported.path).toBe(join(temp.library, 'Exports', 'Planning Panel action log 2026-11-23.docx'));
    expect(exported).toMatchObject({ rows: 4, unreadable: 1 });
    expect(exported.bytes).toBe((await stat(exported.path)).size);

    const { document, header, styles } = await wordParts(exported.path);
    expect(texts(document)).toContain('Circulate the attendance figures');
    expect(texts(document)).toContain('Publish the figures on the website');
    expect(texts(document)).not.toContain(EXEMPT_ACTION);
    expect(texts(header)).toContain('Borsetshire County Council – Planning Panel');
    expect(texts(header)).not.toContain('CONFIDENTIAL');
    expect(styles).toContain('Verdana');
  });

  it('puts Part 2 actions in the confidential Word table, with CONFIDENTIAL on every page', async () => {
    const exported = await value<ExportedActionLog>('committees.exportActionLog', { slug: COMMITTEE_SLUG, format: 'docx', confidential: true });
    expect(basename(exported.path)).toBe('Planning Panel action log 2026-11-23 (confidential).docx');
    expect(exported.rows).toBe(5);
    const { document, header } = await wordParts(exported.path);
    expect(texts(document)).toContain(EXEMPT_ACTION);
    expect(texts(header)).toContain('CONFIDENTIAL');
  });

  it('writes CSV for Excel with one row per action, Part 2 only when asked', async () => {
    const publicLog = await value<ExportedActionLog>('committees.exportActionLog', { slug: COMMITTEE_SLUG, format: 'csv', confidential: false });
    const publicCsv = await readFile(publicLog.path, 'utf8');
    expect(publicCsv.charCodeAt(0)).toBe(0xfeff);
    expect(csvRows(publicCsv).map((row) => row.Reference)).toEqual(['41/1', '50/1', '64/1', '64/2']);

    const confidentialLog = await value<ExportedActionLog>('committees.exportActionLog', { slug: COMMITTEE_SLUG, format: 'csv', confidential: true });
    expect(basename(confidentialLog.path)).toBe('Planning Panel action log 2026-11-23 (confidential).csv');
    const rows = csvRows(await readFile(confidentialLog.path, 'utf8'));
    expect(rows.map((row) => row.Reference)).toEqual(['41/1', '50/1', '64/1', '64/2', '65/1']);
    expect(rows.at(-1)?.Action).toBe(EXEMPT_ACTION);
    expect(confidentialLog.rows).toBe(5);
  });

  it('saves where the clerk typed, adding the format’s ending to a bare name', async () => {
    const folder = join(temp.root, 'Papers');
    await mkdir(folder);
    const exported = await value<ExportedActionLog>('committees.exportActionLog', {
      slug: COMMITTEE_SLUG,
      format: 'csv',
      confidential: false,
      target: join(folder, 'Actions for Excel'),
    });
    expect(exported.path).toBe(join(folder, 'Actions for Excel.csv'));
    expect(csvRows(await readFile(exported.path, 'utf8'))).toHaveLength(4);
  });

  it('refuses a name ending in the other format’s ending, a path that is not full, and a folder that is not there', async () => {
    const wrongEnding = await refusal('committees.exportActionLog', {
      slug: COMMITTEE_SLUG,
      format: 'csv',
      confidential: false,
      target: join(temp.root, 'Log.docx'),
    });
    expect(wrongEnding.code).toBe('invalid-input');
    expect(wrongEnding.message).toContain('ends in .docx');
    expect((await refusal('committees.exportActionLog', { slug: COMMITTEE_SLUG, format: 'docx', confidential: false, target: 'Log.docx' })).code).toBe(
      'invalid-input',
    );
    expect(
      (
        await refusal('committees.exportActionLog', {
          slug: COMMITTEE_SLUG,
          format: 'docx',
          confidential: false,
          target: join(temp.root, 'nowhere', 'Log.docx'),
        })
      ).code,
    ).toBe('no-such-folder');
  });

  it('says so for a committee the library does not have', async () => {
    const refused = await refusal('committees.exportActionLog', { slug: 'parks', format: 'docx', confidential: false });
    expect(refused.code).toBe('unknown-committee');
    expect(refused.message).toContain('no committee “parks”');
  });
});

describe('a log open in Word or Excel', () => {
  it('is left alone, and a free name beside it is offered and can be used', async () => {
    const target = join(temp.root, 'Planning log.docx');
    await writeFile(target, 'the copy Word has open');
    await writeFile(join(temp.root, wordOwnerFileNames(basename(target))[0]!), Buffer.alloc(162));

    const refused = await refusal('committees.exportActionLog', { slug: COMMITTEE_SLUG, format: 'docx', confidential: false, target });
    expect(refused.code).toBe('export-target-busy');
    expect(refused.suggestedPath).toBe(join(temp.root, 'Planning log (2).docx'));
    expect(await readFile(target, 'utf8')).toBe('the copy Word has open');

    const exported = await value<ExportedActionLog>('committees.exportActionLog', {
      slug: COMMITTEE_SLUG,
      format: 'docx',
      confidential: false,
      target: refused.suggestedPath,
    });
    expect(exported.path).toBe(refused.suggestedPath);
  });
});

describe('opening the exported log', () => {
  it('opens and shows the file just exported, and nothing else', async () => {
    const exported = await value<ExportedActionLog>('committees.exportActionLog', { slug: COMMITTEE_SLUG, format: 'csv', confidential: false });
    expect(await value('files.open', { path: exported.path })).toEqual({ path: exported.path });
    expect(await value('files.showInFolder', { path: exported.path })).toEqual({ path: exported.path });
    expect(desktopCalls).toEqual([
      { action: 'openPath', path: exported.path },
      { action: 'showItemInFolder', path: exported.path },
    ]);

    const other = join(temp.library, 'Exports', 'Planning Panel action log 2026-11-23.docx');
    expect((await ask('files.open', { path: other })).ok).toBe(false);
    expect(desktopCalls).toHaveLength(2);
  });
});

describe('choosing where to save in the desktop app', () => {
  beforeEach(async () => {
    await core.close();
    const recorder = recordingDesktop((call) => desktopCalls.push(call));
    startCore({
      ...recorder,
      async chooseSaveFile(defaultPath) {
        chooseStartedAt.push(defaultPath);
        return chooseAnswer;
      },
    });
  });

  it('says a Save dialog is there, and starts it at the offered file with the format’s ending', async () => {
    const targets = await value<ActionLogTargets>('committees.actionLogTargets', { slug: COMMITTEE_SLUG });
    expect(targets.canChooseFile).toBe(true);
    chooseAnswer = undefined;
    expect(await value('committees.chooseActionLogTarget', { defaultPath: targets.paths.public.docx, format: 'csv' })).toEqual({});
    expect(chooseStartedAt).toEqual([targets.paths.public.csv]);
  });

  it('keeps a CSV a CSV when the dialog adds the Word ending of its filter', async () => {
    chooseAnswer = join(temp.root, 'Actions.csv.docx');
    expect(await value('committees.chooseActionLogTarget', { defaultPath: join(temp.root, 'Actions.csv'), format: 'csv' })).toEqual({
      path: join(temp.root, 'Actions.csv'),
    });
  });

  it('starts a half-typed name in the export folder', async () => {
    chooseAnswer = undefined;
    await value('committees.chooseActionLogTarget', { defaultPath: 'Panel actions', format: 'docx' });
    expect(chooseStartedAt).toEqual([join(temp.library, 'Exports', 'Panel actions.docx')]);
  });
});
