/**
 * One agenda entry: a numbered minute with its heading, the minutes with their lists as real Word
 * numbering (and paragraph numbers "63.1" where the house style has them), and its record
 * (declarations, arrivals and departures, decisions where the clerk placed them, votes,
 * actions); a lettered sub-item "(a) …" under its minute; or a section heading ("PART ONE") that
 * takes no number. A private item in the public version shows only its public summary and the
 * law it was taken under, or for a school that it is minuted separately (Part II).
 */
import { Paragraph, Table, TableCell, TableRow, WidthType, type TextRun } from 'docx';
import { keepsPrivateBusinessApart, type MinutesShape } from '../../../domain/bodies';
import { generatedMinutesOf } from '../../../domain/generatedMinutes';
import { formatDate } from '../../../domain/houseStyle';
import type { Action, AgendaItem, Decision, MinuteBlock, TextRun as MinuteRun } from '../../../domain/meeting';
import { actionReference, agendaNumbering, isSection, styledMinuteNumber } from '../../../domain/minuteNumbers';
import { actionOwnerName, declarationSentences, decisionWording, movementSentence } from '../../../domain/wording';
import { textRun, xmlSafe } from '../wordText';
import { heading, minuteParagraph, minuteSentence, textParagraphs, type Layout } from './layout';
import { BULLET_LIST, DECISION_POINTS, DEEPEST_LIST_LEVEL, NUMBERED_LIST } from './styles';
import { columnWidthsByContent, PORTRAIT_TEXT_WIDTH_TWIPS } from './tableColumns';

function runsOf(runs: readonly MinuteRun[]): TextRun[] {
  return runs.map((run) => textRun(run.text, run.marks));
}

/**
 * A numbered list runs on through its nested bullets (deeper levels) and ends at a paragraph,
 * a sub-heading or a top-level bullet, so the next numbered block starts again from 1.
 * List items are real Word numbering; with a template they also take its List Bullet and
 * List Number paragraph styles (spacing, font), while the numbering keeps their indents.
 */
/**
 * A table in the minutes as a real Word table: its header rows repeat on each page, and a row is
 * never split across two pages; a row shorter than the widest gets empty cells.
 */
function minutesTable(block: MinuteBlock, layout: Layout): Table | undefined {
  const rows = block.rows ?? [];
  if (rows.length === 0) return undefined;
  const columns = Math.max(...rows.map((row) => row.length));
  const headerRows = Math.min(block.headerRows ?? 0, rows.length);
  const cellText = (runs: readonly MinuteRun[] | undefined) => (runs ?? []).map((run) => run.text).join('');
  const widths = columnWidthsByContent(Array.from({ length: columns }, (_, column) => rows.map((row) => cellText(row[column]))));
  return new Table({
    width: { size: PORTRAIT_TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    ...(layout.ids.table ? { style: layout.ids.table } : {}),
    rows: rows.map(
      (row, index) =>
        new TableRow({
          tableHeader: index < headerRows || undefined,
          cantSplit: true,
          children: Array.from({ length: columns }, (_, column) => {
            const runs = row[column] ?? [];
            const text = index < headerRows ? runs.map((run) => ({ ...run, marks: [...new Set([...(run.marks ?? []), 'bold' as const])] })) : runs;
            return new TableCell({
              width: { size: widths[column]!, type: WidthType.DXA },
              children: [new Paragraph({ spacing: { after: 0 }, children: runsOf(text) })],
            });
          }),
        }),
    ),
  });
}

/** A list item as real Word numbering, in the template's list style where it has one; clear of a table just above it. */
function listParagraph(style: string | undefined, reference: string, level: number, instance: number, children: TextRun[], afterTable: boolean): Paragraph {
  return new Paragraph({
    ...(style ? { style } : {}),
    ...(afterTable ? { spacing: { before: 240 } } : {}),
    numbering: { reference, level, instance },
    children,
  });
}

/** Decisions the clerk placed among the paragraphs, by the block they follow (null: before them all). */
type Placed = Map<string | null, Array<Paragraph | Table>>;

function minutesBlocks(blocks: readonly MinuteBlock[], layout: Layout, placed: Placed = new Map()): Array<Paragraph | Table> {
  const { ids, lists } = layout;
  const paragraphs: Array<Paragraph | Table> = [...(placed.get(null) ?? [])];
  let numbered: number | undefined;
  let bullet: number | undefined;
  // The paragraph after a table stands clear of its bottom border.
  let afterTable = false;
  for (const block of blocks) {
    const after = placed.get(block.id);
    if (block.type === 'table') {
      numbered = undefined;
      bullet = undefined;
      const table = minutesTable(block, layout);
      if (table) paragraphs.push(table);
      afterTable = table !== undefined;
    } else if (block.runs.some((run) => xmlSafe(run.text).trim())) {
      const level = Math.min(block.level ?? 0, DEEPEST_LIST_LEVEL);
      const children = runsOf(block.runs);
      switch (block.type) {
        case 'paragraph':
        case 'heading':
          numbered = undefined;
          bullet = undefined;
          paragraphs.push(
            block.type === 'heading'
              ? new Paragraph({ style: ids.heading2, keepNext: true, children, ...(afterTable ? { spacing: { before: 240 } } : {}) })
              : minuteParagraph(layout, children, afterTable ? { spacing: { before: 240 } } : {}),
          );
          afterTable = false;
          break;
        case 'numbered': {
          numbered ??= lists.allocate();
          bullet = undefined;
          paragraphs.push(listParagraph(ids.numbered[level], NUMBERED_LIST, level, numbered, children, afterTable));
          afterTable = false;
          break;
        }
        case 'bullet': {
          if (level === 0) numbered = undefined;
          bullet ??= lists.allocate();
          paragraphs.push(listParagraph(ids.bullet[level], BULLET_LIST, level, bullet, children, afterTable));
          afterTable = false;
          break;
        }
      }
    }
    if (after) {
      // A decision between them ends the list: the next numbered block starts again from 1.
      numbered = undefined;
      bullet = undefined;
      paragraphs.push(...after);
    }
  }
  return paragraphs;
}

/** "ACTION 64/1: Circulate the report — Jane Smith, by 1 December 2022", the reference in the house style's pattern. */
function actionSentence(layout: Layout, action: Action): string {
  const { meeting, house, shape } = layout;
  const owner = actionOwnerName(meeting, action, shape);
  const due = action.due ? `, by ${formatDate(action.due, house.dateFormat)}` : '';
  const who = owner ? ` — ${owner}${due}` : due;
  return `ACTION ${actionReference(meeting, action.id, shape.actionReferencePattern, house.minuteNumberPattern)}: ${action.text.trim()}${who}`;
}

/** A decision as the house style lays it out: the lead, its points one numbered paragraph each or run in, and the vote. */
function decisionParagraphs(layout: Layout, decision: Decision): Paragraph[] {
  const { meeting, shape, lists } = layout;
  const wording = decisionWording(meeting, decision, shape);
  // A resolution is never printed at the foot of a page with its points or its vote on the next.
  const paragraphs = [minuteParagraph(layout, [textRun(wording.lead)], { keepNext: wording.points.length > 0 || wording.vote !== undefined })];
  if (wording.points.length > 0) {
    const instance = lists.allocate();
    wording.points.forEach((point, index) => {
      const last = index === wording.points.length - 1;
      paragraphs.push(
        new Paragraph({
          keepNext: !last || wording.vote !== undefined,
          numbering: { reference: DECISION_POINTS, level: 0, instance },
          children: [textRun(point)],
        }),
      );
    });
  }
  if (wording.vote) paragraphs.push(minuteSentence(layout, wording.vote));
  return paragraphs;
}

/** The decisions of the item by where the clerk placed them: after a paragraph, before them all (null), or at the end (absent, or a paragraph no longer there). */
function placeDecisions(layout: Layout, item: AgendaItem, minutes: readonly MinuteBlock[]): { placed: Placed; atEnd: Paragraph[] } {
  const placed: Placed = new Map();
  const atEnd: Paragraph[] = [];
  const blockIds = new Set(minutes.map((block) => block.id));
  for (const decision of layout.meeting.decisions.filter((each) => each.itemId === item.id)) {
    const paragraphs = decisionParagraphs(layout, decision);
    const after = decision.afterBlockId;
    if (after === null || (after !== undefined && blockIds.has(after))) placed.set(after, [...(placed.get(after) ?? []), ...paragraphs]);
    else atEnd.push(...paragraphs);
  }
  return { placed, atEnd };
}

/** Declarations and movements recorded on the item, the decisions placed at the end, then the actions. */
function itemRecord(layout: Layout, item: AgendaItem, decisionsAtEnd: readonly Paragraph[]): Paragraph[] {
  const { meeting, house, references } = layout;
  const declarations = meeting.declarations.filter((each) => each.itemId === item.id);
  const paragraphs = declarations.length > 0 ? declarationSentences({ ...meeting, declarations }, references).map((text) => minuteSentence(layout, text)) : [];
  const movements = meeting.movements.filter((each) => each.itemId === item.id).sort((a, b) => a.time.localeCompare(b.time));
  paragraphs.push(...movements.map((movement) => minuteSentence(layout, movementSentence(meeting, movement, house.timeFormat, references))));
  paragraphs.push(...decisionsAtEnd);
  for (const action of meeting.actions.filter((each) => each.itemId === item.id)) {
    paragraphs.push(minuteParagraph(layout, [textRun(actionSentence(layout, action), ['bold'])]));
  }
  return paragraphs;
}

/** The minutes text and record of an item, the decisions where the clerk placed them. */
function itemBody(layout: Layout, item: AgendaItem): Array<Paragraph | Table> {
  const minutes = generatedMinutesOf(layout.meeting, item, layout.references);
  const { placed, atEnd } = placeDecisions(layout, item, minutes);
  return [...minutesBlocks(minutes, layout, placed), ...itemRecord(layout, item, atEnd)];
}

/** Why an item was taken in private, in the law the body works under; a school's Part II names its regulations or articles. */
export function privateSessionSentence(item: AgendaItem, shape: MinutesShape): string {
  switch (shape.privateBusinessLaw) {
    case 'schedule-12a': {
      const ground = item.exemptParagraph ? `paragraph ${item.exemptParagraph} of Schedule 12A` : 'Schedule 12A';
      return `This item was considered in private under ${ground} to the Local Government Act 1972.`;
    }
    case 'admission-act-1960':
      return 'The public and press were excluded for this item by resolution under section 1(2) of the Public Bodies (Admission to Meetings) Act 1960, publicity being prejudicial to the public interest by reason of the confidential nature of the business.';
    case 'school-part-two':
      return shape.bodyKind === 'school-academy'
        ? 'This item was considered as confidential (Part II) business under the academy trust’s articles of association.'
        : 'This item was considered as confidential (Part II) business under the School Governance (Roles, Procedures and Allowances) (England) Regulations 2013.';
    case 'confidential':
      return 'This item was considered in confidence.';
  }
}

/** What the public minutes of a school say of a Part II item, which is minuted in its own document. */
export const MINUTED_SEPARATELY = 'This item was confidential and is minuted separately (Part II).';

/** The minute's heading: "64 Budget", a sub-item "(a) Declarations of substitutes", a section "PART ONE". */
function itemHeading(layout: Layout, item: AgendaItem, keepNext: boolean): Paragraph {
  const { meeting, house, ids } = layout;
  if (isSection(item)) return heading(item.title.trim(), ids.heading1, keepNext);
  const place = agendaNumbering(meeting).get(item.id);
  if (item.shape === 'sub-item') return heading(place?.letter === undefined ? item.title : `(${place.letter}) ${item.title}`, ids.heading2, keepNext);
  return heading(`${styledMinuteNumber(meeting, item.id, house.minuteNumberPattern)} ${item.title}`, ids.heading1, keepNext);
}

export function agendaItem(layout: Layout, item: AgendaItem): Array<Paragraph | Table> {
  const { meeting, version, shape } = layout;
  layout.paragraphNumbers.enterMinute(agendaNumbering(meeting).get(item.id)?.number);
  if (isSection(item)) return [itemHeading(layout, item, true)];
  const title = itemHeading(layout, item, true);
  if (!item.exempt) {
    const body = itemBody(layout, item);
    return [body.length > 0 ? title : itemHeading(layout, item, false), ...body];
  }
  if (version === 'public') {
    const ground = keepsPrivateBusinessApart(shape) ? MINUTED_SEPARATELY : privateSessionSentence(item, shape);
    return [title, ...textParagraphs(item.publicSummary, layout), minuteSentence(layout, ground)];
  }
  return [title, minuteSentence(layout, privateSessionSentence(item, shape)), ...itemBody(layout, item)];
}

/**
 * A school's Part II document: its confidential items only, each where it stands in the agenda; a
 * confidential sub-item of a public minute comes under that minute's heading (its text stays in
 * the public minutes).
 */
export function partTwoMinutes(layout: Layout): Array<Paragraph | Table> {
  const paragraphs: Array<Paragraph | Table> = [];
  let minute: AgendaItem | undefined;
  let headed = false;
  for (const item of layout.meeting.agenda) {
    if (item.shape !== 'sub-item') {
      minute = isSection(item) ? undefined : item;
      headed = false;
    }
    if (!item.exempt) continue;
    if (item.shape === 'sub-item' && minute && !headed) paragraphs.push(itemHeading(layout, minute, true));
    headed = true;
    paragraphs.push(...agendaItem(layout, item));
  }
  return paragraphs;
}
