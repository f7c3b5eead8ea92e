/**
 * Two clerks on two computers, the library synced between them by real Syncthing (on 127.0.0.1
 * only), both editing the same meeting for a few minutes — including stretches where one laptop
 * is offline and edits to the same paragraph on both sides. When everything has settled not a
 * word is lost: the two meeting files are byte for byte the same, every marker either clerk typed
 * is in the minutes or in a flagged conflict, Syncthing's conflict copies have been merged and
 * moved into the history, and both files are valid meetings. (Issue 5, first acceptance test.)
 *
 * Each clerk is a separate process with its own core, journal and settings (ClerkDriver), running
 * a seeded random edit script; every edit adds a unique marker ("A-17-3f9a1c").
 *
 *   MB_SYNCTHING_EDIT_SECONDS  how long both clerks edit, in total (default 150)
 *   MB_SYNCTHING_SEED          seed for both edit scripts (default: from the clock, printed)
 *   MB_KEEP_SYNCTHING=1        keep the folders and Syncthing logs afterwards
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readMeetingFile } from '../../main/core/meetingFile';
import { startSyncthingPair, type Side, type SyncthingPair } from '../support/syncthing';
import { ClerkDriver, type ClerkConfig, type ClerkReport } from './support/clerkDriver';
import { contentOf, everythingSaid, setUpSharedMeeting, SHARED_BLOCK_ID } from './support/sharedMeeting';

const EDIT_SECONDS = Number(process.env.MB_SYNCTHING_EDIT_SECONDS ?? 150);
const SEED = Number(process.env.MB_SYNCTHING_SEED ?? Date.now() % 1_000_000);
const KEEP = process.env.MB_KEEP_SYNCTHING === '1';
if (!Number.isFinite(EDIT_SECONDS) || EDIT_SECONDS < 10) throw new Error('MB_SYNCTHING_EDIT_SECONDS must be a number of seconds, at least 10');
/** Longest the two sides may take to settle once editing stops. */
const SETTLE_MS = 180_000;
/** Everything but the editing: starting Syncthing, setting up, pausing and resuming, settling, checking. */
const TEST_TIMEOUT_MS = EDIT_SECONDS * 1000 + SETTLE_MS + 180_000;

/**
 * The editing time in phases: both online, one laptop offline, both online again, the other
 * offline, both online. Both clerks type throughout; a side that is offline types into its own
 * copy of the library, which meets the other's only when it comes back.
 */
const PHASES: ReadonlyArray<{ offline?: Side; share: number }> = [
  { share: 0.2 },
  { offline: 'B', share: 0.25 },
  { share: 0.15 },
  { offline: 'A', share: 0.25 },
  { share: 0.15 },
];

/** Syncthing's conflict copy of any file: "<name>.sync-conflict-YYYYMMDD-HHMMSS-<device>.<ext>". */
const SYNC_CONFLICT = /\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]{7}/;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Every file under a folder (relative paths), Syncthing's own marker folder left out. */
async function filesUnder(folder: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(folder, prefix), { withFileTypes: true }).catch(() => [])) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (entry.name !== '.stfolder') out.push(...(await filesUnder(folder, relative)));
    } else out.push(relative);
  }
  return out.sort();
}

describe('two clerks editing one meeting on two computers synced by real Syncthing', () => {
  let root: string;
  let pair: SyncthingPair | undefined;
  const clerks: Partial<Record<Side, ClerkDriver>> = {};
  const folder: Record<Side, string> = { A: '', B: '' };
  const data: Record<Side, string> = { A: '', B: '' };
  let meetingId = '';
  let meetingFile = '';
  let failed = true;
  /** Set false to stop sampling the folders for conflict copies (also in afterAll, if the test broke off). */
  let sampling = false;

  const meetingPath = (side: Side) => join(folder[side], ...meetingFile.split('/'));
  /** Syncthing's conflict copies beside the meeting (not its ".syncthing.….tmp" files, which hold a copy still arriving). */
  const copiesBeside = async (side: Side) =>
    (await readdir(dirname(meetingPath(side))).catch(() => [] as string[])).filter((name) => SYNC_CONFLICT.test(name) && !name.startsWith('.')).sort();

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'mb-syncthing-sessions-'));
    for (const side of ['A', 'B'] as const) {
      folder[side] = join(root, `computer-${side}`, 'Library');
      data[side] = join(root, `computer-${side}`, 'MinuteBook');
    }
    pair = await startSyncthingPair({ folderA: folder.A, folderB: folder.B, folderId: 'minutebook-library' });

    // The meeting is set up on computer A (three items, four members, a paragraph both clerks will add to) and reaches B.
    ({ meetingId, file: meetingFile } = await setUpSharedMeeting(folder.A, join(root, 'setup')));
    await pair.waitForIdle({ timeoutMs: 60_000 });
    const [onA, onB] = await Promise.all([readFile(meetingPath('A')), readFile(meetingPath('B'))]);
    if (!onA.equals(onB)) throw new Error('the new meeting did not reach computer B intact');
  });

  afterAll(async () => {
    sampling = false;
    await Promise.all(
      (['A', 'B'] as const).map(async (side) => {
        const clerk = clerks[side];
        if (!clerk) return;
        // A clean close first (releases the lease); a clerk that does not answer is killed.
        await Promise.race([clerk.close(), sleep(15_000)]);
        await clerk.kill();
      }),
    );
    await pair?.stop({ keepWorkDir: KEEP || failed });
    if (KEEP || failed) console.log(`Folders kept for inspection: ${root}`);
    else await rm(root, { recursive: true, force: true });
  });

  test(
    'after minutes of editing on both, with each laptop offline for a while, both files agree and no marker is lost',
    async () => {
      const syncthing = pair!;
      const started = Date.now();
      const config = (side: Side, seed: number): ClerkConfig => ({
        library: folder[side],
        data: data[side],
        displayName: side === 'A' ? 'Jane Smith' : 'Sam Patel',
        computerName: `LAPTOP-${side}`,
        meetingId,
        markerPrefix: side,
        seed,
        sharedBlockId: SHARED_BLOCK_ID,
        editIntervalMs: [250, 1000],
        copyScanMs: 1000,
      });
      clerks.A = await ClerkDriver.start(config('A', SEED));
      clerks.B = await ClerkDriver.start(config('B', SEED + 7919));
      for (const side of ['A', 'B'] as const) {
        const ready = clerks[side]!.opened;
        if (!ready.opened) throw new Error(`clerk ${side} could not open the meeting: ${ready.problem ?? 'no reason given'}`);
      }

      // Syncthing's conflict copies seen beside the meeting while the clerks work.
      const copiesSeen = new Map<string, number>();
      sampling = true;
      const sampler = (async () => {
        while (sampling) {
          for (const side of ['A', 'B'] as const) for (const name of await copiesBeside(side)) if (!copiesSeen.has(name)) copiesSeen.set(name, Date.now());
          await sleep(400);
        }
      })();

      console.log(`Seed ${SEED}; editing for ${EDIT_SECONDS} s in ${PHASES.length} phases`);
      await Promise.all([clerks.A.resume(), clerks.B.resume()]);
      try {
        for (const phase of PHASES) {
          const phaseStart = Date.now();
          if (phase.offline) await syncthing.pause(phase.offline);
          await sleep(Math.max(0, phase.share * EDIT_SECONDS * 1000 - (Date.now() - phaseStart)));
          if (phase.offline) await syncthing.resume(phase.offline);
        }
      } finally {
        // Stop typing and write everything each core has; then both laptops are online.
        await Promise.all([clerks.A.stop(), clerks.B.stop()]);
      }
      const stoppedAt = Date.now();
      const editedMs = stoppedAt - started;

      // Settle: Syncthing idle on both, both cores saved, no conflict copy left, files equal — twice in a row.
      const settleStart = Date.now();
      let previous = '';
      let lastState = '';
      let reports: Record<Side, ClerkReport> | undefined;
      for (;;) {
        if (Date.now() - settleStart > SETTLE_MS) throw new Error(`the two computers did not settle within ${SETTLE_MS / 1000} s; last state: ${lastState}`);
        await syncthing.waitForIdle({ timeoutMs: 90_000 });
        const [reportA, reportB] = await Promise.all([clerks.A.report(), clerks.B.report()]);
        reports = { A: reportA, B: reportB };
        const [bytesA, bytesB] = await Promise.all([readFile(meetingPath('A')), readFile(meetingPath('B'))]);
        const copies = [...(await copiesBeside('A')), ...(await copiesBeside('B'))];
        const fileKey = contentOf((await readMeetingFile(meetingPath('A'))).meeting);
        const saved = (['A', 'B'] as const).every((side) => reports![side].saveState.state === 'saved' && reports![side].saveState.pendingChanges === 0);
        const coresAgree = contentOf(reportA.meeting) === fileKey && contentOf(reportB.meeting) === fileKey;
        const now = `${bytesA.equals(bytesB) ? 'files equal' : 'files differ'}, ${saved ? 'both saved' : `save states ${reportA.saveState.state}/${reportB.saveState.state}`}, ${coresAgree ? 'cores agree with the file' : 'a core holds something else'}, ${copies.length} conflict copies`;
        lastState = now;
        const state = bytesA.equals(bytesB) && saved && coresAgree && copies.length === 0 ? bytesA.toString('base64') : '';
        if (state !== '' && state === previous) break;
        previous = state;
        // Long enough for the cores' watchers (1 s) and conflict-copy scans (1 s) to act on anything new.
        await sleep(3_000);
      }
      sampling = false;
      await sampler;
      const settledMs = Date.now() - settleStart;

      // ── What both computers hold now ───────────────────────────────────────────────────────
      const [bytesA, bytesB] = await Promise.all([readFile(meetingPath('A')), readFile(meetingPath('B'))]);
      expect(bytesA.equals(bytesB), 'the two meeting files are byte for byte the same').toBe(true);
      const fileA = await readMeetingFile(meetingPath('A'));
      const fileB = await readMeetingFile(meetingPath('B'));
      expect(fileA.meeting.id).toBe(meetingId);
      expect(fileB.meeting.id).toBe(meetingId);
      const meeting = fileA.meeting;

      // Every marker either clerk typed: in the minutes (or an action, decision …), or in a flagged conflict.
      const typed = { A: reports!.A.typed, B: reports!.B.typed };
      for (const side of ['A', 'B'] as const) expect(new Set(clerks[side]!.typed), `markers clerk ${side} reported while typing`).toEqual(new Set(typed[side]));
      const { conflicts, sync: _stamp, ...record } = meeting;
      const recordText = JSON.stringify(record);
      // The record and both versions of every flagged conflict (a marker only in a conflict's common base would be lost).
      const said = everythingSaid(meeting);
      const all = [...typed.A, ...typed.B];
      expect(new Set(all).size, 'every marker is unique').toBe(all.length);
      const inRecord = all.filter((marker) => recordText.includes(marker));
      const onlyInConflict = all.filter((marker) => !recordText.includes(marker) && said.includes(marker));
      const lost = all.filter((marker) => !said.includes(marker));

      // Conflict copies: none left beside the meeting; those merged are kept in the meeting's history.
      const leftA = await copiesBeside('A');
      const leftB = await copiesBeside('B');
      const historyA = await filesUnder(join(folder.A, '.minutebook', 'history', meetingId));
      const historyB = await filesUnder(join(folder.B, '.minutebook', 'history', meetingId));
      // "<time> conflict copy[ n] <name>": each computer archives the copy it has, so one copy may be there twice.
      const archivedEntries = new Set([...historyA, ...historyB].filter((name) => / conflict copy /.test(name)));
      const archivedCopies = new Set([...archivedEntries].map((name) => name.replace(/^\S+ conflict copy (\d+ )?/, '')));
      const syncthingTemporaries = [...(await filesUnder(folder.A)), ...(await filesUnder(folder.B))].filter((name) =>
        /(^|\/)\.syncthing\.[^/]*\.tmp$/.test(name),
      );
      const otherCopies = [...(await filesUnder(folder.A)), ...(await filesUnder(folder.B))].filter(
        (name) => SYNC_CONFLICT.test(name) && !name.startsWith('.minutebook/history/') && !syncthingTemporaries.includes(name),
      );

      const network = await syncthing.networkReport();
      const edits = { A: reports!.A.stats.edits, B: reports!.B.stats.edits };
      console.log(
        [
          `Real Syncthing, two clerks (seed ${SEED}): edited ${(editedMs / 1000).toFixed(0)} s, settled in ${(settledMs / 1000).toFixed(0)} s, ${((Date.now() - started) / 1000).toFixed(0)} s in all`,
          `  edits: A ${edits.A}, B ${edits.B} (markers typed: A ${typed.A.length}, B ${typed.B.length}; refused: A ${reports!.A.stats.refused}, B ${reports!.B.stats.refused})`,
          `  others' versions merged into the open meeting: A ${reports!.A.stats.updates}, B ${reports!.B.stats.updates}; automatic merges (changes taken without conflict): A ${reports!.A.stats.automatic}, B ${reports!.B.stats.automatic}`,
          `  flagged conflicts in the meeting: ${conflicts.length} (${conflicts.filter((each) => each.kind === 'paragraph').length} paragraph, ${conflicts.filter((each) => each.kind === 'field').length} field)`,
          `  Syncthing conflict copies seen: ${copiesSeen.size} (${[...copiesSeen.values()].filter((at) => at > stoppedAt).length} after editing stopped); merged and moved into history: ${archivedCopies.size} (${archivedEntries.size} history entries); left beside the meeting: ${leftA.length + leftB.length}`,
          `  markers: ${all.length} typed, ${inRecord.length} in the record, ${onlyInConflict.length} only in a flagged conflict, lost ${lost.length}`,
          `  file: ${(bytesA.length / 1024).toFixed(0)} KiB, ${meeting.agenda.reduce((n, item) => n + item.minutes.length, 0)} paragraphs, ${meeting.actions.length} actions, ${meeting.decisions.length} decisions`,
          ...(syncthingTemporaries.length > 0 ? [`  Syncthing temporary files left (copies deleted while arriving): ${syncthingTemporaries.length}`] : []),
          ...(otherCopies.length > 0 ? [`  other Syncthing conflict copies in the library: ${otherCopies.join(', ')}`] : []),
          `  network: ${network.summary}`,
        ].join('\n'),
      );

      expect(lost, 'markers typed but found neither in the meeting nor in a flagged conflict').toEqual([]);
      expect(leftA, 'Syncthing conflict copies left beside the meeting on computer A').toEqual([]);
      expect(leftB, 'Syncthing conflict copies left beside the meeting on computer B').toEqual([]);
      expect(
        [...copiesSeen.keys()].filter((name) => !archivedCopies.has(name)),
        'conflict copies seen that are not in the history',
      ).toEqual([]);
      expect(edits.A).toBeGreaterThan(0);
      expect(edits.B).toBeGreaterThan(0);
      expect(network.nonLoopbackSockets).toEqual([]);
      expect(network.suspiciousLogLines).toEqual([]);
      expect(network.clean).toBe(true);
      failed = false;
    },
    TEST_TIMEOUT_MS,
  );
});
