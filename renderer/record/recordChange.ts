/**
 * What the sections of an item (declarations, decisions, actions, Part 2) are given: the meeting as
 * it stands, the item they belong to, and one way to change the record.
 */
import type { MeetingChange } from '../../main/domain/changes';
import type { AgendaItem, Attendee, Meeting } from '../../main/domain/meeting';

export interface ItemSectionProps {
  meeting: Meeting;
  item: AgendaItem;
  onChange: (change: MeetingChange) => void;
}

/** Marks the first field of an entry, so the screen can put the cursor there when the entry is added. */
export const ENTRY_FIRST_FIELD = 'data-entry-first';

export function attendeeOptionLabel(attendee: Attendee): string {
  return attendee.jobTitle ? `${attendee.displayName}, ${attendee.jobTitle}` : attendee.displayName;
}
