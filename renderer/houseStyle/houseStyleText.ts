/**
 * How the house style's fields are named and shown on screen, shared by the library's House style
 * section and a committee's override: field names for problems, the number ranges in words, and
 * the live examples ("63 → PDS/22/63", "8 November 2022", "10.00 am, 2.05 pm").
 */
import { ActionReferencePattern, BODY_KIND_LABELS, BodyKind, type DecisionLayout, type ParagraphNumbering } from '../../main/domain/bodies';
import { fillActionReference } from '../../main/domain/minuteNumbers';
import { DateFormat, formatDate, formatMinuteNumber, formatTime, MinuteNumberPattern, TimeFormat } from '../../main/domain/houseStyle';

/** The example every house-style example uses: minute 63 of a meeting on 8 November 2022 at 2.05 pm. */
const EXAMPLE = { number: 63, date: '2022-11-08', time: '14:05' };

export const HOUSE_STYLE_FIELD_NAMES: Record<string, string> = {
  organisation: 'Organisation name',
  fontFamily: 'Font',
  bodySizePt: 'Text size',
  heading1SizePt: 'Heading 1 size',
  heading2SizePt: 'Heading 2 size',
  'headingStyle.colour': 'Heading colour',
  minuteNumberPattern: 'Minute number format',
  dateFormat: 'Date format',
  timeFormat: 'Time format',
  'logo.file': 'Logo file',
  'logo.altText': 'Logo description',
  'logo.widthMm': 'Logo width',
  template: 'Word template',
  bodyKind: 'Kind of body',
  'shape.paragraphNumbering': 'Paragraph numbering',
  'shape.decisionLayout': 'Decisions of several points',
  'shape.actionReferencePattern': 'Action reference format',
};

/** A problem in one attendance group's label: "Attendance group 2 label". */
function fieldNameOf(path: string): string | undefined {
  const group = /^shape\.attendanceGroups\.(\d+)/.exec(path);
  if (group) return `Attendance group ${Number(group[1]) + 1} label`;
  return HOUSE_STYLE_FIELD_NAMES[path];
}

/** Number fields: the schema's range in the clerk's words. */
const NUMBER_RULES: Record<string, string> = {
  bodySizePt: 'must be a number of points from 8 to 20',
  heading1SizePt: 'must be a number of points from 8 to 36',
  heading2SizePt: 'must be a number of points from 8 to 36',
  'logo.widthMm': 'must be a number of millimetres from 5 to 180',
};

function sentence(message: string): string {
  const trimmed = message.trim();
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

interface SchemaIssue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
}

/** "Minute number format: a minute number format must hold {n}, where the number goes." */
export function houseStyleProblem(issue: SchemaIssue, prefix = ''): string {
  const path = issue.path.map(String).join('.');
  const name = fieldNameOf(path) ?? 'The house style';
  const numberRule = NUMBER_RULES[path];
  const isNumberIssue = issue.code === 'invalid_type' || issue.code === 'too_small' || issue.code === 'too_big';
  // The schema's own sentences are kept; zod's generic ones ("Too small: expected string…") are put in words.
  const generic = /^(Too small|Too big|Invalid input)\b/.test(issue.message);
  let message = issue.message;
  if (numberRule && isNumberIssue) message = numberRule;
  else if (generic && issue.code === 'too_small') message = 'is required';
  else if (generic && issue.code === 'too_big') message = 'is too long';
  return sentence(`${prefix}${name}: ${message}`);
}

/** "63 → PDS/22/63", or undefined while the format is not one the house style accepts. */
export function minuteNumberExample(pattern: string): string | undefined {
  const parsed = MinuteNumberPattern.safeParse(pattern);
  return parsed.success ? `${EXAMPLE.number} → ${formatMinuteNumber(parsed.data, EXAMPLE.number, EXAMPLE.date)}` : undefined;
}

/** The schema's own message for a format it does not accept. */
export function minuteNumberPatternProblem(pattern: string): string | undefined {
  const parsed = MinuteNumberPattern.safeParse(pattern);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  return issue ? houseStyleProblem({ ...issue, path: ['minuteNumberPattern'] }) : undefined;
}

export const DATE_FORMAT_CHOICES = DateFormat.options.map((format) => ({ value: format, label: formatDate(EXAMPLE.date, format) }));

export const TIME_FORMAT_CHOICES = TimeFormat.options.map((format) => ({
  value: format,
  label: `${formatTime('10:00', format)}, ${formatTime(EXAMPLE.time, format)}`,
}));

export const BODY_KIND_CHOICES = BodyKind.options.map((kind) => ({ value: kind, label: BODY_KIND_LABELS[kind] }));

export const PARAGRAPH_NUMBERING_CHOICES: { value: ParagraphNumbering; label: string }[] = [
  { value: 'none', label: 'None' },
  { value: 'decimal', label: 'After the minute number (63.1, 63.2)' },
];

export const DECISION_LAYOUT_CHOICES: { value: DecisionLayout; label: string }[] = [
  { value: 'numbered-points', label: 'One numbered paragraph a point: (1) That …; (2) That …' },
  { value: 'run-in', label: 'Points run into one paragraph' },
];

/**
 * "Minute 63, its 2nd action (7th of the meeting) → PDS/22/63-2", or undefined while the format
 * is not one the house style accepts.
 */
export function actionReferenceExample(pattern: string, minuteNumberPattern = '{n}'): string | undefined {
  const parsed = ActionReferencePattern.safeParse(pattern);
  if (!parsed.success) return undefined;
  const styled = formatMinuteNumber(minuteNumberPattern, EXAMPLE.number, EXAMPLE.date);
  const reference = fillActionReference(parsed.data, { year: EXAMPLE.date.slice(0, 4), seq: '7', i: '2', m: styled, n: String(EXAMPLE.number) });
  return `Minute ${EXAMPLE.number}, its 2nd action (the meeting’s 7th) → ${reference}`;
}

/** Under a box a committee may leave empty: what the library uses instead, or undefined until the library's style is read. */
export function libraryHint(shown: string | undefined): string | undefined {
  if (shown === undefined) return undefined;
  return shown === '' ? 'The library has none.' : `The library’s: ${shown}`;
}
