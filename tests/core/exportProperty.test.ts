/**
 * Whatever a clerk typed or pasted, the export is a file Word opens: arbitrary meetings (any code
 * point, control characters from pasted text, lone surrogates, right-to-left names, emoji, very
 * long paragraphs) go through the export; every XML part of every file must parse with a strict,
 * conforming XML parser (saxes, which also rejects characters XML forbids), and pandoc must read
 * the file. Every character XML allows must survive: nothing valid is dropped.
 *
 * pandoc is slow to start, so it reads fewer files than the XML parser does. If pandoc is not
 * installed the pandoc test fails and says what to install (see tests/core/exportReaders.test.ts).
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minutesDocx, type MinutesVersion } from '../../main/core/export/minutesDocument';
import { createAgendaItem, createMeeting, Meeting, newId, type Attendee, type MinuteBlock } from '../../main/domain/meeting';

const run = promisify(execFile);
const pandocMissing = spawnSync('pandoc', ['--version'], { stdio: 'ignore' }).error !== undefined;

// ---------------------------------------------------------------------------------------------
// What a clerk might type or paste.

/** Characters that break naive exports: XML-forbidden controls, lone surrogates, markup, bidi, emoji, combining marks. */
const AWKWARD = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\b',
  '\u000B',
  '\u000C',
  '\u001B',
  '\u001F',
  '\u007F',
  '\u0085',
  '\uFFFE',
  '\uFFFF',
  '\uD800',
  '\uDBFF',
  '\uDC00',
  '\uDFFF',
  '\t',
  '\r',
  '\n',
  '\r\n',
  '\u00A0',
  '\u2028',
  '\u2029',
  '\uFEFF',
  '\u200B',
  '\u200D',
  '\u00AD',
  '&',
  '<',
  '>',
  '"',
  "'",
  ']]>',
  '<w:t>',
  '&amp;',
  '<!--',
  '<?xml',
  '\u202E',
  '\u200F',
  '\u202B',
  'שלום',
  'مرحبا بكم',
  'Siân Ní Bhriain',
  'Tomás Ó Súilleabháin',
  'Llŷr ap Gwilym',
  'e\u0301',
  '“quoted” – dash',
  '👩\u200D💻',
  '🏴\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F}',
  '👍🏽',
  '\u{10FFFF}',
  '\u{E000}',
  '\u{1D11E}',
];

/** One UTF-16 code unit or code point: any code point at all (lone surrogates included), ASCII with its controls, or an awkward piece. */
const unit = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 0x10ffff }).map((codePoint) => String.fromCodePoint(codePoint)) },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 0x7f }).map((code) => String.fromCharCode(code)) },
  { weight: 2, arbitrary: fc.constantFrom(...AWKWARD) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }) },
);

const shortText = (maxLength: number) => fc.string({ unit, maxLength: 40 }).map((text) => text.slice(0, maxLength));

/** A very long paragraph now and then: a generated piece repeated to up to 100,000 characters (the cut may split a surrogate pair). */
const longText = fc
  .tuple(fc.string({ unit, minLength: 1, maxLength: 30 }), fc.integer({ min: 5_000, max: 100_000 }))
  .map(([piece, length]) => piece.repeat(Math.ceil(length / piece.length)).slice(0, length));

const runText = fc.oneof({ weight: 30, arbitrary: shortText(Infinity) }, { weight: 1, arbitrary: longText });

/** Names must have something visible, as the meeting schema asks. */
const nameText = (maxLength: number) => shortText(maxLength - 2).map((text) => `N ${text}`.slice(0, maxLength));

const block = fc.record({
  type: fc.constantFrom('paragraph', 'heading', 'bullet', 'numbered'),
  level: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
  runs: fc.array(fc.record({ text: runText, marks: fc.subarray(['bold', 'italic', 'underline'] as const) }), { minLength: 1, maxLength: 4 }),
});

const meetingParts = fc.record({
  committee: nameText(200),
  title: shortText(300),
  venue: shortText(300),
  status: fc.constantFrom('draft', 'approved'),
  items: fc.array(
    fc.record({
      title: shortText(500),
      exempt: fc.boolean(),
      paragraph: fc.integer({ min: 1, max: 7 }),
      summary: shortText(5000),
      blocks: fc.array(block, { maxLength: 5 }),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  people: fc.array(
    fc.record({
      name: nameText(200),
      category: fc.constantFrom('member', 'councillor', 'officer', 'guest'),
      status: fc.constantFrom('present', 'apologies', 'absent', 'remote'),
      jobTitle: shortText(300),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  nature: shortText(2000),
  points: fc.array(shortText(5000), { maxLength: 3 }),
  actionText: shortText(2000),
  ownerName: shortText(250),
});

type MeetingParts = typeof meetingParts extends fc.Arbitrary<infer T> ? T : never;

/** A meeting the app could hold (checked against the meeting schema), with a sentinel item pandoc must find. */
function meetingFrom(parts: MeetingParts): Meeting {
  const base = createMeeting(
    { committee: parts.committee, title: parts.title, date: '2022-11-08', startTime: '10:00', venue: parts.venue },
    new Date('2022-11-08T10:00:00Z'),
  );
  const agenda = [
    { ...createAgendaItem('Sentinel item'), minutes: [{ id: newId(), type: 'paragraph' as const, runs: [{ text: 'Sentinel paragraph' }] }] },
    ...parts.items.map((item) => ({
      ...createAgendaItem(item.title),
      exempt: item.exempt,
      exemptParagraph: item.exempt ? item.paragraph : undefined,
      publicSummary: item.summary,
      minutes: item.blocks.map((each): MinuteBlock => ({
        id: newId(),
        type: each.type,
        level: each.level,
        runs: each.runs.map((run) => ({ text: run.text, marks: [...run.marks] })),
      })),
    })),
  ];
  const attendees: Attendee[] = parts.people.map((person) => ({
    id: newId(),
    name: person.name,
    displayName: person.name,
    category: person.category,
    status: person.status,
    jobTitle: person.category === 'officer' ? person.jobTitle : undefined,
  }));
  const item = agenda.at(-1)!;
  const meeting = {
    ...base,
    status: parts.status,
    endTime: '12:15',
    agenda,
    attendees,
    declarations: [{ id: newId(), itemId: item.id, attendeeId: attendees[0]!.id, kind: 'non-registrable' as const, nature: parts.nature, withdrew: false }],
    decisions: [
      {
        id: newId(),
        itemId: item.id,
        kind: 'RESOLVED' as const,
        points: parts.points.map((text) => ({ id: newId(), text })),
        vote: { kind: 'counted' as const, for: 3, against: 1, abstentions: 0 },
      },
    ],
    actions: [{ id: newId(), itemId: item.id, text: parts.actionText, ownerName: parts.ownerName, status: 'open' as const }],
  };
  return Meeting.parse(meeting);
}

// ---------------------------------------------------------------------------------------------
// Reading the file back.

/** XML 1.0's Char production, written out here rather than taken from the export. */
const XML_CHAR = /[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function xmlAllowed(text: string): string {
  return Array.from(text)
    .filter((char) => XML_CHAR.test(char))
    .join('');
}

/**
 * White space is left out of the comparison: the export trims titles and splits a public summary
 * into one paragraph per line, and an XML parser turns CR LF into LF.
 */
function squeeze(text: string): string {
  return text.replace(/\s+/gu, '');
}

/** Parses one XML part strictly; returns the text of its w:t elements, a newline after each paragraph. */
function parseXmlPart(name: string, xml: string): string {
  const parser = new SaxesParser({ xmlns: true, fileName: name });
  const problems: string[] = [];
  let text = '';
  let inText = false;
  parser.on('error', (error) => problems.push(error.message));
  parser.on('opentag', (tag) => (inText = tag.name === 'w:t' ? true : inText));
  parser.on('closetag', (tag) => {
    if (tag.name === 'w:t') inText = false;
    if (tag.name === 'w:p') text += '\n';
  });
  parser.on('text', (chunk) => (text += inText ? chunk : ''));
  parser.write(xml).close();
  if (problems.length > 0) throw new Error(`${name} is not well-formed XML: ${problems.slice(0, 3).join('; ')}`);
  return text;
}

/** Every XML part of the .docx, parsed; the text of the document, its headers and footers. */
async function readDocx(docx: Buffer): Promise<{ parts: string[]; text: string }> {
  const zip = await JSZip.loadAsync(docx);
  const parts = Object.values(zip.files).filter((file) => !file.dir && /\.(xml|rels)$/.test(file.name));
  let text = '';
  for (const part of parts) {
    const partText = parseXmlPart(part.name, await part.async('string'));
    if (/^word\/(document|header\d*|footer\d*)\.xml$/.test(part.name)) text += partText;
  }
  return { parts: parts.map((part) => part.name), text };
}

/** The text the clerk typed that the given version must show. */
function shownTexts(meeting: Meeting, version: MinutesVersion): string[] {
  const texts = [meeting.committee, meeting.title, meeting.venue];
  // Present or remote: the name and job title; apologies: the name.
  const attending = meeting.attendees.filter((each) => each.status === 'present' || each.status === 'remote');
  texts.push(...meeting.attendees.filter((each) => each.status !== 'absent').map((each) => each.displayName), ...attending.map((each) => each.jobTitle ?? ''));
  for (const item of meeting.agenda) {
    texts.push(item.title);
    if (item.exempt && version === 'public') {
      texts.push(...item.publicSummary.split(/\r?\n/));
      continue;
    }
    texts.push(...item.minutes.flatMap((each) => each.runs.map((run) => run.text)));
    if (meeting.declarations.some((each) => each.itemId === item.id)) texts.push(...meeting.declarations.map((each) => each.nature.trim().replace(/[.]$/, '')));
    // The decision is one sentence: a point's closing ";" "," or ":" may become its full stop.
    texts.push(
      ...meeting.decisions.filter((each) => each.itemId === item.id).flatMap((each) => each.points.map((point) => point.text.trim().replace(/[;,:]$/, ''))),
    );
    texts.push(...meeting.actions.filter((each) => each.itemId === item.id).flatMap((each) => [each.text, each.ownerName]));
  }
  return texts;
}

const versions = fc.constantFrom<MinutesVersion>('public', 'confidential');

describe('the export of whatever a clerk typed', () => {
  it('is well-formed XML in every part and keeps every character XML allows', async () => {
    await fc.assert(
      fc.asyncProperty(meetingParts, versions, async (parts, version) => {
        const meeting = meetingFrom(parts);
        const { parts: names, text } = await readDocx(await minutesDocx(meeting, { version }));
        expect(names).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'word/numbering.xml']));
        const shown = squeeze(text);
        for (const typed of shownTexts(meeting, version)) {
          const kept = squeeze(xmlAllowed(typed));
          if (!shown.includes(kept)) throw new Error(`Dropped from the ${version} version: ${JSON.stringify(kept.slice(0, 200))}`);
        }
      }),
      { numRuns: 200 },
    );
  });

  if (pandocMissing) {
    it('opens in pandoc', () => {
      expect.fail('pandoc is not installed: apt-get install -y pandoc, or run in CI (bash .ci/run installs it).');
    });
  } else {
    let work = '';
    beforeAll(async () => {
      work = await mkdtemp(join(tmpdir(), 'mb-property-'));
    });
    afterAll(async () => {
      if (work) await rm(work, { recursive: true, force: true });
    });

    it('opens in pandoc', async () => {
      let run_ = 0;
      await fc.assert(
        fc.asyncProperty(meetingParts, versions, async (parts, version) => {
          const file = join(work, `minutes-${(run_ += 1)}.docx`);
          await writeFile(file, await minutesDocx(meetingFrom(parts), { version }));
          const { stdout } = await run('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', file], { maxBuffer: 256 * 1024 * 1024, timeout: 60_000 });
          expect(stdout).toContain('Sentinel paragraph');
        }),
        { numRuns: 25 },
      );
    }, 90_000);
  }
});
