/** The order of the meetings list (dates are written by main/domain/calendar). */
import type { MeetingSummary } from '../../main/domain/meeting';

/** Newest meeting first: by date, then by start time. */
export function newestMeetingsFirst(meetings: readonly MeetingSummary[]): MeetingSummary[] {
  return meetings.slice().sort((a, b) => b.date.localeCompare(a.date) || b.startTime.localeCompare(a.startTime));
}
