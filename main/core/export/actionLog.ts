/**
 * A committee's action log: every action from all its meetings in the library, in one table,
 * as a Word document or a CSV file for Excel. The public log leaves out actions of Part 2
 * (exempt) items; the confidential one has them all.
 */
import Papa from 'papaparse';
import { Document, Footer, Header, HeadingLevel, Packer, PageOrientation, Paragraph, Table, TableRow, TextRun, WidthType, type IStylesOptions } from 'docx';

import { slugify } from '../../domain/committee';
import { DEFAULT_HOUSE_STYLE, formatDate, minutesShapeOf, type HouseStyle } from '../../domain/houseStyle';
import type { ActionLogFormat } from '../../domain/api';
import type { ActionStatus, Meeting, UnreadableMeetingFile } from '../../domain/meeting';
import { actionReference, minuteNumberOf } from '../../domain/minuteNumbers';
import { ACTION_STATUS_LABELS, actionOwnerName } from '../../domain/wording';
import { ClerkFacingError } from '../clerkFacingError';
import { readCommittee, scanLibrary, fromLibraryRelative } from '../library';
import { readMeetingFile } from '../meetingFile';
import { loadExportStyle, loadHouseStyle, type ExportStyle } from './exportStyle';
import { headerLine, pageNumberLine, tableCell, textRun, xmlSafe } from './wordText';

/** One action, as the log lists it. Dates are ISO (yyyy-mm-dd); the Word log writes them in the house style. */
export interface ActionLogRow {
  meetingDate: string;
  /** "64/1": the item's minute number and the action's number within it. */
  reference: string;
  action: string;
  owner: string;
  /** ISO date, or '' when none was set. */
  due: string;
  status: ActionStatus;
  itemTitle: string;
  /** From a Part 2 (exempt) item: only in the confidential log. */
  exempt: boolean;
}

interface SortableRow extends ActionLogRow {
  startTime: string;
  minuteNumber: number;
  actionNumber: number;
}

/** The actions of one meeting, in agenda order. Actions of a removed item (kept for Undo) are not listed. */
function meetingRows(meeting: Meeting, confidential: boolean, houseStyle: HouseStyle): SortableRow[] {
  const referencePattern = minutesShapeOf(houseStyle).actionReferencePattern;
  return meeting.agenda.flatMap((item, itemIndex) => {
    if (item.exempt && !confidential) return [];
    const actions = meeting.actions.filter((action) => action.itemId === item.id);
    return actions.map((action, index) => ({
      meetingDate: meeting.date,
      reference: actionReference(meeting, action.id, referencePattern, houseStyle.minuteNumberPattern),
      action: action.text.trim(),
      owner: actionOwnerName(meeting, action),
      due: action.due ?? '',
      status: action.status,
      itemTitle: item.title.trim(),
      exempt: item.exempt,
      startTime: meeting.startTime,
      minuteNumber: Number(minuteNumberOf(meeting, item.id)) || meeting.firstMinuteNumber + itemIndex,
      actionNumber: action.number ?? index + 1,
    }));
  });
}

/** By meeting date (and time, for two meetings on one day), then by reference: minute number, then action number. */
function byDateThenReference(a: SortableRow, b: SortableRow): number {
  return (
    a.meetingDate.localeCompare(b.meetingDate) || a.startTime.localeCompare(b.startTime) || a.minuteNumber - b.minuteNumber || a.actionNumber - b.actionNumber
  );
}

/** The log's rows from the given meetings: all of them belong to the committee. References follow the house style's pattern ("64/1", "TB2026.7"). */
export function actionLogRows(meetings: readonly Meeting[], options: { confidential?: boolean; houseStyle?: HouseStyle } = {}): ActionLogRow[] {
  return meetings
    .flatMap((meeting) => meetingRows(meeting, options.confidential === true, options.houseStyle ?? DEFAULT_HOUSE_STYLE))
    .sort(byDateThenReference)
    .map(({ startTime: _startTime, minuteNumber: _minuteNumber, actionNumber: _actionNumber, ...row }) => row);
}

/** A meeting of the committee: set up from its file, or an ad hoc meeting under the same name. */
function belongsTo(meeting: Meeting, committeeSlug: string): boolean {
  return meeting.committeeSlug === undefined ? slugify(meeting.committee) === committeeSlug : meeting.committeeSlug === committeeSlug;
}

export interface CommitteeActionLog {
  committeeName: string;
  meetingCount: number;
  rows: ActionLogRow[];
  /** Meeting files that could not be read: reported, and left out of the log. */
  unreadable: UnreadableMeetingFile[];
}

/** Reads every meeting of the committee in the library. Unreadable files are reported, not fatal. */
export async function collectActionLog(libraryPath: string, committeeSlug: string, options: { confidential?: boolean } = {}): Promise<CommitteeActionLog> {
  const scan = await scanLibrary(libraryPath);
  const unreadable = [...scan.unreadable];
  const meetings: Meeting[] = [];
  for (const file of scan.files.values()) {
    try {
      const { meeting } = await readMeetingFile(fromLibraryRelative(libraryPath, file));
      if (belongsTo(meeting, committeeSlug)) meetings.push(meeting);
    } catch (error) {
      // Changed or removed since the scan read it a moment ago.
      unreadable.push({ file, problem: error instanceof Error ? error.message : String(error) });
    }
  }
  const committeeName = await committeeNameOf(libraryPath, committeeSlug, meetings);
  const houseStyle = await loadHouseStyle(libraryPath, committeeSlug);
  return { committeeName, meetingCount: meetings.length, rows: actionLogRows(meetings, { ...options, houseStyle }), unreadable };
}

async function committeeNameOf(libraryPath: string, committeeSlug: string, meetings: readonly Meeting[]): Promise<string> {
  try {
    return (await readCommittee(libraryPath, committeeSlug)).name;
  } catch (error) {
    const latest = [...meetings].sort((a, b) => b.date.localeCompare(a.date))[0];
    if (latest) return latest.committee;
    const reason = error instanceof ClerkFacingError && !/not there/.test(error.message) ? ` (${error.message})` : '';
    throw new ClerkFacingError(
      `The library “${libraryPath}” has no committee “${committeeSlug}”: no committees/${committeeSlug}.json and no meeting of it${reason}.`,
      'unknown-committee',
    );
  }
}

const COLUMNS = ['Meeting date', 'Reference', 'Action', 'Owner', 'Due date', 'Status', 'Item'] as const;

/**
 * Spreadsheet formula injection: Excel runs a cell that starts with = + - or @ (or a tab or
 * carriage return before one) as a formula, so a clerk opening the log could run what someone
 * typed as an action. Such cells get a leading apostrophe, as OWASP advises. Papa's own
 * escapeFormulae pattern ends in `.*$`, which misses a cell with a line break, hence this one.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The log as CSV for Excel: UTF-8 with a byte-order mark (without it Excel shows "SiÃ¢n" for
 * "Siân"), CRLF line ends, a header row, ISO dates (which Excel reads as dates in any locale).
 */
export function actionLogCsv(rows: readonly ActionLogRow[]): string {
  const data = rows.map((row) => [row.meetingDate, row.reference, row.action, row.owner, row.due, ACTION_STATUS_LABELS[row.status], row.itemTitle]);
  return `\uFEFF${Papa.unparse({ fields: [...COLUMNS], data }, { newline: '\r\n', escapeFormulae: FORMULA_START })}\r\n`;
}

export interface ActionLogDocumentOptions {
  committeeName: string;
  style?: ExportStyle;
  /** Marks every page CONFIDENTIAL: the log holds Part 2 actions. */
  confidential?: boolean;
}

/** Landscape A4 between Word's default 1-inch margins, in twentieths of a point. */
const TEXT_WIDTH_TWIPS = 16838 - 2 * 1440;
/** Per cent of the width; LibreOffice sizes columns by the table grid, Word by the cells, so both are given. */
const COLUMN_WIDTHS = [13, 10, 28, 14, 12, 9, 14];
const COLUMN_TWIPS = COLUMN_WIDTHS.map((percent) => Math.floor((TEXT_WIDTH_TWIPS * percent) / 100));

function cell(text: string, column: number, bold = false) {
  return tableCell(text, { size: COLUMN_TWIPS[column]!, type: WidthType.DXA }, bold);
}

function logTable(rows: readonly ActionLogRow[], house: HouseStyle): Table {
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: COLUMNS.map((label, index) => cell(label, index, true)) });
  const body = rows.map((row) => {
    const values = [
      formatDate(row.meetingDate, house.dateFormat),
      row.reference,
      row.action,
      row.owner,
      row.due ? formatDate(row.due, house.dateFormat) : '',
      ACTION_STATUS_LABELS[row.status],
      row.itemTitle,
    ];
    return new TableRow({ cantSplit: true, children: values.map((value, index) => cell(value, index)) });
  });
  return new Table({ width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA }, columnWidths: COLUMN_TWIPS, rows: [header, ...body] });
}

/** The house style's font, sizes and heading look; Word measures sizes in half-points. */
function documentStyles(house: HouseStyle): IStylesOptions {
  return {
    default: {
      document: { run: { font: house.fontFamily, size: house.bodySizePt * 2, language: { value: 'en-GB' } }, paragraph: { spacing: { after: 120 } } },
      heading1: {
        run: {
          font: house.fontFamily,
          size: house.heading1SizePt * 2,
          bold: house.headingStyle.bold,
          allCaps: house.headingStyle.allCaps,
          color: house.headingStyle.colour,
        },
        paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
      },
    },
  };
}

/** The log as a Word document: a Heading 1 title and one table whose header row repeats on every page. */
export async function actionLogDocx(rows: readonly ActionLogRow[], options: ActionLogDocumentOptions): Promise<Buffer> {
  const house = options.style?.houseStyle ?? DEFAULT_HOUSE_STYLE;
  const title = xmlSafe(`Action log: ${options.committeeName}`);
  const organisation = house.organisation.trim();
  const headerLines = [organisation ? `${organisation} – ${options.committeeName}` : options.committeeName, ...(options.confidential ? ['CONFIDENTIAL'] : [])];
  const document = new Document({
    title,
    subject: xmlSafe(`${options.confidential ? 'Confidential' : 'Public'} log of the actions of the ${options.committeeName} from all its meetings`),
    creator: 'Minute Book',
    styles: documentStyles(house),
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        headers: {
          default: new Header({
            children: headerLines.map((line, index) => headerLine(line, index > 0)),
          }),
        },
        footers: {
          default: new Footer({
            children: [pageNumberLine()],
          }),
        },
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: title })] }),
          rows.length > 0 ? logTable(rows, house) : new Paragraph({ children: [textRun('No actions have been recorded at this committee’s meetings.')] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** The log's file, as the app and the command line write it: CSV for Excel, or a Word table in the committee's house style. */
export async function actionLogFile(
  libraryPath: string,
  committeeSlug: string,
  log: CommitteeActionLog,
  format: ActionLogFormat,
  confidential: boolean,
): Promise<string | Buffer> {
  if (format === 'csv') return actionLogCsv(log.rows);
  return actionLogDocx(log.rows, { committeeName: log.committeeName, style: await loadExportStyle(libraryPath, committeeSlug), confidential });
}
