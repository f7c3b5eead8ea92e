/**
 * `npm run bench`, journal bytes per burst of typing: what one 12-character burst in one paragraph
 * costs the journal, for items of 2,000, 10,000 and 30,000 words. Measured through the real core
 * (a MeetingSession on a temporary library and journal), with the change the screen sends,
 * produced by the screen's own minutesChanges(); the whole-item `item.minutes` change the screen
 * used to send is measured on the same core in the same run, alternately.
 * Goal: ≤ 2 KB a burst, and the same whatever the item weighs.
 *
 * On its own: `node --import tsx scripts/bench/journalBytes.ts`.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MeetingChange } from '../../main/domain/changes';
import type { MinuteBlock } from '../../main/domain/meeting';
import { minutesChanges } from '../../renderer/minutes/minutesChanges';
import { longMeeting } from '../../tests/support/longMeeting';
import { median, meetingInLibrary, startCore } from './support';

const ITEM_WORDS = [2_000, 10_000, 30_000];
/** Twelve characters, as a clerk types between two pauses. */
const BURST = ' and agreed.';
const BURSTS = Number(process.env.BENCH_BURSTS ?? 20);
const GOAL_BYTES = 2048;

/** The item's minutes with the burst typed at the end of the paragraph at `index`. */
function typedInto(minutes: readonly MinuteBlock[], index: number): MinuteBlock[] {
  return minutes.map((block, at) =>
    at === index ? { ...block, runs: [...block.runs.slice(0, -1), { ...block.runs.at(-1)!, text: `${block.runs.at(-1)!.text}${BURST}` }] } : block,
  );
}

async function burstsInItemOf(root: string, words: number): Promise<{ words: number; paragraphs: number; perBlock: number[]; wholeItem: number[] }> {
  const library = join(root, `journal-library-${words}`);
  const data = join(root, `journal-computer-${words}`);
  const meeting = longMeeting(1, words);
  await meetingInLibrary(library, meeting);
  const core = startCore(root, library, `journal-computer-${words}`);
  try {
    const opened = await core.handlers['meetings.open']({ meetingId: meeting.id });
    const itemId = opened.meeting.agenda[0]!.id;
    const journal = join(data, 'journal', `${meeting.id}.jsonl`);
    const journalSize = async () => (await stat(journal).catch(() => ({ size: 0 }))).size;
    /** Journal bytes one request adds; everything before it is written out first, so no save runs meanwhile. */
    const journaled = async (changes: MeetingChange[]) => {
      await core.flushAll();
      const before = await journalSize();
      await core.handlers['meetings.applyChanges']({ meetingId: meeting.id, changes, seenView: opened.view });
      return (await journalSize()) - before;
    };

    let minutes = opened.meeting.agenda[0]!.minutes;
    const perBlock: number[] = [];
    const wholeItem: number[] = [];
    for (let n = 0; n < BURSTS; n++) {
      // Bursts in paragraphs spread over the item, alternating the two kinds of change.
      const index = Math.floor(((n + 0.5) / BURSTS) * minutes.length);
      const typed = typedInto(minutes, index);
      if (n % 2 === 0) perBlock.push(await journaled(minutesChanges(itemId, minutes, typed)));
      else wholeItem.push(await journaled([{ kind: 'item.minutes', itemId, minutes: typed }]));
      minutes = typed;
    }
    await core.handlers['meetings.close']({ meetingId: meeting.id });
    return { words, paragraphs: minutes.length, perBlock, wholeItem };
  } finally {
    await core.close();
  }
}

export async function journalBytesBenchmark(root: string): Promise<{ withinGoal: boolean; lines: string[] }> {
  const lines = [
    `(e) journal bytes per ${BURST.length}-character burst of typing in one paragraph, through the core (${BURSTS} bursts an item, half each kind):`,
  ];
  const perBurst: number[] = [];
  for (const words of ITEM_WORDS) {
    const result = await burstsInItemOf(root, words);
    const ours = median(result.perBlock);
    const whole = median(result.wholeItem);
    perBurst.push(ours);
    lines.push(
      `    ${words.toLocaleString('en-GB').padStart(6)} words (${String(result.paragraphs).padStart(4)} paragraphs): paragraph change ${String(ours).padStart(5)} B  (${(ours / BURST.length).toFixed(0)} × the ${BURST.length} characters typed)   whole-item item.minutes ${(whole / 1024).toFixed(1).padStart(6)} KiB   ratio ${(ours / whole).toFixed(4)}`,
    );
  }
  const withinGoal = perBurst.every((bytes) => bytes <= GOAL_BYTES);
  const spread = Math.max(...perBurst) / Math.min(...perBurst);
  lines.push(
    `    largest / smallest item ${spread.toFixed(2)} (independent of item size: ≈ 1)  goal ≤ ${GOAL_BYTES} B a burst: ${withinGoal ? 'met' : 'NOT met'}`,
  );
  return { withinGoal, lines };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = await mkdtemp(join(tmpdir(), 'mb-bench-journal-'));
  try {
    console.log((await journalBytesBenchmark(root)).lines.join('\n'));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
