/**
 * Lists of entries with stable ids (attendees, decisions, agenda items, paragraphs, conflicts):
 * which entries survive, in what order, and each one merged field by field. An edit beats a
 * deletion; a deletion of something the other side left alone stands.
 */
import type { MeetingCollection } from '../meeting';
import { same } from './canonical';
import { mergeOrder } from './order';
import type { Merge, Side, Target } from './threeWay';

export interface WithId {
  id: string;
}

/** A list with every id once: a repeated id (never written by Minute Book) gets a derived id rather than being dropped. */
function uniqueIds<T extends WithId>(list: readonly T[]): readonly T[] {
  const all = new Set(list.map((each) => each.id));
  if (all.size === list.length) return list;
  const seen = new Set<string>();
  return list.map((each) => {
    if (!seen.has(each.id)) {
      seen.add(each.id);
      return each;
    }
    let n = 2;
    let id = `${each.id.slice(0, 56)}-${n}`;
    while (all.has(id) || seen.has(id)) id = `${each.id.slice(0, 56)}-${++n}`;
    seen.add(id);
    return { ...each, id };
  });
}

export function byId<T extends WithId>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((each) => [each.id, each]));
}

/** Whether a side added the entry or changed it since the base. */
export function changedOn<T extends WithId>(base: ReadonlyMap<string, T>, entity: T): boolean {
  const was = base.get(entity.id);
  return !was || !same(was, entity);
}

export interface ListRules<T> {
  /** Both sides have it: merge field by field. */
  both(base: T | undefined, mine: T, theirs: T): T;
  /** Whether a side changed it since the base (an edit beats the other side's deletion). */
  edited?(base: T, side: T, which: Side): boolean;
  /** Kept although one side deleted it and the other did not edit it (something the other side added needs it). */
  needed?(id: string, deletedOn: Side): boolean;
}

/** Merges a list entry by entry through the ids: which entries survive, each merged by the rules, in the merged order. */
export function mergeList<T extends WithId>(merge: Merge, baseList: readonly T[], mineList: readonly T[], theirsList: readonly T[], rules: ListRules<T>): T[] {
  const [b, m, t] = [uniqueIds(baseList), uniqueIds(mineList), uniqueIds(theirsList)];
  const base = byId(b);
  const mine = byId(m);
  const theirs = byId(t);
  const edited = rules.edited ?? ((was: T, now: T) => !same(was, now));
  const needed = rules.needed ?? (() => false);
  const onOneSide = new Map<string, T>();
  const keep = new Set<string>();
  for (const id of new Set([...m.map((each) => each.id), ...t.map((each) => each.id)])) {
    const was = base.get(id);
    const ours = mine.get(id);
    const other = theirs.get(id);
    if (ours && other) {
      keep.add(id);
    } else if (ours) {
      if (!was || edited(was, ours, 'mine') || needed(id, 'theirs')) {
        keep.add(id);
        onOneSide.set(id, ours);
      } else {
        merge.automatic++; // deleted on theirs
      }
    } else if (other) {
      if (!was || edited(was, other, 'theirs') || needed(id, 'mine')) {
        keep.add(id);
        onOneSide.set(id, other);
        merge.automatic++;
      }
    }
  }
  const { order, movedByTheirs } = mergeOrder(
    b.map((each) => each.id),
    m.map((each) => each.id),
    t.map((each) => each.id),
    keep,
    merge.theirsSavedLater,
  );
  merge.automatic += movedByTheirs;
  return order.map((id) => onOneSide.get(id) ?? rules.both(base.get(id), mine.get(id)!, theirs.get(id)!));
}

/** The fields of a record's schema that merge one by one: all but those merged otherwise. */
export function fieldsOf(shape: object, except: readonly string[]): string[] {
  return Object.keys(shape).filter((key) => !except.includes(key));
}

/** A record field by field by the three-way rule; a field left undefined on the merged side is left out. */
export function mergeFields<T extends object>(
  merge: Merge,
  fields: readonly string[],
  base: T | undefined,
  mine: T,
  theirs: T,
  target: (field: string) => Target,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const was = base as Record<string, unknown> | undefined;
  const ours = mine as Record<string, unknown>;
  const other = theirs as Record<string, unknown>;
  for (const field of fields) {
    const value = merge.value(was?.[field], ours[field], other[field], target(field));
    if (value !== undefined) out[field] = value;
  }
  return out;
}

/** An entry of one of the meeting's collections: its fields merged one by one, each conflict naming the entry. */
export function entityRules<T extends WithId>(merge: Merge, collection: MeetingCollection, fields: readonly string[]): ListRules<T> {
  return {
    both: (base, mine, theirs) =>
      ({
        id: mine.id,
        ...mergeFields(merge, fields, base, mine, theirs, (field) => ({ kind: 'field', collection, entityId: mine.id, field })),
      }) as unknown as T,
  };
}
