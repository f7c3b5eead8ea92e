/**
 * The clock and the calendar in the forms Minute Book writes them: "10:17" and "10:42:13" by this
 * computer's clock (what a movement stores, what the clerk sees on the wall), "2022-11-08" for a
 * day by this computer's clock (what meeting files and date inputs hold), and a meeting date in
 * full ("Tuesday 8 November 2022"). Calendar dates are read as dates, never through a time zone,
 * so a meeting never shows a day early. One module, so the clock is read one way everywhere.
 */

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/** "10:17" (24-hour, always two digits) by this computer's clock. */
export function clockTime(time: Date): string {
  return `${twoDigits(time.getHours())}:${twoDigits(time.getMinutes())}`;
}

/** "10:42:13" by this computer's clock, whatever the system's locale, to match the clerk's wall clock. */
export function clockTimeWithSeconds(time: Date): string {
  return `${clockTime(time)}:${twoDigits(time.getSeconds())}`;
}

/** The day as "2022-11-08" by this computer's clock (not UTC: just after midnight is still today). */
export function localIsoDate(time: Date): string {
  return `${time.getFullYear()}-${twoDigits(time.getMonth() + 1)}-${twoDigits(time.getDate())}`;
}

/** An ISO time read as a Date; undefined when it cannot be read. */
export function readInstant(iso: string): Date | undefined {
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? undefined : time;
}

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
