/**
 * Standard phrases with placeholders filled from the meeting, e.g. "The minutes of the meeting
 * held on {previous meeting date} were approved as a correct record." Unknown placeholders are
 * left as typed so the clerk sees them.
 */
import { formatDate } from './houseStyle';
import type { Meeting } from './meeting';
import { clockTime } from './calendar';
import { formatClockTime } from './wording';

export interface SnippetContext {
  meeting: Meeting;
  /** ISO date of the committee's previous meeting, if the library has one. */
  previousMeetingDate?: string;
  now: Date;
}

/** "2022-11-08" → "8 November 2022". */
export function formatUkDate(isoDate: string): string {
  return formatDate(isoDate, '8 November 2022');
}

export const SNIPPET_PLACEHOLDERS = ['committee', 'date', 'time', 'venue', 'chair', 'previous meeting date', 'now'] as const;

export function fillSnippet(text: string, context: SnippetContext): string {
  const { meeting } = context;
  const chair = meeting.attendees.find((attendee) => attendee.role === 'chair');
  const values: Record<(typeof SNIPPET_PLACEHOLDERS)[number], string | undefined> = {
    committee: meeting.committee,
    date: formatUkDate(meeting.date),
    time: formatClockTime(meeting.startTime),
    venue: meeting.venue,
    chair: chair?.displayName,
    'previous meeting date': context.previousMeetingDate ? formatUkDate(context.previousMeetingDate) : undefined,
    now: formatClockTime(clockTime(context.now)),
  };
  // Own keys only: "{constructor}" must not pick up what every object inherits.
  return text.replace(/\{([^{}]+)\}/g, (whole, name: string) => {
    const key = name.trim().toLowerCase();
    return Object.hasOwn(values, key) ? (values[key as keyof typeof values] ?? whole) : whole;
  });
}
