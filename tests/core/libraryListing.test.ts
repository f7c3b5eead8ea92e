/**
 * The meetings and committees lists stand up to whatever else is in the library folder: every
 * readable file is listed, each unreadable entry is named with its problem, and special files
 * (pipes, links) are never opened. Real files, real symlinks, real FIFOs (mkfifo).
 *
 * The tests run as root, where chmod 000 does not stop a read, so an unreadable folder is made
 * the ways root cannot read either: a folder replaced by a dangling symbolic link, a symbolic
 * link that points at itself (ELOOP), and a file standing where a folder is expected.
 */
import { execFileSync } from 'node:child_process';
import { constants } from 'node:fs';
import { mkdir, open, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareLibrary } from '../../main/core/library';
import { createCommittee } from '../../main/domain/committee';
import { createMeeting } from '../../main/domain/meeting';
import { makeTempLibrary, sampleDetails, type TempLibrary } from '../support/tempLibrary';

let temp: TempLibrary;
const fifos: string[] = [];
beforeEach(async () => {
  temp = await makeTempLibrary();
  await prepareLibrary(temp.library);
});
afterEach(async () => {
  // A reader stuck on a FIFO (the bug this guards against) is let go, so the test run can end.
  for (const fifo of fifos.splice(0)) {
    await open(fifo, constants.O_WRONLY | constants.O_NONBLOCK).then(
      (handle) => handle.close(),
      () => undefined,
    );
  }
  await temp.remove();
});

function mkfifo(path: string): void {
  execFileSync('mkfifo', [path]);
  fifos.push(path);
}

async function writeMeeting(year: string, name: string, title: string): Promise<string> {
  const meeting = { ...createMeeting({ ...sampleDetails, date: `${year}-11-10` }, new Date('2026-11-10T09:00:00Z')), title };
  await mkdir(join(temp.library, 'meetings', year), { recursive: true });
  await writeFile(join(temp.library, 'meetings', year, name), JSON.stringify(meeting));
  return meeting.id;
}

describe('the meetings list', () => {
  it('lists every readable meeting and names a dangling link, a FIFO, a year folder that is a dangling link or a loop', async () => {
    await writeMeeting('2026', '2026-11-10 a.json', 'Readable one');
    await writeMeeting('2024', '2024-11-10 b.json', 'Readable two');
    const year = join(temp.library, 'meetings', '2026');
    await symlink(join(temp.root, 'nowhere.json'), join(year, '2026-11-11 dangling.json'));
    mkfifo(join(year, '2026-11-12 pipe.json'));
    await symlink(join(temp.root, 'no-such-folder'), join(temp.library, 'meetings', '2025'));
    await symlink(join(temp.library, 'meetings', '2023'), join(temp.library, 'meetings', '2023'));

    const listing = await temp.startCore().handlers['meetings.list']({});
    expect(listing.meetings.map((meeting) => meeting.title).sort()).toEqual(['Readable one', 'Readable two']);
    expect(listing.unreadable.map((entry) => entry.file).sort()).toEqual([
      'meetings/2023',
      'meetings/2025',
      'meetings/2026/2026-11-11 dangling.json',
      'meetings/2026/2026-11-12 pipe.json',
    ]);
    const problems = Object.fromEntries(listing.unreadable.map((entry) => [entry.file, entry.problem]));
    expect(problems['meetings/2026/2026-11-11 dangling.json']).toMatch(/symbolic link/);
    expect(problems['meetings/2026/2026-11-12 pipe.json']).toMatch(/not an ordinary file/);
    expect(problems['meetings/2025']).toMatch(/symbolic link/);
    expect(problems['meetings/2023']).toMatch(/symbolic link/);
  });

  it('passes over a file standing where a year folder is expected, and lists the rest', async () => {
    await writeMeeting('2026', '2026-11-10 a.json', 'Readable one');
    await writeFile(join(temp.library, 'meetings', '2025'), 'not a folder');
    const listing = await temp.startCore().handlers['meetings.list']({});
    expect(listing.meetings.map((meeting) => meeting.title)).toEqual(['Readable one']);
    expect(listing.unreadable).toEqual([]);
  });

  it('names a year folder whose contents cannot be listed, and lists the rest', async () => {
    await writeMeeting('2026', '2026-11-10 a.json', 'Readable one');
    // A FIFO where a year folder is expected: readdir gives ENOTDIR, as for a folder gone half way.
    mkfifo(join(temp.library, 'meetings', '2025'));
    const listing = await temp.startCore().handlers['meetings.list']({});
    expect(listing.meetings.map((meeting) => meeting.title)).toEqual(['Readable one']);
    expect(listing.unreadable).toEqual([{ file: 'meetings/2025', problem: expect.stringMatching(/not an ordinary folder/) }]);
  });
});

describe('who else has a meeting open', () => {
  it('is read past a FIFO named like a lease beside the meeting file, without hanging', async () => {
    const meetingId = await writeMeeting('2026', '2026-11-10 a.json', 'Readable one');
    mkfifo(join(temp.library, 'meetings', '2026', '2026-11-10 a.json.abcd1234.lock'));
    const core = temp.startCore();
    await core.handlers['meetings.list']({});
    expect(await core.handlers['meetings.presence']({ meetingId })).toEqual({ presence: [] });
  });
});

describe('the committees list', () => {
  it('lists every readable committee and names a dangling link and a FIFO', async () => {
    const folder = join(temp.library, 'committees');
    await mkdir(folder);
    const planning = createCommittee('Planning');
    await writeFile(join(folder, 'planning.json'), JSON.stringify(planning));
    await symlink(join(temp.root, 'nowhere.json'), join(folder, 'dangling.json'));
    mkfifo(join(folder, 'pipe.json'));
    const listing = await temp.startCore().handlers['committees.list']({});
    expect(listing.committees.map((committee) => committee.slug)).toEqual(['planning']);
    expect(listing.unreadable).toEqual([
      { file: 'committees/dangling.json', problem: expect.stringMatching(/symbolic link/) },
      { file: 'committees/pipe.json', problem: expect.stringMatching(/not an ordinary file/) },
    ]);
  });
});
