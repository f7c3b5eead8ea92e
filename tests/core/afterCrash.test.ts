/**
 * What a crash of this computer leaves behind must not get in the clerk's way: their own dead
 * session is not shown as someone editing, the leftovers in the shared library are cleared (only
 * what is provably dead), and a meeting kept only in the journal is listed after the restart.
 * The crash is a real process killed with SIGKILL.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLease } from '../../main/core/sync/lease';
import { startClerkProcess, type KilledClerk } from '../support/killedClerk';
import { makeTempLibrary, type TempLibrary } from '../support/tempLibrary';

let temp: TempLibrary;
let clerk: KilledClerk | undefined;
const unlock: string[] = [];
beforeEach(async () => {
  temp = await makeTempLibrary();
});
afterEach(async () => {
  await clerk?.kill();
  clerk = undefined;
  for (const folder of unlock.splice(0)) setWritable(folder, true);
  await temp.remove();
});

const YEAR = join('meetings', '2026');
const FILE_NAME = '2026-11-10 children-s-services-scrutiny-panel.json';

/** A folder nobody can write into, not even root (chattr +i on ext4); plain permissions for anyone else. */
function setWritable(folder: string, writable: boolean): void {
  if (process.getuid?.() === 0) execFileSync('chattr', [writable ? '-i' : '+i', folder]);
  else execFileSync('chmod', [writable ? '755' : '555', folder]);
}

async function crashWithMeetingOpen(): Promise<{ meetingId: string; pid: number }> {
  clerk = startClerkProcess(temp.library, temp.data, join(temp.root, 'clerk.log'));
  const meetingId = (await clerk.waitForLine('ready ')).split(' ')[1]!;
  const pid = clerk.pid;
  await clerk.kill();
  return { meetingId, pid };
}

const leasesIn = async (folder: string) => (await readdir(folder)).filter((name) => name.endsWith('.lock'));

describe('after this computer crashed', () => {
  it('does not show the clerk’s own dead session as someone editing, and takes it over silently', async () => {
    const { meetingId } = await crashWithMeetingOpen();
    const folder = join(temp.library, YEAR);
    expect(await leasesIn(folder)).toHaveLength(1); // left by the crash

    const core = temp.startCore(); // same computer (hostname), same clerk
    expect((await core.handlers['meetings.presence']({ meetingId })).presence).toEqual([]);
    const opened = await core.handlers['meetings.open']({ meetingId });
    expect(opened.presence).toEqual([]);
    expect(opened.notices).toEqual([]);
    expect(await leasesIn(folder)).toHaveLength(1); // only this session's own
    await core.handlers['meetings.close']({ meetingId });
    expect(await leasesIn(folder)).toEqual([]);
  });

  it('still shows a colleague’s live session, and one of this clerk’s still running', async () => {
    const { meetingId } = await crashWithMeetingOpen();
    const meetingFile = join(temp.library, YEAR, FILE_NAME);
    const colleague = await acquireLease(meetingFile, { meetingId, displayName: 'Jane Clerk', computerName: 'LAPTOP-99', mode: 'edit' });
    const stillRunning = await acquireLease(meetingFile, { meetingId, displayName: 'Jane Clerk', computerName: hostname(), mode: 'edit' });
    try {
      const core = temp.startCore();
      const presence = (await core.handlers['meetings.presence']({ meetingId })).presence;
      expect(presence.map((each) => each.sessionId).sort()).toEqual([colleague.sessionId, stillRunning.sessionId].sort());
    } finally {
      await colleague.release();
      await stillRunning.release();
    }
  });

  it('clears the leases, write locks and old temporary files its crash left in the library, and nothing of anyone else’s', async () => {
    const { pid } = await crashWithMeetingOpen();
    const folder = join(temp.library, YEAR);
    const crashLock = join(folder, `.~mb-${FILE_NAME}.writing`);
    await writeFile(crashLock, `${pid} Jane Clerk on ${hostname()}\n`);
    const oldTemp = join(folder, `.~mb-${FILE_NAME}.${pid}.0a1b2c3d.tmp`);
    await writeFile(oldTemp, '{"format":"minutebook.meeting", "half a');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60_000);
    await utimes(oldTemp, twoHoursAgo, twoHoursAgo);
    const oldLibraryTemp = join(temp.library, `.~mb-library.json.${pid}.0a1b2c3e.tmp`);
    await writeFile(oldLibraryTemp, '{');
    await utimes(oldLibraryTemp, twoHoursAgo, twoHoursAgo);
    // A colleague writing this very moment on another computer: their temporary file and lock stay.
    const colleaguesTemp = join(folder, `.~mb-${FILE_NAME}.4242.99aa88bb.tmp`);
    await writeFile(colleaguesTemp, '{"format":"minutebook.meeting"');
    const colleaguesLock = join(folder, `.~mb-2026-11-12 planning.json.writing`);
    await writeFile(colleaguesLock, `${pid} Sam Patel on DESKTOP-7\n`);

    const core = temp.startCore();
    await core.flushAll(); // start-up recovery done
    const left = await readdir(folder);
    expect(left.filter((name) => name.endsWith('.lock'))).toEqual([]);
    expect(left).not.toContain(`.~mb-${FILE_NAME}.writing`);
    expect(left).not.toContain(`.~mb-${FILE_NAME}.${pid}.0a1b2c3d.tmp`);
    expect(await readdir(temp.library)).not.toContain(`.~mb-library.json.${pid}.0a1b2c3e.tmp`);
    expect(left).toContain(`.~mb-${FILE_NAME}.4242.99aa88bb.tmp`);
    expect(left).toContain('.~mb-2026-11-12 planning.json.writing');
    expect(left).toContain(FILE_NAME);
  });

  it('lists a meeting that was kept only in the journal when it crashed', async () => {
    const folder = join(temp.library, YEAR);
    await mkdir(folder, { recursive: true });
    setWritable(folder, false);
    unlock.push(folder);
    clerk = startClerkProcess(temp.library, temp.data, join(temp.root, 'clerk.log'));
    const [, meetingId, state] = (await clerk.waitForLine('ready ')).split(' ');
    expect(state).toBe('unsaved'); // set up, but the library could not take it
    await clerk.kill();
    setWritable(folder, true);
    unlock.length = 0;
    await expect(stat(join(folder, FILE_NAME))).rejects.toThrow();

    const core = temp.startCore();
    const listing = await core.handlers['meetings.list']({});
    expect(listing.meetings.map((each) => each.id)).toEqual([meetingId]);
  });
});
