/**
 * The `minutebook` command as an administrator runs it: bin/minutebook.js (what `npx minutebook`
 * runs) started as a real child process under plain Node, on a real library folder. The
 * exported files are read back by unzipping them and by papaparse.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempLibrary, type TempLibrary } from '../support/tempLibrary';
import { COMMITTEE_SLUG, EXEMPT_ACTION, EXEMPT_MINUTES, PUBLIC_SUMMARY, makeCommitteeLibrary } from './committeeLibrary';

const BIN = resolve('bin/minutebook.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function minutebook(args: string[], cwd: string): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

/** Today on this computer as yyyy-mm-dd: the action log's usual name carries the day it was made. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}

async function wordParts(path: string): Promise<{ document: string; headers: string }> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const names = Object.keys(zip.files);
  const document = await zip.file('word/document.xml')!.async('string');
  const headers = (await Promise.all(names.filter((name) => /^word\/header\d*\.xml$/.test(name)).map((name) => zip.file(name)!.async('string')))).join('');
  return { document, headers };
}

let temp: TempLibrary;
let files: { november: string; september: string; damaged: string };
beforeEach(async () => {
  temp = await makeTempLibrary();
  files = await makeCommitteeLibrary(temp.library);
});
afterEach(async () => {
  await temp.remove();
});

describe('minutebook --help', () => {
  it('documents both commands and exits 0', async () => {
    for (const args of [['--help'], ['help']]) {
      const run = await minutebook(args, temp.root);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('minutebook export <meeting.json>');
      expect(run.stdout).toContain('minutebook actions <library-folder> --committee <slug>');
      expect(run.stderr).toBe('');
    }
  });

  it('documents each command’s options', async () => {
    const run = await minutebook(['export', '--help'], temp.root);
    expect(run.code).toBe(0);
    for (const option of ['--out', '--confidential', '--final', '--draft', '--library']) expect(run.stdout).toContain(option);
  });
});

describe('minutebook export', () => {
  it('writes the public minutes, DRAFT while the meeting is a draft, and prints where', async () => {
    const run = await minutebook(['export', files.november], temp.root);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const written = join(temp.root, '2022-11-08 Planning Panel minutes (public).docx');
    expect(lines(run.stdout)).toEqual([written]);
    const { document, headers } = await wordParts(written);
    expect(document).toContain(PUBLIC_SUMMARY);
    expect(document).not.toContain(EXEMPT_MINUTES);
    expect(document).not.toContain(EXEMPT_ACTION);
    expect(headers).toContain('DRAFT');
    expect(headers).not.toContain('CONFIDENTIAL');
  });

  it('writes the confidential version with Part 2 in full, without DRAFT when --final, where --out says', async () => {
    const run = await minutebook(['export', files.november, '--confidential', '--final', '--out', 'confidential.docx'], temp.root);
    expect(run.stderr).toBe('');
    expect(lines(run.stdout)).toEqual([join(temp.root, 'confidential.docx')]);
    const { document, headers } = await wordParts(join(temp.root, 'confidential.docx'));
    expect(document).toContain(EXEMPT_MINUTES);
    expect(document).toContain(EXEMPT_ACTION);
    expect(headers).toContain('CONFIDENTIAL');
    expect(headers).not.toContain('DRAFT');
  });

  it('writes the usual name inside a folder given as --out', async () => {
    await mkdir(join(temp.root, 'exports'));
    const run = await minutebook(['export', files.november, '--out', 'exports'], temp.root);
    expect(run.stderr).toBe('');
    expect(lines(run.stdout)).toEqual([join(temp.root, 'exports', '2022-11-08 Planning Panel minutes (public).docx')]);
    expect(await readdir(join(temp.root, 'exports'))).toEqual(['2022-11-08 Planning Panel minutes (public).docx']);
  });

  it('uses the house style of the library the meeting file is in', async () => {
    const settings = JSON.parse(await readFile(join(temp.library, 'library.json'), 'utf8')) as Record<string, unknown>;
    const houseStyle = {
      organisation: 'Bath & North East Somerset Council',
      fontFamily: 'Georgia',
      bodySizePt: 12,
      heading1SizePt: 14,
      heading2SizePt: 12,
      headingStyle: { bold: true, allCaps: false, colour: '000000' },
      minuteNumberPattern: '{n}',
      dateFormat: '08/11/2022',
      timeFormat: '10.00 am',
    };
    await writeFile(join(temp.library, 'library.json'), JSON.stringify({ ...settings, format: 'minutebook.library', version: 1, houseStyle }));
    const run = await minutebook(['export', files.november, '--out', 'styled.docx'], temp.root);
    expect(run.stderr).toBe('');
    const { document } = await wordParts(join(temp.root, 'styled.docx'));
    expect(document).toContain('Bath &amp; North East Somerset Council');
  });

  it('says in one line on standard error that the meeting file is missing, and exits 1', async () => {
    const missing = join(temp.library, 'meetings', '2022', 'no such meeting.json');
    const run = await minutebook(['export', missing], temp.root);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)).toEqual([
      `minutebook: cannot read meeting file ${missing}: the file or its folder is not there (was it moved, or is the drive disconnected?)`,
    ]);
  });

  it('refuses an unknown option with exit status 2', async () => {
    const run = await minutebook(['export', files.november, '--pdf'], temp.root);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual(['minutebook: unknown option --pdf (see: minutebook export --help)']);
    expect(await readdir(temp.root)).not.toContain('2022-11-08 Planning Panel minutes (public).docx');
  });

  it('will not overwrite minutes open in Word, and names a free file to use instead', async () => {
    const target = join(temp.root, 'Minutes 2022-11-08.docx');
    await writeFile(target, 'sent last week');
    const owner = Buffer.alloc(162);
    owner[0] = 10;
    owner.write('Jane Smith', 1, 'latin1');
    owner.writeUInt16LE(10, 54);
    owner.write('Jane Smith', 56, 'utf16le');
    await writeFile(join(temp.root, '~$nutes 2022-11-08.docx'), owner);
    const run = await minutebook(['export', files.november, '--out', target], temp.root);
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual([
      `minutebook: Minutes 2022-11-08.docx is open in Word (by Jane Smith) — close it there, or save under another name. A free name beside it: --out "${join(temp.root, 'Minutes 2022-11-08 (2).docx')}"`,
    ]);
    expect(await readFile(target, 'utf8')).toBe('sent last week');
  });
});

describe('a file already there', () => {
  it('is not overwritten by export unless --replace is given, and a free name is offered', async () => {
    const target = join(temp.root, 'Minutes 2022-11-08.docx');
    await writeFile(target, 'sent last week');
    const refused = await minutebook(['export', files.november, '--out', target], temp.root);
    expect(refused.code).toBe(1);
    expect(lines(refused.stderr)).toEqual([
      `minutebook: There is already a file called Minutes 2022-11-08.docx in “${temp.root}”. Give --replace to replace it, or a free name: --out "${join(temp.root, 'Minutes 2022-11-08 (2).docx')}"`,
    ]);
    expect(await readFile(target, 'utf8')).toBe('sent last week');
    const replaced = await minutebook(['export', files.november, '--out', target, '--replace'], temp.root);
    expect(replaced.code).toBe(0);
    expect(lines(replaced.stdout)).toEqual([target]);
    expect((await wordParts(target)).document).toContain('w:body');
  });

  it('is not overwritten by actions unless --replace is given', async () => {
    const target = join(temp.root, 'actions.csv');
    await writeFile(target, 'kept');
    const refused = await minutebook(['actions', temp.library, '--committee', COMMITTEE_SLUG, '--csv', '--out', target], temp.root);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Give --replace to replace it');
    expect(await readFile(target, 'utf8')).toBe('kept');
    const replaced = await minutebook(['actions', temp.library, '--committee', COMMITTEE_SLUG, '--csv', '--out', target, '--replace'], temp.root);
    expect(replaced.code).toBe(0);
    expect(await readFile(target, 'utf8')).not.toBe('kept');
  });

  it('is documented with --replace in the help', async () => {
    const run = await minutebook(['--help'], temp.root);
    expect(run.stdout).toContain('--replace');
  });
});

describe('minutebook actions', () => {
  it('writes the committee’s action log as CSV and names the meeting file it left out', async () => {
    const run = await minutebook(['actions', temp.library, '--committee', COMMITTEE_SLUG, '--csv', '--out', 'actions.csv'], temp.root);
    expect(run.code).toBe(0);
    expect(lines(run.stdout)).toEqual([join(temp.root, 'actions.csv')]);
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(/^minutebook: warning: left out meetings\/2022\/2022-10-25 planning-panel\.json: /);
    const csv = await readFile(join(temp.root, 'actions.csv'), 'utf8');
    const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(parsed.data.map((row) => `${row['Meeting date']} ${row['Reference']}`)).toEqual([
      '2022-09-13 41/1',
      '2022-10-11 50/1',
      '2022-11-08 64/1',
      '2022-11-08 64/2',
    ]);
    expect(csv).not.toContain(EXEMPT_ACTION);
  });

  it('writes the CSV to standard output with --out -, for a pipe', async () => {
    const run = await minutebook(['actions', temp.library, '--committee', COMMITTEE_SLUG, '--csv', '--out', '-'], temp.root);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('\uFEFFMeeting date,Reference,Action,Owner,Due date,Status,Item\r\n')).toBe(true);
    expect(run.stdout).toContain('2022-11-08,64/2,Publish the figures on the website,Communications team,2022-12-15,Open,');
    expect(await readdir(temp.root)).not.toContain(`Planning Panel action log ${today()}.csv`);
  });

  it('includes Part 2 actions with --confidential, in a Word log by default', async () => {
    const run = await minutebook(['actions', temp.library, '--committee', COMMITTEE_SLUG, '--confidential'], temp.root);
    expect(run.code).toBe(0);
    const written = join(temp.root, `Planning Panel action log ${today()} (confidential).docx`);
    expect(lines(run.stdout)).toEqual([written]);
    const { document, headers } = await wordParts(written);
    expect(document).toContain(EXEMPT_ACTION);
    expect(document).toContain('<w:tblHeader/>');
    expect(headers).toContain('CONFIDENTIAL');
  });

  it('needs --committee (exit 2) and says when the library has no such committee (exit 1)', async () => {
    const missing = await minutebook(['actions', temp.library], temp.root);
    expect(missing.code).toBe(2);
    expect(lines(missing.stderr)).toEqual(['minutebook: say which committee with --committee <slug> (see: minutebook actions --help)']);
    const unknown = await minutebook(['actions', temp.library, '--committee', 'parks'], temp.root);
    expect(unknown.code).toBe(1);
    expect(lines(unknown.stderr)).toHaveLength(1);
    expect(unknown.stderr).toContain('no committee “parks”');
  });
});
