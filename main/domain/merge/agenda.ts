/**
 * The agenda: items by id, each item field by field and its minutes paragraph by paragraph. An
 * item one side deleted stays if the other side wrote in it or recorded something on it; the
 * generated minutes of the Apologies and Declarations items are not merged but written afresh
 * from the merged record (by the caller), unless a clerk typed in them.
 */
import { AgendaItem, type Meeting } from '../meeting';
import { same } from './canonical';
import { byId, changedOn, fieldsOf, mergeFields, mergeList } from './lists';
import { isGenerated, mergeBlocks, writtenFromRecord } from './minutes';
import type { Merge, Side, Versions } from './threeWay';

const ITEM_FIELDS = fieldsOf(AgendaItem.shape, ['id', 'minutes']);

/** Agenda items a side touched through the record: declarations, decisions, actions or movements added or changed on it. */
function itemsTouched(base: Meeting, side: Meeting): Set<string> {
  const touched = new Set<string>();
  for (const collection of ['movements', 'declarations', 'decisions', 'actions'] as const) {
    const was = byId<{ id: string; itemId: string }>(base[collection]);
    for (const entity of side[collection] as ReadonlyArray<{ id: string; itemId: string }>) {
      if (changedOn(was, entity)) touched.add(entity.itemId);
    }
  }
  return touched;
}

export function mergeAgenda(merge: Merge, { base, mine, theirs }: Versions<Meeting>): AgendaItem[] {
  merge.section = 'agenda';
  const touched: Record<Side, Set<string>> = { mine: itemsTouched(base, mine), theirs: itemsTouched(base, theirs) };
  const ownMinutes = (item: AgendaItem) => (writtenFromRecord(item) ? undefined : item.minutes);
  return mergeList<AgendaItem>(merge, base.agenda, mine.agenda, theirs.agenda, {
    both: (was, ours, other) => {
      const fields = mergeFields(merge, ITEM_FIELDS, was, ours, other, (field) => ({ kind: 'field', itemId: ours.id, field })) as Omit<
        AgendaItem,
        'id' | 'minutes'
      >;
      const role = fields.role;
      const baseMinutes = was?.minutes ?? [];
      // A side whose minutes Minute Book wrote from the record has not edited them.
      const effective = (item: AgendaItem) => (isGenerated(role) && !item.minutesEditedByHand ? baseMinutes : item.minutes);
      const mineMinutes = effective(ours);
      const theirsMinutes = effective(other);
      // Typing beats going back to the generated text: nothing the clerk typed is dropped.
      const byHand =
        fields.minutesEditedByHand ||
        (isGenerated(role) &&
          ((ours.minutesEditedByHand && !same(ours.minutes, baseMinutes)) || (other.minutesEditedByHand && !same(other.minutes, baseMinutes))));
      const minutes = isGenerated(role) && !byHand ? ours.minutes : mergeBlocks(merge, ours.id, baseMinutes, mineMinutes, theirsMinutes);
      return { id: ours.id, ...fields, minutesEditedByHand: byHand, minutes } as AgendaItem;
    },
    edited: (was, now, side) =>
      touched[side].has(was.id) ||
      ITEM_FIELDS.some((field) => !same(was[field as keyof AgendaItem], now[field as keyof AgendaItem])) ||
      !same(ownMinutes(was), ownMinutes(now)),
  });
}
