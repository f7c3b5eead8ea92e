/**
 * Saving an export where the clerk asked, on real folders: written whole or not at all, never
 * over a document open in Word, and a free name offered instead.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultExportFileName } from '../../main/core/export/destination';
import { exportMeetingMinutes } from '../../main/core/export/exportMinutes';
import { ExportTargetBusy, ExportTargetExists, ExportWriteFailed, ownerNameFromOwnerFile, writeExportFile } from '../../main/core/export/writeExport';
import { createMeeting, type Meeting } from '../../main/domain/meeting';
import { novemberMeeting } from '../cli/committeeLibrary';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'mb-export-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const OLD = Buffer.from('the minutes the clerk sent last week');
const NEW = Buffer.from('the corrected minutes');

/** An owner file as Word writes it: the name as a length byte and 8-bit text, then at byte 54 a 2-byte length and UTF-16LE; 162 bytes. */
function wordOwnerFile(user: string): Buffer {
  const data = Buffer.alloc(162);
  data[0] = user.length;
  data.write(user, 1, 'latin1');
  data.writeUInt16LE(user.length, 54);
  data.write(user, 56, 'utf16le');
  return data;
}

/** A file nobody may change: read-only for an ordinary user; root ignores that, so immutable (chattr) for root. */
function makeUnwritable(path: string): () => void {
  if (process.getuid?.() === 0) {
    execFileSync('chattr', ['+i', path]);
    return () => execFileSync('chattr', ['-i', path]);
  }
  chmodSync(path, 0o444);
  return () => chmodSync(path, 0o644);
}

async function busyError(target: string, bytes: Buffer = NEW): Promise<ExportTargetBusy> {
  const error = await writeExportFile(target, bytes).then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(ExportTargetBusy);
  return error as ExportTargetBusy;
}

describe('writing an export', () => {
  it('writes the file whole and leaves nothing else in the folder', async () => {
    const target = join(folder, 'Minutes 2022-11-08.docx');
    await writeExportFile(target, NEW);
    expect(await readFile(target)).toEqual(NEW);
    expect(await readdir(folder)).toEqual(['Minutes 2022-11-08.docx']);
  });

  it('replaces an earlier export that is not open anywhere, when the clerk chose to replace it', async () => {
    const target = join(folder, 'Minutes 2022-11-08.docx');
    await writeFile(target, OLD);
    await writeExportFile(target, NEW, { replace: true });
    expect(await readFile(target)).toEqual(NEW);
    expect(await readdir(folder)).toEqual(['Minutes 2022-11-08.docx']);
  });

  it('never writes over a file that is there unless the clerk chose to replace it, and offers a free name', async () => {
    const target = join(folder, 'Minutes 2022-11-08.docx');
    await writeFile(target, OLD);
    await writeFile(join(folder, 'Minutes 2022-11-08 (2).docx'), OLD);
    const error = await writeExportFile(target, NEW).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(ExportTargetExists);
    expect(error).toMatchObject({
      code: 'export-target-exists',
      suggestedPath: join(folder, 'Minutes 2022-11-08 (3).docx'),
      message: `There is already a file called Minutes 2022-11-08.docx in “${folder}”. Replace it, or save under another name.`,
    });
    expect(await readFile(target)).toEqual(OLD);
    expect((await readdir(folder)).sort()).toEqual(['Minutes 2022-11-08 (2).docx', 'Minutes 2022-11-08.docx']);
  });

  it('does not write through a symbolic link or over a folder of that name, even when asked to replace', async () => {
    const elsewhere = join(folder, 'elsewhere.docx');
    await writeFile(elsewhere, OLD);
    await symlink(elsewhere, join(folder, 'Minutes.docx'));
    await expect(writeExportFile(join(folder, 'Minutes.docx'), NEW)).rejects.toBeInstanceOf(ExportTargetExists);
    await mkdir(join(folder, 'Folder.docx'));
    await expect(writeExportFile(join(folder, 'Folder.docx'), NEW, { replace: true })).rejects.toThrow(/a folder of that name is already there/);
    expect(await readFile(elsewhere)).toEqual(OLD);
  });

  it('leaves the old file untouched and no temporary file when writing fails half way', async () => {
    // A real failure in the middle of writing: the child may write at most 16 KiB per file (ulimit -f), the export is 1 MiB.
    const target = join(folder, 'Minutes 2022-11-08.docx');
    await writeFile(target, OLD);
    const module = pathToFileURL(resolve('main/core/export/writeExport.ts')).href;
    const script = `const { writeExportFile } = await import(${JSON.stringify(module)});
      try { await writeExportFile(process.env.MB_TARGET, Buffer.alloc(1 << 20, 120), { replace: true }); console.log('written'); }
      catch (error) { console.error(error.message); process.exitCode = 3; }`;
    const outcome = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      const child = execFile('bash', ['-c', 'ulimit -f 16 && exec "$0" --import tsx --input-type=module -e "$1"', process.execPath, script], {
        env: { ...process.env, MB_TARGET: target, TSX_DISABLE_CACHE: '1' },
      });
      let stdout = '';
      let stderr = '';
      child.stdout?.on('data', (chunk: string) => (stdout += chunk));
      child.stderr?.on('data', (chunk: string) => (stderr += chunk));
      child.on('close', (code) => done({ code, stdout, stderr }));
    });
    expect(outcome.stdout).not.toContain('written');
    expect(outcome.code).toBe(3);
    expect(outcome.stderr).toContain('Minutes 2022-11-08.docx could not be saved');
    expect(outcome.stderr).toContain('Nothing was written');
    expect(await readFile(target)).toEqual(OLD);
    expect(await readdir(folder)).toEqual(['Minutes 2022-11-08.docx']);
  });

  it('says plainly when the folder is not there', async () => {
    const target = join(folder, 'Exports', 'Minutes.docx');
    const error = await writeExportFile(target, NEW).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(ExportWriteFailed);
    expect((error as Error).message).toBe(
      `Minutes.docx could not be saved in “${join(folder, 'Exports')}”: that folder is not there (was it moved, or is the drive disconnected?). Nothing was written.`,
    );
  });
});

describe('a target open in Word', () => {
  it.each([
    // Word's rule: up to 6 characters before the extension keep their name; 7 lose the first; 8 or more the first two.
    ['Agenda.docx', '~$Agenda.docx'],
    ['Minutes.docx', '~$inutes.docx'],
    ['Minutes 2022-11-08.docx', '~$nutes 2022-11-08.docx'],
    // Excel, PowerPoint and older versions: "~$" and the whole name.
    ['Minutes 2022-11-08.docx', '~$Minutes 2022-11-08.docx'],
  ])('is recognised by its owner file: %s beside %s', async (name, ownerFile) => {
    const target = join(folder, name);
    await writeFile(target, OLD);
    await writeFile(join(folder, ownerFile), wordOwnerFile('Jane Smith'));
    const error = await busyError(target);
    expect(error.code).toBe('export-target-busy');
    expect(error.message).toBe(`${name} is open in Word (by Jane Smith) — close it there, or save under another name.`);
    expect(error.openBy).toBe('Jane Smith');
    expect(error.suggestedPath).toBe(join(folder, name.replace('.docx', ' (2).docx')));
    expect(await readFile(target)).toEqual(OLD);
    expect((await readdir(folder)).sort()).toEqual([name, ownerFile].sort());
  });

  it('is not confused by the owner file of another document', async () => {
    // "~$nutes.docx" would be Word's owner file for a 7-character name such as "Xinutes.docx", not for "Minutes.docx".
    const target = join(folder, 'Minutes.docx');
    await writeFile(target, OLD);
    await writeFile(join(folder, '~$nutes.docx'), wordOwnerFile('Jane Smith'));
    await writeExportFile(target, NEW, { replace: true });
    expect(await readFile(target)).toEqual(NEW);
  });

  it('matches the owner file whatever its case, as Windows does', async () => {
    const target = join(folder, 'Minutes 2022-11-08.docx');
    await writeFile(target, OLD);
    await writeFile(join(folder, '~$NUTES 2022-11-08.DOCX'), wordOwnerFile('Jane Smith'));
    expect((await busyError(target)).openBy).toBe('Jane Smith');
  });

  it('reads an accented user name from the owner file', async () => {
    const target = join(folder, 'Minutes 2022-11-08.docx');
    await writeFile(target, OLD);
    await writeFile(join(folder, '~$nutes 2022-11-08.docx'), wordOwnerFile('Siân Ní Bhriain'));
    expect((await busyError(target)).message).toBe(
      'Minutes 2022-11-08.docx is open in Word (by Siân Ní Bhriain) — close it there, or save under another name.',
    );
  });

  it('still refuses when the owner file holds no name it can read', async () => {
    const target = join(folder, 'Minutes 2022-11-08.docx');
    await writeFile(target, OLD);
    await writeFile(join(folder, '~$nutes 2022-11-08.docx'), Buffer.alloc(0));
    const error = await busyError(target);
    expect(error.message).toBe('Minutes 2022-11-08.docx is open in Word — close it there, or save under another name.');
    expect(error.openBy).toBeUndefined();
  });

  it('offers the first name that is free and not open either', async () => {
    const target = join(folder, 'Minutes 2022-11-08.docx');
    await writeFile(target, OLD);
    await writeFile(join(folder, '~$nutes 2022-11-08.docx'), wordOwnerFile('Jane Smith'));
    await writeFile(join(folder, 'Minutes 2022-11-08 (2).docx'), OLD);
    await writeFile(join(folder, 'Minutes 2022-11-08 (3).docx'), OLD);
    await writeFile(join(folder, '~$nutes 2022-11-08 (3).docx'), wordOwnerFile('Jane Smith'));
    expect((await busyError(target)).suggestedPath).toBe(join(folder, 'Minutes 2022-11-08 (4).docx'));
  });

  it('counts on from a numbered name rather than adding a second number', async () => {
    const target = join(folder, 'Minutes 2022-11-08 (2).docx');
    await writeFile(target, OLD);
    await writeFile(join(folder, '~$nutes 2022-11-08 (2).docx'), wordOwnerFile('Jane Smith'));
    expect((await busyError(target)).suggestedPath).toBe(join(folder, 'Minutes 2022-11-08 (3).docx'));
  });

  it('does not stop a new export whose only trace is an owner file left behind', async () => {
    const target = join(folder, 'Minutes 2022-11-08.docx');
    await writeFile(join(folder, '~$nutes 2022-11-08.docx'), wordOwnerFile('Jane Smith'));
    await writeExportFile(target, NEW);
    expect(await readFile(target)).toEqual(NEW);
  });
});

describe('a locked or read-only target', () => {
  it('is refused with a free name offered, and left as it was', async () => {
    const target = join(folder, 'Minutes 2022-11-08.docx');
    await writeFile(target, OLD);
    const restore = makeUnwritable(target);
    try {
      const error = await busyError(target);
      expect(error.message).toBe('Minutes 2022-11-08.docx is locked or read-only — close it in the program that has it open, or save under another name.');
      expect(error.suggestedPath).toBe(join(folder, 'Minutes 2022-11-08 (2).docx'));
      expect(await readFile(target)).toEqual(OLD);
      expect(await readdir(folder)).toEqual(['Minutes 2022-11-08.docx']);
    } finally {
      restore();
    }
  });

  it('names who has it open when Word both locks it and leaves its owner file, as on Windows', async () => {
    const target = join(folder, 'Minutes 2022-11-08.docx');
    await writeFile(target, OLD);
    await writeFile(join(folder, '~$nutes 2022-11-08.docx'), wordOwnerFile('Jane Smith'));
    const restore = makeUnwritable(target);
    try {
      expect((await busyError(target)).message).toBe('Minutes 2022-11-08.docx is open in Word (by Jane Smith) — close it there, or save under another name.');
    } finally {
      restore();
    }
  });

  it('can be saved under the name offered', async () => {
    const target = join(folder, 'Minutes 2022-11-08.docx');
    await writeFile(target, OLD);
    const restore = makeUnwritable(target);
    try {
      const { suggestedPath } = await busyError(target);
      await writeExportFile(suggestedPath, NEW);
      expect(await readFile(suggestedPath)).toEqual(NEW);
    } finally {
      restore();
    }
  });
});

describe('the user name in an Office owner file', () => {
  it('is read from Excel’s layout too (UTF-16 one byte later, after spaces)', () => {
    const user = 'Jane Smith';
    const data = Buffer.alloc(165, 0x20);
    data[0] = user.length;
    data.write(user, 1, 'latin1');
    data.writeUInt16LE(user.length, 55);
    data.write(user, 57, 'utf16le');
    expect(ownerNameFromOwnerFile(data)).toBe('Jane Smith');
  });

  it('is not invented from a file that is not an owner file', () => {
    expect(ownerNameFromOwnerFile(Buffer.from('PK\u0003\u0004 this is a zip'))).toBeUndefined();
    expect(ownerNameFromOwnerFile(Buffer.alloc(162))).toBeUndefined();
  });
});

describe('the usual file name of exported minutes', () => {
  function meetingOf(committee: string): Meeting {
    return createMeeting({ committee, title: '', date: '2022-11-08', startTime: '10:00', venue: '' }, new Date('2022-11-08T10:00:00Z'));
  }

  it('says the date, the committee and the version', () => {
    expect(defaultExportFileName(meetingOf('Planning Panel'), 'public')).toBe('2022-11-08 Planning Panel minutes (public).docx');
    expect(defaultExportFileName(meetingOf('Planning Panel'), 'confidential')).toBe('2022-11-08 Planning Panel minutes (confidential).docx');
  });

  it('holds nothing Windows refuses in a file name, and keeps accents', () => {
    const name = defaultExportFileName(meetingOf('Schools: Forum / "Cabinet" <Joint>|Y*? Siân…'), 'public');
    expect(name).toBe('2022-11-08 Schools Forum Cabinet Joint Y Siân… minutes (public).docx');
    expect(name).not.toMatch(/[\\/:*?"<>|]/);
  });

  it('is at most 150 characters, however long the committee’s name', () => {
    const name = defaultExportFileName(meetingOf(`${'Health and Wellbeing Board '.repeat(7)}😀 ...`), 'confidential');
    expect([...name].length).toBeLessThanOrEqual(150);
    expect(name.endsWith(' minutes (confidential).docx')).toBe(true);
    expect(name).not.toMatch(/[ .] minutes/);
  });
});

describe('exporting a meeting’s minutes', () => {
  async function headerTexts(path: string): Promise<string> {
    const zip = await JSZip.loadAsync(await readFile(path));
    const headers = Object.keys(zip.files).filter((name) => /^word\/header\d*\.xml$/.test(name));
    return (await Promise.all(headers.map((name) => zip.file(name)!.async('string')))).join('');
  }

  it('writes the Word file where asked, DRAFT only when asked for, and reports its size', async () => {
    const meeting = novemberMeeting();
    const draft = join(folder, 'draft.docx');
    const final = join(folder, 'final.docx');
    const written = await exportMeetingMinutes({ libraryPath: undefined, meeting, version: 'public', draft: true, target: draft });
    await exportMeetingMinutes({ libraryPath: undefined, meeting, version: 'public', draft: false, target: final });
    expect(written).toEqual({ path: draft, bytes: (await readFile(draft)).length });
    expect(await headerTexts(draft)).toContain('DRAFT');
    expect(await headerTexts(final)).not.toContain('DRAFT');
    expect((await readdir(folder)).sort()).toEqual(['draft.docx', 'final.docx']);
  });

  it('uses the library’s house style when there is a library', async () => {
    const library = join(folder, 'library');
    await mkdir(library);
    const target = join(folder, 'minutes.docx');
    await exportMeetingMinutes({ libraryPath: library, meeting: novemberMeeting(), version: 'confidential', draft: false, target });
    expect(await headerTexts(target)).toContain('CONFIDENTIAL');
  });
});
