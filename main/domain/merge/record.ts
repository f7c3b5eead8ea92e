/**
 * The record of the meeting kept in its collections (attendees, arrivals and departures,
 * declarations, decisions and their points, actions): each collection entry by entry through
 * the ids, each entry field by field. Two actions recorded on one item on two computers get
 * numbers of their own.
 */
import { Action, Attendee, Decision, Declaration, Movement, type Meeting, type MeetingCollection } from '../meeting';
import { entityRules, fieldsOf, mergeList, type ListRules } from './lists';
import type { Merge, Side, Versions } from './threeWay';

type Entry<C extends MeetingCollection> = Meeting[C][number];

/** The fields of each collection's entries that merge one by one; a decision's points merge as a list of their own. */
const ENTRY_FIELDS: Record<MeetingCollection, readonly string[]> = {
  attendees: fieldsOf(Attendee.shape, ['id']),
  movements: fieldsOf(Movement.shape, ['id']),
  declarations: fieldsOf(Declaration.shape, ['id']),
  decisions: fieldsOf(Decision.shape, ['id', 'points']),
  actions: fieldsOf(Action.shape, ['id']),
};

/** One collection, in its own section of the conflicts: entries field by field, unless `rules` say otherwise. */
export function mergeCollection<C extends MeetingCollection>(
  merge: Merge,
  collection: C,
  { base, mine, theirs }: Versions<Meeting>,
  rules: Partial<ListRules<Entry<C>>> = {},
): Entry<C>[] {
  merge.section = collection;
  const fieldByField = entityRules<Entry<C>>(merge, collection, ENTRY_FIELDS[collection]);
  return mergeList<Entry<C>>(merge, base[collection], mine[collection], theirs[collection], { ...fieldByField, ...rules });
}

/** Decisions field by field, and each decision's points as a list of their own: a point's text by the three-way rule. */
export function mergeDecisions(merge: Merge, versions: Versions<Meeting>): Decision[] {
  const fieldByField = entityRules<Decision>(merge, 'decisions', ENTRY_FIELDS.decisions);
  return mergeCollection(merge, 'decisions', versions, {
    both: (was, ours, other) => ({
      ...fieldByField.both(was, ours, other),
      points: mergeList(merge, was?.points ?? [], ours.points, other.points, {
        both: (point, mineP, theirsP) => ({
          id: mineP.id,
          text:
            merge.value(point?.text, mineP.text, theirsP.text, {
              kind: 'field',
              collection: 'decisions',
              entityId: ours.id,
              pointId: mineP.id,
              field: 'text',
            }) ?? '',
        }),
      }),
    }),
  });
}

export function mergeActions(merge: Merge, versions: Versions<Meeting>): Action[] {
  return renumberClashingActions(mergeCollection(merge, 'actions', versions), versions);
}

/** Action numbers are fixed when recorded; two actions recorded on one item on two computers can get the same one. */
function renumberClashingActions(actions: Action[], { base, mine, theirs }: Versions<Meeting>): Action[] {
  const inBase = new Set(base.actions.map((action) => action.id));
  const inMine = new Set(mine.actions.map((action) => action.id));
  const inTheirs = new Set(theirs.actions.map((action) => action.id));
  const newOn = (id: string): Side | undefined => (inBase.has(id) || (inMine.has(id) && inTheirs.has(id)) ? undefined : inMine.has(id) ? 'mine' : 'theirs');
  const result = actions.slice();
  const byItem = new Map<string, number[]>();
  result.forEach((action, index) => byItem.set(action.itemId, [...(byItem.get(action.itemId) ?? []), index]));
  for (const indexes of byItem.values()) {
    let highest = indexes.reduce((max, index, position) => Math.max(max, result[index]!.number ?? position + 1), 0);
    const seen = new Map<number, string>();
    for (const index of indexes) {
      const action = result[index]!;
      if (action.number === undefined) continue;
      const earlier = seen.get(action.number);
      const mineSide = newOn(action.id);
      const earlierSide = earlier === undefined ? undefined : newOn(earlier);
      if (earlier !== undefined && mineSide && earlierSide && mineSide !== earlierSide && highest < 10_000) {
        result[index] = { ...action, number: ++highest };
      } else if (earlier === undefined) {
        seen.set(action.number, action.id);
      }
    }
  }
  return result;
}
