/**
 * The two versions of a conflict as the clerk reads them: a paragraph as its text, a field as the
 * minutes would word it (a vote in the standard wording, a person by name, a date in full), and
 * what "Combine…" starts from.
 */
import type { ConflictResolution } from '../../main/domain/changes';
import type { Decision, FieldConflict, Meeting, MeetingConflict, MinuteBlock } from '../../main/domain/meeting';
import { formatClockTime, voteSentence } from '../../main/domain/wording';
import { formatMeetingDate } from '../../main/domain/calendar';

const PEOPLE_FIELDS = new Set(['moverId', 'seconderId', 'attendeeId', 'ownerAttendeeId', 'substituteFor']);
const TIME_FIELDS = new Set(['startTime', 'endTime', 'time']);
const DATE_FIELDS = new Set(['date', 'due']);
/** Fields of free text, where the clerk may write a combination of both versions. */
const TEXT_FIELDS = new Set(['text', 'title', 'venue', 'committee', 'background', 'publicSummary', 'nature', 'ownerName', 'name', 'displayName', 'jobTitle']);

export function blockText(block: MinuteBlock): string {
  return block.runs.map((run) => run.text).join('');
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1).replace(/-/g, ' ');
}

function decisionOf(meeting: Meeting, conflict: FieldConflict): Decision | undefined {
  return conflict.collection === 'decisions' ? meeting.decisions.find((each) => each.id === conflict.entityId) : undefined;
}

/** One version of a field, in words: "(empty)" when the field was cleared. */
export function describeFieldValue(meeting: Meeting, conflict: FieldConflict, value: unknown): string {
  if (value === undefined || value === null || value === '') return '(empty)';
  const { field } = conflict;
  if (field === 'vote') {
    const decision = decisionOf(meeting, conflict);
    const sentence = decision ? voteSentence(meeting, { ...decision, vote: value as Decision['vote'] }) : undefined;
    if (sentence) return sentence;
  }
  if (PEOPLE_FIELDS.has(field) && typeof value === 'string') {
    return meeting.attendees.find((attendee) => attendee.id === value)?.displayName ?? 'someone no longer listed';
  }
  if (field === 'itemId' && typeof value === 'string') {
    return meeting.agenda.find((item) => item.id === value)?.title ?? 'an item no longer on the agenda';
  }
  if (TIME_FIELDS.has(field) && typeof value === 'string') return formatClockTime(value);
  if (DATE_FIELDS.has(field) && typeof value === 'string') return formatMeetingDate(value);
  if (field === 'quorum' && typeof value === 'object') {
    const rule = value as { kind?: string; count?: number; numerator?: number; denominator?: number };
    if (rule.kind === 'count') return `${rule.count} members`;
    if (rule.kind === 'fraction') return `${rule.numerator}/${rule.denominator} of the voting members`;
  }
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return TEXT_FIELDS.has(field) ? value : capitalised(value);
  return JSON.stringify(value);
}

/** Whether "Combine…" makes sense: paragraphs, and fields of free text. */
export function canCombine(conflict: MeetingConflict): boolean {
  // A table's cells do not combine into one paragraph's text: the clerk keeps one version or the other.
  if (conflict.kind === 'paragraph') return conflict.kept.block.type !== 'table' && conflict.other.block.type !== 'table';
  const values = [conflict.kept.value, conflict.other.value];
  return TEXT_FIELDS.has(conflict.field) && values.every((value) => value === undefined || typeof value === 'string');
}

/** What "Combine…" starts from: both versions, the one in place first. */
export function combinedStart(conflict: MeetingConflict): string {
  const [kept, other] =
    conflict.kind === 'paragraph'
      ? [blockText(conflict.kept.block), blockText(conflict.other.block)]
      : [String(conflict.kept.value ?? ''), String(conflict.other.value ?? '')];
  return [kept, other].filter((text) => text.trim() !== '').join('\n');
}

/** The resolution for the text the clerk combined: for a paragraph it becomes the block's text. */
export function combinedResolution(conflict: MeetingConflict, text: string): ConflictResolution {
  if (conflict.kind === 'paragraph') {
    const kept = conflict.kept.block;
    const block: MinuteBlock = { id: conflict.blockId, type: kept.type, runs: text === '' ? [] : [{ text }] };
    if (kept.level !== undefined) block.level = kept.level;
    return { block };
  }
  return text === '' ? { value: undefined } : { value: text };
}

/** The conflicts that belong to this agenda item: its paragraphs, its fields, and what is recorded on it. */
export function conflictsOfItem(meeting: Meeting, itemId: string): MeetingConflict[] {
  return meeting.conflicts.filter((conflict) => {
    if (conflict.itemId === itemId) return true;
    if (conflict.kind !== 'field' || !conflict.collection || !conflict.entityId) return false;
    const entity = (meeting[conflict.collection] as ReadonlyArray<{ id: string; itemId?: string }>).find((each) => each.id === conflict.entityId);
    return entity?.itemId === itemId;
  });
}
