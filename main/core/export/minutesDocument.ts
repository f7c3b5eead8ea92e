/**
 * The minutes of one meeting as a Word document: front matter, attendance, each agenda item as
 * a numbered minute with its minutes text and record, the action table and the signature block.
 * Public and confidential versions. All wording comes from main/domain; this module only lays it
 * out with real Word headings, lists and table header rows, so the file is navigable and accessible.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
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
} from 'docx';

import type { Action, AgendaItem, Attendee, Mark, Meeting, MinuteBlock, TextRun as MinuteRun } from '../../domain/meeting';
import { actionReference, minuteNumberOf } from '../../domain/minuteNumbers';
import { formatUkDate } from '../../domain/snippets';
import { declarationSentences, decisionSentence, describeAttendee, formatClockTime, movementSentence, voteSentence } from '../../domain/wording';

export type MinutesVersion = 'public' | 'confidential';

export interface MinutesDocumentOptions {
  version: MinutesVersion;
  /** The council or body, shown above the committee name. */
  organisation?: string;
}

const BULLET_LIST = 'minutes-bullet';
const NUMBERED_LIST = 'minutes-numbered';
/** The deepest list level the document defines; deeper blocks are shown at this level. */
const DEEPEST_LIST_LEVEL = 2;

/**
 * Drops the characters XML 1.0 forbids: C0 controls other than tab, newline and carriage
 * return, U+FFFE and U+FFFF, and lone surrogates. Pasted text carries them, and Word refuses
 * a file that holds even one.
 */
export function xmlSafe(text: string): string {
  // With the u flag a surrogate pair is one code point, so only lone surrogates match \uD800-\uDFFF.
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/gu, '');
}

/** "2022-11-08" → "Tuesday, 8 November 2022". */
function formatUkDateWithWeekday(isoDate: string): string {
  const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  const weekday = weekdays[new Date(`${isoDate}T00:00:00Z`).getUTCDay()];
  return weekday ? `${weekday}, ${formatUkDate(isoDate)}` : formatUkDate(isoDate);
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

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph {
  return new Paragraph({ heading: level, keepNext: true, children: [textRun(text)] });
}

/** Non-empty lines of free text (a public summary), one paragraph each: no empty paragraphs. */
function textParagraphs(text: string): Paragraph[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map(sentence);
}

function frontMatter(meeting: Meeting, organisation: string | undefined): Paragraph[] {
  const paragraphs = [new Paragraph({ heading: HeadingLevel.TITLE, children: [textRun('Minutes')] })];
  if (organisation?.trim()) paragraphs.push(new Paragraph({ children: [textRun(organisation.trim(), ['bold'])] }));
  paragraphs.push(new Paragraph({ children: [textRun(meeting.committee, ['bold'])] }));
  if (meeting.title.trim()) paragraphs.push(sentence(meeting.title.trim()));
  paragraphs.push(sentence(`Minutes of the meeting held on ${formatUkDateWithWeekday(meeting.date)} at ${formatClockTime(meeting.startTime)}`));
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
    { label: 'Also present', names: attendees.filter((each) => (each.category === 'councillor' || each.category === 'guest') && attends(each)).map(withRemoteMark) },
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
 */
function minutesBlocks(blocks: readonly MinuteBlock[], lists: ListInstances): Paragraph[] {
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
        paragraphs.push(block.type === 'heading' ? new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children }) : new Paragraph({ children }));
        break;
      case 'numbered':
        numbered ??= lists.allocate();
        bullet = undefined;
        paragraphs.push(new Paragraph({ numbering: { reference: NUMBERED_LIST, level, instance: numbered }, children }));
        break;
      case 'bullet':
        if (level === 0) numbered = undefined;
        bullet ??= lists.allocate();
        paragraphs.push(new Paragraph({ numbering: { reference: BULLET_LIST, level, instance: bullet }, children }));
        break;
    }
  }
  return paragraphs;
}

function actionOwner(meeting: Meeting, action: Action): string {
  const attendee = meeting.attendees.find((each) => each.id === action.ownerAttendeeId);
  return attendee?.displayName ?? action.ownerName.trim();
}

/** "ACTION 64/1: Circulate the report — Jane Smith, by 1 December 2022". */
function actionSentence(meeting: Meeting, action: Action): string {
  const owner = actionOwner(meeting, action);
  const due = action.due ? `, by ${formatUkDate(action.due)}` : '';
  const who = owner ? ` — ${owner}${due}` : due;
  return `ACTION ${actionReference(meeting, action.id)}: ${action.text.trim()}${who}`;
}

function itemRecord(meeting: Meeting, item: AgendaItem): Paragraph[] {
  const declarations = meeting.declarations.filter((each) => each.itemId === item.id);
  const paragraphs = declarations.length > 0 ? declarationSentences({ ...meeting, declarations }).map(sentence) : [];
  const movements = meeting.movements.filter((each) => each.itemId === item.id).sort((a, b) => a.time.localeCompare(b.time));
  paragraphs.push(...movements.map((movement) => sentence(movementSentence(meeting, movement))));
  for (const decision of meeting.decisions.filter((each) => each.itemId === item.id)) {
    paragraphs.push(sentence(decisionSentence(meeting, decision)));
    const vote = voteSentence(meeting, decision);
    if (vote) paragraphs.push(sentence(vote));
  }
  for (const action of meeting.actions.filter((each) => each.itemId === item.id)) {
    paragraphs.push(new Paragraph({ children: [textRun(actionSentence(meeting, action), ['bold'])] }));
  }
  return paragraphs;
}

function privateSessionSentence(item: AgendaItem): string {
  const ground = item.exemptParagraph ? `paragraph ${item.exemptParagraph} of Schedule 12A` : 'Schedule 12A';
  return `This item was considered in private under ${ground} to the Local Government Act 1972.`;
}

function agendaItem(meeting: Meeting, item: AgendaItem, version: MinutesVersion, lists: ListInstances): Paragraph[] {
  const title = heading(`${minuteNumberOf(meeting, item.id)} ${item.title}`, HeadingLevel.HEADING_1);
  if (!item.exempt) return [title, ...minutesBlocks(item.minutes, lists), ...itemRecord(meeting, item)];
  if (version === 'public') return [title, ...textParagraphs(item.publicSummary), sentence(privateSessionSentence(item))];
  return [title, sentence(privateSessionSentence(item)), ...minutesBlocks(item.minutes, lists), ...itemRecord(meeting, item)];
}

const ACTION_STATUS_LABELS: Record<Action['status'], string> = { open: 'Open', done: 'Done', dropped: 'Dropped' };

/** The actions of the listed items, in agenda order; the public version leaves out Part 2 items'. */
function tabledActions(meeting: Meeting, version: MinutesVersion): Action[] {
  const items = meeting.agenda.filter((item) => version === 'confidential' || !item.exempt);
  return items.flatMap((item) => meeting.actions.filter((action) => action.itemId === item.id));
}

function cell(text: string, width: number, bold = false): TableCell {
  return new TableCell({ width: { size: width, type: WidthType.PERCENTAGE }, children: [new Paragraph({ spacing: { after: 0 }, children: [textRun(text, bold ? ['bold'] : [])] })] });
}

const ACTION_COLUMNS: ReadonlyArray<{ label: string; width: number }> = [
  { label: 'Reference', width: 12 },
  { label: 'Action', width: 46 },
  { label: 'Owner', width: 18 },
  { label: 'Due date', width: 14 },
  { label: 'Status', width: 10 },
];

function actionTable(meeting: Meeting, actions: readonly Action[]): Table {
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: ACTION_COLUMNS.map((column) => cell(column.label, column.width, true)) });
  const rows = actions.map((action) => {
    const values = [actionReference(meeting, action.id), action.text.trim(), actionOwner(meeting, action), action.due ? formatUkDate(action.due) : '', ACTION_STATUS_LABELS[action.status]];
    return new TableRow({ cantSplit: true, children: values.map((value, index) => cell(value, ACTION_COLUMNS[index]!.width)) });
  });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] });
}

function closingMatter(meeting: Meeting, version: MinutesVersion): Array<Paragraph | Table> {
  const closing: Array<Paragraph | Table> = [];
  const actions = tabledActions(meeting, version);
  if (actions.length > 0) closing.push(heading('Actions', HeadingLevel.HEADING_1), actionTable(meeting, actions));
  if (meeting.endTime) closing.push(new Paragraph({ spacing: { before: 240 }, children: [textRun(`The meeting ended at ${formatClockTime(meeting.endTime)}`)] }));
  closing.push(
    new Paragraph({ keepNext: true, spacing: { before: 720 }, children: [textRun('Chair ……………………………………')] }),
    new Paragraph({ spacing: { before: 360 }, children: [textRun('Date ……………………………………')] }),
  );
  return closing;
}

function markings(meeting: Meeting, version: MinutesVersion): string[] {
  return [...(meeting.status === 'draft' ? ['DRAFT'] : []), ...(version === 'confidential' ? ['CONFIDENTIAL'] : [])];
}

function pageHeader(meeting: Meeting, version: MinutesVersion): Header {
  const marks = markings(meeting, version);
  const children = [new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 0 }, children: [textRun(`${meeting.committee}, ${formatUkDate(meeting.date)}`)] })];
  if (marks.length > 0) children.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 0 }, children: [textRun(marks.join(' – '), ['bold'])] }));
  return new Header({ children });
}

function pageFooter(version: MinutesVersion): Footer {
  const children = [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 0 }, children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })] })];
  if (version === 'confidential') children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 0 }, children: [textRun('CONFIDENTIAL', ['bold'])] }));
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

export function buildMinutesDocument(meeting: Meeting, options: MinutesDocumentOptions): Document {
  const { version } = options;
  const lists = new ListInstances();
  const ukDate = formatUkDate(meeting.date);
  return new Document({
    title: xmlSafe(`Minutes: ${meeting.committee}, ${ukDate}`),
    subject: xmlSafe(`${version === 'public' ? 'Public' : 'Confidential'} minutes of the ${meeting.committee} meeting held on ${ukDate}`),
    creator: 'Minute Book',
    styles: {
      default: {
        document: {
          run: { language: { value: 'en-GB' } },
          paragraph: { spacing: { after: 120 } },
        },
      },
    },
    numbering: {
      config: [
        { reference: BULLET_LIST, levels: listLevels('bullet') },
        { reference: NUMBERED_LIST, levels: listLevels('numbered') },
      ],
    },
    sections: [
      {
        headers: { default: pageHeader(meeting, version) },
        footers: { default: pageFooter(version) },
        children: [
          ...frontMatter(meeting, options.organisation),
          ...attendance(meeting),
          ...meeting.agenda.flatMap((item) => agendaItem(meeting, item, version, lists)),
          ...closingMatter(meeting, version),
        ],
      },
    ],
  });
}

export async function minutesDocx(meeting: Meeting, options: MinutesDocumentOptions): Promise<Buffer> {
  return Packer.toBuffer(buildMinutesDocument(meeting, options));
}
