/**
 * `npm run bench`: performance as ratios against a baseline measured in the same run, on the
 * same machine, so the figures mean the same on a laptop and on CI.
 *
 *  (a) Typing: keystroke-to-next-frame latency in the minutes editor, on a 200-item meeting of
 *      ~400 words an item, against a bare <textarea> on the same page in the same Chromium.
 *      Target: p95 ratio ≤ 1.5. Also counts main-thread long tasks while typing.
 *  (c) Typing again, in a full meeting as captured live (30 attendees, 20 items with
 *      decisions, votes, declarations and actions), against the textarea. Target: p95 ≤ 1.5.
 *  (b) Autosave: time and bytes written per autosave of that meeting (journal + atomic write),
 *      against JSON.stringify + writeFile of the same meeting. Target: time ratio ≤ 2.
 *  (d) Word export: the 200-item meeting written as .docx by minutesDocx (in-process), against
 *      Debian's pandoc converting the same meeting as Markdown to .docx (the whole process, wall
 *      clock). Target: ratio of medians ≤ 0.25.
 *  (e)–(g) The cost of durability: autosave against a baseline with the same durability, bytes
 *      written per save, start-up with 50 meetings' journals (scripts/bench/autosave.ts).
 *
 * `npm run bench` runs every section; `npm run bench -- export` runs only the export section,
 * `npm run bench -- --autosave-only` only the autosave ones, `--durability-only` only (e)–(g).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { minutesDocx } from '../main/core/export/minutesDocument';
import { fullMeeting, longMeeting, longMinutes } from '../tests/support/longMeeting';
import { launchChromium, startHostProcess } from '../tests/e2e/support/appInBrowser';
import type { Meeting, MinuteBlock, TextRun } from '../main/domain/meeting';
import { minuteNumberOf } from '../main/domain/minuteNumbers';
import { fmt, median, meetingInLibrary, percentile, startCore, timedSave, withItemMinutes } from './bench/support';
import { bytesPerSaveBenchmark, durabilityBenchmark, startUpBenchmark } from './bench/autosave';
import { journalBytesBenchmark } from './bench/journalBytes';

const ITEMS = 200;
const WORDS = 400;
const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 300);
const SAVES = Number(process.env.BENCH_SAVES ?? 100);
const EXPORTS = Number(process.env.BENCH_EXPORTS ?? 9);

/** Installs latency probes: each keydown's timestamp to the end of the frame that shows it. */
async function installProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __latencies: number[]; __longTasks: number };
    w.__latencies = [];
    w.__longTasks = 0;
    new PerformanceObserver((list) => {
      w.__longTasks += list.getEntries().length;
    }).observe({ type: 'longtask', buffered: false });
    document.addEventListener(
      'keydown',
      (event) => {
        const start = event.timeStamp;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => w.__latencies.push(performance.now() - start);
          channel.port2.postMessage(null);
        });
      },
      true,
    );
  });
}

async function typeAndMeasure(page: Page, text: string): Promise<{ latencies: number[]; longTasks: number }> {
  await page.evaluate(() => {
    const w = window as unknown as { __latencies: number[]; __longTasks: number };
    w.__latencies = [];
    w.__longTasks = 0;
  });
  await page.keyboard.type(text, { delay: 35 });
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    const w = window as unknown as { __latencies: number[]; __longTasks: number };
    return { latencies: w.__latencies.slice(), longTasks: w.__longTasks };
  });
}

async function typingBenchmark(root: string, label: string, meeting: Meeting, itemNumber: number): Promise<{ ratio: number; lines: string[] }> {
  const library = join(root, `typing-library-${itemNumber}`);
  await meetingInLibrary(library, meeting);
  const host = await startHostProcess(library, join(root, `typing-computer-${itemNumber}`));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(host.url);
    await page.getByRole('button', { name: new RegExp(`^Open ${meeting.committee}`) }).click();
    await page.getByRole('button', { name: new RegExp(`^${itemNumber}\\. `) }).click();
    const editor = page.getByRole('textbox', { name: 'Minutes' });
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await installProbe(page);
    const sample = 'The Panel noted the update and asked for a further report in March. ';
    const text = sample.repeat(Math.ceil(KEYSTROKES / sample.length)).slice(0, KEYSTROKES);
    await typeAndMeasure(page, sample.slice(0, 30)); // warm-up
    const inEditor = await typeAndMeasure(page, text);

    await page.evaluate(() => {
      const area = document.createElement('textarea');
      area.setAttribute('aria-label', 'Baseline textarea');
      area.style.cssText = 'position:fixed;bottom:0;right:0;width:400px;height:120px;z-index:9999';
      document.body.append(area);
    });
    await page.getByRole('textbox', { name: 'Baseline textarea' }).click();
    await typeAndMeasure(page, sample.slice(0, 30));
    const inTextarea = await typeAndMeasure(page, text);

    const ratio = percentile(inEditor.latencies, 95) / percentile(inTextarea.latencies, 95);
    return {
      ratio,
      lines: [
        `${label}, ${KEYSTROKES} keystrokes each:`,
        `    minutes editor  p50 ${fmt(median(inEditor.latencies))}  p95 ${fmt(percentile(inEditor.latencies, 95))}  long tasks ${inEditor.longTasks}`,
        `    bare textarea   p50 ${fmt(median(inTextarea.latencies))}  p95 ${fmt(percentile(inTextarea.latencies, 95))}  long tasks ${inTextarea.longTasks}`,
        `    ratio p50 ${(median(inEditor.latencies) / median(inTextarea.latencies)).toFixed(2)}  p95 ${ratio.toFixed(2)}  (target ≤ 1.5)`,
      ],
    };
  } finally {
    await browser.close();
    await host.stop();
  }
}

async function autosaveBenchmark(root: string): Promise<{ ratio: number; lines: string[] }> {
  const library = join(root, 'autosave-library');
  const meeting = longMeeting(ITEMS, WORDS);
  await meetingInLibrary(library, meeting);
  const core = startCore(root, library, 'autosave-computer');
  const opened = await core.handlers['meetings.open']({ meetingId: meeting.id });
  const journalFile = join(root, 'autosave-computer', 'journal', `${meeting.id}.jsonl`);
  // One warm-up save keeps the previous version in history, as the first save of a session does.
  await timedSave(core, opened, 0, longMinutes(WORDS, 99));

  const meetingFile = join(library, ...(await core.handlers['meetings.list']({})).meetings[0]!.file.split('/'));
  const plainPath = join(root, 'plain.json');
  let copy = opened.meeting;
  const ours: number[] = [];
  const plain: number[] = [];
  let ourBytes = 0;
  let plainBytes = 0;
  // Ours and the baseline alternate, so both see the same disk and the same machine load.
  for (let n = 0; n < SAVES; n += 1) {
    const index = (n * 37) % ITEMS;
    const minutes = longMinutes(WORDS, n + 1000);
    const journalBefore = (await stat(journalFile)).size;
    ours.push(await timedSave(core, opened, index, minutes));
    ourBytes += (await stat(journalFile)).size - journalBefore + (await stat(meetingFile)).size;

    copy = withItemMinutes(copy, index, minutes);
    const started = performance.now();
    const text = JSON.stringify(copy);
    await writeFile(plainPath, text);
    plain.push(performance.now() - started);
    plainBytes += Buffer.byteLength(text);
  }
  await core.close();
  const ratio = median(ours) / median(plain);
  return {
    ratio,
    lines: [
      `(b) autosave of the same meeting (${(plainBytes / SAVES / 1024).toFixed(0)} KiB as compact JSON), ${SAVES} saves each:`,
      `    journal + atomic write + fsync   median ${fmt(median(ours))}  p95 ${fmt(percentile(ours, 95))}  ${(ourBytes / SAVES / 1024).toFixed(0)} KiB written per save`,
      `    JSON.stringify + writeFile       median ${fmt(median(plain))}  p95 ${fmt(percentile(plain, 95))}  ${(plainBytes / SAVES / 1024).toFixed(0)} KiB written per save`,
      `    ratio time ${ratio.toFixed(2)} (target ≤ 2)  bytes ${(ourBytes / plainBytes).toFixed(2)}`,
    ],
  };
}

/** Markdown with the same headings, paragraphs, lists and emphasis as the minutes of the meeting. */
function meetingAsMarkdown(meeting: Meeting): string {
  const inline = (runs: readonly TextRun[]) =>
    runs
      .map((run) => {
        const marks = run.marks ?? [];
        let text = run.text.replace(/([\\`*_[\]<>#])/g, '\\$1');
        if (marks.includes('underline')) text = `[${text}]{.underline}`;
        if (marks.includes('italic')) text = `*${text}*`;
        if (marks.includes('bold')) text = `**${text}**`;
        return text;
      })
      .join('');
  const block = (each: MinuteBlock) => {
    const indent = '    '.repeat(each.level ?? 0);
    if (each.type === 'heading') return `## ${inline(each.runs)}`;
    if (each.type === 'bullet') return `${indent}- ${inline(each.runs)}`;
    if (each.type === 'numbered') return `${indent}1. ${inline(each.runs)}`;
    return inline(each.runs);
  };
  const lines = [
    `# Minutes`,
    `**${meeting.committee}**`,
    meeting.title,
    `Minutes of the meeting held on ${meeting.date} at ${meeting.startTime}`,
    meeting.venue,
  ];
  for (const item of meeting.agenda) lines.push(`# ${minuteNumberOf(meeting, item.id)} ${item.title}`, ...item.minutes.map(block));
  return `${lines.join('\n\n')}\n`;
}

async function exportBenchmark(root: string): Promise<{ ratio: number; lines: string[] }> {
  const meeting = longMeeting(ITEMS, WORDS);
  const ourFile = join(root, 'minutes.docx');
  const markdownFile = join(root, 'minutes.md');
  const pandocFile = join(root, 'pandoc.docx');
  await writeFile(markdownFile, meetingAsMarkdown(meeting));
  const run = promisify(execFile);
  const ours: number[] = [];
  const pandoc: number[] = [];
  // One warm-up each (module loading, page cache), then the two alternate.
  for (let n = -1; n < EXPORTS; n += 1) {
    let started = performance.now();
    await writeFile(ourFile, await minutesDocx(meeting, { version: 'confidential' }));
    if (n >= 0) ours.push(performance.now() - started);
    started = performance.now();
    await run('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', pandocFile, markdownFile]);
    if (n >= 0) pandoc.push(performance.now() - started);
  }
  const ratio = median(ours) / median(pandoc);
  const kib = async (file: string) => `${((await stat(file)).size / 1024).toFixed(0)} KiB`;
  return {
    ratio,
    lines: [
      `(d) Word export of the ${ITEMS}-item meeting (~${WORDS} words an item), ${EXPORTS} runs each:`,
      `    minutesDocx + writeFile (in process)    median ${fmt(median(ours))}  p95 ${fmt(percentile(ours, 95))}  ${await kib(ourFile)}`,
      `    pandoc -f markdown -t docx (process)    median ${fmt(median(pandoc))}  p95 ${fmt(percentile(pandoc, 95))}  ${await kib(pandocFile)}`,
      `    ratio ${ratio.toFixed(2)} (target ≤ 0.25)`,
    ],
  };
}

const sections = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const root = await mkdtemp(join(tmpdir(), 'mb-bench-'));
try {
  if (!sections.includes('export') && !process.argv.includes('--durability-only')) {
    const autosave = await autosaveBenchmark(root);
    console.log(autosave.lines.join('\n'));
  }
  if (!process.argv.includes('--autosave-only') && !sections.includes('export')) console.log((await journalBytesBenchmark(root)).lines.join('\n'));
  if (!sections.includes('export')) {
    for (const section of [durabilityBenchmark, bytesPerSaveBenchmark, startUpBenchmark]) console.log((await section(root)).lines.join('\n'));
  }
  if (process.argv.includes('--durability-only')) process.exit(0);
  if (!process.argv.includes('--autosave-only') && !sections.includes('export')) {
    const long = await typingBenchmark(root, `(a) typing, ${ITEMS} items × ~${WORDS} words`, longMeeting(ITEMS, WORDS), 100);
    console.log(long.lines.join('\n'));
    const full = await typingBenchmark(
      root,
      '(c) typing in a full meeting: 30 attendees, 20 items with decisions, votes, declarations and actions',
      fullMeeting(),
      10,
    );
    console.log(full.lines.join('\n'));
  }
  if (!process.argv.includes('--autosave-only')) {
    const exported = await exportBenchmark(root);
    console.log(exported.lines.join('\n'));
  }
} finally {
  await rm(root, { recursive: true, force: true });
}
