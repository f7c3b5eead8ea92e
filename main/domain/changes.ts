/**
 * Changes a clerk makes to a meeting, as sent from the screen, written to the journal and
 * replayed after a crash. Each change is idempotent: applying it twice gives the same meeting,
 * so replaying a journal entry that already reached the library file does no harm.
 */
import { z } from 'zod';
import { QuorumRule } from './committee';
import { ClockTime } from './ids';
import { refreshGeneratedMinutes } from './generatedMinutes';
import {
  Action,
  AgendaItem,
  Attendee,
  Decision,
  Declaration,
  EntityId,
  ExemptParagraph,
  Meeting,
  MeetingDetails,
  MeetingStatus,
  MinuteBlock,
  Movement,
  type MeetingCollection,
} from './meeting';

/** Putting an entity replaces the one with the same id, or adds it: idempotent, and mergeable by id. */
const EntityPut = z.discriminatedUnion('collection', [
  z.object({ kind: z.literal('entity.put'), collection: z.literal('attendees'), entity: Attendee }),
  z.object({ kind: z.literal('entity.put'), collection: z.literal('movements'), entity: Movement }),
  z.object({ kind: z.literal('entity.put'), collection: z.literal('declarations'), entity: Declaration }),
  z.object({ kind: z.literal('entity.put'), collection: z.literal('decisions'), entity: Decision }),
  z.object({ kind: z.literal('entity.put'), collection: z.literal('actions'), entity: Action }),
]);

export const MeetingChange = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('meeting.update'),
    fields: MeetingDetails.partial()
      .extend({
        status: MeetingStatus.optional(),
        firstMinuteNumber: z.number().int().min(1).max(1_000_000).optional(),
        endTime: ClockTime.optional(),
        quorum: QuorumRule.optional(),
        remoteMembersCount: z.boolean().optional(),
      })
      .strict(),
  }),
  z.object({ kind: z.literal('item.add'), item: AgendaItem, index: z.number().int().min(0) }),
  z.object({
    kind: z.literal('item.update'),
    itemId: EntityId,
    fields: z
      .object({
        title: AgendaItem.shape.title.optional(),
        background: z.string().optional(),
        minutesEditedByHand: z.boolean().optional(),
        exempt: z.boolean().optional(),
        exemptParagraph: ExemptParagraph.optional(),
        publicSummary: AgendaItem.shape.publicSummary.optional(),
      })
      .strict(),
  }),
  z.object({ kind: z.literal('item.minutes'), itemId: EntityId, minutes: z.array(MinuteBlock) }),
  z.object({ kind: z.literal('item.move'), itemId: EntityId, toIndex: z.number().int().min(0) }),
  z.object({ kind: z.literal('item.delete'), itemId: EntityId }),
  EntityPut,
  z.object({
    kind: z.literal('entity.remove'),
    collection: z.enum(['attendees', 'movements', 'declarations', 'decisions', 'actions']),
    id: EntityId,
  }),
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

/**
 * Applies one change and returns a new meeting; the given meeting is not modified. Generated
 * minutes (apologies, declarations) are brought into step with the record afterwards.
 */
export function applyMeetingChange(meeting: Meeting, change: MeetingChange, now: Date): Meeting {
  const next = applyWithoutStamp(meeting, change);
  return next === meeting ? meeting : refreshGeneratedMinutes({ ...next, updatedAt: now.toISOString() });
}

function putEntity<C extends MeetingCollection>(meeting: Meeting, collection: C, entity: Meeting[C][number]): Meeting {
  const list = meeting[collection] as ReadonlyArray<{ id: string }>;
  const index = list.findIndex((each) => each.id === entity.id);
  const next = list.slice();
  if (index < 0) next.push(entity);
  else next[index] = entity;
  return { ...meeting, [collection]: next };
}

/** Removing an attendee also removes what only makes sense with them: their movements and declarations. */
function removeEntity(meeting: Meeting, collection: MeetingCollection, id: string): Meeting {
  const list = meeting[collection] as ReadonlyArray<{ id: string }>;
  if (!list.some((each) => each.id === id)) return meeting;
  const next: Meeting = { ...meeting, [collection]: list.filter((each) => each.id !== id) };
  if (collection !== 'attendees') return next;
  return {
    ...next,
    movements: next.movements.filter((movement) => movement.attendeeId !== id),
    declarations: next.declarations.filter((declaration) => declaration.attendeeId !== id),
  };
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
      // Typing in a generated item (apologies, declarations) makes it the clerk's own text.
      return withItem(meeting, change.itemId, (item) => ({ ...item, minutes: change.minutes, minutesEditedByHand: item.role === 'standard' ? item.minutesEditedByHand : true }));
    case 'item.move': {
      const from = meeting.agenda.findIndex((item) => item.id === change.itemId);
      if (from < 0) throw new ChangeNotApplicable(`The agenda item ${change.itemId} is no longer in this meeting.`);
      const agenda = meeting.agenda.slice();
      const [moved] = agenda.splice(from, 1);
      agenda.splice(Math.min(change.toIndex, agenda.length), 0, moved!);
      return { ...meeting, agenda };
    }
    case 'item.delete': {
      // The item's declarations, decisions and actions stay in the file, unseen, so Undo brings them back with it.
      if (!meeting.agenda.some((item) => item.id === change.itemId)) return meeting;
      return { ...meeting, agenda: meeting.agenda.filter((item) => item.id !== change.itemId) };
    }
    case 'entity.put':
      return putEntity(meeting, change.collection, change.entity);
    case 'entity.remove':
      return removeEntity(meeting, change.collection, change.id);
  }
}
