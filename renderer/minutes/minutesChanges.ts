/**
 * What typing in the minutes sends: the smallest list of paragraph changes (block.put, block.remove,
 * block.move) that turns the minutes as the meeting holds them into the minutes as the editor
 * holds them. Paragraphs are matched by their stable ids, so a burst of typing in one paragraph of
 * a 30,000-word item sends that paragraph and nothing else. One pass over the blocks; the order is
 * only worked out further when the paragraphs kept on both sides are no longer in the same order.
 */
import type { MeetingChange } from '../../main/domain/changes';
import type { MinuteBlock } from '../../main/domain/meeting';
import { unmoved } from '../../main/domain/keptOrder';
import { sameBlock } from './minutesReconcile';

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

/**
 * The changes, in the order they must be applied: removals first, then each new, moved or edited
 * paragraph in document order, each placed after the paragraph before it (which is already there).
 */
export function minutesChanges(itemId: string, before: readonly MinuteBlock[], after: readonly MinuteBlock[]): MeetingChange[] {
  const beforeById = new Map(before.map((block) => [block.id, block]));
  const afterIds = new Set(after.map((block) => block.id));
  const changes: MeetingChange[] = [];
  for (const block of before) if (!afterIds.has(block.id)) changes.push({ kind: 'block.remove', itemId, blockId: block.id });

  const keptBefore = before.filter((block) => afterIds.has(block.id)).map((block) => block.id);
  const keptAfter = after.filter((block) => beforeById.has(block.id)).map((block) => block.id);
  // Typing never reorders: only a dragged paragraph (or an undone drag) needs the longest run left in place.
  const inPlace = sameOrder(keptBefore, keptAfter) ? undefined : unmoved(keptBefore, keptAfter);

  let previous: string | null = null;
  for (const block of after) {
    const was = beforeById.get(block.id);
    if (!was) {
      changes.push({ kind: 'block.put', itemId, block, after: previous });
    } else {
      if (inPlace && !inPlace.has(block.id)) changes.push({ kind: 'block.move', itemId, blockId: block.id, after: previous });
      if (was !== block && !sameBlock(was, block)) changes.push({ kind: 'block.put', itemId, block, after: previous });
    }
    previous = block.id;
  }
  return changes;
}
