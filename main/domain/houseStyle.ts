/**
 * The organisation's house style for exported minutes: set once per library (library.json) and
 * overridable field by field per committee. Pure: formatting of minute numbers, dates and times
 * lives here so the screen, the Word export and the CLI write them the same way.
 */
import { z } from 'zod';
import { BodyKind, MinutesShapeOverride, resolveMinutesShape, type MinutesShape } from './bodies';

export const LIBRARY_FORMAT = 'minutebook.library';
export const LIBRARY_VERSION = 1;

/** Dates as the minutes write them. Keys are examples of 8 November 2022. */
export const DateFormat = z.enum(['8 November 2022', '8 Nov 2022', '08/11/2022']);
export type DateFormat = z.infer<typeof DateFormat>;

/** Clock times as the minutes write them. Keys are examples of 10:00 and 14:05. */
export const TimeFormat = z.enum(['10.00 am', '10:00 am', '10:00']);
export type TimeFormat = z.infer<typeof TimeFormat>;

/**
 * How a minute number is written: a pattern holding {n} (the number) and optionally {yy} or
 * {yyyy} (the meeting's year). "{n}" → "63", "{n}." → "63.", "PDS/{yy}/{n}" → "PDS/22/63".
 */
export const MinuteNumberPattern = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .refine((pattern) => pattern.includes('{n}'), 'a minute number format must hold {n}, where the number goes')
  .refine((pattern) => !/\{(?!n\}|yy\}|yyyy\})[^}]*\}/.test(pattern), 'a minute number format may only use {n}, {yy} and {yyyy}');

export const HeadingStyle = z.object({
  bold: z.boolean(),
  allCaps: z.boolean(),
  /** Six hex digits, without "#". */
  colour: z.string().regex(/^[0-9A-Fa-f]{6}$/, 'a colour is six hex digits, such as 1F3864'),
});
export type HeadingStyle = z.infer<typeof HeadingStyle>;

/** A file kept in the library (for example "house-style/logo.png"), by its path inside the library folder. */
export const LibraryRelativePath = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .refine((path) => !/^([a-zA-Z]:|[\\/])/.test(path) && !path.split(/[\\/]/).includes('..'), 'a house-style file must be inside the library folder');

export const HouseStyleLogo = z.object({
  file: LibraryRelativePath,
  /** Read aloud by screen readers; required by the accessibility regulations. */
  altText: z.string().trim().min(1, 'the logo needs alternative text, for example "Bath & North East Somerset Council logo"').max(250),
  /** Printed width; the height follows the picture's proportions. */
  widthMm: z.number().min(5).max(180),
});
export type HouseStyleLogo = z.infer<typeof HouseStyleLogo>;

export const HouseStyle = z.object({
  organisation: z.string().trim().max(200),
  /** The kind of body: the defaults for the shape of its minutes (main/domain/bodies.ts). Absent: a principal council's, as before kinds of body. */
  bodyKind: BodyKind.optional(),
  /** Where the minutes' shape differs from the kind's defaults, part by part. */
  shape: MinutesShapeOverride.optional(),
  logo: HouseStyleLogo.optional(),
  fontFamily: z.string().trim().min(1).max(100),
  bodySizePt: z.number().min(8).max(20),
  heading1SizePt: z.number().min(8).max(36),
  heading2SizePt: z.number().min(8).max(36),
  headingStyle: HeadingStyle,
  minuteNumberPattern: MinuteNumberPattern,
  dateFormat: DateFormat,
  timeFormat: TimeFormat,
  /** The organisation's own Word template (.docx or .dotx): its styles are used in the export. */
  template: LibraryRelativePath.optional(),
});
export type HouseStyle = z.infer<typeof HouseStyle>;

/** A committee may override any part of the library's house style. */
export const HouseStyleOverride = HouseStyle.partial();
export type HouseStyleOverride = z.infer<typeof HouseStyleOverride>;

export const DEFAULT_HOUSE_STYLE: HouseStyle = {
  organisation: '',
  fontFamily: 'Arial',
  bodySizePt: 12,
  heading1SizePt: 14,
  heading2SizePt: 12,
  headingStyle: { bold: true, allCaps: false, colour: '000000' },
  minuteNumberPattern: '{n}',
  dateFormat: '8 November 2022',
  timeFormat: '10.00 am',
};

/** library.json at the top of the library folder. */
/** How long the library's history keeps every version before thinning to one a day (docs/sync.md, History). */
export const LibraryHistorySettings = z.object({
  keepAllDays: z.number().int().min(1, 'keep every version for at least 1 day').max(3650, 'keep every version for at most 3650 days'),
});
export type LibraryHistorySettings = z.infer<typeof LibraryHistorySettings>;

export const LibrarySettings = z.object({
  format: z.literal(LIBRARY_FORMAT),
  version: z.literal(LIBRARY_VERSION),
  houseStyle: HouseStyle,
  /** Absent: every version from the last 30 days, then one a day. */
  history: LibraryHistorySettings.optional(),
});
export type LibrarySettings = z.infer<typeof LibrarySettings>;

export type LibrarySettingsParseResult = { ok: true; settings: LibrarySettings } | { ok: false; problem: string };

function firstProblem(error: z.ZodError, prefix: string): string {
  const issue = error.issues[0];
  if (!issue) return 'the file does not match the library settings format';
  const where = [prefix, ...issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))]
    .join('')
    .replace(/^\./, '')
    .replace(/\.\[/g, '[');
  return `${where || 'the top level'}: ${issue.message}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The parsed JSON of library.json as settings, or what is wrong with it. Lenient where a person
 * editing the file by hand (or an older Minute Book) would expect it: a missing house style, or
 * missing parts of one, take the defaults; the first library.json Minute Book wrote kept the
 * organisation's name at the top level, and it is carried into the house style.
 */
export function parseLibrarySettings(data: unknown): LibrarySettingsParseResult {
  if (!isRecord(data)) return { ok: false, problem: 'it does not hold library settings (a JSON object)' };
  if (data.format !== LIBRARY_FORMAT)
    return { ok: false, problem: `it is not a Minute Book library file (its format is ${JSON.stringify(data.format ?? null)}, not "${LIBRARY_FORMAT}")` };
  if (typeof data.version === 'number' && data.version > LIBRARY_VERSION) {
    return { ok: false, problem: `it was written by a newer version of Minute Book (library version ${data.version}); update Minute Book to use this library` };
  }
  if (data.version !== LIBRARY_VERSION) return { ok: false, problem: `version: it must be ${LIBRARY_VERSION}` };
  const legacyOrganisation = typeof data.organisation === 'string' ? { organisation: data.organisation } : {};
  const given = HouseStyleOverride.safeParse(data.houseStyle ?? legacyOrganisation);
  if (!given.success) return { ok: false, problem: firstProblem(given.error, 'houseStyle') };
  const houseStyle = HouseStyle.safeParse(resolveHouseStyle(createLibrarySettings().houseStyle, given.data));
  if (!houseStyle.success) return { ok: false, problem: firstProblem(houseStyle.error, 'houseStyle') };
  const settings: LibrarySettings = { format: LIBRARY_FORMAT, version: LIBRARY_VERSION, houseStyle: houseStyle.data };
  if (data.history !== undefined) {
    const history = LibraryHistorySettings.safeParse(data.history);
    if (!history.success) return { ok: false, problem: firstProblem(history.error, 'history') };
    settings.history = history.data;
  }
  return { ok: true, settings };
}

export function createLibrarySettings(): LibrarySettings {
  return { format: LIBRARY_FORMAT, version: LIBRARY_VERSION, houseStyle: { ...DEFAULT_HOUSE_STYLE, headingStyle: { ...DEFAULT_HOUSE_STYLE.headingStyle } } };
}

/** The committee's overrides laid over the library's style; unset fields fall through. */
export function resolveHouseStyle(library: HouseStyle, committee?: HouseStyleOverride): HouseStyle {
  if (!committee) return library;
  const defined = Object.fromEntries(Object.entries(committee).filter(([, value]) => value !== undefined)) as HouseStyleOverride;
  const resolved: HouseStyle = { ...library, ...defined };
  // The committee's shape overrides lie over the library's part by part, not instead of them.
  if (library.shape || committee.shape) {
    const shape = { ...library.shape, ...Object.fromEntries(Object.entries(committee.shape ?? {}).filter(([, value]) => value !== undefined)) };
    resolved.shape = shape;
  }
  return resolved;
}

/** The shape of the minutes under this house style: its kind's defaults with its overrides. */
export function minutesShapeOf(house: Pick<HouseStyle, 'bodyKind' | 'shape'>): MinutesShape {
  // A library from before kinds of body was a council's: its minutes keep that shape.
  return resolveMinutesShape(house.bodyKind ?? 'principal-council', house.shape);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function dateParts(isoDate: string): { year: number; month: number; day: number } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? { year, month, day } : undefined;
}

/** "2022-11-08" in the chosen format; anything that is not an ISO date is returned as it is. */
export function formatDate(isoDate: string, format: DateFormat = '8 November 2022'): string {
  const parts = dateParts(isoDate);
  if (!parts) return isoDate;
  const month = MONTHS[parts.month - 1]!;
  switch (format) {
    case '8 November 2022':
      return `${parts.day} ${month} ${parts.year}`;
    case '8 Nov 2022':
      return `${parts.day} ${month.slice(0, 3)} ${parts.year}`;
    case '08/11/2022':
      return `${String(parts.day).padStart(2, '0')}/${String(parts.month).padStart(2, '0')}/${parts.year}`;
  }
}

/** "Tuesday, 8 November 2022". */
export function formatDateWithWeekday(isoDate: string, format: DateFormat = '8 November 2022'): string {
  const parts = dateParts(isoDate);
  if (!parts) return isoDate;
  const weekday = WEEKDAYS[new Date(Date.UTC(parts.year, parts.month - 1, parts.day)).getUTCDay()]!;
  return `${weekday}, ${formatDate(isoDate, format)}`;
}

/** "14:05" → "2.05 pm" (UK minutes style), "2:05 pm" or "14:05"; anything else is returned as it is. */
export function formatTime(time: string, format: TimeFormat = '10.00 am'): string {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!match) return time;
  const hours = Number(match[1]);
  const minutes = match[2]!;
  if (format === '10:00') return `${String(hours).padStart(2, '0')}:${minutes}`;
  const separator = format === '10.00 am' ? '.' : ':';
  const suffix = hours < 12 ? 'am' : 'pm';
  const twelve = hours % 12 === 0 ? 12 : hours % 12;
  return `${twelve}${separator}${minutes} ${suffix}`;
}

/** The minute number as the house style writes it: "63", "63." or "PDS/22/63". */
export function formatMinuteNumber(pattern: string, number: number | string, isoDate: string): string {
  const year = dateParts(isoDate)?.year;
  return pattern
    .replace(/\{yyyy\}/g, year === undefined ? '' : String(year))
    .replace(/\{yy\}/g, year === undefined ? '' : String(year % 100).padStart(2, '0'))
    .replace(/\{n\}/g, String(number));
}
