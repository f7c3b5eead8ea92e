/**
 * Changes a clerk makes to a meeting, as sent from the screen, written to the journal and
 * replayed after a crash. Each change is idempotent: applying it twice gives the same meeting,
 * so replaying a journal entry that already reached the library file does no harm.
 */
import { z } from 'zod';
import { AgendaItem, EntityId, Meeting, MeetingDetails, MeetingStatus, MinuteBlock } from './meeting';

export const MeetingChange = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('meeting.update'),
    fields: MeetingDetails.partial().extend({ status: MeetingStatus.optional() }).strict(),
  }),
  z.object({ kind: z.literal('item.add'), item: AgendaItem, index: z.number().int().min(0) }),
  z.object({
    kind: z.literal('item.update'),
    itemId: EntityId,
    fields: z.object({ title: AgendaItem.shape.title.optional(), background: z.string().optional() }).strict(),
  }),
  z.object({ kind: z.literal('item.minutes'), itemId: EntityId, minutes: z.array(MinuteBlock) }),
  z.object({ kind: z.literal('item.move'), itemId: EntityId, toIndex: z.number().int().min(0) }),
  z.object({ kind: z.literal('item.delete'), itemId: EntityId }),
]);
export type MeetingChange = z.infer<typeof MeetingChange>;

export class ChangeNotApplicable extends Error {}

function withItem(meeting: Meeting, itemId: string, update: (item: AgendaItem) => AgendaItem): Meeting {
  const index = meeting.agenda.findIndex((item) => item.id === itemId);
  if (index < 0) throw new ChangeNotApplicable(`The agenda item ${itemId} is no longer in this meeting.`);
  const agenda = meeting.agenda.slice();
  agenda[index] = update(agenda[index]!);
  return { ...meeting, agenda };
}

/** Applies one change and returns a new meeting; the given meeting is not modified. */
export function applyMeetingChange(meeting: Meeting, change: MeetingChange, now: Date): Meeting {
  const next = applyWithoutStamp(meeting, change);
  return next === meeting ? meeting : { ...next, updatedAt: now.toISOString() };
}

function applyWithoutStamp(meeting: Meeting, change: MeetingChange): Meeting {
  switch (change.kind) {
    case 'meeting.update':
      return { ...meeting, ...change.fields };
    case 'item.add': {
      const agenda = meeting.agenda.filter((item) => item.id !== change.item.id);
      const at = Math.min(change.index, agenda.length);
      agenda.splice(at, 0, change.item);
      return { ...meeting, agenda };
    }
    case 'item.update':
      return withItem(meeting, change.itemId, (item) => ({ ...item, ...change.fields }));
    case 'item.minutes':
      return withItem(meeting, change.itemId, (item) => ({ ...item, minutes: change.minutes }));
    case 'item.move': {
      const from = meeting.agenda.findIndex((item) => item.id === change.itemId);
      if (from < 0) throw new ChangeNotApplicable(`The agenda item ${change.itemId} is no longer in this meeting.`);
      const agenda = meeting.agenda.slice();
      const [moved] = agenda.splice(from, 1);
      agenda.splice(Math.min(change.toIndex, agenda.length), 0, moved!);
      return { ...meeting, agenda };
    }
    case 'item.delete': {
      if (!meeting.agenda.some((item) => item.id === change.itemId)) return meeting;
      return { ...meeting, agenda: meeting.agenda.filter((item) => item.id !== change.itemId) };
    }
  }
}
