/**
 * The Word export read back with an independent reader: unzip the .docx and look at the XML
 * Word itself reads (headings, list numbering, table header rows, properties, markings).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExportStyle } from '../../main/core/export/exportStyle';
import { logoSizeMm } from '../../main/core/export/minutes/frontMatter';
import { minutesDocx, type MinutesDocumentOptions } from '../../main/core/export/minutesDocument';
import { xmlSafe } from '../../main/core/export/wordText';
import { applyMeetingChange, type MeetingChange } from '../../main/domain/changes';
import { DEFAULT_HOUSE_STYLE, type HouseStyle } from '../../main/domain/houseStyle';
import { createAgendaItem, createMeeting, type Attendee, type Meeting } from '../../main/domain/meeting';
import { paragraphTexts, paragraphXml } from '../support/docxText';
import { openDocx } from '../support/openDocx';

const at = new Date('2022-11-08T10:00:00Z');

function member(id: string, displayName: string, fields: Partial<Attendee> = {}): Attendee {
  return { id, name: displayName.replace('Councillor ', ''), displayName, category: 'member', role: 'member', status: 'present', ...fields };
}

const EXEMPT_MINUTES = 'The Panel examined the tender prices of Acme Ltd in detail.';

function sampleMeeting(): Meeting {
  let meeting = createMeeting(
    {
      committee: 'Planning & Development Scrutiny Panel',
      title: 'Ordinary meeting',
      date: '2022-11-08',
      startTime: '10:00',
      venue: 'Council Chamber, Guildhall',
    },
    at,
  );
  const apologies = createAgendaItem('Apologies for absence and substitutions', 'apologies');
  const report = createAgendaItem('Director’s update – Children’s Services');
  const tender = {
    ...createAgendaItem('Highways maintenance contract'),
    exempt: true,
    exemptParagraph: 3,
    publicSummary: 'The Panel approved the award of the contract.',
  };
  const change = (each: MeetingChange) => {
    meeting = applyMeetingChange(meeting, each, at);
  };
  change({ kind: 'meeting.update', fields: { firstMinuteNumber: 63, endTime: '12:15' } });
  [apologies, report, tender].forEach((item, index) => change({ kind: 'item.add', item, index }));
  const attendees: Attendee[] = [
    member('chair001', 'Councillor Liz Hardman', { role: 'chair' }),
    member('vice0001', 'Councillor Siân Ní Bhriain', { role: 'vice-chair', status: 'remote' }),
    member('memb0001', 'Councillor Joe Bloggs'),
    member('memb0002', 'Councillor Dee Dunn', { status: 'substituted' }),
    member('subs0001', 'Councillor Cal Cole', { role: 'substitute', substituteFor: 'memb0002' }),
    member('memb0003', 'Councillor Amy Apple', { status: 'apologies' }),
    { id: 'cllr0001', name: 'Pat Green', displayName: 'Councillor Pat Green', category: 'councillor', status: 'present' },
    { id: 'offi0001', name: 'Jane Smith', displayName: 'Jane Smith', category: 'officer', jobTitle: 'Director of Children’s Services', status: 'present' },
  ];
  attendees.forEach((entity) => change({ kind: 'entity.put', collection: 'attendees', entity }));
  change({
    kind: 'entity.put',
    collection: 'declarations',
    entity: { id: 'decl0001', itemId: report.id, attendeeId: 'memb0001', kind: 'other-registrable', nature: 'school governor', withdrew: false },
  });
  change({ kind: 'entity.put', collection: 'movements', entity: { id: 'move0001', itemId: report.id, attendeeId: 'cllr0001', kind: 'left', time: '11:05' } });
  change({
    kind: 'item.minutes',
    itemId: report.id,
    minutes: [
      {
        id: 'blk00001',
        type: 'paragraph',
        runs: [{ text: 'The Director introduced the report and ' }, { text: 'highlighted', marks: ['bold'] }, { text: ' two risks.\u0007\uFFFE' }],
      },
      { id: 'blk00002', type: 'heading', runs: [{ text: 'Virtual School' }] },
      { id: 'blk00003', type: 'bullet', runs: [{ text: 'attendance has risen;' }] },
      { id: 'blk00004', type: 'bullet', runs: [{ text: 'exclusions have fallen.' }] },
      { id: 'blk00005', type: 'paragraph', runs: [{ text: 'Members asked:' }] },
      { id: 'blk00006', type: 'numbered', runs: [{ text: 'how the fund would be spent;' }] },
      { id: 'blk00007', type: 'numbered', runs: [{ text: 'when the Panel would see the results.' }] },
    ],
  });
  change({
    kind: 'entity.put',
    collection: 'decisions',
    entity: {
      id: 'dcsn0001',
      itemId: report.id,
      kind: 'RESOLVED',
      points: [{ id: 'pnt00001', text: 'the report be noted' }],
      moverId: 'chair001',
      seconderId: 'memb0001',
      vote: { kind: 'counted', for: 3, against: 1, abstentions: 0 },
    },
  });
  change({
    kind: 'entity.put',
    collection: 'actions',
    entity: {
      id: 'actn0001',
      itemId: report.id,
      number: 1,
      text: 'Circulate the attendance figures',
      ownerAttendeeId: 'offi0001',
      ownerName: '',
      due: '2022-12-01',
      status: 'open',
    },
  });
  change({ kind: 'item.minutes', itemId: tender.id, minutes: [{ id: 'blk00010', type: 'paragraph', runs: [{ text: EXEMPT_MINUTES }] }] });
  change({
    kind: 'entity.put',
    collection: 'actions',
    entity: {
      id: 'actn0002',
      itemId: tender.id,
      text: 'Notify the unsuccessful bidders',
      ownerAttendeeId: undefined,
      ownerName: 'Head of Procurement',
      status: 'open',
    },
  });
  return meeting;
}

interface Exported {
  document: string;
  header: string;
  footer: string;
  numbering: string;
  styles: string;
  core: string;
  zip: JSZip;
}

async function exported(meeting: Meeting, version: 'public' | 'confidential', options: Partial<MinutesDocumentOptions> = {}): Promise<Exported> {
  const { zip, part } = await openDocx(await minutesDocx(meeting, { version, organisation: 'Bath & North East Somerset Council', ...options }));
  return {
    document: await part(/^word\/document\.xml$/),
    header: await part(/^word\/header\d*\.xml$/),
    footer: await part(/^word\/footer\d*\.xml$/),
    numbering: await part(/^word\/numbering\.xml$/),
    styles: await part(/^word\/styles\.xml$/),
    core: await part(/^docProps\/core\.xml$/),
    zip,
  };
}

describe('xmlSafe', () => {
  it('drops the characters XML forbids and keeps everything a clerk can type', () => {
    expect(xmlSafe('a\u0000b\u0007c\u001Fd\uFFFEe\uFFFFf')).toBe('abcdef');
    expect(xmlSafe('tab\tnew\nline\r')).toBe('tab\tnew\nline\r');
    expect(xmlSafe('lone \uD800 high, lone \uDC00 low')).toBe('lone  high, lone  low');
    const typed = 'Siân Ní Bhriain “quoted” – 👍 שלום é';
    expect(xmlSafe(typed)).toBe(typed);
  });
});

describe('minutes document', () => {
  let publicVersion: Exported;
  let confidentialVersion: Exported;
  beforeAll(async () => {
    const meeting = sampleMeeting();
    publicVersion = await exported(meeting, 'public');
    confidentialVersion = await exported(meeting, 'confidential');
  });

  it('has the sentences of the meeting, in order', () => {
    const text = paragraphTexts(confidentialVersion.document);
    const expected = [
      'Minutes',
      'Bath & North East Somerset Council',
      'Planning & Development Scrutiny Panel',
      'Ordinary meeting',
      'Minutes of the meeting held on Tuesday, 8 November 2022 at 10.00 am',
      'Council Chamber, Guildhall',
      'Present',
      'Councillor Liz Hardman (Chair)',
      'Councillor Siân Ní Bhriain (Vice-Chair) (remote)',
      'Councillor Joe Bloggs',
      'Councillor Cal Cole (substitute for Councillor Dee Dunn)',
      'Also present',
      'Councillor Pat Green',
      'Officers',
      'Jane Smith, Director of Children’s Services',
      'Apologies',
      'Councillor Dee Dunn',
      'Councillor Amy Apple',
      '63 Apologies for absence and substitutions',
      'Apologies for absence were received from Councillors Dee Dunn and Amy Apple.',
      'Councillor Cal Cole attended as a substitute for Councillor Dee Dunn.',
      'Councillor Siân Ní Bhriain attended remotely and did not vote.',
      '64 Director’s update – Children’s Services',
      'The Director introduced the report and highlighted two risks.',
      'Virtual School',
      'attendance has risen;',
      'exclusions have fallen.',
      'Members asked:',
      'how the fund would be spent;',
      'when the Panel would see the results.',
      'Councillor Joe Bloggs declared an other registrable interest in item 64 (school governor) and remained in the meeting.',
      'Councillor Pat Green left the meeting at 11.05 am during item 64.',
      'It was moved by Councillor Liz Hardman, seconded by Councillor Joe Bloggs, and RESOLVED that the report be noted.',
      'On being put to the vote the motion was CARRIED (For 3, Against 1, Abstentions 0).',
      'ACTION 64/1: Circulate the attendance figures — Jane Smith, by 1 December 2022',
      '65 Highways maintenance contract',
      'This item was considered in private under paragraph 3 of Schedule 12A to the Local Government Act 1972.',
      EXEMPT_MINUTES,
      'ACTION 65/1: Notify the unsuccessful bidders — Head of Procurement',
      'Actions',
      'Reference',
      'Action',
      'Owner',
      'Due date',
      'Status',
      '64/1',
      'Circulate the attendance figures',
      'Jane Smith',
      '1 December 2022',
      'Open',
      '65/1',
      'Notify the unsuccessful bidders',
      'Head of Procurement',
      '',
      'Open',
      'The meeting ended at 12.15 pm',
      'Chair ……………………………………',
      'Date ……………………………………',
    ];
    expect(text).toEqual(expected);
  });

  it('gives agenda items real Heading 1 titles and sub-headings Heading 2', () => {
    for (const title of ['63 Apologies for absence and substitutions', '64 Director’s update – Children’s Services', '65 Highways maintenance contract']) {
      expect(paragraphXml(publicVersion.document, title)).toContain('<w:pStyle w:val="Heading1"/>');
    }
    expect(paragraphXml(publicVersion.document, 'Virtual School')).toContain('<w:pStyle w:val="Heading2"/>');
    expect(paragraphXml(publicVersion.document, 'Minutes')).toContain('<w:pStyle w:val="Title"/>');
  });

  it('keeps bold text bold', () => {
    const paragraph = paragraphXml(publicVersion.document, 'The Director introduced the report and highlighted two risks.');
    expect(paragraph).toMatch(/<w:r><w:rPr><w:b\/>(?:<w:bCs\/>)?<\/w:rPr><w:t xml:space="preserve">highlighted<\/w:t><\/w:r>/);
  });

  it('makes bullet and numbered minutes real Word lists, each numbered list its own', () => {
    const numId = (text: string) =>
      paragraphXml(publicVersion.document, text).match(/<w:numPr><w:ilvl w:val="(\d+)"\/><w:numId w:val="(\d+)"\/><\/w:numPr>/)?.[2];
    const bullets = [numId('attendance has risen;'), numId('exclusions have fallen.')];
    const numbered = [numId('how the fund would be spent;'), numId('when the Panel would see the results.')];
    expect(bullets[0]).toBeDefined();
    expect(bullets[1]).toBe(bullets[0]);
    expect(numbered[0]).toBeDefined();
    expect(numbered[1]).toBe(numbered[0]);
    expect(numbered[0]).not.toBe(bullets[0]);
    expect(paragraphXml(publicVersion.document, 'Members asked:')).not.toContain('<w:numPr>');
    expect(publicVersion.numbering).toContain('<w:numFmt w:val="bullet"/>');
    expect(publicVersion.numbering).toContain('<w:numFmt w:val="decimal"/>');
  });

  it('starts each numbered list from 1 again, and runs one on through its nested bullets', async () => {
    const meeting = sampleMeeting();
    const item = meeting.agenda[1]!;
    const lists = applyMeetingChange(
      meeting,
      {
        kind: 'item.minutes',
        itemId: item.id,
        minutes: [
          { id: 'blk00021', type: 'numbered', runs: [{ text: 'first list, point one' }] },
          { id: 'blk00022', type: 'bullet', level: 1, runs: [{ text: 'a detail of point one' }] },
          { id: 'blk00023', type: 'numbered', runs: [{ text: 'first list, point two' }] },
          { id: 'blk00024', type: 'paragraph', runs: [{ text: 'Then the Panel turned to costs.' }] },
          { id: 'blk00025', type: 'numbered', runs: [{ text: 'second list, point one' }] },
        ],
      },
      at,
    );
    const { document, numbering } = await exported(lists, 'public');
    const numPr = (text: string) => paragraphXml(document, text).match(/<w:numPr><w:ilvl w:val="(\d+)"\/><w:numId w:val="(\d+)"\/><\/w:numPr>/);
    expect(numPr('first list, point one')).not.toBeNull();
    expect(numPr('first list, point two')?.[2]).toBe(numPr('first list, point one')?.[2]);
    expect(numPr('a detail of point one')?.[1]).toBe('1');
    const second = numPr('second list, point one')?.[2];
    expect(second).toBeDefined();
    expect(second).not.toBe(numPr('first list, point one')?.[2]);
    expect(numbering).toMatch(
      new RegExp(`<w:num w:numId="${second}"><w:abstractNumId w:val="\\d+"\\/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"\\/>`),
    );
  });

  it('keeps a resolution on the same page as its vote', () => {
    const resolution = paragraphTexts(publicVersion.document).find((text) => text.includes('RESOLVED that the report be noted'));
    expect(resolution).toBeDefined();
    expect(paragraphXml(publicVersion.document, resolution!)).toContain('<w:keepNext/>');
  });

  it('marks the action table header row to repeat on each page', () => {
    const firstRow = publicVersion.document.match(/<w:tbl>[\s\S]*?<w:tr>([\s\S]*?)<\/w:tr>/)?.[1] ?? '';
    expect(firstRow).toContain('<w:tblHeader/>');
    expect(paragraphTexts(firstRow)).toEqual(['Reference', 'Action', 'Owner', 'Due date', 'Status']);
  });

  it('sets the title, subject, author and language', () => {
    expect(publicVersion.core).toContain('<dc:title>Minutes: Planning &amp; Development Scrutiny Panel, 8 November 2022</dc:title>');
    expect(publicVersion.core).toMatch(
      /<dc:subject>Public minutes of the Planning &amp; Development Scrutiny Panel meeting held on 8 November 2022<\/dc:subject>/,
    );
    expect(publicVersion.core).toContain('<dc:creator>Minute Book</dc:creator>');
    expect(publicVersion.styles).toMatch(/<w:docDefaults>[\s\S]*<w:lang w:val="en-GB"\/>[\s\S]*<\/w:docDefaults>/);
  });

  it('marks a draft DRAFT, and the confidential version CONFIDENTIAL, on every page', () => {
    expect(paragraphTexts(publicVersion.header)).toEqual(['Planning & Development Scrutiny Panel, 8 November 2022', 'DRAFT']);
    expect(paragraphTexts(publicVersion.footer).join(' ')).not.toContain('CONFIDENTIAL');
    expect(publicVersion.footer).toMatch(/Page [\s\S]*PAGE[\s\S]* of [\s\S]*NUMPAGES/);
    expect(paragraphTexts(confidentialVersion.header)).toEqual(['Planning & Development Scrutiny Panel, 8 November 2022', 'DRAFT – CONFIDENTIAL']);
    expect(paragraphTexts(confidentialVersion.footer)).toContain('CONFIDENTIAL');
  });

  it('leaves no DRAFT marking on approved minutes', async () => {
    const approved = applyMeetingChange(sampleMeeting(), { kind: 'meeting.update', fields: { status: 'approved' } }, at);
    const { header } = await exported(approved, 'public');
    expect(paragraphTexts(header)).toEqual(['Planning & Development Scrutiny Panel, 8 November 2022']);
  });

  it('replaces a Part 2 item with its public summary in the public version only', () => {
    const text = paragraphTexts(publicVersion.document);
    const at65 = text.indexOf('65 Highways maintenance contract');
    expect(text.slice(at65, at65 + 3)).toEqual([
      '65 Highways maintenance contract',
      'The Panel approved the award of the contract.',
      'This item was considered in private under paragraph 3 of Schedule 12A to the Local Government Act 1972.',
    ]);
    expect(publicVersion.document).not.toContain('Acme');
    expect(publicVersion.document).not.toContain('unsuccessful bidders');
    expect(confidentialVersion.document).toContain('Acme');
    expect(confidentialVersion.document).toContain('unsuccessful bidders');
  });

  it('drops control characters so the XML stays well formed', () => {
    for (const part of [publicVersion.document, confidentialVersion.document]) {
      expect(part).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
      expect(part).toContain('two risks.</w:t>');
    }
  });
});

const FIXTURES = join(import.meta.dirname, 'fixtures', 'house-style');

/** The definition of one style in styles.xml; fails unless there is exactly one. */
function styleXml(styles: string, id: string): string {
  const found = [...styles.matchAll(/<w:style\b[^>]*>[\s\S]*?<\/w:style>/g)]
    .map((match) => match[0])
    .filter((style) => style.match(/^<w:style\b[^>]*>/)![0].includes(`w:styleId="${id}"`));
  if (found.length !== 1) throw new Error(`${found.length} definitions of style ${id}`);
  return found[0]!;
}

function documentDefaults(styles: string): string {
  return styles.match(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/)?.[0] ?? '';
}

async function templateFixture(name: string): Promise<ExportStyle['template']> {
  const zip = await JSZip.loadAsync(await readFile(join(FIXTURES, name)));
  return { stylesXml: await zip.file('word/styles.xml')!.async('string'), fileName: `house-style/${name}` };
}

const PEMBERLEY: HouseStyle = {
  ...DEFAULT_HOUSE_STYLE,
  organisation: 'Pemberley District Council',
  fontFamily: 'Georgia',
  bodySizePt: 11,
  heading1SizePt: 16,
  heading2SizePt: 13,
  headingStyle: { bold: false, allCaps: true, colour: '1f3864' },
  minuteNumberPattern: 'PDS/{yy}/{n}',
  dateFormat: '08/11/2022',
  timeFormat: '10:00',
};

describe('minutes document in the house style', () => {
  let pemberley: Exported;
  let plain: Exported;
  beforeAll(async () => {
    pemberley = await exported(sampleMeeting(), 'confidential', { style: { houseStyle: PEMBERLEY } });
    plain = await exported(sampleMeeting(), 'confidential');
  });

  it('writes minute numbers in the item headings as the house style says', async () => {
    const titles = ['Apologies for absence and substitutions', 'Director’s update – Children’s Services', 'Highways maintenance contract'];
    titles.forEach((title, index) => expect(paragraphXml(pemberley.document, `PDS/22/${63 + index} ${title}`)).toContain('<w:pStyle w:val="Heading1"/>'));
    const dotted = await exported(sampleMeeting(), 'public', { style: { houseStyle: { ...DEFAULT_HOUSE_STYLE, minuteNumberPattern: '{n}.' } } });
    titles.forEach((title, index) => expect(paragraphXml(dotted.document, `${63 + index}. ${title}`)).toContain('<w:pStyle w:val="Heading1"/>'));
  });

  it('writes every date and time in the house formats', async () => {
    const text = paragraphTexts(pemberley.document);
    expect(text).toContain('Minutes of the meeting held on Tuesday, 08/11/2022 at 10:00');
    expect(text).toContain('Councillor Pat Green left the meeting at 11:05 during item PDS/22/64.');
    expect(text).toContain('ACTION 64/1: Circulate the attendance figures — Jane Smith, by 01/12/2022');
    expect(text).toContain('01/12/2022');
    expect(text).toContain('The meeting ended at 12:15');
    expect(paragraphTexts(pemberley.header)[0]).toBe('Planning & Development Scrutiny Panel, 08/11/2022');
    expect(pemberley.core).toContain('<dc:title>Minutes: Planning &amp; Development Scrutiny Panel, 08/11/2022</dc:title>');

    const short = await exported(sampleMeeting(), 'public', {
      style: { houseStyle: { ...DEFAULT_HOUSE_STYLE, dateFormat: '8 Nov 2022', timeFormat: '10:00 am' } },
    });
    const shortText = paragraphTexts(short.document);
    expect(shortText).toContain('Minutes of the meeting held on Tuesday, 8 Nov 2022 at 10:00 am');
    expect(shortText).toContain('Councillor Pat Green left the meeting at 11:05 am during item 64.');
    expect(shortText).toContain('1 Dec 2022');
    expect(shortText).toContain('The meeting ended at 12:15 pm');
  });

  it('sets the house font and sizes for the text and the headings', () => {
    const defaults = documentDefaults(pemberley.styles);
    expect(defaults).toMatch(/<w:rFonts w:ascii="Georgia"[^>]*w:hAnsi="Georgia"[^>]*\/>/);
    expect(defaults).toContain('<w:sz w:val="22"/>');
    expect(defaults).toContain('<w:lang w:val="en-GB"/>');
    expect(styleXml(pemberley.styles, 'Heading1')).toContain('<w:sz w:val="32"/>');
    expect(styleXml(pemberley.styles, 'Heading2')).toContain('<w:sz w:val="26"/>');
    expect(styleXml(pemberley.styles, 'Title')).toContain('<w:sz w:val="40"/>');
    expect(documentDefaults(plain.styles)).toMatch(/<w:rFonts w:ascii="Arial"[^>]*\/>[\s\S]*<w:sz w:val="24"\/>/);
  });

  it('gives the headings the house colour, capitals and weight', () => {
    for (const id of ['Title', 'Heading1', 'Heading2']) {
      const style = styleXml(pemberley.styles, id);
      expect(style).toContain('<w:caps/>');
      expect(style).toContain('<w:color w:val="1F3864"/>');
      expect(style).not.toContain('<w:b/>');
      const plainStyle = styleXml(plain.styles, id);
      expect(plainStyle).toContain('<w:b/>');
      expect(plainStyle).toContain('<w:color w:val="000000"/>');
      expect(plainStyle).not.toContain('<w:caps/>');
    }
    expect(styleXml(pemberley.styles, 'Heading1')).toContain('<w:outlineLvl w:val="0"/>');
    expect(styleXml(pemberley.styles, 'Heading2')).toContain('<w:outlineLvl w:val="1"/>');
  });

  it('names the house style’s organisation before the one given by the caller', () => {
    expect(paragraphTexts(pemberley.document).slice(0, 3)).toEqual(['Minutes', 'Pemberley District Council', 'Planning & Development Scrutiny Panel']);
    expect(pemberley.document).not.toContain('Bath &amp; North East Somerset');
  });

  it('marks DRAFT when the clerk asks, whatever the meeting’s status', async () => {
    const approved = applyMeetingChange(sampleMeeting(), { kind: 'meeting.update', fields: { status: 'approved' } }, at);
    expect(paragraphTexts((await exported(approved, 'public', { draft: true })).header)).toContain('DRAFT');
    expect(paragraphTexts((await exported(sampleMeeting(), 'public', { draft: false })).header)).toEqual([
      'Planning & Development Scrutiny Panel, 8 November 2022',
    ]);
  });

  it('puts the logo at the top with its alt text, at the house width and in proportion', async () => {
    const data = await readFile(join(FIXTURES, 'logo.png'));
    const style: ExportStyle = {
      houseStyle: PEMBERLEY,
      logo: { data, type: 'png', widthPx: 600, heightPx: 240, altText: 'Pemberley District Council logo', widthMm: 50 },
    };
    const { document, zip } = await exported(sampleMeeting(), 'public', { style });
    const drawings = [...document.matchAll(/<w:drawing>[\s\S]*?<\/w:drawing>/g)].map((match) => match[0]);
    expect(drawings).toHaveLength(1);
    const drawing = drawings[0]!;
    expect(drawing).toMatch(/<wp:docPr [^>]*descr="Pemberley District Council logo"/);
    const [, cx, cy] = drawing.match(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/)!.map(Number);
    // 1 mm is 36,000 EMU.
    expect(Math.abs(cx! - 50 * 36000) / (50 * 36000)).toBeLessThan(0.01);
    expect(Math.abs(cy! / cx! - 240 / 600)).toBeLessThan(0.01);
    const embed = drawing.match(/r:embed="([^"]+)"/)![1];
    const relationships = await zip.file('word/_rels/document.xml.rels')!.async('string');
    const target =
      relationships.match(new RegExp(`<Relationship [^>]*Id="${embed}"[^>]*Target="([^"]+)"`))?.[1] ??
      relationships.match(new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${embed}"`))?.[1];
    expect(target).toMatch(/^media\/.+\.png$/);
    expect((await zip.file(`word/${target}`)!.async('nodebuffer')).equals(data)).toBe(true);
    const body = document.slice(document.indexOf('<w:body>'));
    expect(body.indexOf('<w:drawing>')).toBeLessThan(body.indexOf('<w:pStyle w:val="Title"/>'));
  });

  it('shrinks a logo that would not fit the page, keeping its proportions', () => {
    expect(logoSizeMm({ widthMm: 50, widthPx: 600, heightPx: 240 })).toEqual({ widthMm: 50, heightMm: 20 });
    const wide = logoSizeMm({ widthMm: 180, widthPx: 1000, heightPx: 100 });
    expect(wide.widthMm).toBeCloseTo(159.2, 1);
    expect(wide.heightMm / wide.widthMm).toBeCloseTo(0.1, 5);
    const tall = logoSizeMm({ widthMm: 100, widthPx: 30, heightPx: 60 });
    expect(tall).toEqual({ widthMm: 30, heightMm: 60 });
  });

  for (const fixture of ['council-template.dotx', 'council-template-libreoffice.docx']) {
    describe(`with the organisation’s template (${fixture})`, () => {
      let templated: Exported;
      beforeAll(async () => {
        templated = await exported(sampleMeeting(), 'confidential', { style: { houseStyle: PEMBERLEY, template: await templateFixture(fixture) } });
      });

      it('uses the template’s own styles, not the house fonts', () => {
        const heading1 = styleXml(templated.styles, 'Heading1');
        expect(heading1).toContain('<w:color w:val="7B2C83"/>');
        expect(heading1).toMatch(/<w:rFonts w:ascii="Trebuchet MS"/);
        expect(styleXml(templated.styles, 'Heading2')).toContain('<w:color w:val="2F6B3A"/>');
        expect(styleXml(templated.styles, 'Title')).toContain('<w:sz w:val="48"/>');
        expect(styleXml(templated.styles, 'TableGrid')).toContain('w:color="7B2C83"');
        const defaults = documentDefaults(templated.styles);
        expect(defaults).toMatch(/<w:rFonts w:ascii="Verdana"/);
        expect(defaults).toContain('<w:sz w:val="21"/>');
        expect(templated.styles).not.toContain('Georgia');
        expect(templated.styles).not.toContain('1F3864');
      });

      it('keeps the document in UK English', () => {
        expect(documentDefaults(templated.styles)).toMatch(/<w:lang w:val="en-GB"/);
        expect(templated.styles).not.toMatch(/<w:lang [^>]*w:val="en-US"/);
      });

      it('puts lists in the template’s List Bullet and List Number styles, still real Word numbering', () => {
        for (const [text, style] of [
          ['attendance has risen;', 'ListBullet'],
          ['how the fund would be spent;', 'ListNumber'],
        ]) {
          const paragraph = paragraphXml(templated.document, text!);
          expect(paragraph).toContain(`<w:pStyle w:val="${style}"/>`);
          expect(paragraph).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>/);
        }
      });

      it('gives the action table the template’s table style, header row still repeated', () => {
        const table = templated.document.match(/<w:tbl>[\s\S]*?<\/w:tbl>/)![0];
        expect(table).toContain('<w:tblStyle w:val="TableGrid"/>');
        expect(table.match(/<w:tr>[\s\S]*?<\/w:tr>/)![0]).toContain('<w:tblHeader/>');
      });

      it('still follows the house style for minute numbers, dates and the organisation', () => {
        expect(paragraphXml(templated.document, 'PDS/22/64 Director’s update – Children’s Services')).toContain('<w:pStyle w:val="Heading1"/>');
        expect(paragraphTexts(templated.document)).toContain('Minutes of the meeting held on Tuesday, 08/11/2022 at 10:00');
        expect(paragraphTexts(templated.document)).toContain('Pemberley District Council');
      });
    });
  }

  it('fills in from the house style what a template lacks, and finds its styles by name', async () => {
    // A German Word template: built-in names stay English, ids are translated.
    const stylesXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Verdana" w:hAnsi="Verdana"/><w:lang w:val="de-DE"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Standard"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/><w:basedOn w:val="Standard"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:color w:val="C00000"/></w:rPr></w:style></w:styles>`;
    const { document, styles } = await exported(sampleMeeting(), 'public', {
      style: { houseStyle: PEMBERLEY, template: { stylesXml, fileName: 'house-style/vorlage.dotx' } },
    });
    expect(paragraphXml(document, 'PDS/22/64 Director’s update – Children’s Services')).toContain('<w:pStyle w:val="berschrift1"/>');
    expect(styleXml(styles, 'berschrift1')).toContain('<w:color w:val="C00000"/>');
    expect(styleXml(styles, 'Heading2')).toContain('<w:color w:val="1F3864"/>');
    expect(styleXml(styles, 'Heading2')).toContain('<w:sz w:val="26"/>');
    expect(styleXml(styles, 'Title')).toContain('<w:caps/>');
    expect(documentDefaults(styles)).toContain('<w:lang w:val="en-GB"/>');
    expect(paragraphXml(document, 'attendance has risen;')).not.toContain('ListBullet');
    expect(document.match(/<w:tbl>[\s\S]*?<\/w:tbl>/)![0]).not.toContain('<w:tblStyle');
  });
});
