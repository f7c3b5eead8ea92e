/**
 * `npm run bench`, the cost of durability (issue 9): the save path and start-up, each against a
 * baseline measured in the same run on the same disk.
 *
 *  (e) Autosave of the 200-item meeting (journal append + fsync, atomic write of the file with
 *      fsync and folder fsync, flush marker) against a baseline with the same durability:
 *      JSON.stringify + write a temporary file + fsync + rename + folder fsync. Goal ≤ 1.3. And
 *      against plain JSON.stringify + writeFile, as section (b) does: goal no worse than 2.0–2.1.
 *  (f) Bytes written per save (meeting file + journal, counting each epoch's base once) while a
 *      clerk types bursts (sent paragraph by paragraph, as the screen sends them) into one item of 2,000, 10,000 and 30,000 words, counted by the kernel
 *      (/proc/self/io `wchar`), against the meeting file. Goal ≤ 1.1 × the file.
 *  (g) Start-up: creating the core and listing the library with 50 meetings' journals left after a
 *      long day's typing (each fully flushed, at the size a journal reaches before it shrinks),
 *      against the same start with 50 empty journals. Also what reading those journals whole,
 *      as every start did before, costs.
 */
import { open, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MeetingJournal } from '../../main/core/journal/journal';
import { serializeLibraryFile } from '../../main/core/meetingFile';
import { createAgendaItem, type Meeting, type MinuteBlock } from '../../main/domain/meeting';
import { minutesChanges } from '../../renderer/minutes/minutesChanges';
import { longMeeting, longMinutes } from '../../tests/support/longMeeting';
import { fmt, median, meetingInLibrary, percentile, startCore, timedSave, withItemMinutes } from './support';

const SAVES = Number(process.env.BENCH_SAVES ?? 100);
const BURSTS = Number(process.env.BENCH_BURSTS ?? 40);
const STARTS = Number(process.env.BENCH_STARTS ?? 5);

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

/** The baseline with the same durability as a save: stringify, temporary file, fsync, rename, folder fsync. */
async function durableWrite(path: string, text: string): Promise<void> {
  const temp = `${path}.tmp`;
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, path);
  const folder = await open(join(path, '..'), 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

async function bytesWrittenByThisProcess(): Promise<number> {
  return Number(/^wchar: (\d+)$/m.exec(await readFile('/proc/self/io', 'utf8'))![1]);
}

export async function durabilityBenchmark(root: string): Promise<{ ratio: number; plainRatio: number; lines: string[] }> {
  const library = join(root, 'durability-library');
  const meeting = longMeeting(200, 400);
  await meetingInLibrary(library, meeting);
  const core = startCore(root, library, 'durability-computer');
  const opened = await core.handlers['meetings.open']({ meetingId: meeting.id });
  // One warm-up save keeps the previous version in history, as the first save of a session does.
  await timedSave(core, opened, 0, longMinutes(400, 99));

  const durablePath = join(root, 'durable.json');
  const plainPath = join(root, 'plain.json');
  let copy = opened.meeting;
  const ours: number[] = [];
  const durable: number[] = [];
  const plain: number[] = [];
  // The three alternate, so all see the same disk and the same machine load.
  for (let n = 0; n < SAVES; n += 1) {
    const index = (n * 37) % 200;
    const minutes = longMinutes(400, n + 1000);
    ours.push(await timedSave(core, opened, index, minutes));

    copy = withItemMinutes(copy, index, minutes);
    let started = performance.now();
    await durableWrite(durablePath, JSON.stringify(copy));
    durable.push(performance.now() - started);

    started = performance.now();
    await writeFile(plainPath, JSON.stringify(copy));
    plain.push(performance.now() - started);
  }
  await core.close();
  const ratio = median(ours) / median(durable);
  const plainRatio = median(ours) / median(plain);
  return {
    ratio,
    plainRatio,
    lines: [
      `(e) the cost of durability: autosave of the 200-item meeting (${kib(Buffer.byteLength(JSON.stringify(copy)))} as compact JSON), ${SAVES} saves each:`,
      `    autosave (journal + fsync, temp + fsync + rename + folder fsync, marker)   median ${fmt(median(ours))}  p95 ${fmt(percentile(ours, 95))}`,
      `    JSON.stringify + temp file + fsync + rename + folder fsync                median ${fmt(median(durable))}  p95 ${fmt(percentile(durable, 95))}`,
      `    JSON.stringify + writeFile                                                 median ${fmt(median(plain))}  p95 ${fmt(percentile(plain, 95))}`,
      `    ratio against the same durability ${ratio.toFixed(2)} (goal ≤ 1.3); against plain writeFile ${plainRatio.toFixed(2)} (goal no worse than 2.0–2.1)`,
    ],
  };
}

/** A burst of typing: about twelve characters more at the end of the item's last paragraph. */
function typeBurst(minutes: MinuteBlock[], n: number): MinuteBlock[] {
  const last = minutes.at(-1)!;
  return [
    ...minutes.slice(0, -1),
    { ...last, runs: [...last.runs.slice(0, -1), { ...last.runs.at(-1)!, text: `${last.runs.at(-1)!.text} typed ${String(n).padStart(5, '0')}` }] },
  ];
}

export async function bytesPerSaveBenchmark(root: string): Promise<{ worst: number; lines: string[] }> {
  const lines = [
    `(f) bytes written per save while typing into one item (${BURSTS} bursts of ~12 characters, each saved; a meeting of 20 items of 300 words plus that item):`,
  ];
  let worst = 0;
  for (const words of [2000, 10_000, 30_000]) {
    const library = join(root, `bytes-library-${words}`);
    const base = longMeeting(20, 300);
    const item = { ...createAgendaItem('Item 21 – the long one'), minutes: longMinutes(words, 7) };
    const meeting: Meeting = { ...base, agenda: [...base.agenda, item] };
    const filePath = await meetingInLibrary(library, meeting);
    const journalDir = join(root, `bytes-computer-${words}`, 'journal');
    const core = startCore(root, library, `bytes-computer-${words}`, { saveDelayMs: 5 });
    const { view } = await core.handlers['meetings.open']({ meetingId: meeting.id });
    let minutes = item.minutes;
    // Warm-up: the first save keeps the version it replaces in the history.
    let typed = typeBurst(minutes, 0);
    await core.handlers['meetings.applyChanges']({ seenView: view, meetingId: meeting.id, changes: minutesChanges(item.id, minutes, typed) });
    minutes = typed;
    await core.flushAll();
    let fileBytes = 0;
    let journalGrowth = 0;
    let changeBytes = 0;
    const before = await bytesWrittenByThisProcess();
    for (let n = 1; n <= BURSTS; n += 1) {
      typed = typeBurst(minutes, n);
      const changes = minutesChanges(item.id, minutes, typed);
      minutes = typed;
      changeBytes += Buffer.byteLength(JSON.stringify(changes));
      const journalBefore = await stat(join(journalDir, `${meeting.id}.jsonl`)).then(
        (info) => info.size,
        () => 0,
      );
      await core.handlers['meetings.applyChanges']({ seenView: view, meetingId: meeting.id, changes });
      await core.flushAll();
      const journalAfter = await stat(join(journalDir, `${meeting.id}.jsonl`)).then(
        (info) => info.size,
        () => 0,
      );
      journalGrowth += Math.max(0, journalAfter - journalBefore);
      fileBytes += (await stat(filePath)).size;
    }
    const written = (await bytesWrittenByThisProcess()) - before;
    await core.close();
    const perSave = written / BURSTS;
    const file = fileBytes / BURSTS;
    const change = changeBytes / BURSTS;
    const ratio = perSave / file;
    worst = Math.max(worst, ratio);
    lines.push(
      `    ${String(words).padStart(6)}-word item: file ${kib(file)}, written per save ${kib(perSave)} = ${ratio.toFixed(2)} × the file (goal ≤ 1.1); ` +
        `of which the change the screen sends (one paragraph) ${(change / 1024).toFixed(1)} KiB; all but that entry ${((perSave - change) / file).toFixed(2)} × the file; journal grew ${(journalGrowth / BURSTS / 1024).toFixed(1)} KiB a save`,
    );
  }
  return { worst, lines };
}

/** A journal after a long day's typing, fully flushed, at the size a journal reaches before it shrinks. */
async function longDaysJournal(journalDir: string, meeting: Meeting, file: string, library: string, bytes: number): Promise<void> {
  const { journal } = await MeetingJournal.open(journalDir, meeting.id);
  const where = { library, file };
  const item = meeting.agenda[0]!;
  let minutes = item.minutes;
  let seq = await journal.append(where, [{ base: meeting }], new Date());
  for (let n = 1; journal.bytes < bytes; n += 1) {
    minutes = typeBurst(minutes, n);
    seq = await journal.append(where, [{ change: { kind: 'item.minutes', itemId: item.id, minutes } }], new Date());
    if (n % 3 === 0) await journal.markFlushed(seq);
  }
  await journal.markFlushed(seq);
  await journal.close();
}

export async function startUpBenchmark(root: string): Promise<{ ratio: number; lines: string[] }> {
  const library = join(root, 'startup-library');
  const meetings: Array<{ meeting: Meeting; file: string }> = [];
  for (let n = 0; n < 50; n += 1) {
    const meeting = {
      ...longMeeting(10, 300),
      id: `${String(n).padStart(4, '0')}${'a'.repeat(12)}`,
      date: `2026-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 27) + 1).padStart(2, '0')}`,
      committee: `Committee ${n}`,
    };
    const path = await meetingInLibrary(library, meeting);
    meetings.push({
      meeting,
      file: path
        .slice(library.length + 1)
        .split('\\')
        .join('/'),
    });
  }
  const meetingBytes = serializeLibraryFile(meetings[0]!.meeting).length;
  const journalBytes = Math.max(1024 * 1024, 8 * meetingBytes);
  const dayDir = join(root, 'startup-day', 'journal');
  const emptyDir = join(root, 'startup-empty', 'journal');
  for (const { meeting, file } of meetings) {
    await longDaysJournal(dayDir, meeting, file, library, journalBytes);
    const { journal } = await MeetingJournal.open(emptyDir, meeting.id);
    await journal.close();
  }
  // startCore(root, library, 'startup-day') keeps its journal in dayDir, 'startup-empty' in emptyDir.
  const start = async (name: string): Promise<number> => {
    const started = performance.now();
    const core = startCore(root, library, name);
    await core.handlers['meetings.list']({}); // waits for start-up recovery, which looks for pending journals
    const took = performance.now() - started;
    await core.close();
    return took;
  };
  const readWhole = async (dir: string): Promise<number> => {
    const started = performance.now();
    for (const name of await readdir(dir)) {
      if (!name.endsWith('.jsonl')) continue;
      for (const line of (await readFile(join(dir, name), 'utf8')).split('\n')) if (line) JSON.parse(line);
    }
    return performance.now() - started;
  };
  const day: number[] = [];
  const empty: number[] = [];
  const whole: number[] = [];
  await start('startup-empty'); // warm-up
  for (let n = 0; n < STARTS; n += 1) {
    empty.push(await start('startup-empty'));
    day.push(await start('startup-day'));
    whole.push(await readWhole(dayDir));
  }
  let total = 0;
  for (const name of await readdir(dayDir)) total += (await stat(join(dayDir, name))).size;
  await rm(join(root, 'startup-day'), { recursive: true, force: true });
  const ratio = median(day) / median(empty);
  return {
    ratio,
    lines: [
      `(g) start-up (create the core, list the library of 50 meetings, find pending journals), ${STARTS} starts each:`,
      `    50 journals after a long day's typing (${(total / 1024 / 1024).toFixed(0)} MiB, each fully flushed)   median ${fmt(median(day))}`,
      `    50 empty journals                                               median ${fmt(median(empty))}`,
      `    ratio ${ratio.toFixed(2)}; reading those 50 journals whole, as every start did before: median ${fmt(median(whole))}`,
    ],
  };
}
