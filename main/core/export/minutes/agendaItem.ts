/**
 * One agenda item as a numbered minute: its heading, the minutes with their lists as real Word
 * numbering, and its record (declarations, arrivals and departures, decisions and votes,
 * actions). A Part 2 item in the public version shows only its public summary and the Schedule
 * 12A sentence.
 */
import { Paragraph, Table, TableCell, TableRow, WidthType, type TextRun } from 'docx';
import { formatDate } from '../../../domain/houseStyle';
import type { Action, AgendaItem, MinuteBlock, TextRun as MinuteRun } from '../../../domain/meeting';
import { actionReference, styledMinuteNumber } from '../../../domain/minuteNumbers';
import { actionOwnerName, declarationSentences, decisionSentence, movementSentence, voteSentence } from '../../../domain/wording';
import { textRun, xmlSafe } from '../wordText';
import { heading, sentence, textParagraphs, type Layout } from './layout';
import { BULLET_LIST, DEEPEST_LIST_LEVEL, NUMBERED_LIST } from './styles';

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
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
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
              width: { size: Math.floor(100 / columns), type: WidthType.PERCENTAGE },
              children: [new Paragraph({ spacing: { after: 0 }, children: runsOf(text) })],
            });
          }),
        }),
    ),
  });
}

function minutesBlocks(blocks: readonly MinuteBlock[], layout: Layout): Array<Paragraph | Table> {
  const { ids, lists } = layout;
  const paragraphs: Array<Paragraph | Table> = [];
  let numbered: number | undefined;
  let bullet: number | undefined;
  for (const block of blocks) {
    if (block.type === 'table') {
      numbered = undefined;
      bullet = undefined;
      const table = minutesTable(block, layout);
      if (table) paragraphs.push(table);
      continue;
    }
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

export function agendaItem(layout: Layout, item: AgendaItem): Array<Paragraph | Table> {
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
