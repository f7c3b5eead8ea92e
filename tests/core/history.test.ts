/**
 * The history of a meeting in a real library folder: every replaced version kept compressed with
 * who saved it and why, listed newest first, thinned to one a day after 30 days (merged conflict
 * copies and deleted meetings never touched), read back checked, and found by revision for a merge.
 * The clock is passed in, so no test waits for time to pass.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMeeting, type Meeting } from '../../main/domain/meeting';
import { archiveConflictCopy } from '../../main/core/sync/conflictCopies';
import { ClerkFacingError } from '../../main/core/clerkFacingError';
import {
  DEFAULT_HISTORY_POLICY,
  findVersionByRevision,
  keepVersion,
  keepVersionBytes,
  listVersions,
  pruneHistory,
  readVersion,
  type HistoryPolicy,
} from '../../main/core/history/history';
import { historyFolder, prepareLibrary } from '../../main/core/library';
import { serializeLibraryFile } from '../../main/core/meetingFile';

let root: string;
let library: string;
let meeting: Meeting;
let folder: string;

/** The meeting file as a computer saved it, with the sync stamp helper H's sessions write. */
function saved(title: string, sync?: { revision: string; savedBy?: string; savedAt?: string }): Buffer {
  const data = sync ? { ...meeting, title, sync: { lineage: [sync.revision], ...sync } } : { ...meeting, title };
  return Buffer.from(JSON.stringify(data, null, '\t') + '\n', 'utf8');
}

const at = (iso: string) => new Date(iso);
/** Never thins: for setting up a history by hand. */
const KEEP_EVERYTHING: HistoryPolicy = { ...DEFAULT_HISTORY_POLICY, keepAllDays: 100_000 };

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'mb-history-'));
  library = join(root, 'library');
  await prepareLibrary(library);
  meeting = createMeeting(
    { committee: 'Planning Committee', title: 'Ordinary meeting', date: '2026-11-10', startTime: '10:00', venue: 'Guildhall' },
    at('2026-11-01T09:00:00Z'),
  );
  folder = historyFolder(library, meeting.id);
});

afterEach(() => rm(root, { recursive: true, force: true }));

describe('keeping and listing versions', () => {
  it('lists each kept version with when it was saved, by whom and why, newest first', async () => {
    const first = saved('Draft one', { revision: 'rev-0001', savedBy: 'Jane Smith on LAPTOP-12', savedAt: '2026-11-10T10:02:00.000Z' });
    const second = saved('Draft two');
    await keepVersionBytes(library, meeting.id, first, { now: at('2026-11-10T10:30:00Z') });
    await keepVersionBytes(library, meeting.id, second, {
      now: at('2026-11-10T11:00:00Z'),
      savedBy: 'Tom Jones on DESKTOP-3',
      note: 'before a merge with Jane Smith’s changes',
    });

    const versions = await listVersions(library, meeting.id);
    expect(versions).toEqual([
      {
        versionId: expect.any(String),
        savedAt: '2026-11-10T11:00:00.000Z',
        savedBy: 'Tom Jones on DESKTOP-3',
        note: 'before a merge with Jane Smith’s changes',
        sizeBytes: second.length,
      },
      { versionId: expect.any(String), savedAt: '2026-11-10T10:02:00.000Z', savedBy: 'Jane Smith on LAPTOP-12', sizeBytes: first.length },
    ]);
    expect((await readVersion(library, meeting.id, versions[0]!.versionId)).title).toBe('Draft two');
    expect((await readVersion(library, meeting.id, versions[1]!.versionId)).title).toBe('Draft one');
  });

  it('keeps each version as an ordinary compressed copy of the file, named by the time it was replaced', async () => {
    const bytes = saved('Draft one', { revision: 'rev-0001', savedBy: 'Zoë Ó Súilleabháin on LAPTOP-12' });
    const { versionId, kept } = await keepVersionBytes(library, meeting.id, bytes, { now: at('2026-11-10T10:30:00.123Z') });
    expect(kept).toBe(true);
    expect(versionId).toMatch(/^2026-11-10T10-30-00-123Z [0-9a-f]{8}\.json\.gz$/);
    expect(gunzipSync(await readFile(join(folder, versionId)))).toEqual(bytes);
    expect((await listVersions(library, meeting.id))[0]!.savedBy).toBe('Zoë Ó Súilleabháin on LAPTOP-12');
    expect(await readdir(folder)).toEqual([versionId]);
  });

  it('lists who saved a version and why from the start of its file, without unpacking the rest', async () => {
    const bytes = saved('Draft one', { revision: 'rev-0001', savedBy: 'Jane Smith on LAPTOP-12', savedAt: '2026-11-10T10:02:00.000Z' });
    const { versionId } = await keepVersionBytes(library, meeting.id, bytes, { now: at('2026-11-10T10:30:00Z'), note: 'before a merge' });
    const path = join(folder, versionId);
    const whole = await readFile(path);
    await writeFile(path, whole.subarray(0, whole.length - 40)); // the end never arrived (a sync tool mid-copy)
    expect(await listVersions(library, meeting.id)).toEqual([
      { versionId, savedAt: '2026-11-10T10:02:00.000Z', savedBy: 'Jane Smith on LAPTOP-12', note: 'before a merge', sizeBytes: bytes.length },
    ]);
    await expect(readVersion(library, meeting.id, versionId)).rejects.toThrow(/cannot be opened: it is damaged/);
  });

  it('does not keep the same contents twice in a row', async () => {
    const one = saved('Draft one');
    const two = saved('Draft two');
    const firstKeep = await keepVersionBytes(library, meeting.id, one, { now: at('2026-11-10T10:00:00Z') });
    const again = await keepVersionBytes(library, meeting.id, one, { now: at('2026-11-10T10:05:00Z') });
    expect(again).toEqual({ versionId: firstKeep.versionId, kept: false });
    await keepVersionBytes(library, meeting.id, two, { now: at('2026-11-10T10:10:00Z') });
    await keepVersionBytes(library, meeting.id, one, { now: at('2026-11-10T10:15:00Z') });
    const titles = [];
    for (const version of await listVersions(library, meeting.id)) titles.push((await readVersion(library, meeting.id, version.versionId)).title);
    expect(titles).toEqual(['Draft one', 'Draft two', 'Draft one']);
  });

  it('keeps both of two versions kept in the same millisecond, one after the other or at once', async () => {
    const now = at('2026-11-10T10:00:00.000Z');
    await keepVersionBytes(library, meeting.id, saved('From this computer'), { now });
    await keepVersionBytes(library, meeting.id, saved('From this computer, later'), { now });
    await Promise.all([
      keepVersionBytes(library, meeting.id, saved('From LAPTOP-12'), { now }),
      keepVersionBytes(library, meeting.id, saved('From DESKTOP-3'), { now }),
    ]);
    const names = (await readdir(folder)).filter((name) => name.endsWith('.json.gz'));
    expect(names).toHaveLength(4);
    expect(names.every((name) => name.startsWith('2026-11-10T10-00-00-000Z '))).toBe(true);
    const titles = await Promise.all(names.map(async (name) => (await readVersion(library, meeting.id, name)).title));
    expect(titles.sort()).toEqual(['From DESKTOP-3', 'From LAPTOP-12', 'From this computer', 'From this computer, later']);
  });

  it('keeps the file on disk through keepVersion, and nothing for a meeting not yet written', async () => {
    const file = join(library, 'meetings', 'current.json');
    expect(await keepVersion(library, meeting.id, file, at('2026-11-10T10:00:00Z'), DEFAULT_HISTORY_POLICY)).toBe(false);
    await writeFile(file, serializeLibraryFile(meeting));
    expect(
      await keepVersion(library, meeting.id, file, at('2026-11-10T10:00:00Z'), DEFAULT_HISTORY_POLICY, { note: 'before restoring an earlier version' }),
    ).toBe(true);
    const [version] = await listVersions(library, meeting.id);
    expect(version).toMatchObject({ note: 'before restoring an earlier version', sizeBytes: serializeLibraryFile(meeting).length });
    expect(await readVersion(library, meeting.id, version!.versionId)).toEqual(meeting);
  });

  it('lists merged conflict copies saying which sync tool made them, and the meeting as it was when deleted', async () => {
    const meetings = join(library, 'meetings', '2026');
    await mkdir(meetings, { recursive: true });
    const copies = {
      '2026-11-10 planning-committee.sync-conflict-20261110-101500-ABCD123.json': 'conflict copy from Syncthing',
      "2026-11-10 planning-committee (Jane Smith's conflicted copy 2026-11-10).json": 'conflict copy from Dropbox',
      '2026-11-10 planning-committee-LAPTOP-12.json': 'conflict copy from OneDrive',
      'planning backup.json': 'conflict copy “planning backup.json”',
    };
    let minute = 10;
    for (const name of Object.keys(copies)) {
      await writeFile(join(meetings, name), saved(`Copy ${name}`, { revision: `copy-rev-${minute}`, savedBy: 'Sam Patel on LAPTOP-7' }));
      await archiveConflictCopy(library, join(meetings, name), meeting.id, { now: at(`2026-11-10T10:${minute}:00Z`) });
      minute += 1;
    }
    await writeFile(join(folder, '2026-11-10T11-00-00-000Z deleted.json'), serializeLibraryFile(meeting));

    const versions = await listVersions(library, meeting.id);
    expect(versions.map((version) => version.note)).toEqual(['as it was when the meeting was deleted', ...Object.values(copies).reverse()]);
    expect(versions[1]).toMatchObject({ savedBy: 'Sam Patel on LAPTOP-7', savedAt: '2026-11-10T10:13:00.000Z' });
    expect((await readVersion(library, meeting.id, versions[1]!.versionId)).title).toBe('Copy planning backup.json');
    expect((await readVersion(library, meeting.id, versions[0]!.versionId)).title).toBe(meeting.title);
  });

  it('lists damaged versions with a note, leaves out stray files, and never fails over them', async () => {
    await keepVersionBytes(library, meeting.id, saved('Good version'), { now: at('2026-11-10T09:00:00Z') });
    await writeFile(join(folder, '2026-11-10T10-00-00-000Z 0badc0de.json.gz'), 'not compressed at all');
    await writeFile(join(folder, '2026-11-10T10-01-00-000Z 0badc0df.json.gz'), gzipSync('{"format": "minutebook.meeting", "half'));
    await writeFile(join(folder, '2026-11-10T10-02-00-000Z conflict copy planning (1).json'), '');
    await mkdir(join(folder, '2026-11-10T10-03-00-000Z 0badc0e0.json.gz'));
    await writeFile(join(folder, 'notes.txt'), 'a clerk’s note');
    await writeFile(join(folder, '.~mb-2026-11-10T10-04-00-000Z 12345678.json.gz.99.abcd.tmp'), 'half written');

    const versions = await listVersions(library, meeting.id);
    expect(versions.map((version) => version.note)).toEqual([
      'conflict copy “planning (1).json”; cannot be read: it is not valid JSON (perhaps only partly synced)',
      'cannot be read: it is not valid JSON (perhaps only partly synced)',
      'cannot be read: it is damaged (not a complete compressed file)',
      undefined,
    ]);
    await expect(readVersion(library, meeting.id, versions[2]!.versionId)).rejects.toThrow(/cannot be opened: it is damaged/);
    await expect(readVersion(library, meeting.id, versions[0]!.versionId)).rejects.toBeInstanceOf(ClerkFacingError);
  });

  it('lists nothing for a meeting with no history yet', async () => {
    expect(await listVersions(library, meeting.id)).toEqual([]);
    expect(await findVersionByRevision(library, meeting.id, 'rev-0001')).toBeUndefined();
  });
});

describe('thinning the history', () => {
  const HOURS = ['08', '12', '16'];
  /** 35 days of versions, three a day, the last day being 30 December. */
  async function thirtyFiveDays(): Promise<string[]> {
    const names: string[] = [];
    for (let day = 0; day < 35; day += 1) {
      const date = new Date(Date.UTC(2026, 10, 26 + day)).toISOString().slice(0, 10);
      for (const hour of HOURS) {
        const kept = await keepVersionBytes(library, meeting.id, saved(`${date} ${hour}:00`), { now: at(`${date}T${hour}:00:00Z`) }, KEEP_EVERYTHING);
        names.push(kept.versionId);
      }
    }
    return names;
  }

  async function keptTitles(): Promise<string[]> {
    const titles: string[] = [];
    for (const version of await listVersions(library, meeting.id)) {
      if (version.versionId.endsWith('.json.gz')) titles.push((await readVersion(library, meeting.id, version.versionId)).title);
    }
    return titles.reverse();
  }

  function expectedTitles(firstDayKeptWhole: string): string[] {
    const titles: string[] = [];
    for (let day = 0; day < 35; day += 1) {
      const date = new Date(Date.UTC(2026, 10, 26 + day)).toISOString().slice(0, 10);
      for (const hour of date >= firstDayKeptWhole ? HOURS : ['16']) titles.push(`${date} ${hour}:00`);
    }
    return titles;
  }

  it('keeps every version of the last 30 days and the last of each day before, leaving conflict copies and deleted meetings alone', async () => {
    await thirtyFiveDays();
    const untouchable = [
      '2026-11-01T08-00-00-000Z conflict copy 2026-11-10 planning-committee (1).json',
      '2026-11-01T09-00-00-000Z conflict copy 2 2026-11-10 planning-committee (1).json',
      '2026-11-02T08-00-00-000Z deleted.json',
      'notes.txt',
    ];
    for (const name of untouchable) await writeFile(join(folder, name), serializeLibraryFile(meeting));

    const removed = await pruneHistory(library, meeting.id, DEFAULT_HISTORY_POLICY, at('2026-12-31T00:00:00Z'));
    expect(removed).toHaveLength(10);
    expect(await keptTitles()).toEqual(expectedTitles('2026-12-01'));
    expect(await readdir(folder)).toEqual(expect.arrayContaining(untouchable));
  });

  it('thins after each version kept, by the number of days the library is set to keep everything', async () => {
    await thirtyFiveDays();
    await keepVersionBytes(library, meeting.id, saved('Newest'), { now: at('2026-12-31T00:00:00Z') }, { ...DEFAULT_HISTORY_POLICY, keepAllDays: 7 });
    expect(await keptTitles()).toEqual([...expectedTitles('2026-12-24'), 'Newest']);
  });

  it('keeps no more than a set number of versions when the library asks for a bound', async () => {
    await thirtyFiveDays();
    await pruneHistory(library, meeting.id, { ...DEFAULT_HISTORY_POLICY, maxVersions: 4 }, at('2026-12-31T00:00:00Z'));
    expect(await keptTitles()).toEqual(['2026-12-29 16:00', '2026-12-30 08:00', '2026-12-30 12:00', '2026-12-30 16:00']);
  });
});

describe('reading an earlier version', () => {
  it('brings a version in an older format up to date and checks it', async () => {
    const older = await readFile(join(__dirname, 'fixtures', 'whole-meeting.json'));
    const fixtureId = (JSON.parse(older.toString('utf8')) as { id: string }).id;
    const { versionId } = await keepVersionBytes(library, fixtureId, older, { now: at('2026-11-10T10:00:00Z') });
    const read = await readVersion(library, fixtureId, versionId);
    expect(read).toMatchObject({ id: fixtureId, committee: 'Children’s Services Scrutiny Panel' });
    expect(read.version).toBeGreaterThan(3);
  });

  it('refuses names that reach outside the meeting’s history folder or are not versions', async () => {
    await keepVersionBytes(library, meeting.id, saved('Draft'), { now: at('2026-11-10T10:00:00Z') });
    await writeFile(join(library, 'library-secret.json'), serializeLibraryFile(meeting));
    for (const versionId of ['../x', '..\\x', '../../../library-secret.json', 'a/b.json.gz', 'C:\\x.json.gz', '..', '', 'notes.txt']) {
      await expect(readVersion(library, meeting.id, versionId)).rejects.toThrow(ClerkFacingError);
    }
    await expect(readVersion(library, meeting.id, '../x')).rejects.toThrow(/with no folder in it/);
    await expect(readVersion(library, meeting.id, '2026-11-09T10-00-00-000Z 12345678.json.gz')).rejects.toThrow(/no longer in this meeting's history/);
  });

  it('refuses a version holding another meeting, or something that is not a meeting', async () => {
    const other = createMeeting({ committee: 'Licensing', title: '', date: '2026-11-11', startTime: '10:00', venue: 'Guildhall' }, at('2026-11-01T09:00:00Z'));
    const { versionId } = await keepVersionBytes(library, meeting.id, serializeLibraryFile(other), { now: at('2026-11-10T10:00:00Z') });
    await expect(readVersion(library, meeting.id, versionId)).rejects.toThrow(/holds a different meeting/);
    const notAMeeting = await keepVersionBytes(library, meeting.id, Buffer.from('{"format": "something.else"}'), { now: at('2026-11-10T10:01:00Z') });
    await expect(readVersion(library, meeting.id, notAMeeting.versionId)).rejects.toThrow(/cannot be opened: this is not a Minute Book meeting file/);
  });
});

describe('finding the version a computer last saw, by its revision', () => {
  it('finds kept versions, older versions without a description and merged conflict copies', async () => {
    await keepVersionBytes(library, meeting.id, saved('Revision one', { revision: 'rev-0001' }), { now: at('2026-11-10T10:00:00Z') });
    await keepVersionBytes(library, meeting.id, saved('Revision two', { revision: 'rev-0002' }), { now: at('2026-11-10T10:05:00Z') });
    await keepVersionBytes(library, meeting.id, saved('Revision three'), { now: at('2026-11-10T10:10:00Z'), revision: 'rev-0003' });
    // As the app kept versions before they carried a description, and a copy a sync tool left.
    await writeFile(join(folder, '2026-11-09T10-00-00-000Z.json.gz'), gzipSync(saved('Revision zero', { revision: 'rev-0000' })));
    await writeFile(
      join(folder, '2026-11-10T10-20-00-000Z conflict copy 2026-11-10 planning-committee (1).json'),
      saved('Their revision', { revision: 'their-rev-0001' }),
    );
    await writeFile(join(folder, '2026-11-10T10-30-00-000Z 0badc0de.json.gz'), 'damaged');

    expect((await findVersionByRevision(library, meeting.id, 'rev-0002'))?.title).toBe('Revision two');
    expect((await findVersionByRevision(library, meeting.id, 'rev-0003'))?.title).toBe('Revision three');
    expect((await findVersionByRevision(library, meeting.id, 'rev-0000'))?.title).toBe('Revision zero');
    expect((await findVersionByRevision(library, meeting.id, 'their-rev-0001'))?.title).toBe('Their revision');
    expect(await findVersionByRevision(library, meeting.id, 'never-saved')).toBeUndefined();
  });
});
