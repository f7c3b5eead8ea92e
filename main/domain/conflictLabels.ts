/**
 * Where a conflict is, in the clerk's words ("Item 64 Director's update, paragraph 3"): the merge
 * stores it as the conflict's label when the conflict is found, and the screen words it afresh for
 * the meeting as it is now. Kept apart from the merge so the screen does not carry the merge.
 */
import type { Decision, Meeting, MeetingConflict } from './meeting';
import { actionReference, minuteNumberOf } from './minuteNumbers';

const FIELD_WORDS: Record<string, string> = {
  committee: 'committee',
  title: 'title',
  date: 'date',
  startTime: 'start time',
  venue: 'venue',
  id: 'id',
  status: 'status',
  committeeSlug: 'committee file',
  firstMinuteNumber: 'first minute number',
  quorum: 'quorum',
  remoteMembersCount: 'whether remote members count',
  endTime: 'end time',
  background: 'background',
  role: 'kind of item',
  minutesEditedByHand: 'minutes written by hand',
  exempt: 'Part 2',
  exemptParagraph: 'Schedule 12A paragraph',
  publicSummary: 'public summary',
  name: 'name',
  displayName: 'name as minuted',
  category: 'category',
  jobTitle: 'job title',
  substituteFor: 'substitute for',
  attendeeId: 'who',
  kind: 'kind',
  time: 'time',
  itemId: 'item',
  nature: 'nature of the interest',
  withdrew: 'whether they withdrew',
  moverId: 'mover',
  seconderId: 'seconder',
  vote: 'vote',
  number: 'number',
  text: 'text',
  ownerAttendeeId: 'owner',
  ownerName: 'owner',
  due: 'due date',
};

function shorten(text: string, length = 60): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > length ? `${clean.slice(0, length - 1)}…` : clean;
}

function itemName(meeting: Meeting, itemId: string): string {
  const item = meeting.agenda.find((each) => each.id === itemId);
  if (!item) return 'An item no longer on the agenda';
  const title = shorten(item.title);
  return `Item ${minuteNumberOf(meeting, itemId)}${title ? ` ${title}` : ''}`;
}

function personName(meeting: Meeting, attendeeId: string | undefined): string {
  return shorten(meeting.attendees.find((each) => each.id === attendeeId)?.displayName ?? 'someone no longer listed');
}

/**
 * Where a conflict is, in the clerk's words, for the meeting as it is now: "Item 64 Director's
 * update, paragraph 3", "Decision on item 65: vote", "Attendance of Councillor Jane Smith". The
 * stored `label` is the same text as it was when the conflict was found.
 */
export function describeConflict(meeting: Meeting, conflict: MeetingConflict): string {
  if (conflict.kind === 'paragraph') {
    const item = meeting.agenda.find((each) => each.id === conflict.itemId);
    const index = item ? item.minutes.findIndex((block) => block.id === conflict.blockId) : -1;
    return `${itemName(meeting, conflict.itemId)}, ${index >= 0 ? `paragraph ${index + 1}` : 'a paragraph no longer in the minutes'}`;
  }
  const word = FIELD_WORDS[conflict.field] ?? conflict.field;
  const { collection, entityId } = conflict;
  if (collection && entityId) {
    const entity = (meeting[collection] as ReadonlyArray<{ id: string; itemId?: string; attendeeId?: string }>).find((each) => each.id === entityId);
    const itemNumber = entity?.itemId ? minuteNumberOf(meeting, entity.itemId) : '?';
    switch (collection) {
      case 'attendees':
        return conflict.field === 'status' ? `Attendance of ${personName(meeting, entityId)}` : `Attendance of ${personName(meeting, entityId)}: ${word}`;
      case 'movements':
        return `Arrival or departure of ${personName(meeting, entity?.attendeeId)}: ${word}`;
      case 'declarations':
        return `Declaration by ${personName(meeting, entity?.attendeeId)} on item ${itemNumber}: ${word}`;
      case 'decisions': {
        if (conflict.pointId) {
          const point = (entity as Decision | undefined)?.points.findIndex((each) => each.id === conflict.pointId) ?? -1;
          return `Decision on item ${itemNumber}, ${point >= 0 ? `point ${point + 1}` : 'a point no longer in the decision'}`;
        }
        return `Decision on item ${itemNumber}: ${word}`;
      }
      case 'actions':
        return `Action ${actionReference(meeting, entityId)}: ${word}`;
    }
  }
  if (conflict.itemId) return `${itemName(meeting, conflict.itemId)}: ${word}`;
  return `Meeting details: ${word}`;
}
