/**
 * `npm run kill-loop`: the shared-folder kill loop, run by hand (not in CI; it takes minutes).
 *
 * Two clerks on one library folder (a network drive) edit the same meeting, the same paragraph
 * included, while one of them (Bob) is killed with SIGKILL every few seconds and started again on
 * the same computer (his journal replays). Every marker either clerk's core acknowledged as kept
 * must end in the library file, in the minutes or in a flagged conflict.
 *
 *   KILL_LOOP_SECONDS   how long the loop runs (default 150)
 *   KILL_LOOP_SEED      seed for the edit scripts and the kill times (default: the time)
 *
 * Prints the counts and exits 1 if any marker was lost or the file is not valid.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClerkDriver, type ClerkConfig } from '../tests/sync/support/clerkDriver';
import { lostMarkers, meetingFilesIn, setUpSharedMeeting, settleOnFile, sharedFolderClerk } from '../tests/sync/support/sharedMeeting';

const SECONDS = Number(process.env.KILL_LOOP_SECONDS ?? 150);
const SEED = Number(process.env.KILL_LOOP_SEED ?? Date.now() % 1_000_000);

/** A small, seeded random number source (mulberry32), so a failing run can be repeated. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function main(): Promise<void> {
  const random = seeded(SEED);
  const root = await mkdtemp(join(tmpdir(), 'mb-kill-loop-'));
  const library = join(root, 'network-drive', 'Minute Book');
  const { meetingId, file } = await setUpSharedMeeting(library, join(root, 'setup'));
  const config = (markerPrefix: string, displayName: string, computerName: string, seed: number): ClerkConfig =>
    sharedFolderClerk({ root, library, meetingId }, { markerPrefix, displayName, computerName, seed });

  const typedByDeadBobs: string[] = [];
  const failures: string[] = [];
  let kills = 0;
  const alice = await ClerkDriver.start(config('A', 'Alice Brown', 'LAPTOP-A', SEED + 1));
  let bob = await ClerkDriver.start(config('B0', 'Bob Green', 'DESKTOP-B', SEED + 2));
  try {
    await Promise.all([alice.resume(), bob.resume()]);
    const end = Date.now() + SECONDS * 1000;
    while (Date.now() < end) {
      // Bob types for 1–5 s, then the power goes.
      await new Promise((resolve) => setTimeout(resolve, 1000 + random() * 4000));
      await bob.kill();
      kills += 1;
      typedByDeadBobs.push(...bob.typed);
      bob = await ClerkDriver.start(config(`B${kills}`, 'Bob Green', 'DESKTOP-B', SEED + 2 + kills));
      await bob.resume();
    }
    await Promise.all([alice.stop(), bob.stop()]);

    const path = join(library, ...file.split('/'));
    const settled = await settleOnFile(path, alice, bob);
    failures.push(...settled.a.stats.failures, ...settled.b.stats.failures);
    const typed = [...settled.a.typed, ...typedByDeadBobs, ...settled.b.typed];
    const lost = lostMarkers(settled.meeting, typed);
    const files = await meetingFilesIn(library);
    console.log(
      `kill loop: seed ${SEED}, ${SECONDS} s, Bob killed ${kills} times, ` +
        `markers acknowledged ${typed.length} (Alice ${settled.a.typed.length}, Bob ${typedByDeadBobs.length + settled.b.typed.length}), ` +
        `flagged conflicts ${settled.meeting.conflicts.length}, meeting files ${files.length}, failures ${failures.length}, lost ${lost.length}`,
    );
    if (lost.length > 0) console.log(`lost: ${lost.join(' ')}`);
    if (failures.length > 0) console.log(`failures: ${failures.join(' | ')}`);
    process.exitCode = lost.length > 0 || files.length !== 1 ? 1 : 0;
  } finally {
    await Promise.all([alice.kill(), bob.kill()]);
    if (process.exitCode === 0) await rm(root, { recursive: true, force: true });
    else console.log(`Folders kept for inspection: ${root}`);
  }
}

await main();
