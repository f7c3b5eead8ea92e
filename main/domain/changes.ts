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
  AgendaItemShape,
  Attendee,
  Decision,
  Declaration,
  EntityId,
  ExemptParagraph,
  Meeting,
  MeetingCollection,
  MeetingDetails,
  MEETING_STRUCTURE_FIELDS,
  MeetingStatus,
  MinuteBlock,
  Movement,
  type FieldConflict,
  type MeetingConflict,
} from './meeting';
import { describeFirstIssue } from './migrations';

/** Putting an entity replaces the one with the same id, or adds it: idempotent, and mergeable by id. */
const EntityPut = z.discriminatedUnion('collection', [
  z.object({ kind: z.literal('entity.put'), collection: z.literal('attendees'), entity: Attendee }),
  z.object({ kind: z.literal('entity.put'), collection: z.literal('movements'), entity: Movement }),
  z.object({ kind: z.literal('entity.put'), collection: z.literal('declarations'), entity: Declaration }),
  z.object({ kind: z.literal('entity.put'), collection: z.literal('decisions'), entity: Decision }),
  z.object({ kind: z.literal('entity.put'), collection: z.literal('actions'), entity: Action }),
]);

/**
 * How the clerk settles a conflict: keep the version in place ("kept"), use the other version
 * ("other"), or give the combined text ({ block } for a paragraph, { value } for a field; a
 * missing value clears the field).
 */
export const ConflictResolution = z.union([
  z.enum(['kept', 'other']),
  z.object({ block: MinuteBlock }).strict(),
  z.object({ value: z.json().optional() }).strict(),
]);
export type ConflictResolution = z.infer<typeof ConflictResolution>;

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
        /** Sub-item, section heading, or null for a plain numbered item again. */
        shape: AgendaItemShape.nullable().optional(),
        background: z.string().optional(),
        minutesEditedByHand: z.boolean().optional(),
        exempt: z.boolean().optional(),
        exemptParagraph: ExemptParagraph.optional(),
        publicSummary: AgendaItem.shape.publicSummary.optional(),
      })
      .strict(),
  }),
  /** All of an item's paragraphs at once. Still read from older journals; the editor sends paragraph changes. */
  z.object({ kind: z.literal('item.minutes'), itemId: EntityId, minutes: z.array(MinuteBlock) }),
  /**
   * One paragraph of an item's minutes. A paragraph with this id is replaced where it stands; a new
   * one goes right after the paragraph `after` (null: at the start), or at the end when that
   * paragraph has gone meanwhile (a colleague deleted it), so typed text is never dropped.
   */
  z.object({ kind: z.literal('block.put'), itemId: EntityId, block: MinuteBlock, after: EntityId.nullable() }),
  /** Removes one paragraph; one already gone is left gone. */
  z.object({ kind: z.literal('block.remove'), itemId: EntityId, blockId: EntityId }),
  /** Moves one paragraph right after the paragraph `after` (null: to the start). */
  z.object({ kind: z.literal('block.move'), itemId: EntityId, blockId: EntityId, after: EntityId.nullable() }),
  z.object({ kind: z.literal('item.move'), itemId: EntityId, toIndex: z.number().int().min(0) }),
  z.object({ kind: z.literal('item.delete'), itemId: EntityId }),
  EntityPut,
  z.object({
    kind: z.literal('entity.remove'),
    collection: MeetingCollection,
    id: EntityId,
  }),
  /** Applies the chosen version and removes the conflict; a conflict already resolved is left alone. */
  z.object({ kind: z.literal('conflict.resolve'), conflictId: EntityId, resolution: ConflictResolution }),
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

/** Typing in a generated item (apologies, declarations) makes it the clerk's own text. */
function withMinutes(meeting: Meeting, itemId: string, update: (minutes: readonly MinuteBlock[], item: AgendaItem) => MinuteBlock[]): Meeting {
  return withItem(meeting, itemId, (item) => ({
    ...item,
    minutes: update(item.minutes, item),
    minutesEditedByHand: item.role === 'standard' ? item.minutesEditedByHand : true,
  }));
}

function putBlock(minutes: readonly MinuteBlock[], block: MinuteBlock, after: string | null): MinuteBlock[] {
  if (after === block.id) throw new ChangeNotApplicable(`The paragraph ${block.id} cannot be placed after itself.`);
  const index = minutes.findIndex((each) => each.id === block.id);
  if (index >= 0) return minutes.map((each, at) => (at === index ? block : each));
  const anchor = after === null ? -1 : minutes.findIndex((each) => each.id === after);
  const at = after !== null && anchor < 0 ? minutes.length : anchor + 1;
  return [...minutes.slice(0, at), block, ...minutes.slice(at)];
}

function moveBlock(minutes: readonly MinuteBlock[], blockId: string, after: string | null, item: AgendaItem): MinuteBlock[] {
  const block = minutes.find((each) => each.id === blockId);
  if (!block) throw new ChangeNotApplicable(`The paragraph ${blockId} is no longer in the minutes of “${item.title}”.`);
  if (after === blockId) throw new ChangeNotApplicable(`The paragraph ${blockId} cannot be moved after itself.`);
  const rest = minutes.filter((each) => each.id !== blockId);
  const anchor = after === null ? -1 : rest.findIndex((each) => each.id === after);
  if (after !== null && anchor < 0)
    throw new ChangeNotApplicable(`The paragraph ${after} is no longer in the minutes of “${item.title}”, so nothing can be moved after it.`);
  return [...rest.slice(0, anchor + 1), block, ...rest.slice(anchor + 1)];
}

/**
 * Applies one change and returns a new meeting; the given meeting is not modified. Generated
 * minutes (apologies, declarations) are brought into step with the record afterwards.
 */
export function applyMeetingChange(meeting: Meeting, change: MeetingChange, now: Date): Meeting {
  const next = applyWithoutStamp(meeting, change);
  return next === meeting ? meeting : refreshGeneratedMinutes({ ...next, updatedAt: now.toISOString() });
}

/**
 * Applies in order the changes that still apply; one whose target has gone (the item was deleted,
 * the paragraph merged away) has nothing to do and is passed over. Used where the changes were
 * already accepted once: a journal replayed, a window's changes put on a newer meeting, the screen's
 * picture of what the core holds.
 */
export function applyChangesThatApply(meeting: Meeting, changes: readonly MeetingChange[], now: Date): Meeting {
  return applyWhatApplies(meeting, changes, now).meeting;
}

/** As applyChangesThatApply, and says which of the changes applied (the screen sends only those). */
export function applyWhatApplies(meeting: Meeting, changes: readonly MeetingChange[], now: Date): { meeting: Meeting; applied: MeetingChange[] } {
  let next = meeting;
  const applied: MeetingChange[] = [];
  for (const change of changes) {
    try {
      next = applyMeetingChange(next, change, now);
      applied.push(change);
    } catch (error) {
      if (!(error instanceof ChangeNotApplicable)) throw error;
    }
  }
  return { meeting: next, applied };
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
      return withItem(meeting, change.itemId, (item) => {
        const { shape, ...fields } = change.fields;
        const updated: AgendaItem = { ...item, ...fields };
        // null is how a change says "a plain item again": the file leaves the field out.
        if (shape === null) delete updated.shape;
        else if (shape !== undefined) updated.shape = shape;
        return updated;
      });
    case 'item.minutes':
      return withMinutes(meeting, change.itemId, () => change.minutes);
    case 'block.put':
      return withMinutes(meeting, change.itemId, (minutes) => putBlock(minutes, change.block, change.after));
    case 'block.remove': {
      const item = meeting.agenda.find((each) => each.id === change.itemId);
      if (item && !item.minutes.some((block) => block.id === change.blockId)) return meeting;
      return withMinutes(meeting, change.itemId, (minutes) => minutes.filter((block) => block.id !== change.blockId));
    }
    case 'block.move':
      return withMinutes(meeting, change.itemId, (minutes, item) => moveBlock(minutes, change.blockId, change.after, item));
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
    case 'conflict.resolve':
      return resolveConflict(meeting, change.conflictId, change.resolution);
  }
}

const COLLECTION_SCHEMAS = { attendees: Attendee, movements: Movement, declarations: Declaration, decisions: Decision, actions: Action } as const;

/** Meeting fields a conflict can never be about: identity, format, and what is merged entry by entry. */
const UNRESOLVABLE_MEETING_FIELDS = new Set(['id', ...MEETING_STRUCTURE_FIELDS]);

function withField<T extends object>(record: T, field: string, value: unknown): T {
  const next = { ...record } as Record<string, unknown>;
  if (value === undefined) delete next[field];
  else next[field] = value;
  return next as T;
}

function refuseInvalid(conflict: MeetingConflict, error: z.ZodError): never {
  throw new ChangeNotApplicable(`That version cannot be used for ${conflict.label}: ${describeFirstIssue(error)}`);
}

function resolveField(meeting: Meeting, conflict: FieldConflict, value: unknown): Meeting {
  const { field } = conflict;
  if (field === 'id') throw new ChangeNotApplicable(`An id cannot be chosen in a conflict (${conflict.label}).`);
  if (conflict.collection && conflict.entityId) {
    const collection = conflict.collection;
    const list = meeting[collection] as ReadonlyArray<{ id: string }>;
    const entity = list.find((each) => each.id === conflict.entityId);
    if (!entity) throw new ChangeNotApplicable(`${conflict.label}: that entry is no longer in this meeting.`);
    let next: object;
    if (conflict.pointId && collection === 'decisions') {
      const decision = entity as Decision;
      const hasPoint = decision.points.some((point) => point.id === conflict.pointId);
      const text = typeof value === 'string' ? value : '';
      next = {
        ...decision,
        points: hasPoint
          ? decision.points.map((point) => (point.id === conflict.pointId ? { ...point, text } : point))
          : [...decision.points, { id: conflict.pointId, text }],
      };
    } else {
      next = withField(entity, field, value);
    }
    const checked = COLLECTION_SCHEMAS[collection].safeParse(next);
    if (!checked.success) refuseInvalid(conflict, checked.error);
    return putEntity(meeting, collection, checked.data);
  }
  if (conflict.itemId) {
    if (field === 'minutes') throw new ChangeNotApplicable(`Minutes are resolved paragraph by paragraph (${conflict.label}).`);
    return withItem(meeting, conflict.itemId, (item) => {
      const checked = AgendaItem.safeParse(withField(item, field, value));
      if (!checked.success) refuseInvalid(conflict, checked.error);
      return checked.data;
    });
  }
  const schema = (Meeting.shape as Record<string, z.ZodType>)[field];
  if (!schema || UNRESOLVABLE_MEETING_FIELDS.has(field))
    throw new ChangeNotApplicable(`${conflict.label}: "${field}" is not a detail of the meeting that can be chosen.`);
  const checked = schema.safeParse(value);
  if (!checked.success) refuseInvalid(conflict, checked.error);
  return withField(meeting, field, checked.data);
}

/**
 * Settles one conflict. The chosen paragraph replaces the one with the same id (or is added at
 * the end of the item's minutes if that paragraph has since been removed); the chosen value is
 * checked against the schema before it is used.
 */
function resolveConflict(meeting: Meeting, conflictId: string, resolution: ConflictResolution): Meeting {
  const conflict = meeting.conflicts.find((each) => each.id === conflictId);
  if (!conflict) return meeting;
  const rest: Meeting = { ...meeting, conflicts: meeting.conflicts.filter((each) => each.id !== conflictId) };
  if (resolution === 'kept') return rest;
  if (conflict.kind === 'paragraph') {
    if (typeof resolution === 'object' && !('block' in resolution)) {
      throw new ChangeNotApplicable(`${conflict.label} is a paragraph: choose a version or give the combined paragraph.`);
    }
    const block: MinuteBlock = resolution === 'other' ? conflict.other.block : { ...resolution.block, id: conflict.blockId };
    return withMinutes(rest, conflict.itemId, (minutes) => {
      const index = minutes.findIndex((each) => each.id === block.id);
      return index < 0 ? [...minutes, block] : minutes.map((each, at) => (at === index ? block : each));
    });
  }
  if (typeof resolution === 'object' && !('value' in resolution) && 'block' in resolution) {
    throw new ChangeNotApplicable(`${conflict.label} is not a paragraph: choose a version or give the value.`);
  }
  return resolveField(rest, conflict, resolution === 'other' ? conflict.other.value : resolution.value);
}
