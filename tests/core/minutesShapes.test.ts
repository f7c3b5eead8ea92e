/**
 * The minutes of each kind of body in its own shape, read back from the .docx XML (and by pandoc):
 * attendance groups and labels, the law for private business (a school's Part II in its own
 * document), sections and lettered sub-items, paragraph numbers tied to the minute number,
 * decisions where the clerk placed them and in the body's layout, references in the house
 * style's patterns, and the quorum statement.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { minutesDocx } from '../../main/core/export/minutesDocument';
import { columnWidthsByContent, PORTRAIT_TEXT_WIDTH_TWIPS } from '../../main/core/export/minutes/tableColumns';
import type { BodyKind, MinutesShapeOverride } from '../../main/domain/bodies';
import { DEFAULT_HOUSE_STYLE, type HouseStyle } from '../../main/domain/houseStyle';
import { createMeeting, type AgendaItem, type Attendee, type Decision, type Meeting, type MinuteBlock } from '../../main/domain/meeting';
import { paragraphsXml, paragraphTexts, paragraphXml } from '../support/docxText';
import { openDocx } from '../support/openDocx';

function person(id: string, displayName: string, fields: Partial<Attendee> = {}): Attendee {
  return { id, name: displayName, displayName, category: 'member', role: 'member', status: 'present', ...fields };
}

function item(id: string, title: string, fields: Partial<AgendaItem> = {}): AgendaItem {
  return { id, title, background: '', minutes: [], role: 'standard', minutesEditedByHand: false, exempt: false, publicSummary: '', ...fields };
}

function paragraph(id: string, text: string, type: MinuteBlock['type'] = 'paragraph'): MinuteBlock {
  return { id, type, runs: [{ text }] };
}

function meetingOf(fields: Partial<Meeting>): Meeting {
  const meeting = createMeeting(
    { committee: 'Test body', title: '', date: '2026-03-12', startTime: '18:00', venue: 'Main Hall' },
    new Date('2026-03-01T09:00:00Z'),
  );
  return { ...meeting, quorum: { kind: 'count', count: 3 }, ...fields };
}

function houseOf(bodyKind: BodyKind, fields: Partial<HouseStyle> = {}, shape?: MinutesShapeOverride): HouseStyle {
  return { ...DEFAULT_HOUSE_STYLE, bodyKind, ...(shape ? { shape } : {}), ...fields };
}

interface Read {
  document: string;
  numbering: string;
  texts: string[];
  docx: Buffer;
}

async function read(meeting: Meeting, version: 'public' | 'confidential', houseStyle: HouseStyle): Promise<Read> {
  const docx = await minutesDocx(meeting, { version, draft: false, style: { houseStyle } });
  const opened = await openDocx(docx);
  const document = await opened.part(/^word\/document\.xml$/);
  return { document, numbering: await opened.part(/^word\/numbering\.xml$/), texts: paragraphTexts(document), docx };
}

/** The paragraphs from the one reading `from` up to (not including) the one reading `to`. */
function between(texts: readonly string[], from: string, to: string): string[] {
  return texts.slice(texts.indexOf(from), texts.indexOf(to));
}

/** The numIds whose level 0 shows `levelText` ("64.%1"). */
function numIdsShowing(numbering: string, levelText: string): string[] {
  const abstracts = [...numbering.matchAll(/<w:abstractNum [^>]*w:abstractNumId="(\d+)"[\s\S]*?<\/w:abstractNum>/g)]
    .filter((match) => match[0].includes(`<w:lvlText w:val="${levelText}"/>`))
    .map((match) => match[1]);
  return [...numbering.matchAll(/<w:num w:numId="(\d+)"[^>]*>\s*<w:abstractNumId w:val="(\d+)"\/>/g)]
    .filter((match) => abstracts.includes(match[2]))
    .map((match) => match[1]!);
}

/** The texts of the paragraphs numbered under `levelText`, in order. */
function numberedUnder(result: Read, levelText: string): string[] {
  const ids = numIdsShowing(result.numbering, levelText);
  return paragraphsXml(result.document)
    .filter((xml) => ids.some((id) => xml.includes(`<w:numId w:val="${id}"/>`)))
    .map((xml) => paragraphTexts(xml)[0]!);
}

const folders: string[] = [];
afterAll(async () => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

/** The document as pandoc reads it, as plain text. */
async function pandocText(docx: Buffer): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'minutes-shapes-'));
  folders.push(folder);
  const file = join(folder, 'minutes.docx');
  await writeFile(file, docx);
  return execFileSync('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', file], { encoding: 'utf8' });
}

describe('a council committee with paragraph numbers, Procedural Business (a)–(c) and PART ONE / PART TWO', () => {
  const house = houseOf('principal-council', {}, { paragraphNumbering: 'decimal', decisionLayout: 'numbered-points' });
  const attendees: Attendee[] = [
    person('chair001', 'Councillor Ann Hale', { role: 'chair' }),
    person('jdc00001', 'Councillor Bo Kerr', { role: 'vice-chair', roleLabel: 'Joint Deputy Chair' }),
    person('memb0001', 'Councillor Cy Doyle', { jobTitle: 'Opposition Spokesperson' }),
    person('memb0002', 'Councillor Di Evans', { status: 'apologies' }),
    person('memb0003', 'Councillor Ed Ford', { status: 'absent' }),
    { id: 'offi0001', name: 'Flo Grant', displayName: 'Flo Grant', category: 'officer', jobTitle: 'Head of Finance & Resources', status: 'present' },
  ];
  const budgetMinutes = [
    paragraph('blk00001', 'The Head of Finance introduced the report on the £2.4m overspend.'),
    paragraph('blk00002', 'Pressures', 'heading'),
    paragraph('blk00003', 'children’s placements;', 'bullet'),
    paragraph('blk00004', 'Members asked whether the reserves would cover it.'),
  ];
  const decisions: Decision[] = [
    {
      id: 'dcsn0001',
      itemId: 'item0005',
      kind: 'RESOLVED',
      afterBlockId: 'blk00001',
      points: [
        { id: 'pnt00001', text: 'That the report be noted' },
        { id: 'pnt00002', text: 'officers bring a recovery plan to the next meeting' },
      ],
    },
    {
      id: 'dcsn0002',
      itemId: 'item0005',
      kind: 'RESOLVED',
      points: [{ id: 'pnt00003', text: 'the Panel recommends a freeze on recruitment' }],
      vote: { kind: 'counted', for: 1, against: 2, abstentions: 0 },
    },
  ];
  const agenda = [
    item('sect0001', 'PART ONE', { shape: 'section' }),
    item('item0001', 'Procedural Business'),
    item('item0002', 'Declarations of substitutes', { shape: 'sub-item', role: 'apologies' }),
    item('item0003', 'Declarations of interest', { shape: 'sub-item', role: 'declarations' }),
    item('item0004', 'Exclusion of press and public', {
      shape: 'sub-item',
      minutes: [paragraph('blk00009', 'The Panel agreed to exclude the public for item 65.')],
    }),
    item('item0005', 'Budget monitoring 2026/27', { minutes: budgetMinutes }),
    item('sect0002', 'PART TWO', { shape: 'section' }),
    item('item0006', 'Leisure centre lease', { exempt: true, exemptParagraph: 3, publicSummary: 'The Panel agreed the lease terms.' }),
  ];
  const meeting = meetingOf({
    firstMinuteNumber: 63,
    attendees,
    agenda,
    decisions,
    declarations: [{ id: 'decl0001', itemId: 'item0005', attendeeId: 'memb0001', kind: 'non-registrable', nature: '', withdrew: false }],
    actions: [{ id: 'actn0001', itemId: 'item0005', number: 1, text: 'Draft the recovery plan', ownerName: 'Flo Grant', status: 'open' }],
  });

  it('lists the attendance in the council’s groups, absent members included, roles in the body’s words', async () => {
    const { texts } = await read(meeting, 'public', house);
    expect(between(texts, 'Present', 'PART ONE')).toEqual([
      'Present',
      'Councillor Ann Hale (Chair)',
      'Councillor Bo Kerr (Joint Deputy Chair)',
      'Councillor Cy Doyle, Opposition Spokesperson',
      'Officers',
      'Flo Grant, Head of Finance & Resources',
      'Apologies',
      'Councillor Di Evans',
      'Absent',
      'Councillor Ed Ford',
    ]);
  });

  it('prints sections as unnumbered headings and sub-items as lettered parts with their generated text', async () => {
    const result = await read(meeting, 'public', house);
    expect(paragraphXml(result.document, 'PART ONE')).toContain('<w:pStyle w:val="Heading1"/>');
    expect(paragraphXml(result.document, 'PART TWO')).toContain('<w:pStyle w:val="Heading1"/>');
    expect(paragraphXml(result.document, '(a) Declarations of substitutes')).toContain('<w:pStyle w:val="Heading2"/>');
    const texts = result.texts;
    expect(between(texts, '63 Procedural Business', '64 Budget monitoring 2026/27')).toEqual([
      '63 Procedural Business',
      '(a) Declarations of substitutes',
      'Apologies for absence were received from Councillor Di Evans.',
      '(b) Declarations of interest',
      'Councillor Cy Doyle declared a non-registrable interest in item 64 and remained in the meeting.',
      '(c) Exclusion of press and public',
      'The Panel agreed to exclude the public for item 65.',
    ]);
    expect(texts).toContain('65 Leisure centre lease');
  });

  it('numbers the paragraphs of each minute after it as real Word numbering, generated paragraphs in sequence', async () => {
    const result = await read(meeting, 'public', house);
    expect(numberedUnder(result, '63.%1')).toEqual([
      'Apologies for absence were received from Councillor Di Evans.',
      'Councillor Cy Doyle declared a non-registrable interest in item 64 and remained in the meeting.',
      'The Panel agreed to exclude the public for item 65.',
    ]);
    expect(numberedUnder(result, '64.%1')).toEqual([
      'The Head of Finance introduced the report on the £2.4m overspend.',
      'RESOLVED:',
      'Members asked whether the reserves would cover it.',
      'Councillor Cy Doyle declared a non-registrable interest in item 64 and remained in the meeting.',
      'The motion that the Panel recommends a freeze on recruitment was put to the vote and was LOST (For 1, Against 2, Abstentions 0).',
      'ACTION 64/1: Draft the recovery plan — Flo Grant',
    ]);
    // Headings, list items and sections are not numbered paragraphs.
    for (const text of ['Pressures', 'children’s placements;', 'PART ONE', '(a) Declarations of substitutes']) {
      expect(numIdsShowing(result.numbering, '64.%1').some((id) => paragraphXml(result.document, text).includes(`<w:numId w:val="${id}"/>`))).toBe(false);
    }
  });

  it('renumbers the paragraphs when the items move', async () => {
    const moved = { ...meeting, agenda: [meeting.agenda[0]!, meeting.agenda[5]!, ...meeting.agenda.slice(1, 5), ...meeting.agenda.slice(6)] };
    const result = await read(moved, 'public', house);
    expect(result.texts).toContain('63 Budget monitoring 2026/27');
    expect(numberedUnder(result, '63.%1')[0]).toBe('The Head of Finance introduced the report on the £2.4m overspend.');
    expect(numberedUnder(result, '64.%1')[0]).toBe('Apologies for absence were received from Councillor Di Evans.');
    expect(result.texts).toContain('ACTION 63/1: Draft the recovery plan — Flo Grant');
  });

  it('places a decision where the clerk put it, one numbered point a paragraph, and never a lost motion under RESOLVED', async () => {
    const { texts } = await read(meeting, 'public', house);
    const from = texts.indexOf('64 Budget monitoring 2026/27');
    expect(texts.slice(from + 1, from + 6)).toEqual([
      'The Head of Finance introduced the report on the £2.4m overspend.',
      'RESOLVED:',
      'That the report be noted;',
      'That officers bring a recovery plan to the next meeting.',
      'Pressures',
    ]);
    expect(texts.filter((text) => text.includes('freeze on recruitment'))).toEqual([
      'The motion that the Panel recommends a freeze on recruitment was put to the vote and was LOST (For 1, Against 2, Abstentions 0).',
    ]);
    const pointNumbers = numIdsShowing((await read(meeting, 'public', house)).numbering, '(%1)');
    expect(pointNumbers.length).toBeGreaterThan(0);
  });

  it('cites Schedule 12A for the Part 2 item, with its public summary', async () => {
    const { texts } = await read(meeting, 'public', house);
    expect(texts).toContain('The Panel agreed the lease terms.');
    expect(texts).toContain('This item was considered in private under paragraph 3 of Schedule 12A to the Local Government Act 1972.');
  });
});

describe('an NHS board in public', () => {
  const house = houseOf('nhs-trust-board', { minuteNumberPattern: 'TB/{yy}/{n}' });
  const attendees: Attendee[] = [
    person('chair001', 'Helen Ives', { role: 'chair' }),
    person('ned00001', 'Jane Roe', { jobTitle: 'Non-Executive Director' }),
    person('ned00002', 'Kit Lamb', { jobTitle: 'Non-Executive Director', status: 'remote' }),
    person('ceo00001', 'Mo Nash', { jobTitle: 'Chief Executive' }),
    person('ned00003', 'Ola Pike', { jobTitle: 'Non-Executive Director', status: 'apologies' }),
    { id: 'offi0001', name: 'Pat Quinn', displayName: 'Pat Quinn', category: 'officer', jobTitle: 'Director of Nursing', status: 'present' },
    { id: 'gues0001', name: 'Ray Shaw', displayName: 'Ray Shaw', category: 'guest', jobTitle: 'Public Governor', status: 'present' },
    { id: 'secr0001', name: 'Sue Tate', displayName: 'Sue Tate', category: 'officer', group: 'secretariat', jobTitle: 'Company Secretary', status: 'present' },
  ];
  const meeting = meetingOf({
    committee: 'Board of Directors',
    firstMinuteNumber: 41,
    remoteMembersCount: true,
    attendees,
    agenda: [
      item('item0001', 'Integrated performance report', { minutes: [paragraph('blk00001', 'The Board discussed A&E waiting times.')] }),
      item('item0002', 'Estates transaction', { exempt: true, minutes: [paragraph('blk00002', 'The Board reviewed the offer from Vale Developments.')] }),
    ],
    decisions: [
      {
        id: 'dcsn0001',
        itemId: 'item0001',
        kind: 'NOTED',
        points: [{ id: 'pnt00001', text: 'the report' }],
        vote: { kind: 'counted', for: 4, against: 0, abstentions: 0 },
      },
    ],
    actions: [{ id: 'actn0001', itemId: 'item0001', number: 1, text: 'Bring the winter plan', ownerName: 'Pat Quinn', status: 'open' }],
  });

  it('lists Members / In attendance / Present / Secretariat / Apologies with job titles, and says the meeting was quorate', async () => {
    const { texts } = await read(meeting, 'public', house);
    expect(between(texts, 'Members', 'TB/26/41 Integrated performance report')).toEqual([
      'Members',
      'Helen Ives (Chair)',
      'Jane Roe, Non-Executive Director',
      'Kit Lamb, Non-Executive Director (by video)',
      'Mo Nash, Chief Executive',
      'In attendance',
      'Pat Quinn, Director of Nursing',
      'Present',
      'Ray Shaw, Public Governor',
      'Secretariat',
      'Sue Tate, Company Secretary',
      'Apologies',
      'Ola Pike, Non-Executive Director',
      'The meeting was quorate.',
    ]);
  });

  it('prints a role once, and a non-voting member in the board’s words, not a council’s', async () => {
    const board = {
      ...meeting,
      attendees: [
        person('chair001', 'Helen Ives', { role: 'chair', jobTitle: 'Chair' }),
        person('ned00001', 'Owen Tremayne', { role: 'co-opted-non-voting', jobTitle: 'Associate Non-Executive Director' }),
        person('ned00002', 'Jane Roe', { role: 'co-opted-voting', jobTitle: 'Non-Executive Director' }),
      ],
    };
    const { texts } = await read(board, 'public', house);
    expect(texts).toContain('Helen Ives, Chair');
    expect(texts).toContain('Owen Tremayne, Associate Non-Executive Director (non-voting)');
    expect(texts).toContain('Jane Roe, Non-Executive Director');
    expect(texts.join('\n')).not.toContain('co-opted');
  });

  it('takes private business under the 1960 Act and never cites Schedule 12A', async () => {
    for (const version of ['public', 'confidential'] as const) {
      const { document, texts } = await read(meeting, version, house);
      expect(document).not.toContain('Schedule 12A');
      expect(texts.some((text) => text.includes('section 1(2) of the Public Bodies (Admission to Meetings) Act 1960'))).toBe(true);
    }
    const publicText = await pandocText((await read(meeting, 'public', house)).docx);
    expect(publicText).not.toContain('Vale Developments');
    expect(publicText).not.toContain('Schedule 12A');
    expect(publicText).toContain('Public Bodies (Admission to Meetings) Act 1960');
  });

  it('words the vote as a board does, and the action reference as the house style says', async () => {
    const withPattern = houseOf('nhs-trust-board', { minuteNumberPattern: 'TB/{yy}/{n}' }, { actionReferencePattern: 'TB{yyyy}.{seq}' });
    const { texts } = await read(meeting, 'public', withPattern);
    expect(texts).toContain('NOTED that the report.');
    expect(texts).toContain('The Board voted on the proposal: For 4, Against 0, Abstentions 0; it was agreed.');
    expect(texts).toContain('ACTION TB2026.1: Bring the winter plan — Pat Quinn');
    expect(texts).toContain('TB2026.1');
    expect(texts.join('\n')).not.toMatch(/motion/i);
  });

  it('says from which minute the meeting was not quorate', async () => {
    const few = { ...meeting, movements: [{ id: 'move0001', attendeeId: 'ned00001', kind: 'left' as const, time: '10:40', itemId: 'item0002' }] };
    const inquorate = { ...few, quorum: { kind: 'count' as const, count: 5 } };
    expect((await read(inquorate, 'public', house)).texts).toContain('The meeting was not quorate from minute TB/26/41 (Integrated performance report).');
    const laterInquorate = { ...few, quorum: { kind: 'count' as const, count: 4 } };
    expect((await read(laterInquorate, 'public', house)).texts).toContain('The meeting was not quorate from minute TB/26/42 (Estates transaction).');
  });
});

describe('a school’s full governing board', () => {
  const house = houseOf('school-maintained', { minuteNumberPattern: 'FGB/{yy}/{n}' });
  const attendees: Attendee[] = [
    person('chair001', 'Claire Wood', { role: 'chair', initials: 'CW', memberCategory: 'co-opted' }),
    person('head0001', 'Dev Patel', { initials: 'DP', memberCategory: 'headteacher', jobTitle: 'Headteacher' }),
    person('gov00001', 'Erin Fox', { initials: 'EF', memberCategory: 'parent', status: 'remote' }),
    person('gov00002', 'Gus Hill', { initials: 'GH', memberCategory: 'parent', status: 'apologies', apologiesConsented: true }),
    person('gov00003', 'Ivy Jay', { initials: 'IJ', memberCategory: 'staff', status: 'apologies', apologiesConsented: false }),
    person('gov00004', 'Kay Lee', { initials: 'KL', memberCategory: 'local-authority', status: 'absent' }),
    { id: 'clrk0001', name: 'Max Neal', displayName: 'Max Neal', category: 'officer', group: 'clerk', jobTitle: 'Clerk to Governors', status: 'present' },
  ];
  const meeting = meetingOf({
    committee: 'Full Governing Board',
    firstMinuteNumber: 4,
    remoteMembersCount: true,
    quorum: { kind: 'count', count: 3 },
    attendees,
    agenda: [
      item('item0001', 'Welcome and apologies for absence', { role: 'apologies' }),
      item('item0002', 'Declarations of business and pecuniary interests', { role: 'declarations' }),
      item('item0003', 'Pupil premium strategy', {
        minutes: [paragraph('blk00001', 'The Headteacher presented the strategy.'), paragraph('blk00002', 'Governors asked how impact is measured.')],
      }),
      item('item0004', 'Staffing restructure', {
        exempt: true,
        minutes: [paragraph('blk00003', 'Governors discussed the proposed redundancy of the site manager post.')],
      }),
    ],
    declarations: [
      { id: 'decl0001', itemId: 'item0003', attendeeId: 'head0001', kind: 'non-registrable', nature: 'spouse works for the provider', withdrew: false },
    ],
    decisions: [
      {
        id: 'dcsn0001',
        itemId: 'item0003',
        kind: 'AGREED',
        afterBlockId: null,
        points: [{ id: 'pnt00001', text: 'the strategy be published' }],
        vote: { kind: 'counted', for: 3, against: 0, abstentions: 0 },
      },
    ],
  });

  it('lists governors with initials and categories, the key, apologies consented or not, and absence', async () => {
    const { texts } = await read(meeting, 'public', house);
    expect(between(texts, 'Governors present', 'FGB/26/4 Welcome and apologies for absence')).toEqual([
      'Governors present',
      'Claire Wood [CW] (C) (Chair)',
      'Dev Patel [DP] (HT)',
      'Erin Fox [EF] (P) (remote)',
      'Clerk',
      'Max Neal, Clerk to Governors',
      'Apologies received and consented',
      'Gus Hill [GH] (P)',
      'Apologies received and not consented',
      'Ivy Jay [IJ] (S)',
      'Absent',
      'Kay Lee [KL] (LA)',
      'Key: HT = Headteacher; P = Parent governor; S = Staff governor; LA = Local authority governor; C = Co-opted governor',
      'The meeting was quorate.',
    ]);
  });

  it('writes the generated items in the school’s words, references in its minute numbers, and numbers paragraphs', async () => {
    const result = await read(meeting, 'public', house);
    expect(numberedUnder(result, '4.%1')).toEqual([
      'Apologies for absence from Gus Hill were received and consented.',
      'Apologies for absence from Ivy Jay were received but not consented.',
      'Erin Fox attended remotely.',
    ]);
    expect(numberedUnder(result, '6.%1')).toEqual([
      'AGREED that the strategy be published.',
      'Governors voted on the proposal: For 3, Against 0, Abstentions 0; it was agreed.',
      'The Headteacher presented the strategy.',
      'Governors asked how impact is measured.',
      'DP declared a non-registrable interest in minute FGB/26/6 (spouse works for the provider) and remained in the meeting.',
    ]);
  });

  it('keeps Part II out of the public minutes, and minutes it in a document of its own', async () => {
    const publicVersion = await read(meeting, 'public', house);
    expect(publicVersion.texts).toContain('FGB/26/7 Staffing restructure');
    expect(publicVersion.texts).toContain('This item was confidential and is minuted separately (Part II).');
    expect(publicVersion.document).not.toContain('site manager');
    expect(publicVersion.document).not.toContain('Schedule 12A');
    const publicText = await pandocText(publicVersion.docx);
    expect(publicText).not.toContain('site manager');
    expect(publicText).toContain('minuted separately (Part II)');

    const partTwo = await read(meeting, 'confidential', house);
    expect(partTwo.texts).toContain('Part II (confidential) minutes');
    // It is the document's title, in the title's style, not a line after a "Minutes" heading.
    const titleStyle = /<w:pStyle w:val="([^"]+)"/.exec(paragraphXml((await read(meeting, 'public', house)).document, 'Minutes'))?.[1];
    expect(titleStyle).toBeTruthy();
    expect(paragraphXml(partTwo.document, 'Part II (confidential) minutes')).toContain(`<w:pStyle w:val="${titleStyle}"`);
    expect(partTwo.texts).not.toContain('Minutes');
    expect(partTwo.texts).toContain('FGB/26/7 Staffing restructure');
    expect(partTwo.texts).toContain('Governors discussed the proposed redundancy of the site manager post.');
    expect(partTwo.texts.some((text) => text.includes('School Governance (Roles, Procedures and Allowances) (England) Regulations 2013'))).toBe(true);
    expect(partTwo.texts).not.toContain('FGB/26/6 Pupil premium strategy');
    expect(partTwo.document).not.toContain('Headteacher presented');
    expect(partTwo.document).not.toContain('Schedule 12A');
  });

  it('puts a confidential sub-item of a public minute under that minute’s heading in the Part II document', async () => {
    const withPart = {
      ...meeting,
      agenda: [
        ...meeting.agenda.slice(0, 3),
        item('item0009', 'Headteacher’s performance review', {
          shape: 'sub-item',
          exempt: true,
          minutes: [paragraph('blk00009', 'The panel’s pay recommendation was accepted.')],
        }),
        meeting.agenda[3]!,
      ],
    };
    const partTwo = await read(withPart, 'confidential', house);
    const from = partTwo.texts.indexOf('FGB/26/6 Pupil premium strategy');
    expect(partTwo.texts.slice(from, from + 2)).toEqual(['FGB/26/6 Pupil premium strategy', '(a) Headteacher’s performance review']);
    expect(partTwo.texts).toContain('The panel’s pay recommendation was accepted.');
    expect(partTwo.document).not.toContain('Headteacher presented');
    const publicVersion = await read(withPart, 'public', house);
    expect(publicVersion.document).not.toContain('pay recommendation');
    expect(publicVersion.texts).toContain('(a) Headteacher’s performance review');
  });

  it('a public summary the clerk wrote stands in the public minutes; an academy names its articles', async () => {
    const summarised = {
      ...meeting,
      agenda: meeting.agenda.map((each) => (each.exempt ? { ...each, publicSummary: 'Governors approved a staffing change.' } : each)),
    };
    expect((await read(summarised, 'public', house)).texts).toContain('Governors approved a staffing change.');
    const academy = await read(meeting, 'confidential', houseOf('school-academy'));
    expect(academy.texts.some((text) => text.includes('academy trust’s articles of association'))).toBe(true);
  });
});

describe('the default council shape', () => {
  it('prints absent members under "Absent", after the apologies', async () => {
    const meeting = meetingOf({
      attendees: [person('a1', 'Councillor A'), person('a2', 'Councillor B', { status: 'apologies' }), person('a3', 'Councillor C', { status: 'absent' })],
      agenda: [item('item0001', 'Report')],
    });
    const { texts } = await read(meeting, 'public', DEFAULT_HOUSE_STYLE);
    expect(between(texts, 'Present', '1 Report')).toEqual(['Present', 'Councillor A', 'Apologies', 'Councillor B', 'Absent', 'Councillor C']);
  });
});

describe('table columns sized by what they hold', () => {
  it('gives a long column more width than a short one, and keeps a due date on one line', () => {
    const [minute, text, lead] = columnWidthsByContent([
      ['Minute', '21.3', '21.4'],
      ['Item', 'Chair to circulate the revised pay policy to all governors before the next meeting'],
      ['Lead', 'CW', 'ME'],
    ]);
    expect(minute! + text! + lead!).toBe(PORTRAIT_TEXT_WIDTH_TWIPS);
    expect(text!).toBeGreaterThan(2 * minute!);
    expect(text!).toBeGreaterThan(2 * lead!);
    const due = columnWidthsByContent(
      [
        ['Reference', 'TB2026.1'],
        ['Action', 'x '.repeat(200)],
        ['Owner', 'Claire Dunmore'],
        ['Due date', '27 November 2026'],
        ['Status', 'Open'],
      ],
      PORTRAIT_TEXT_WIDTH_TWIPS,
      new Set([3]),
    );
    // 16 characters at 11–12 pt need about 1,900 twips (with the cell's padding) not to wrap.
    expect(due[3]!).toBeGreaterThanOrEqual(16 * 125);
  });

  it('writes the widths into the Word table grid, and leaves space after a table', async () => {
    const table: MinuteBlock = {
      id: 'tbl00001',
      type: 'table',
      runs: [],
      headerRows: 1,
      rows: [
        [[{ text: 'Minute' }], [{ text: 'Item' }], [{ text: 'Lead' }]],
        [[{ text: '21.3' }], [{ text: 'Chair to circulate the revised pay policy to all governors' }], [{ text: 'CW' }]],
      ],
    };
    const meeting = meetingOf({
      agenda: [item('item0001', 'Actions', { minutes: [table, paragraph('blk00001', 'All other actions were complete.')] })],
      actions: [{ id: 'actn0001', itemId: 'item0001', number: 1, text: 'Circulate', ownerName: 'CW', due: '2026-11-27', status: 'open' }],
    });
    const { document } = await read(meeting, 'public', houseOf('school-maintained'));
    const grids = [...document.matchAll(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/g)].map((grid) =>
      [...grid[1]!.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((col) => Number(col[1])),
    );
    expect(grids[0]![1]!).toBeGreaterThan(2 * grids[0]![2]!);
    expect(grids[1]![3]!).toBeGreaterThanOrEqual(16 * 125);
    expect(paragraphXml(document, 'All other actions were complete.')).toMatch(/<w:spacing w:before="240"/);
  });
});
