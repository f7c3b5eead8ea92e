/**
 * The end of the minutes: the table of the actions (header row repeated on each page; the public
 * version leaves out Part 2 items' actions), "The meeting ended at …" and the signature block.
 */
import { Paragraph, Table, TableRow, WidthType } from 'docx';
import type { MinutesVersion } from '../../../domain/api';
import { formatDate } from '../../../domain/houseStyle';
import type { Action, AgendaItem, Meeting } from '../../../domain/meeting';
import { actionReference } from '../../../domain/minuteNumbers';
import { ACTION_STATUS_LABELS, actionOwnerName, formatClockTime } from '../../../domain/wording';
import { tableCell, textRun } from '../wordText';
import { heading, type Layout } from './layout';
import { columnWidthsByContent, PORTRAIT_TEXT_WIDTH_TWIPS } from './tableColumns';

/** The actions of the listed items, in agenda order; the public version leaves out Part 2 items'. */
function tabledActions(meeting: Meeting, version: MinutesVersion, items: readonly AgendaItem[]): Action[] {
  return items.filter((item) => version === 'confidential' || !item.exempt).flatMap((item) => meeting.actions.filter((action) => action.itemId === item.id));
}

/** A cell of the action table, its width in twips. */
function cell(text: string, width: number, bold = false) {
  return tableCell(text, { size: width, type: WidthType.DXA }, bold);
}

const ACTION_COLUMNS = ['Reference', 'Action', 'Owner', 'Due date', 'Status'];
/** The due date ("27 November 2026") is never broken over lines. */
const DUE_DATE_COLUMN = new Set([3]);

function actionTable(layout: Layout, actions: readonly Action[]): Table {
  const { meeting, house, shape, ids } = layout;
  const values = actions.map((action) => [
    actionReference(meeting, action.id, shape.actionReferencePattern, house.minuteNumberPattern),
    action.text.trim(),
    actionOwnerName(meeting, action, shape),
    action.due ? formatDate(action.due, house.dateFormat) : '',
    ACTION_STATUS_LABELS[action.status],
  ]);
  const widths = columnWidthsByContent(
    ACTION_COLUMNS.map((label, column) => [label, ...values.map((row) => row[column]!)]),
    PORTRAIT_TEXT_WIDTH_TWIPS,
    DUE_DATE_COLUMN,
  );
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: ACTION_COLUMNS.map((label, index) => cell(label, widths[index]!, true)) });
  const rows = values.map((row) => new TableRow({ cantSplit: true, children: row.map((value, index) => cell(value, widths[index]!)) }));
  return new Table({
    width: { size: PORTRAIT_TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    ...(ids.table ? { style: ids.table } : {}),
    rows: [header, ...rows],
  });
}

/** The end of the minutes of these items (all of them, or a school's Part II items in their own document). */
export function closingMatter(layout: Layout, items: readonly AgendaItem[] = layout.meeting.agenda): Array<Paragraph | Table> {
  const { meeting, version, house, ids } = layout;
  const closing: Array<Paragraph | Table> = [];
  const actions = tabledActions(meeting, version, items);
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
