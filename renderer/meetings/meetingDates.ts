/**
 * Meeting dates as a UK clerk writes them ("Tuesday 8 November 2022") and the order of the meetings
 * list. Dates are read as calendar dates, never through a time zone, so a meeting never shows a day early.
 */
import type { MeetingSummary } from '../../main/domain/meeting';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2022-11-08" as "Tuesday 8 November 2022"; anything unreadable is shown as given. */
export function formatMeetingDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  const monthName = MONTHS[month - 1];
  if (!weekday || !monthName) return isoDate;
  return `${weekday} ${day} ${monthName} ${year}`;
}

/** Today's date in the form a date input uses, by this computer's clock. */
export function todayIsoDate(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Newest meeting first: by date, then by start time. */
export function newestMeetingsFirst(meetings: readonly MeetingSummary[]): MeetingSummary[] {
  return meetings.slice().sort((a, b) => b.date.localeCompare(a.date) || b.startTime.localeCompare(a.startTime));
}
