/**
 * The minutes of one meeting as a Word document: front matter, attendance, each agenda item as
 * a numbered minute with its minutes text and record, the action table and the signature block.
 * Public and confidential versions, in the library's house style (fonts, headings, minute
 * numbers, dates and times, logo) or the organisation's own Word template. All wording comes
 * from main/domain; this module only lays it out with real Word headings, lists and table
 * header rows, so the file is navigable and accessible.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  ImageRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ILevelsOptions,
  type IRunStylePropertiesOptions,
  type IStylesOptions,
} from 'docx';

import { formatDate, formatDateWithWeekday, type HouseStyle } from '../../domain/houseStyle';
import type { Action, AgendaItem, Attendee, Mark, Meeting, MinuteBlock, TextRun as MinuteRun } from '../../domain/meeting';
import { actionReference, styledMinuteNumber } from '../../domain/minuteNumbers';
import {
  ACTION_STATUS_LABELS,
  actionOwnerName,
  declarationSentences,
  decisionSentence,
  describeAttendee,
  formatClockTime,
  movementSentence,
  voteSentence,
} from '../../domain/wording';
import { DEFAULT_EXPORT_STYLE, templateStyles, withDocumentLanguage, type ExportLogo, type ExportStyle, type ExportTemplate } from './exportStyle';

export type MinutesVersion = 'public' | 'confidential';

export interface MinutesDocumentOptions {
  version: MinutesVersion;
  /** The council or body, shown above the committee name, when the house style names none. */
  organisation?: string;
  /** The house style, logo and template; the default house style when not given. */
  style?: ExportStyle;
  /** DRAFT on every page. When not given: while the meeting is a draft. */
  draft?: boolean;
}

const BULLET_LIST = 'minutes-bullet';
const NUMBERED_LIST = 'minutes-numbered';
/** The deepest list level the document defines; deeper blocks are shown at this level. */
const DEEPEST_LIST_LEVEL = 2;
const LANGUAGE = 'en-GB';

/**
 * Drops the characters XML 1.0 forbids: C0 controls other than tab, newline and carriage
 * return, U+FFFE and U+FFFF, and lone surrogates. Pasted text carries them, and Word refuses
 * a file that holds even one.
 */
export function xmlSafe(text: string): string {
  // With the u flag a surrogate pair is one code point, so only lone surrogates match \uD800-\uDFFF.
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/gu, '');
}

/** The paragraph and table styles the document uses, by id: the template's where it has them. */
interface StyleIds {
  title: string;
  heading1: string;
  heading2: string;
  /** Per list level; undefined leaves docx's List Paragraph. */
  bullet: Array<string | undefined>;
  numbered: Array<string | undefined>;
  /** The action table's style; undefined keeps plain single-line borders. */
  table: string | undefined;
}

/** What every part of the layout needs to know. */
interface Layout {
  meeting: Meeting;
  version: MinutesVersion;
  house: HouseStyle;
  ids: StyleIds;
  lists: ListInstances;
}

function textRun(text: string, marks: readonly Mark[] = []): TextRun {
  return new TextRun({
    text: xmlSafe(text),
    bold: marks.includes('bold') || undefined,
    italics: marks.includes('italic') || undefined,
    underline: marks.includes('underline') ? {} : undefined,
  });
}

function sentence(text: string): Paragraph {
  return new Paragraph({ children: [textRun(text)] });
}

/** A heading stays with what follows it; a heading with nothing under it must not drag the next item onto a new page. */
function heading(text: string, style: string, keepNext = true): Paragraph {
  return new Paragraph({ style, keepNext, children: [textRun(text)] });
}

/** Non-empty lines of free text (a public summary), one paragraph each: no empty paragraphs. */
function textParagraphs(text: string): Paragraph[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map(sentence);
}

const PIXELS_PER_MM = 96 / 25.4;
/** The width between docx's default margins on A4 (210 mm less two inches). */
const TEXT_WIDTH_MM = 210 - 2 * 25.4;
/** A logo taller than this would push the minutes off the first page. */
const MAX_LOGO_HEIGHT_MM = 60;

/** The logo's printed size: the house style's width, the height in proportion, shrunk (keeping proportions) to fit the text width and a sensible height. */
export function logoSizeMm(logo: Pick<ExportLogo, 'widthMm' | 'widthPx' | 'heightPx'>): { widthMm: number; heightMm: number } {
  const ratio = logo.heightPx / logo.widthPx;
  const widthMm = Math.min(logo.widthMm, TEXT_WIDTH_MM, MAX_LOGO_HEIGHT_MM / ratio);
  return { widthMm, heightMm: widthMm * ratio };
}

/** The logo at the top of the first page; the alt text is the picture's description and title. */
function logoParagraph(logo: ExportLogo): Paragraph {
  const { widthMm, heightMm } = logoSizeMm(logo);
  const altText = xmlSafe(logo.altText);
  return new Paragraph({
    spacing: { after: 240 },
    children: [
      new ImageRun({
        type: logo.type,
        data: logo.data,
        transformation: { width: widthMm * PIXELS_PER_MM, height: heightMm * PIXELS_PER_MM },
        altText: { name: 'Logo', description: altText, title: altText },
      }),
    ],
  });
}

function frontMatter(layout: Layout, organisation: string | undefined, logo: ExportLogo | undefined): Paragraph[] {
  const { meeting, house } = layout;
  const paragraphs = logo ? [logoParagraph(logo)] : [];
  paragraphs.push(new Paragraph({ style: layout.ids.title, children: [textRun('Minutes')] }));
  if (organisation) paragraphs.push(new Paragraph({ children: [textRun(organisation, ['bold'])] }));
  paragraphs.push(new Paragraph({ children: [textRun(meeting.committee, ['bold'])] }));
  if (meeting.title.trim()) paragraphs.push(sentence(meeting.title.trim()));
  paragraphs.push(
    sentence(
      `Minutes of the meeting held on ${formatDateWithWeekday(meeting.date, house.dateFormat)} at ${formatClockTime(meeting.startTime, house.timeFormat)}`,
    ),
  );
  if (meeting.venue.trim()) paragraphs.push(sentence(meeting.venue.trim()));
  return paragraphs;
}

function attends(attendee: Attendee): boolean {
  return attendee.status === 'present' || attendee.status === 'remote';
}

/** "Councillor A (Chair)", "Councillor C (substitute for Councillor D)", "Councillor E (remote)". */
function presentMemberLabel(meeting: Meeting, attendee: Attendee): string {
  const notes: string[] = [];
  if (attendee.role === 'chair') notes.push('(Chair)');
  if (attendee.role === 'vice-chair') notes.push('(Vice-Chair)');
  if (attendee.role === 'co-opted-voting') notes.push('(co-opted member)');
  if (attendee.role === 'co-opted-non-voting') notes.push('(co-opted member, non-voting)');
  if (attendee.role === 'substitute' && attendee.substituteFor) {
    const member = meeting.attendees.find((each) => each.id === attendee.substituteFor);
    if (member) notes.push(`(substitute for ${member.displayName})`);
  }
  if (attendee.status === 'remote') notes.push('(remote)');
  return [attendee.displayName, ...notes].join(' ');
}

function withRemoteMark(attendee: Attendee): string {
  return attendee.status === 'remote' ? `${describeAttendee(attendee)} (remote)` : describeAttendee(attendee);
}

function attendanceGroups(meeting: Meeting): Array<{ label: string; names: string[] }> {
  const { attendees } = meeting;
  return [
    { label: 'Present', names: attendees.filter((each) => each.category === 'member' && attends(each)).map((each) => presentMemberLabel(meeting, each)) },
    {
      label: 'Also present',
      names: attendees.filter((each) => (each.category === 'councillor' || each.category === 'guest') && attends(each)).map(withRemoteMark),
    },
    { label: 'Officers', names: attendees.filter((each) => each.category === 'officer' && attends(each)).map(withRemoteMark) },
    { label: 'Apologies', names: attendees.filter((each) => each.status === 'apologies' || each.status === 'substituted').map((each) => each.displayName) },
  ].filter((group) => group.names.length > 0);
}

function attendance(meeting: Meeting): Paragraph[] {
  return attendanceGroups(meeting).flatMap((group) => [
    new Paragraph({ keepNext: true, spacing: { before: 240, after: 60 }, children: [textRun(group.label, ['bold'])] }),
    ...group.names.map((name) => new Paragraph({ indent: { left: 360 }, spacing: { after: 0 }, children: [textRun(name)] })),
  ]);
}

/** Hands out list instances: each numbered list counts from 1, as the clerk saw it on screen. */
class ListInstances {
  private next = 1;
  allocate(): number {
    return this.next++;
  }
}

function runsOf(runs: readonly MinuteRun[]): TextRun[] {
  return runs.map((run) => textRun(run.text, run.marks));
}

/**
 * A numbered list runs on through its nested bullets (deeper levels) and ends at a paragraph,
 * a sub-heading or a top-level bullet, so the next numbered block starts again from 1.
 * List items are real Word numbering; with a template they also take its List Bullet and
 * List Number paragraph styles (spacing, font), while the numbering keeps their indents.
 */
function minutesBlocks(blocks: readonly MinuteBlock[], layout: Layout): Paragraph[] {
  const { ids, lists } = layout;
  const paragraphs: Paragraph[] = [];
  let numbered: number | undefined;
  let bullet: number | undefined;
  for (const block of blocks) {
    if (!block.runs.some((run) => xmlSafe(run.text).trim())) continue;
    const level = Math.min(block.level ?? 0, DEEPEST_LIST_LEVEL);
    const children = runsOf(block.runs);
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        numbered = undefined;
        bullet = undefined;
        paragraphs.push(block.type === 'heading' ? new Paragraph({ style: ids.heading2, keepNext: true, children }) : new Paragraph({ children }));
        break;
      case 'numbered': {
        numbered ??= lists.allocate();
        bullet = undefined;
        const style = ids.numbered[level];
        paragraphs.push(new Paragraph({ ...(style ? { style } : {}), numbering: { reference: NUMBERED_LIST, level, instance: numbered }, children }));
        break;
      }
      case 'bullet': {
        if (level === 0) numbered = undefined;
        bullet ??= lists.allocate();
        const style = ids.bullet[level];
        paragraphs.push(new Paragraph({ ...(style ? { style } : {}), numbering: { reference: BULLET_LIST, level, instance: bullet }, children }));
        break;
      }
    }
  }
  return paragraphs;
}

/** "ACTION 64/1: Circulate the report — Jane Smith, by 1 December 2022". */
function actionSentence(layout: Layout, action: Action): string {
  const { meeting, house } = layout;
  const owner = actionOwnerName(meeting, action);
  const due = action.due ? `, by ${formatDate(action.due, house.dateFormat)}` : '';
  const who = owner ? ` — ${owner}${due}` : due;
  return `ACTION ${actionReference(meeting, action.id)}: ${action.text.trim()}${who}`;
}

function itemRecord(layout: Layout, item: AgendaItem): Paragraph[] {
  const { meeting, house } = layout;
  const declarations = meeting.declarations.filter((each) => each.itemId === item.id);
  const paragraphs = declarations.length > 0 ? declarationSentences({ ...meeting, declarations }).map(sentence) : [];
  const movements = meeting.movements.filter((each) => each.itemId === item.id).sort((a, b) => a.time.localeCompare(b.time));
  paragraphs.push(...movements.map((movement) => sentence(movementSentence(meeting, movement, house.timeFormat))));
  for (const decision of meeting.decisions.filter((each) => each.itemId === item.id)) {
    const vote = voteSentence(meeting, decision);
    // A resolution is never printed at the foot of a page with its vote on the next.
    paragraphs.push(new Paragraph({ keepNext: vote !== undefined, children: [textRun(decisionSentence(meeting, decision))] }));
    if (vote) paragraphs.push(sentence(vote));
  }
  for (const action of meeting.actions.filter((each) => each.itemId === item.id)) {
    paragraphs.push(new Paragraph({ children: [textRun(actionSentence(layout, action), ['bold'])] }));
  }
  return paragraphs;
}

function privateSessionSentence(item: AgendaItem): string {
  const ground = item.exemptParagraph ? `paragraph ${item.exemptParagraph} of Schedule 12A` : 'Schedule 12A';
  return `This item was considered in private under ${ground} to the Local Government Act 1972.`;
}

function agendaItem(layout: Layout, item: AgendaItem): Paragraph[] {
  const { meeting, version, house, ids } = layout;
  const titleText = `${styledMinuteNumber(meeting, item.id, house.minuteNumberPattern)} ${item.title}`;
  const title = heading(titleText, ids.heading1);
  if (!item.exempt) {
    const body = [...minutesBlocks(item.minutes, layout), ...itemRecord(layout, item)];
    return [body.length > 0 ? title : heading(titleText, ids.heading1, false), ...body];
  }
  if (version === 'public') return [title, ...textParagraphs(item.publicSummary), sentence(privateSessionSentence(item))];
  return [title, sentence(privateSessionSentence(item)), ...minutesBlocks(item.minutes, layout), ...itemRecord(layout, item)];
}

/** The actions of the listed items, in agenda order; the public version leaves out Part 2 items'. */
function tabledActions(meeting: Meeting, version: MinutesVersion): Action[] {
  const items = meeting.agenda.filter((item) => version === 'confidential' || !item.exempt);
  return items.flatMap((item) => meeting.actions.filter((action) => action.itemId === item.id));
}

function cell(text: string, width: number, bold = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    children: [new Paragraph({ spacing: { after: 0 }, children: [textRun(text, bold ? ['bold'] : [])] })],
  });
}

/** Wide enough for "Reference", "December" and "Dropped" in an 11 or 12 pt font without breaking the word. */
const ACTION_COLUMNS: ReadonlyArray<{ label: string; width: number }> = [
  { label: 'Reference', width: 17 },
  { label: 'Action', width: 36 },
  { label: 'Owner', width: 18 },
  { label: 'Due date', width: 17 },
  { label: 'Status', width: 12 },
];

function actionTable(layout: Layout, actions: readonly Action[]): Table {
  const { meeting, house, ids } = layout;
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: ACTION_COLUMNS.map((column) => cell(column.label, column.width, true)) });
  const rows = actions.map((action) => {
    const values = [
      actionReference(meeting, action.id),
      action.text.trim(),
      actionOwnerName(meeting, action),
      action.due ? formatDate(action.due, house.dateFormat) : '',
      ACTION_STATUS_LABELS[action.status],
    ];
    return new TableRow({ cantSplit: true, children: values.map((value, index) => cell(value, ACTION_COLUMNS[index]!.width)) });
  });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, ...(ids.table ? { style: ids.table } : {}), rows: [header, ...rows] });
}

function closingMatter(layout: Layout): Array<Paragraph | Table> {
  const { meeting, version, house, ids } = layout;
  const closing: Array<Paragraph | Table> = [];
  const actions = tabledActions(meeting, version);
  if (actions.length > 0) closing.push(heading('Actions', ids.heading1), actionTable(layout, actions));
  if (meeting.endTime)
    closing.push(
      new Paragraph({ spacing: { before: 240 }, children: [textRun(`The meeting ended at ${formatClockTime(meeting.endTime, house.timeFormat)}`)] }),
    );
  closing.push(
    new Paragraph({ keepNext: true, spacing: { before: 720 }, children: [textRun('Chair ……………………………………')] }),
    new Paragraph({ spacing: { before: 360 }, children: [textRun('Date ……………………………………')] }),
  );
  return closing;
}

function markings(draft: boolean, version: MinutesVersion): string[] {
  return [...(draft ? ['DRAFT'] : []), ...(version === 'confidential' ? ['CONFIDENTIAL'] : [])];
}

function pageHeader(layout: Layout, draft: boolean): Header {
  const { meeting, version, house } = layout;
  const marks = markings(draft, version);
  const children = [
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { after: 0 },
      children: [textRun(`${meeting.committee}, ${formatDate(meeting.date, house.dateFormat)}`)],
    }),
  ];
  if (marks.length > 0)
    children.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 0 }, children: [textRun(marks.join(' – '), ['bold'])] }));
  return new Header({ children });
}

function pageFooter(version: MinutesVersion): Footer {
  const children = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 0 },
      children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
    }),
  ];
  if (version === 'confidential')
    children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 0 }, children: [textRun('CONFIDENTIAL', ['bold'])] }));
  return new Footer({ children });
}

function listLevels(kind: 'bullet' | 'numbered'): ILevelsOptions[] {
  const bullets = ['•', '◦', '▪'];
  const numbers = ['%1.', '%2.', '%3.'];
  const formats = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];
  return [0, 1, 2].map((level) => ({
    level,
    format: kind === 'bullet' ? LevelFormat.BULLET : formats[level]!,
    text: kind === 'bullet' ? bullets[level]! : numbers[level]!,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));
}

/** Half-points, as Word stores font sizes. */
function halfPoints(points: number): number {
  return Math.round(points * 2);
}

/** The Title above the front matter is a step larger than an item's heading. */
const TITLE_STEP_PT = 4;

function headingRun(house: HouseStyle, sizePt: number): IRunStylePropertiesOptions {
  const { bold, allCaps, colour } = house.headingStyle;
  return { size: halfPoints(sizePt), bold, ...(allCaps ? { allCaps } : {}), color: colour.toUpperCase() };
}

/** The house style's Title, Heading 1 and Heading 2: its sizes, weight, capitals and colour. */
function houseHeadingStyles(house: HouseStyle): Required<Pick<NonNullable<IStylesOptions['default']>, 'title' | 'heading1' | 'heading2'>> {
  return {
    title: { run: headingRun(house, house.heading1SizePt + TITLE_STEP_PT), paragraph: { spacing: { after: 240 } } },
    heading1: { run: headingRun(house, house.heading1SizePt), paragraph: { spacing: { before: 360, after: 120 }, outlineLevel: 0 } },
    heading2: { run: headingRun(house, house.heading2SizePt), paragraph: { spacing: { before: 240, after: 120 }, outlineLevel: 1 } },
  };
}

const DOCX_STYLE_IDS: StyleIds = { title: 'Title', heading1: 'Heading1', heading2: 'Heading2', bullet: [], numbered: [], table: undefined };

/**
 * How the house style and a template share the work. Without a template, the house style sets
 * the document's font, body size and spacing (the document defaults), and its Title, Heading 1
 * and Heading 2. With one, the template wins wherever it speaks: its document defaults (fonts,
 * sizes, spacing; only the language is set to en-GB) and every style it defines are used as
 * they are, and the house style fills in only Title, Heading 1 and Heading 2 if the template
 * lacks them (their size, weight, capitals and colour; the font then comes from the template).
 * The organisation's name, logo, minute numbers, dates and times always follow the house style.
 */
function documentStyles(house: HouseStyle, template: ExportTemplate | undefined): { ids: StyleIds; externalStyles?: string; styles: IStylesOptions } {
  const headings = houseHeadingStyles(house);
  if (!template) {
    return {
      ids: DOCX_STYLE_IDS,
      styles: {
        default: {
          document: {
            run: { font: house.fontFamily, size: halfPoints(house.bodySizePt), language: { value: LANGUAGE } },
            paragraph: { spacing: { after: 120 } },
          },
          ...headings,
        },
      },
    };
  }
  const defined = templateStyles(template.stylesXml);
  const byName = (type: string, name: string) => defined.find((style) => style.type === type && style.name.toLowerCase() === name.toLowerCase())?.id;
  const paragraphStyle = (name: string) => byName('paragraph', name);
  const listStyles = (name: string) => {
    const first = paragraphStyle(name);
    return [first, paragraphStyle(`${name} 2`) ?? first, paragraphStyle(`${name} 3`) ?? first];
  };
  // The template's plain grid if it has one, or else the first table style of its own.
  const table =
    byName('table', 'Table Grid') ?? defined.find((style) => style.type === 'table' && !style.isDefault && style.name.toLowerCase() !== 'normal table')?.id;
  const title = paragraphStyle('Title');
  const heading1 = paragraphStyle('heading 1');
  const heading2 = paragraphStyle('heading 2');
  return {
    ids: {
      title: title ?? 'Title',
      heading1: heading1 ?? 'Heading1',
      heading2: heading2 ?? 'Heading2',
      bullet: listStyles('List Bullet'),
      numbered: listStyles('List Number'),
      table,
    },
    externalStyles: withDocumentLanguage(template.stylesXml, LANGUAGE),
    styles: {
      default: {
        ...(title ? {} : { title: headings.title }),
        ...(heading1 ? {} : { heading1: headings.heading1 }),
        ...(heading2 ? {} : { heading2: headings.heading2 }),
      },
    },
  };
}

export function buildMinutesDocument(meeting: Meeting, options: MinutesDocumentOptions): Document {
  const { version } = options;
  const style = options.style ?? DEFAULT_EXPORT_STYLE;
  const house = style.houseStyle;
  const draft = options.draft ?? meeting.status === 'draft';
  const organisation = house.organisation.trim() || options.organisation?.trim() || undefined;
  const { ids, externalStyles, styles } = documentStyles(house, style.template);
  const layout: Layout = { meeting, version, house, ids, lists: new ListInstances() };
  const date = formatDate(meeting.date, house.dateFormat);
  return new Document({
    title: xmlSafe(`Minutes: ${meeting.committee}, ${date}`),
    subject: xmlSafe(`${version === 'public' ? 'Public' : 'Confidential'} minutes of the ${meeting.committee} meeting held on ${date}`),
    creator: 'Minute Book',
    ...(externalStyles === undefined ? {} : { externalStyles }),
    styles,
    numbering: {
      config: [
        { reference: BULLET_LIST, levels: listLevels('bullet') },
        { reference: NUMBERED_LIST, levels: listLevels('numbered') },
      ],
    },
    sections: [
      {
        headers: { default: pageHeader(layout, draft) },
        footers: { default: pageFooter(version) },
        children: [
          ...frontMatter(layout, organisation, style.logo),
          ...attendance(meeting),
          ...meeting.agenda.flatMap((item) => agendaItem(layout, item)),
          ...closingMatter(layout),
        ],
      },
    ],
  });
}

export async function minutesDocx(meeting: Meeting, options: MinutesDocumentOptions): Promise<Buffer> {
  return Packer.toBuffer(buildMinutesDocument(meeting, options));
}
