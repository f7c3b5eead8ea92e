/**
 * Conflict copies beside a meeting in a real library folder: found by the meeting id they hold
 * whatever their name, other meetings and stray files left alone, and moved (never deleted) into
 * the meeting's history folder.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMeeting, type Meeting } from '../../main/domain/meeting';
import { archiveConflictCopy, CopyScanCache, findConflictCopies } from '../../main/core/sync/conflictCopies';
import { ClerkFacingError } from '../../main/core/clerkFacingError';
import { prepareLibrary } from '../../main/core/library';
import { serializeLibraryFile } from '../../main/core/meetingFile';

let root: string;
let library: string;
let folder: string;
let meetingFile: string;
let meeting: Meeting;

function setUp(committee: string, date = '2026-11-10'): Meeting {
  return createMeeting({ committee, title: '', date, startTime: '10:00', venue: 'Guildhall' }, new Date('2026-11-01T09:00:00Z'));
}

async function put(name: string, contents: Meeting | string): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, typeof contents === 'string' ? contents : serializeLibraryFile(contents));
  return path;
}

/** The meeting as another computer changed it. */
function theirs(title: string): Meeting {
  return { ...meeting, title };
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'mb-copies-'));
  library = join(root, 'library');
  await prepareLibrary(library);
  folder = join(library, 'meetings', '2026');
  await mkdir(folder, { recursive: true });
  meeting = setUp('Planning Committee');
  meetingFile = await put('2026-11-10 planning-committee.json', meeting);
});

afterEach(() => rm(root, { recursive: true, force: true }));

describe('finding conflict copies of a meeting', () => {
  it('finds the copies each sync tool leaves, says which tool, and hands over what each holds', async () => {
    const names = {
      syncthing: '2026-11-10 planning-committee.sync-conflict-20261110-101500-ABCD123.json',
      dropbox: "2026-11-10 planning-committee (Jane Smith's conflicted copy 2026-11-10).json",
      nextcloud: '2026-11-10 planning-committee (conflicted copy 2026-11-10 101500).json',
      onedrive: '2026-11-10 planning-committee-LAPTOP-12.json',
      'numbered-copy': '2026-11-10 planning-committee (1).json',
    };
    for (const [tool, name] of Object.entries(names)) await put(name, theirs(`changed on ${tool}`));

    const scan = await findConflictCopies(meetingFile, meeting.id);
    expect(scan.unreadable).toEqual([]);
    expect(Object.fromEntries(scan.copies.map((copy) => [copy.path.slice(folder.length + 1), { tool: copy.tool, title: copy.meeting.title }]))).toEqual(
      Object.fromEntries(Object.entries(names).map(([tool, name]) => [name, { tool, title: `changed on ${tool}` }])),
    );
  });

  it('finds a copy by the meeting it holds when its name follows no known pattern', async () => {
    await put('Planning minutes - Jane laptop backup.json', theirs('renamed by hand'));
    const scan = await findConflictCopies(meetingFile, meeting.id);
    expect(scan.copies.map((copy) => ({ name: copy.path.slice(folder.length + 1), tool: copy.tool, title: copy.meeting.title }))).toEqual([
      { name: 'Planning minutes - Jane laptop backup.json', tool: undefined, title: 'renamed by hand' },
    ]);
  });

  it('ignores a file named like a copy that holds a different meeting, and other meetings’ own files', async () => {
    const other = setUp('Planning Committee Extra');
    await put('2026-11-10 planning-committee (1).json', other);
    await put('2026-11-10 planning-committee-extra.json', other); // looks like OneDrive's "-COMPUTERNAME"
    await put('2026-11-10 licensing.json', setUp('Licensing'));
    const scan = await findConflictCopies(meetingFile, meeting.id);
    expect(scan.copies).toEqual([]);
    expect(scan.unreadable).toEqual([]);
  });

  it('reports a garbage file named like a copy, and a damaged file holding this meeting, and ignores other stray files', async () => {
    await put('2026-11-10 planning-committee (1).json', '{"format": "minutebook.meeting", "id": ');
    await put('2026-11-10 planning-committee (2).json', '');
    await put('saved by Jane.json', JSON.stringify({ format: 'minutebook.meeting', version: 3, id: meeting.id, title: 42 }));
    await put('notes from the chair.json', JSON.stringify({ todo: ['book room'] }));
    await put('2026-11-10 planning-committee.json.3f9a1c2b7d4e5f60.lock', JSON.stringify({ format: 'minutebook.lease' }));
    const scan = await findConflictCopies(meetingFile, meeting.id);
    expect(scan.copies).toEqual([]);
    expect(Object.fromEntries(scan.unreadable.map((bad) => [bad.path.slice(folder.length + 1), bad.problem]))).toEqual({
      '2026-11-10 planning-committee (1).json': 'it is not valid JSON (perhaps only partly synced)',
      '2026-11-10 planning-committee (2).json': 'the file is empty',
      'saved by Jane.json': expect.stringContaining('it is not a meeting Minute Book can read'),
    });
  });

  it('reads each file once and again only after it changes, and never reads other meetings’ files', async () => {
    for (let n = 0; n < 30; n += 1) await put(`2026-11-${String((n % 28) + 1).padStart(2, '0')} committee-${n}.json`, setUp(`Committee ${n}`));
    await put('2026-11-10 planning-committee (1).json', theirs('first'));
    await put('stray.json', '{}');
    const cache = new CopyScanCache();

    const first = await findConflictCopies(meetingFile, meeting.id, cache);
    expect(first.filesRead).toBe(2);
    const again = await findConflictCopies(meetingFile, meeting.id, cache);
    expect(again.filesRead).toBe(0);
    expect(again.copies.map((copy) => copy.meeting.title)).toEqual(['first']);

    await put('2026-11-10 planning-committee (1).json', theirs('second, a longer title'));
    const afterChange = await findConflictCopies(meetingFile, meeting.id, cache);
    expect(afterChange.filesRead).toBe(1);
    expect(afterChange.copies.map((copy) => copy.meeting.title)).toEqual(['second, a longer title']);
  });

  it('says clearly when the folder cannot be read', async () => {
    await rm(folder, { recursive: true });
    await expect(findConflictCopies(meetingFile, meeting.id)).rejects.toThrow(/cannot be read: the file or its folder is not there/);
  });
});

describe('archiving a conflict copy once it is merged', () => {
  it('moves it into the meeting’s history folder under its own name with the time, unchanged', async () => {
    const name = '2026-11-10 planning-committee.sync-conflict-20261110-101500-ABCD123.json';
    const copyPath = await put(name, theirs('from Syncthing'));
    const before = await readFile(copyPath);
    const [copy] = (await findConflictCopies(meetingFile, meeting.id)).copies;

    const archived = await archiveConflictCopy(library, copyPath, meeting.id, { now: new Date('2026-11-10T10:15:00.000Z'), expectedHash: copy!.contentHash });
    expect(archived.file).toBe(`.minutebook/history/${meeting.id}/2026-11-10T10-15-00-000Z conflict copy ${name}`);
    expect(await readFile(archived.path)).toEqual(before);
    expect(await readdir(folder)).toEqual(['2026-11-10 planning-committee.json']);
    expect((await findConflictCopies(meetingFile, meeting.id)).copies).toEqual([]);
  });

  it('keeps both when two copies with the same name are archived at the same moment', async () => {
    const now = new Date('2026-11-10T10:15:00.000Z');
    const name = '2026-11-10 planning-committee (1).json';
    await archiveConflictCopy(library, await put(name, theirs('one')), meeting.id, { now });
    await archiveConflictCopy(library, await put(name, theirs('two')), meeting.id, { now });
    expect((await readdir(join(library, '.minutebook', 'history', meeting.id))).sort()).toEqual([
      `2026-11-10T10-15-00-000Z conflict copy 2 ${name}`,
      `2026-11-10T10-15-00-000Z conflict copy ${name}`,
    ]);
  });

  it('leaves a copy in place if it changed after it was merged', async () => {
    const copyPath = await put('2026-11-10 planning-committee (1).json', theirs('merged version'));
    const [copy] = (await findConflictCopies(meetingFile, meeting.id)).copies;
    await put('2026-11-10 planning-committee (1).json', theirs('changed again by the sync tool'));
    const refused = archiveConflictCopy(library, copyPath, meeting.id, { expectedHash: copy!.contentHash });
    await expect(refused).rejects.toBeInstanceOf(ClerkFacingError);
    await expect(refused).rejects.toThrow(/changed after it was merged/);
    expect(JSON.parse(await readFile(copyPath, 'utf8'))).toMatchObject({ title: 'changed again by the sync tool' });
  });

  it('never moves a file that does not hold this meeting', async () => {
    const path = await put('2026-11-10 planning-committee (1).json', setUp('Licensing'));
    const garbage = await put('2026-11-10 planning-committee (2).json', 'not json');
    await expect(archiveConflictCopy(library, path, meeting.id)).rejects.toThrow(/holds another meeting/);
    await expect(archiveConflictCopy(library, garbage, meeting.id)).rejects.toThrow(/not valid JSON/);
    expect((await readdir(folder)).sort()).toEqual([
      '2026-11-10 planning-committee (1).json',
      '2026-11-10 planning-committee (2).json',
      '2026-11-10 planning-committee.json',
    ]);
  });
});
