/** Stable ids: every entity keeps its id when its text changes or it moves; merging and history rely on it. */
import { z } from 'zod';

export const EntityId = z
  .string()
  .min(4, 'an id must be at least 4 characters')
  .max(64, 'an id must be at most 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'an id may only hold letters, digits, "-" and "_"');
export type EntityId = z.infer<typeof EntityId>;

export function newId(): string {
  return globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, 16);
}

/**
 * A date as files hold it. Only the shape is checked, so a file written before impossible dates
 * were refused still opens (and says so, through `impossibleDates`) instead of becoming unreadable.
 */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date must look like 2022-11-08');

/** Whether a yyyy-mm-dd date is a day on the calendar (not 2026-13-45 or 2026-02-30). */
export function isCalendarDate(date: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** A date the clerk gives now: the shape, and a real day. Every date the contract accepts is one. */
export const CalendarDate = IsoDate.refine(isCalendarDate, {
  message: 'that date is not on the calendar (a month is 01 to 12, and the day must be in that month)',
});
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time must look like 10:00');
