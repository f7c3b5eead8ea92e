/**
 * Presence on a shared meeting: a lease beside the meeting file says who has it open, on which
 * computer and since when; several clerks can hold it at once; a lease nobody renews for three
 * minutes is stale and can be taken over with a note for the history. Real files in temp folders.
 */
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMeeting } from '../../main/domain/meeting';
import { ClerkFacingError } from '../../main/core/clerkFacingError';
import {
  acquireLease,
  describePresence,
  readLeases,
  takeOverStaleLeases,
  type AcquireLeaseOptions,
  type Lease,
  type LeaseClock,
} from '../../main/core/sync/lease';
import { prepareLibrary, scanLibrary } from '../../main/core/library';
import { serializeLibraryFile } from '../../main/core/meetingFile';

/** 10 November 2026, in this computer's time zone, at the given clock time. */
function at(hours: number, minutes: number, seconds = 0): Date {
  return new Date(2026, 10, 10, hours, minutes, seconds);
}

/** A clock the test moves by hand, and a heartbeat timer the test fires by hand. */
class TestClock implements LeaseClock {
  time = at(10, 2);
  ticks: Array<{ callback: () => void; ms: number; cleared: boolean }> = [];
  now = () => new Date(this.time);
  setInterval = (callback: () => void, ms: number) => {
    const tick = { callback, ms, cleared: false };
    this.ticks.push(tick);
    return tick;
  };
  clearInterval = (timer: unknown) => {
    (timer as { cleared: boolean }).cleared = true;
  };
}

let root: string;
let library: string;
let meetingFile: string;
const meeting = createMeeting({ committee: 'Planning Committee', title: '', date: '2026-11-10', startTime: '10:00', venue: 'Guildhall' }, at(9, 0));
const leases: Lease[] = [];

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'mb-lease-'));
  library = join(root, 'library');
  await prepareLibrary(library);
  await mkdir(join(library, 'meetings', '2026'), { recursive: true });
  meetingFile = join(library, 'meetings', '2026', '2026-11-10 planning-committee.json');
  await writeFile(meetingFile, serializeLibraryFile(meeting));
});

afterEach(async () => {
  await Promise.all(leases.splice(0).map((lease) => lease.release().catch(() => undefined)));
  await rm(root, { recursive: true, force: true });
});

async function open(who: Partial<AcquireLeaseOptions> & { clock: LeaseClock }): Promise<Lease> {
  const lease = await acquireLease(meetingFile, { meetingId: meeting.id, displayName: 'Jane Smith', computerName: 'LAPTOP-12', mode: 'edit', ...who });
  leases.push(lease);
  return lease;
}

describe('presence on a meeting', () => {
  it('writes a lease beside the meeting saying who edits it, on which computer, since when', async () => {
    const clock = new TestClock();
    const lease = await open({ clock });
    expect(lease.path).toBe(`${meetingFile}.${lease.sessionId}.lock`);
    expect(JSON.parse(await readFile(lease.path, 'utf8'))).toEqual({
      format: 'minutebook.lease',
      version: 1,
      meetingId: meeting.id,
      sessionId: lease.sessionId,
      displayName: 'Jane Smith',
      computerName: 'LAPTOP-12',
      mode: 'edit',
      since: at(10, 2).toISOString(),
      heartbeat: at(10, 2).toISOString(),
      pid: process.pid,
    });

    const { others } = await readLeases(meetingFile, at(10, 5));
    expect(others).toHaveLength(1);
    expect(describePresence(others[0]!)).toBe('Being edited by Jane Smith on LAPTOP-12 since 10:02');
  });

  it('lets two clerks edit at once without overwriting each other’s presence; each sees only the other', async () => {
    const clock = new TestClock();
    const jane = await open({ clock });
    clock.time = at(10, 20);
    const sam = await open({ clock, displayName: 'Sam Patel', computerName: 'DESKTOP-7', mode: 'read-only' });
    await jane.heartbeat();
    await sam.heartbeat();

    const seenByJane = await readLeases(meetingFile, at(10, 21), { ownSessionId: jane.sessionId, meetingId: meeting.id });
    const seenBySam = await readLeases(meetingFile, at(10, 21), { ownSessionId: sam.sessionId, meetingId: meeting.id });
    expect(seenByJane.others.map(describePresence)).toEqual(['Open read-only by Sam Patel on DESKTOP-7 since 10:20']);
    expect(seenBySam.others.map(describePresence)).toEqual(['Being edited by Jane Smith on LAPTOP-12 since 10:02']);

    await sam.setMode('edit');
    const afterEditAsWell = await readLeases(meetingFile, at(10, 22), { ownSessionId: jane.sessionId });
    expect(afterEditAsWell.others.map(describePresence)).toEqual(['Being edited by Sam Patel on DESKTOP-7 since 10:20']);
  });

  it('renews the lease every 30 seconds', async () => {
    const clock = new TestClock();
    const lease = await open({ clock });
    expect(clock.ticks.map((tick) => tick.ms)).toEqual([30_000]);
    clock.time = at(10, 2, 30);
    clock.ticks[0]!.callback();
    await lease.heartbeat(); // waits for the renewal the timer started
    const onDisk = JSON.parse(await readFile(lease.path, 'utf8'));
    expect(onDisk).toMatchObject({ since: at(10, 2).toISOString(), heartbeat: at(10, 2, 30).toISOString() });
  });

  it('counts a lease as stale after three minutes without a heartbeat, and says when it was last heard from', async () => {
    const clock = new TestClock();
    await open({ clock });
    expect((await readLeases(meetingFile, at(10, 5))).others[0]).toMatchObject({ stale: false });
    const later = await readLeases(meetingFile, at(10, 5, 1));
    expect(later.others[0]).toMatchObject({ stale: true });
    expect(describePresence(later.others[0]!)).toBe('Was being edited by Jane Smith on LAPTOP-12 (not heard from since 10:02)');
    // The threshold can be set by the caller.
    expect((await readLeases(meetingFile, at(10, 3), { staleAfterMs: 30_000 })).others[0]).toMatchObject({ stale: true });
  });

  it('takes over only other clerks’ stale sessions and words the note for the history', async () => {
    const clock = new TestClock();
    clock.time = at(10, 2);
    const jane = await open({ clock });
    clock.time = at(10, 14);
    await jane.heartbeat(); // Jane's laptop goes to sleep after this
    const janeLease = jane.path;
    leases.splice(leases.indexOf(jane), 1); // she never releases it
    const sam = await open({ clock, displayName: 'Sam Patel', computerName: 'DESKTOP-7' });
    clock.time = at(10, 30);
    await sam.heartbeat();
    const ours = await open({ clock, displayName: 'Alex Moore', computerName: 'CLERKS-PC' });

    const taken = await takeOverStaleLeases(meetingFile, { now: at(10, 30), ownSessionId: ours.sessionId, meetingId: meeting.id });
    expect(taken.map((session) => session.note)).toEqual(['Took over Jane Smith’s stale editing session (LAPTOP-12, last seen 10:14)']);
    expect(taken[0]).toMatchObject({ displayName: 'Jane Smith', computerName: 'LAPTOP-12', mode: 'edit', lastSeen: at(10, 14).toISOString() });
    await expect(readFile(janeLease)).rejects.toMatchObject({ code: 'ENOENT' });
    const left = await readLeases(meetingFile, at(10, 30), { ownSessionId: ours.sessionId });
    expect(left.others.map((other) => other.displayName)).toEqual(['Sam Patel']);
    // Nothing is left behind by the take-over itself.
    expect((await readdir(join(library, 'meetings', '2026'))).filter((name) => name.includes('.taken'))).toEqual([]);
  });

  it('reports a stale session taken over by two computers at the same moment only once', async () => {
    const clock = new TestClock();
    const jane = await open({ clock });
    leases.splice(leases.indexOf(jane), 1);
    const [first, second] = await Promise.all([takeOverStaleLeases(meetingFile, { now: at(11, 0) }), takeOverStaleLeases(meetingFile, { now: at(11, 0) })]);
    expect([...first, ...second].map((session) => session.displayName)).toEqual(['Jane Smith']);
  });

  it('writes its lease again when another computer took it over while this one slept, and says so', async () => {
    const clock = new TestClock();
    const lease = await open({ clock });
    await takeOverStaleLeases(meetingFile, { now: at(11, 0) });
    clock.time = at(11, 0, 30);
    expect(await lease.heartbeat()).toEqual({ ok: true, rewritten: true });
    const { others } = await readLeases(meetingFile, at(11, 1));
    expect(others.map((other) => ({ name: other.displayName, stale: other.stale }))).toEqual([{ name: 'Jane Smith', stale: false }]);
  });

  it('reports lease files it cannot understand, ignores them, and never removes them', async () => {
    const clock = new TestClock();
    await open({ clock, displayName: 'Sam Patel' });
    const folder = join(library, 'meetings', '2026');
    const garbage = {
      'not JSON': `${meetingFile}.0123456789abcdef.lock`,
      empty: `${meetingFile}.fedcba9876543210.lock`,
      'another program': `${meetingFile}.aaaaaaaaaaaaaaaa.lock`,
      misnamed: `${meetingFile}.sync-conflict-20261110-101500-ABCD123.lock`,
    };
    await writeFile(garbage['not JSON'], '{"format": "minutebook.lease", ');
    await writeFile(garbage.empty, '');
    await writeFile(garbage['another program'], JSON.stringify({ owner: 'Word', pid: 42 }));
    const real = JSON.parse(await readFile(leases[0]!.path, 'utf8'));
    await writeFile(garbage.misnamed, JSON.stringify({ ...real, heartbeat: at(9, 0).toISOString() }));

    const reading = await readLeases(meetingFile, at(12, 0));
    expect(reading.others.map((other) => other.displayName)).toEqual(['Sam Patel']);
    expect(Object.fromEntries(reading.unreadable.map((bad) => [bad.path, bad.problem]))).toEqual({
      [garbage['not JSON']]: 'it is not valid JSON',
      [garbage.empty]: 'it is empty',
      [garbage['another program']]: expect.stringContaining('it is not a Minute Book lease'),
      [garbage.misnamed]: expect.stringContaining('its name does not match its session'),
    });

    await takeOverStaleLeases(meetingFile, { now: at(12, 0), ownSessionId: 'nobodynobodynobo' });
    const remaining = await readdir(folder);
    for (const path of Object.values(garbage)) expect(remaining).toContain(path.slice(folder.length + 1));
  });

  it('leaves out a lease that names another meeting', async () => {
    const clock = new TestClock();
    await open({ clock, meetingId: 'someothermeeting' });
    const reading = await readLeases(meetingFile, at(10, 3), { meetingId: meeting.id });
    expect(reading.others).toEqual([]);
    expect(reading.unreadable.map((bad) => bad.problem)).toEqual(['it belongs to another meeting (someothermeeting)']);
  });

  it('removes the lease on release and stops renewing it', async () => {
    const clock = new TestClock();
    const lease = await open({ clock });
    await lease.release();
    await lease.release();
    expect(clock.ticks[0]!.cleared).toBe(true);
    expect((await readLeases(meetingFile, at(10, 3))).others).toEqual([]);
    expect(await lease.heartbeat()).toMatchObject({ ok: false });
    await expect(readFile(lease.path)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('keeps going when a heartbeat cannot be written (library unreachable) and says why', async () => {
    const clock = new TestClock();
    const problems: string[] = [];
    const lease = await open({ clock, onHeartbeatFailed: (problem) => problems.push(problem) });
    await rename(join(library, 'meetings'), join(library, 'meetings-away'));
    const result = await lease.heartbeat();
    expect(result).toMatchObject({ ok: false, problem: expect.stringContaining('not there') });
    expect(problems).toHaveLength(1);
    await rename(join(library, 'meetings-away'), join(library, 'meetings'));
    expect(await lease.heartbeat()).toMatchObject({ ok: true });
  });

  it('refuses to announce a presence that others could not read', async () => {
    const clock = new TestClock();
    await expect(open({ clock, displayName: 'x'.repeat(500) })).rejects.toBeInstanceOf(ClerkFacingError);
    expect((await readdir(join(library, 'meetings', '2026'))).filter((name) => name.endsWith('.lock'))).toEqual([]);
  });

  it('is never listed as a meeting by the library', async () => {
    const clock = new TestClock();
    await open({ clock });
    await open({ clock, displayName: 'Sam Patel' });
    const scan = await scanLibrary(library);
    expect(scan.meetings.map((summary) => summary.file)).toEqual(['meetings/2026/2026-11-10 planning-committee.json']);
    expect(scan.unreadable).toEqual([]);
  });
});
