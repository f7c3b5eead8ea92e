/**
 * The Word export read by programs that share no code with it: LibreOffice (headless, to PDF, the
 * pages read back with pdftotext) and pandoc (to plain text). Every sentence of the meeting must
 * come out, in order, in both; the public version must hold no Part 2 minutes; every page must
 * carry its markings (DRAFT, CONFIDENTIAL) and "Page X of Y".
 *
 * The meeting is the one a clerk took by keyboard in the end-to-end test
 * (tests/e2e/wholeMeeting.test.ts writes it to test-results/e2e/whole-meeting.json; the fixture
 * is a copy), plus the 20-item full meeting of tests/support/longMeeting.ts, long enough that
 * sentences run across page breaks.
 *
 * The expected sentences are built from the meeting here, from the record and the standard
 * wording of main/domain, not from the export module.
 *
 * Missing readers: the issue asks for this in CI, and .ci/run installs LibreOffice, pandoc and
 * poppler-utils. On a developer's machine without them the suite is NOT skipped silently: one
 * test fails and says what to install (as the end-to-end tests do when Chromium is missing), so
 * `npm test` never reports a pass it did not earn.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minutesDocx, type MinutesVersion } from '../../main/core/export/minutesDocument';
import { readMeetingFile } from '../../main/core/meetingFile';
import type { AgendaItem, Meeting, MinuteBlock } from '../../main/domain/meeting';
import { actionReference } from '../../main/domain/minuteNumbers';
import { declarationSentences, decisionSentence, formatClockTime, movementSentence, voteSentence } from '../../main/domain/wording';
import { convertToPdf, SOFFICE } from '../support/libreOffice';
import { fullMeeting } from '../support/longMeeting';

const run = promisify(execFile);
const READERS: ReadonlyArray<{ command: string; args: string[]; package: string }> = [
  { command: SOFFICE, args: ['--version'], package: 'libreoffice-writer-nogui (or libreoffice-writer)' },
  { command: 'pdftotext', args: ['-v'], package: 'poppler-utils' },
  { command: 'pandoc', args: ['--version'], package: 'pandoc' },
];
const missing = READERS.filter((reader) => spawnSync(reader.command, reader.args, { stdio: 'ignore' }).error !== undefined);

const WHOLE_MEETING = join(import.meta.dirname, 'fixtures', 'whole-meeting.json');

// ---------------------------------------------------------------------------------------------
// What the minutes must say, from the record.

/** "2026-11-10" → "Tuesday, 10 November 2026", with the platform's own calendar. */
function longDate(isoDate: string): string {
  const day = new Date(`${isoDate}T00:00:00Z`);
  const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' }).format(day);
  return `${weekday}, ${shortDate(isoDate)}`;
}

function shortDate(isoDate: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

function blockTexts(blocks: readonly MinuteBlock[]): string[] {
  return blocks.map((block) => block.runs.map((run) => run.text).join('')).filter((text) => text.trim());
}

/** The record of one item: declarations, arrivals and departures, decisions and votes, actions. */
function recordSentences(meeting: Meeting, item: AgendaItem): string[] {
  const sentences: string[] = [];
  const declarations = meeting.declarations.filter((each) => each.itemId === item.id);
  if (declarations.length > 0) sentences.push(...declarationSentences({ ...meeting, declarations }));
  const movements = meeting.movements.filter((each) => each.itemId === item.id).sort((a, b) => a.time.localeCompare(b.time));
  sentences.push(...movements.map((movement) => movementSentence(meeting, movement)));
  for (const decision of meeting.decisions.filter((each) => each.itemId === item.id)) {
    sentences.push(decisionSentence(meeting, decision));
    const vote = voteSentence(meeting, decision);
    if (vote) sentences.push(vote);
  }
  for (const action of meeting.actions.filter((each) => each.itemId === item.id)) {
    const owner = meeting.attendees.find((each) => each.id === action.ownerAttendeeId)?.displayName ?? action.ownerName;
    sentences.push(actionReference(meeting, action.id), action.text, owner);
  }
  return sentences;
}

function scheduleParagraph(item: AgendaItem): string {
  return item.exemptParagraph ? `paragraph ${item.exemptParagraph} of Schedule 12A` : 'Schedule 12A';
}

/** Every sentence of the minutes, in the order a reader meets them. */
function expectedSentences(meeting: Meeting, version: MinutesVersion): string[] {
  const name = (id: string | undefined) => meeting.attendees.find((each) => each.id === id)?.displayName ?? '';
  const attending = meeting.attendees.filter((each) => each.status === 'present' || each.status === 'remote');
  const present = attending.filter((each) => each.category === 'member');
  const alsoPresent = attending.filter((each) => each.category === 'councillor' || each.category === 'guest');
  const officers = attending.filter((each) => each.category === 'officer');
  const apologies = meeting.attendees.filter((each) => each.status === 'apologies' || each.status === 'substituted');
  const sentences = [
    meeting.committee,
    meeting.title,
    `Minutes of the meeting held on ${longDate(meeting.date)} at ${formatClockTime(meeting.startTime)}`,
    meeting.venue,
  ];
  const group = (label: string, names: string[]) => (names.length > 0 ? [label, ...names] : []);
  sentences.push(
    ...group(
      'Present',
      present.map((each) => {
        if (each.role === 'chair') return `${each.displayName} (Chair)`;
        if (each.role === 'vice-chair') return `${each.displayName} (Vice-Chair)`;
        if (each.role === 'substitute') return `${each.displayName} (substitute for ${name(each.substituteFor)})`;
        return each.displayName;
      }),
    ),
    ...group(
      'Also present',
      alsoPresent.map((each) => each.displayName),
    ),
    ...group(
      'Officers',
      officers.map((each) => (each.jobTitle ? `${each.displayName}, ${each.jobTitle}` : each.displayName)),
    ),
    ...group(
      'Apologies',
      apologies.map((each) => each.displayName),
    ),
  );
  for (const item of meeting.agenda) {
    sentences.push(item.title);
    if (item.exempt && version === 'public') {
      sentences.push(...item.publicSummary.split('\n').filter((line) => line.trim()), scheduleParagraph(item));
      continue;
    }
    if (item.exempt) sentences.push(scheduleParagraph(item));
    sentences.push(...blockTexts(item.minutes), ...recordSentences(meeting, item));
  }
  const tabled = meeting.agenda
    .filter((item) => version === 'confidential' || !item.exempt)
    .flatMap((item) => meeting.actions.filter((action) => action.itemId === item.id));
  if (tabled.length > 0) {
    sentences.push('Reference', 'Action', 'Owner', 'Due date', 'Status');
    for (const action of tabled) {
      const owner = name(action.ownerAttendeeId) || action.ownerName;
      sentences.push(
        actionReference(meeting, action.id),
        action.text,
        owner,
        action.due ? shortDate(action.due) : '',
        action.status[0]!.toUpperCase() + action.status.slice(1),
      );
    }
  }
  if (meeting.endTime) sentences.push(`The meeting ended at ${formatClockTime(meeting.endTime)}`);
  sentences.push('Chair', 'Date');
  return sentences.filter((sentence) => sentence.trim());
}

/** What the public version must not say: the minutes and record of every Part 2 item. */
function part2Sentences(meeting: Meeting): string[] {
  return meeting.agenda
    .filter((item) => item.exempt)
    .flatMap((item) => [...blockTexts(item.minutes), ...recordSentences(meeting, item).filter((sentence) => sentence.length > 12)]);
}

// ---------------------------------------------------------------------------------------------
// Reading the text back.

/**
 * The readers lay text out differently: LibreOffice breaks lines wherever a line is full
 * (including after a hyphen, as in "child-|first"), pdftotext turns the breaks into newlines,
 * pandoc indents list items and pads table cells. So both sides are compared with all white
 * space removed (and soft hyphens, in case a template turns hyphenation on), after NFKC, which
 * folds the ligatures a PDF may hold ("ﬁ" → "fi"). Sentences are long enough that this loses
 * nothing: a word dropped or changed still fails.
 */
function squeeze(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u00AD]+/gu, '');
}

/** Finds each sentence after the previous one; returns what is missing or out of order. */
function inOrder(text: string, sentences: readonly string[]): string[] {
  const haystack = squeeze(text);
  const problems: string[] = [];
  let cursor = 0;
  for (const sentence of sentences) {
    const needle = squeeze(sentence);
    const at = haystack.indexOf(needle, cursor);
    if (at >= 0) {
      cursor = at + needle.length;
      continue;
    }
    problems.push(haystack.includes(needle) ? `out of order: ${sentence}` : `missing: ${sentence}`);
  }
  return problems;
}

interface Pages {
  /** The lines of each page. */
  pages: string[][];
  /** How many lines at the top and bottom of every page are the running header and footer. */
  headerLines: number;
  footerLines: number;
}

const PAGE_NUMBER = /^Page \d+ of \d+$/;

/**
 * pdftotext writes a form feed after each page. The running header and footer are the lines every
 * page starts and ends with (page numbers aside); they are cut out of the body so that a sentence
 * running over a page break reads on.
 */
function splitPages(pdfText: string): Pages {
  const pages = pdfText
    .split('\f')
    .map((page) =>
      page
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .filter((lines) => lines.length > 0);
  if (pages.length < 2) return { pages, headerLines: 0, footerLines: 0 };
  const shortest = Math.min(...pages.map((lines) => lines.length));
  const sameOnEveryPage = (lineOf: (lines: string[]) => string) => pages.every((lines) => lineOf(lines) === lineOf(pages[0]!));
  let headerLines = 0;
  while (headerLines < shortest && sameOnEveryPage((lines) => lines[headerLines]!)) headerLines += 1;
  let footerLines = 0;
  while (footerLines < shortest - headerLines && sameOnEveryPage((lines) => lines[lines.length - 1 - footerLines]!.replace(PAGE_NUMBER, 'Page # of #')))
    footerLines += 1;
  return { pages, headerLines, footerLines };
}

function bodyText({ pages, headerLines, footerLines }: Pages): string {
  return pages.map((lines) => lines.slice(headerLines, lines.length - footerLines).join('\n')).join('\n');
}

/** The header and footer lines of each page (the whole page when there is only one). */
function runningLines({ pages, headerLines, footerLines }: Pages): string[][] {
  if (pages.length < 2) return pages;
  return pages.map((lines) => [...lines.slice(0, headerLines), ...lines.slice(lines.length - footerLines)]);
}

// ---------------------------------------------------------------------------------------------

interface Exported {
  meeting: Meeting;
  version: MinutesVersion;
  pdf: Pages;
  pdfText: string;
  plain: string;
}

const CASES = {
  wholePublic: { label: 'the whole meeting, public, draft', version: 'public' },
  wholeConfidential: { label: 'the whole meeting, confidential, draft', version: 'confidential' },
  wholeApproved: { label: 'the whole meeting, approved and closed, public', version: 'public' },
  fullConfidential: { label: 'the 20-item full meeting, confidential', version: 'confidential' },
} as const satisfies Record<string, { label: string; version: MinutesVersion }>;
type CaseName = keyof typeof CASES;

if (missing.length > 0) {
  describe('the export read by LibreOffice and pandoc', () => {
    it('needs LibreOffice, pdftotext and pandoc to read the export', () => {
      expect.fail(
        `Not found: ${missing.map((reader) => reader.command).join(', ')}. Install ${missing.map((reader) => reader.package).join(', ')} (apt-get install -y --no-install-recommends libreoffice-writer-nogui pandoc poppler-utils), or run in CI (bash .ci/run installs them).`,
      );
    });
  });
} else {
  const exported = {} as Record<CaseName, Exported>;
  let work = '';

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'mb-readers-'));
    const whole = (await readMeetingFile(WHOLE_MEETING)).meeting;
    const meetings: Record<CaseName, Meeting> = {
      wholePublic: whole,
      wholeConfidential: whole,
      wholeApproved: { ...whole, status: 'approved', endTime: '12:15' },
      fullConfidential: fullMeeting(),
    };
    const names = Object.keys(CASES) as CaseName[];
    for (const name of names) await writeFile(join(work, `${name}.docx`), await minutesDocx(meetings[name], { version: CASES[name].version }));
    await convertToPdf(
      names.map((name) => join(work, `${name}.docx`)),
      work,
      150_000,
    );
    for (const name of names) {
      const pdf = join(work, `${name}.pdf`);
      if (!existsSync(pdf)) throw new Error(`LibreOffice did not convert ${name}.docx to PDF`);
      // -raw: text in the order LibreOffice wrote it, so a table row reads cell by cell.
      await run('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, join(work, `${name}.txt`)]);
      const pdfText = await readFile(join(work, `${name}.txt`), 'utf8');
      const { stdout: plain } = await run('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', join(work, `${name}.docx`)], { maxBuffer: 64 * 1024 * 1024 });
      exported[name] = { meeting: meetings[name], version: CASES[name].version, pdf: splitPages(pdfText), pdfText, plain };
    }
  }, 240_000);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  describe.each(Object.keys(CASES) as CaseName[])('%s read back by LibreOffice and pandoc', (name) => {
    it(`has every sentence of ${CASES[name].label}, in order, in the PDF pages`, () => {
      const { meeting, version, pdf } = exported[name];
      expect(pdf.pages.length).toBeGreaterThan(0);
      expect(inOrder(bodyText(pdf), expectedSentences(meeting, version))).toEqual([]);
    });

    it(`has every sentence of ${CASES[name].label}, in order, in pandoc's plain text`, () => {
      const { meeting, version, plain } = exported[name];
      expect(inOrder(plain, expectedSentences(meeting, version))).toEqual([]);
    });

    it('numbers every page "Page X of Y"', () => {
      const { pages } = exported[name].pdf;
      pages.forEach((lines, index) => expect(lines, `page ${index + 1}`).toContain(`Page ${index + 1} of ${pages.length}`));
    });

    it('names the committee and date at the top of every page', () => {
      const { meeting, pdf } = exported[name];
      runningLines(pdf).forEach((lines, index) =>
        expect(squeeze(lines.join(' ')), `page ${index + 1}`).toContain(squeeze(`${meeting.committee}, ${shortDate(meeting.date)}`)),
      );
    });
  });

  describe('markings on every page', () => {
    const marked = (name: CaseName, word: string) => runningLines(exported[name].pdf).map((lines) => lines.some((line) => line.includes(word)));

    it('says CONFIDENTIAL on every page of the confidential version', () => {
      for (const name of ['wholeConfidential', 'fullConfidential'] as const) expect(marked(name, 'CONFIDENTIAL').every(Boolean), name).toBe(true);
    });

    it('says DRAFT on every page while the meeting is a draft', () => {
      for (const name of ['wholePublic', 'wholeConfidential', 'fullConfidential'] as const) {
        expect(exported[name].meeting.status).toBe('draft');
        expect(marked(name, 'DRAFT').every(Boolean), name).toBe(true);
      }
    });

    it('says neither DRAFT nor CONFIDENTIAL anywhere on the public minutes of an approved meeting', () => {
      const { pdfText, plain } = exported.wholeApproved;
      for (const text of [pdfText, plain]) {
        expect(text).not.toContain('DRAFT');
        expect(text).not.toContain('CONFIDENTIAL');
      }
    });

    it('does not say CONFIDENTIAL on the public draft', () => {
      expect(exported.wholePublic.pdfText).not.toContain('CONFIDENTIAL');
    });
  });

  describe('Part 2 items', () => {
    it('the whole meeting has a Part 2 item with a public summary and minutes of its own', () => {
      const exempt = exported.wholePublic.meeting.agenda.filter((item) => item.exempt);
      expect(exempt.length).toBeGreaterThan(0);
      expect(exempt.every((item) => item.publicSummary.trim() && blockTexts(item.minutes).length > 0)).toBe(true);
    });

    it('leaves every word of the Part 2 minutes out of the public version, in both readers', () => {
      for (const name of ['wholePublic', 'wholeApproved'] as const) {
        const { meeting, pdfText, plain } = exported[name];
        for (const sentence of part2Sentences(meeting)) {
          expect(squeeze(pdfText), `${name} PDF`).not.toContain(squeeze(sentence));
          expect(squeeze(plain), `${name} pandoc`).not.toContain(squeeze(sentence));
        }
      }
    });

    it('gives the public summary and the Schedule 12A sentence in the public version', () => {
      const { meeting, pdf, plain } = exported.wholePublic;
      for (const item of meeting.agenda.filter((each) => each.exempt)) {
        const sentence = new RegExp(`This item was considered in private under ${scheduleParagraph(item)}`);
        for (const text of [bodyText(pdf), plain]) {
          expect(squeeze(text)).toContain(squeeze(item.publicSummary));
          expect(text.replace(/\s+/g, ' ')).toMatch(sentence);
        }
      }
    });

    it('keeps the Part 2 minutes in the confidential version', () => {
      const { meeting, pdf, plain } = exported.wholeConfidential;
      for (const sentence of part2Sentences(meeting)) {
        expect(squeeze(bodyText(pdf))).toContain(squeeze(sentence));
        expect(squeeze(plain)).toContain(squeeze(sentence));
      }
    });
  });
}
