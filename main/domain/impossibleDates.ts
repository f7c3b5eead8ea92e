/**
 * Dates in a meeting read from a file that are not on the calendar (2026-13-45), from before the
 * contract refused them or from another tool. The file still opens; the clerk is told which dates
 * to correct.
 */
import { isCalendarDate } from './ids';
import type { Meeting } from './meeting';

export function impossibleDateNotices(meeting: Meeting): string[] {
  const notices: string[] = [];
  if (!isCalendarDate(meeting.date)) notices.push(`This meeting’s date, ${meeting.date}, is not a date on the calendar: correct it in the meeting’s details.`);
  for (const action of meeting.actions) {
    if (action.due !== undefined && !isCalendarDate(action.due)) {
      notices.push(`The action “${action.text.slice(0, 60)}” is due on ${action.due}, which is not a date on the calendar: correct its due date.`);
    }
  }
  return notices;
}
