/**
 * The meeting model: what one meeting file holds, and the schemas that every file read from
 * disk and every change from the screen is checked against. Pure TypeScript, no I/O.
 */
import { z } from 'zod';

export const MEETING_FORMAT = 'minutebook.meeting';
export const MEETING_VERSION = 2;

/** Stable ids never change when text changes or items move; merging and history rely on them. */
export const EntityId = z
  .string()
  .min(4, 'an id must be at least 4 characters')
  .max(64, 'an id must be at most 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'an id may only hold letters, digits, "-" and "_"');
export type EntityId = z.infer<typeof EntityId>;

export const Mark = z.enum(['bold', 'italic', 'underline']);
export type Mark = z.infer<typeof Mark>;

/** A run of text sharing the same marks. */
export const TextRun = z.object({
  text: z.string(),
  marks: z.array(Mark).optional(),
});
export type TextRun = z.infer<typeof TextRun>;

/**
 * One block of minutes: a paragraph, a sub-heading, or an item of a bulleted or numbered list.
 * Consecutive list blocks of the same kind form one list; `level` is the nesting depth (0 = top).
 */
export const MinuteBlock = z.object({
  id: EntityId,
  type: z.enum(['paragraph', 'heading', 'bullet', 'numbered']),
  level: z.number().int().min(0).max(8).optional(),
  runs: z.array(TextRun),
});
export type MinuteBlock = z.infer<typeof MinuteBlock>;
export type MinuteBlockType = MinuteBlock['type'];

export const AgendaItem = z.object({
  id: EntityId,
  title: z.string().max(500, 'an agenda item title must be at most 500 characters'),
  background: z.string(),
  minutes: z.array(MinuteBlock),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date must look like 2022-11-08');
const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time must look like 10:00');

export const MeetingStatus = z.enum(['draft', 'approved']);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

/** The details a clerk gives when setting up a meeting. */
export const MeetingDetails = z.object({
  committee: z.string().trim().min(1, 'the committee name is required').max(200),
  title: z.string().max(300),
  date: IsoDate,
  startTime: ClockTime,
  venue: z.string().max(300),
});
export type MeetingDetails = z.infer<typeof MeetingDetails>;

export const Meeting = MeetingDetails.extend({
  format: z.literal(MEETING_FORMAT),
  version: z.literal(MEETING_VERSION),
  id: EntityId,
  status: MeetingStatus,
  createdAt: z.string(),
  updatedAt: z.string(),
  agenda: z.array(AgendaItem),
});
export type Meeting = z.infer<typeof Meeting>;

/** What the meetings list shows, read from each file without holding every meeting in memory. */
export interface MeetingSummary {
  id: string;
  committee: string;
  title: string;
  date: string;
  startTime: string;
  venue: string;
  status: MeetingStatus;
  itemCount: number;
  /** Path relative to the library folder, with forward slashes. */
  file: string;
}

/** A file in the library that could not be read as a meeting; shown to the clerk, never altered. */
export interface UnreadableMeetingFile {
  file: string;
  problem: string;
}

export function newId(): string {
  return globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, 16);
}

export function createMeeting(details: MeetingDetails, now: Date): Meeting {
  const stamp = now.toISOString();
  return {
    format: MEETING_FORMAT,
    version: MEETING_VERSION,
    id: newId(),
    ...details,
    committee: details.committee.trim(),
    status: 'draft',
    createdAt: stamp,
    updatedAt: stamp,
    agenda: [],
  };
}

export function createAgendaItem(title: string): AgendaItem {
  return { id: newId(), title, background: '', minutes: [] };
}

/** The line the meetings list shows for a meeting stored at `file`. */
export function summariseMeeting(meeting: Meeting, file: string): MeetingSummary {
  return {
    id: meeting.id,
    committee: meeting.committee,
    title: meeting.title,
    date: meeting.date,
    startTime: meeting.startTime,
    venue: meeting.venue,
    status: meeting.status,
    itemCount: meeting.agenda.length,
    file,
  };
}

/** Every word of an item's minutes, for summaries, search and tests. */
export function minutesText(blocks: readonly MinuteBlock[]): string {
  return blocks.map((block) => block.runs.map((run) => run.text).join('')).join('\n');
}
