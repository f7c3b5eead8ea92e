/**
 * The VPN drops in the middle of a meeting. The clerk's process goes on typing while the library
 * folder is gone (renamed away); the window says the library is unreachable and how many changes
 * are kept on this computer. The laptop then dies (SIGKILL). It is started again while the
 * library is still away: it must start, and say the library cannot be reached, without making
 * an empty library in its place. Meanwhile a colleague changed the meeting on the drive. When the
 * library is back and the meeting opened, every change typed is there, the colleague's too, and
 * the journal is flushed.
 */
import { mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serializeLibraryFile } from '../../main/core/meetingFile';
import { ClerkDriver, type ClerkConfig } from './support/clerkDriver';
import { lostMarkers, meetingFilesIn, readMeetingFileChecked, setUpSharedMeeting, until } from './support/sharedMeeting';

let root: string;
const clerks: ClerkDriver[] = [];

afterAll(async () => {
  await Promise.all(clerks.map((clerk) => clerk.kill().catch(() => undefined)));
  if (root) await rm(root, { recursive: true, force: true });
});

describe('the library folder goes away mid-meeting', () => {
  it('keeps typing, survives a kill while offline, and merges everything when the folder is back', async () => {
    root = await mkdtemp(join(tmpdir(), 'mb-offline-'));
    const library = join(root, 'drive', 'Minute Book');
    const away = join(root, 'drive', 'Minute Book (disconnected)');
    const { meetingId, file } = await setUpSharedMeeting(library, join(root, 'setup'));
    const path = (folder: string) => join(folder, ...file.split('/'));
    const config: ClerkConfig = {
      library,
      data: join(root, 'LAPTOP-12'),
      displayName: 'Jane Smith',
      computerName: 'LAPTOP-12',
      meetingId,
      markerPrefix: 'J',
      seed: 42,
      editIntervalMs: [30, 120],
      retryDelayMs: 500,
    };

    const jane = await ClerkDriver.start(config);
    clerks.push(jane);
    await jane.resume();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const typedOnline = jane.typed.length;

    await rename(library, away); // the drive drops
    const offline = await until(
      'the window to say the library is unreachable',
      async () => {
        const { saveState } = await jane.report();
        return saveState.state === 'unreachable' && saveState.pendingChanges >= 10 ? saveState : undefined;
      },
      20_000,
    );
    expect(offline.reason).toMatch(/not there|disconnected/);
    await new Promise((resolve) => setTimeout(resolve, 2000)); // typing on, offline
    const typedOffline = jane.typed.length - typedOnline;

    // A colleague, still connected to the drive, changes the meeting meanwhile.
    const before = await readMeetingFileChecked(path(away));
    if (!before.ok) throw new Error(before.problem);
    const colleague = {
      ...before.meeting,
      venue: 'Committee Room 2 (moved by Tom)',
      updatedAt: new Date().toISOString(),
      sync: { revision: 'tomwhileoffline1', lineage: ['tomwhileoffline1', ...(before.meeting.sync?.lineage ?? [])], savedBy: 'Tom Jones on DESKTOP-9' },
    };
    await writeFile(path(away), serializeLibraryFile(colleague));

    await jane.kill(); // the battery dies, still typing
    const typed = jane.typed.slice();

    // Started again while the library is still away: no crash, and a clear answer.
    const again = await ClerkDriver.start({ ...config, openOnStart: false });
    clerks.push(again);
    await expect(again.list()).rejects.toThrow(/cannot be reached/);
    await expect(stat(library)).rejects.toThrow(); // not made again, empty, in its place

    await rename(away, library); // the drive is back
    // Opening replays the journal on top of the file as it now is (unless start-up recovery got there first).
    const reopened = await again.report();
    await again.stop();
    const settled = await until(
      'the journal to be flushed to the library',
      async () => {
        const report = await again.report();
        const onDisk = await readMeetingFileChecked(path(library));
        return report.saveState.state === 'saved' && report.saveState.pendingChanges === 0 && onDisk.ok ? { report, meeting: onDisk.meeting } : undefined;
      },
      20_000,
    );

    const lost = lostMarkers(settled.meeting, typed);
    console.log(
      `offline: markers typed ${typed.length} (${typedOffline}+ while the library was away), replayed on opening ${reopened.replayedChanges ?? 0} (the rest by the start-up recovery), lost ${lost.length}`,
    );
    expect(typedOffline).toBeGreaterThan(5);
    expect(lost).toEqual([]);
    expect(lostMarkers(settled.report.meeting, typed)).toEqual([]);
    expect(settled.meeting.venue).toBe('Committee Room 2 (moved by Tom)');
    expect(await meetingFilesIn(library)).toEqual([file.split('/').at(-1)]);
    await again.close();
  }, 180_000);
});
