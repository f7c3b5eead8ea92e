/**
 * Two clerks on two computers with the library on one network drive, editing the same meeting
 * at the same time: two core processes, one library folder, random edit scripts (new paragraphs,
 * the same paragraph on both sides, rewording, actions, decisions, attendance, reordering), each
 * edit carrying a unique marker. When both stop, they settle on one file that both hold in
 * memory, with every marker in the minutes or in a flagged conflict. Then presence: each sees the
 * other; one is killed; its lease goes stale and a new opening takes it over with a note.
 *
 * SHARED_FOLDER_SECONDS sets how long they type (default 40).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listVersions } from '../../main/core/history/history';
import { ClerkDriver, type ClerkConfig } from './support/clerkDriver';
import { lostMarkers, meetingFilesIn, setUpSharedMeeting, settleOnFile, SHARED_FOLDER_STALE_AFTER_MS, sharedFolderClerk, until } from './support/sharedMeeting';

const SECONDS = Number(process.env.SHARED_FOLDER_SECONDS ?? 40);

let root: string;
let library: string;
let meetingId: string;
let file: string;
const clerks: ClerkDriver[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mb-shared-folder-'));
  library = join(root, 'network-drive', 'Minute Book');
  ({ meetingId, file } = await setUpSharedMeeting(library, join(root, 'setup')));
});

afterAll(async () => {
  await Promise.all(clerks.map((clerk) => clerk.kill().catch(() => undefined)));
  await rm(root, { recursive: true, force: true });
});

function config(markerPrefix: string, displayName: string, computerName: string, seed: number): ClerkConfig {
  return sharedFolderClerk({ root, library, meetingId }, { markerPrefix, displayName, computerName, seed });
}

describe('two computers editing one meeting on a shared folder', () => {
  it(`settle on one file that keeps every word both typed (${SECONDS} s of concurrent editing)`, async () => {
    const alice = await ClerkDriver.start(config('A', 'Alice Brown', 'LAPTOP-A', 1234));
    const bob = await ClerkDriver.start(config('B', 'Bob Green', 'DESKTOP-B', 98765));
    clerks.push(alice, bob);

    await Promise.all([alice.resume(), bob.resume()]);
    await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
    await Promise.all([alice.stop(), bob.stop()]);

    // Settled: both computers hold exactly what the file holds, and the file has stopped changing.
    const path = join(library, ...file.split('/'));
    const settled = await settleOnFile(path, alice, bob);

    const typed = [...settled.a.typed, ...settled.b.typed];
    const lost = lostMarkers(settled.meeting, typed);
    const edits = settled.a.stats.edits + settled.b.stats.edits;
    const merges = settled.a.stats.updates + settled.b.stats.updates;
    const automatic = settled.a.stats.automatic + settled.b.stats.automatic;
    console.log(
      `shared folder: ${SECONDS} s, edits ${edits} (A ${settled.a.stats.edits}, B ${settled.b.stats.edits}), markers ${typed.length}, ` +
        `merges into an open meeting ${merges} (${automatic} automatic changes), flagged conflicts ${settled.meeting.conflicts.length}, lost ${lost.length}`,
    );

    expect(settled.a.stats.failures).toEqual([]);
    expect(settled.b.stats.failures).toEqual([]);
    expect(settled.a.typed.length).toBeGreaterThan(SECONDS);
    expect(settled.b.typed.length).toBeGreaterThan(SECONDS);
    expect(merges).toBeGreaterThan(0);
    expect(lost).toEqual([]);
    expect(await meetingFilesIn(library)).toEqual([file.split('/').at(-1)]);
    expect(settled.a.saveState).toMatchObject({ state: 'saved', pendingChanges: 0 });
    expect(settled.b.saveState).toMatchObject({ state: 'saved', pendingChanges: 0 });
  }, 240_000);

  it('shows who else is editing, and takes over a session whose computer died', async () => {
    const [alice, bob] = clerks as [ClerkDriver, ClerkDriver];
    const seenByBob = await until('Bob to see Alice', async () => (await bob.presence()).find((each) => each.computerName === 'LAPTOP-A'));
    expect(seenByBob).toMatchObject({
      stale: false,
      mode: 'edit',
      description: expect.stringMatching(/^Being edited by Alice Brown on LAPTOP-A since \d\d:\d\d$/),
    });
    expect((await alice.presence()).map((each) => each.description)).toEqual([expect.stringMatching(/^Being edited by Bob Green on DESKTOP-B since/)]);

    await alice.kill(); // power cut: no release, no goodbye
    const stale = await until(
      'Alice’s lease to go stale',
      async () => (await bob.presence()).find((each) => each.computerName === 'LAPTOP-A' && each.stale),
      SHARED_FOLDER_STALE_AFTER_MS * 4,
    );
    expect(stale.description).toMatch(/^Was being edited by Alice Brown on LAPTOP-A \(not heard from since \d\d:\d\d\)$/);
    expect(bob.events.some((event) => event.type === 'presence' && event.presence.some((each) => each.computerName === 'LAPTOP-A' && each.stale))).toBe(true);

    await bob.close();
    const carol = await ClerkDriver.start(config('C', 'Carol White', 'LAPTOP-C', 5));
    clerks.push(carol);
    expect(carol.opened.opened?.notices).toEqual([
      expect.stringMatching(/^Took over Alice Brown’s stale editing session \(LAPTOP-A, last seen \d\d:\d\d\)\.$/),
    ]);
    expect(carol.opened.opened?.presence).toEqual([]);
    await carol.close();
    const notes = (await listVersions(library, meetingId)).map((version) => version.note ?? '');
    expect(notes.filter((note) => note.startsWith('Took over Alice Brown’s stale editing session'))).toHaveLength(1);
  });
});
