/**
 * Reading a meeting file of any version we have ever written: migrate forward, then validate.
 * Returns a clear problem description instead of throwing, so the caller can tell the clerk
 * which file is wrong and why, and leave the file exactly as it is.
 */
import { z } from 'zod';
import { Meeting, MEETING_FORMAT, MEETING_VERSION, newId, type MinuteBlock } from './meeting';

/** Version 1 (the first prototype) kept minutes as one plain string per item. */
const MeetingV1 = z.object({
  format: z.literal(MEETING_FORMAT),
  version: z.literal(1),
  id: z.string(),
  committee: z.string(),
  title: z.string().optional(),
  date: z.string(),
  time: z.string(),
  venue: z.string().optional(),
  items: z.array(z.object({ id: z.string(), title: z.string(), notes: z.string().optional() })),
});

function paragraphsFromPlainText(text: string): MinuteBlock[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => ({ id: newId(), type: 'paragraph' as const, runs: [{ text: line }] }));
}

/**
 * Version 4 had no kinds of body: its agenda entries were all minutes, its attendees had no group,
 * initials or category, its decisions stood after the minutes, and no block was a table. Every
 * part version 5 added is optional, so a version 4 meeting is a version 5 meeting as it is.
 */
function migrateV4(old: Record<string, unknown>): Record<string, unknown> {
  return { ...old, version: 5 };
}

/** Version 3 had no conflicts: a version 3 file has none to carry over. */
function migrateV3(old: Record<string, unknown>): Record<string, unknown> {
  return { ...old, version: 4, conflicts: [] };
}

/** Version 2 had no attendance, declarations, decisions or actions, and plain agenda items. */
function migrateV2(old: Record<string, unknown>): Record<string, unknown> {
  const agenda = Array.isArray(old.agenda) ? old.agenda : [];
  return {
    ...old,
    version: 3,
    firstMinuteNumber: 1,
    quorum: { kind: 'fraction', numerator: 1, denominator: 3 },
    remoteMembersCount: false,
    agenda: agenda.map((item: unknown) =>
      typeof item === 'object' && item !== null ? { role: 'standard', minutesEditedByHand: false, exempt: false, publicSummary: '', ...item } : item,
    ),
    attendees: [],
    movements: [],
    declarations: [],
    decisions: [],
    actions: [],
  };
}

function migrateV1(old: z.infer<typeof MeetingV1>): Record<string, unknown> {
  const stamp = new Date(0).toISOString();
  return {
    format: MEETING_FORMAT,
    version: 2,
    id: old.id,
    committee: old.committee,
    title: old.title ?? '',
    date: old.date,
    startTime: old.time,
    venue: old.venue ?? '',
    status: 'draft',
    createdAt: stamp,
    updatedAt: stamp,
    agenda: old.items.map((item) => ({
      id: item.id,
      title: item.title,
      background: '',
      minutes: paragraphsFromPlainText(item.notes ?? ''),
    })),
  };
}

/** Where in the file the first problem is, in words a clerk or administrator can follow. */
export function describeFirstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'the file does not match the meeting format';
  const where = issue.path.length
    ? issue.path
        .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
        .join('')
        .replace(/^\./, '')
    : 'the top level';
  return `${where}: ${issue.message}`;
}

export type MeetingParseResult = { ok: true; meeting: Meeting; migratedFrom?: number } | { ok: false; problem: string };

/** Turns the parsed JSON of a meeting file into a current, valid meeting, or says what is wrong. */
export function parseMeetingData(data: unknown): MeetingParseResult {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, problem: 'the file does not hold a meeting (expected a JSON object)' };
  }
  const record = data as Record<string, unknown>;
  if (record.format !== MEETING_FORMAT) {
    return { ok: false, problem: `this is not a Minute Book meeting file (format is ${JSON.stringify(record.format)})` };
  }
  const version = record.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return { ok: false, problem: 'the file has no format version number' };
  }
  if (version > MEETING_VERSION) {
    return {
      ok: false,
      problem: `the file was written by a newer Minute Book (format version ${version}; this copy reads up to ${MEETING_VERSION}). Update Minute Book to open it.`,
    };
  }
  if (version < 1) return { ok: false, problem: `format version ${version} is not one Minute Book has ever written` };
  let current: Record<string, unknown> = record;
  if (version === 1) {
    const old = MeetingV1.safeParse(data);
    if (!old.success) return { ok: false, problem: describeFirstIssue(old.error) };
    current = migrateV1(old.data);
  }
  if (current.version === 2) current = migrateV2(current);
  if (current.version === 3) current = migrateV3(current);
  if (current.version === 4) current = migrateV4(current);
  const parsed = Meeting.safeParse(current);
  if (!parsed.success) return { ok: false, problem: describeFirstIssue(parsed.error) };
  return version === MEETING_VERSION ? { ok: true, meeting: parsed.data } : { ok: true, meeting: parsed.data, migratedFrom: version };
}
