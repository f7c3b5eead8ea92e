/**
 * Three-way merge of an order (the agenda, an item's paragraphs, every list of entries), as a
 * sequence of ids: moves on either side apply, inserts on both sides are kept.
 */
import { unmoved } from '../keptOrder';
import type { Side } from './threeWay';

const START = '';

/**
 * Three-way merge of an order. Elements neither side moved keep their base order (the skeleton).
 * Every element a side inserted or moved is placed right after the element that precedes it on
 * that side, skipping elements only the other side moved (its anchor); elements with the same anchor follow it in id order, each followed by
 * whatever is anchored to it. When both sides moved the same element to different places, the
 * side saved later wins (then the anchor that sorts first). Depends only on the three orders and
 * the two save times, never on which side is mine.
 */
export function mergeOrder(
  base: readonly string[],
  mine: readonly string[],
  theirs: readonly string[],
  keep: ReadonlySet<string>,
  theirsSavedLater: boolean | undefined,
): { order: string[]; movedByTheirs: number } {
  const baseSet = new Set(base);
  const lists: Record<Side, readonly string[]> = { mine, theirs };
  const positions: Record<Side, Map<string, number>> = {
    mine: new Map(mine.map((id, index) => [id, index])),
    theirs: new Map(theirs.map((id, index) => [id, index])),
  };
  const stable: Record<Side, Set<string>> = { mine: unmoved(base, mine), theirs: unmoved(base, theirs) };
  const placedBy = (side: Side, id: string) => positions[side].has(id) && !stable[side].has(id);

  const skeleton = base.filter((id) => keep.has(id) && !placedBy('mine', id) && !placedBy('theirs', id));
  const skeletonSet = new Set(skeleton);
  const placed = [...keep].filter((id) => !skeletonSet.has(id)).sort();

  const anchorOn = (side: Side, id: string, acceptable: (candidate: string) => boolean): string => {
    const list = lists[side];
    for (let index = positions[side].get(id)! - 1; index >= 0; index--) {
      if (acceptable(list[index]!)) return list[index]!;
    }
    return START;
  };
  const anchors = new Map<string, string>();
  const owner = new Map<string, Side>();
  let movedByTheirs = 0;
  for (const id of placed) {
    // Where an element sits among what the other side moved says nothing: that side's view of
    // those elements is out of date. So the anchor is the nearest element before it that is
    // unmoved, or that this same side placed.
    const onMine = placedBy('mine', id) ? anchorOn('mine', id, (each) => keep.has(each) && (skeletonSet.has(each) || placedBy('mine', each))) : undefined;
    const onTheirs = placedBy('theirs', id)
      ? anchorOn('theirs', id, (each) => keep.has(each) && (skeletonSet.has(each) || placedBy('theirs', each)))
      : undefined;
    let side: Side = onMine === undefined ? 'theirs' : 'mine';
    if (onMine !== undefined && onTheirs !== undefined && onMine !== onTheirs) {
      side = (theirsSavedLater ?? onTheirs < onMine) ? 'theirs' : 'mine';
    }
    anchors.set(id, side === 'mine' ? onMine! : onTheirs!);
    owner.set(id, side);
    if (side === 'theirs' && baseSet.has(id) && positions.mine.has(id) && onMine !== onTheirs) movedByTheirs++;
  }

  // Both sides' moves can point at each other (a after b here, b after a there): break each such
  // cycle at its smallest id by anchoring it to the nearest unmoved element instead.
  const state = new Map<string, 'visiting' | 'done'>();
  for (const id of placed) {
    const path: string[] = [];
    let current = id;
    while (anchors.has(current) && !state.has(current)) {
      state.set(current, 'visiting');
      path.push(current);
      current = anchors.get(current)!;
    }
    if (state.get(current) === 'visiting') {
      const cycle = path.slice(path.indexOf(current)).sort();
      const breaker = cycle[0]!;
      anchors.set(
        breaker,
        anchorOn(owner.get(breaker)!, breaker, (each) => skeletonSet.has(each)),
      );
    }
    for (const each of path) state.set(each, 'done');
  }

  const children = new Map<string, string[]>();
  for (const id of placed) {
    const anchor = anchors.get(id)!;
    const list = children.get(anchor);
    if (list) list.push(id);
    else children.set(anchor, [id]);
  }
  const order: string[] = [];
  const emitAfter = (root: string) => {
    const stack = [...(children.get(root) ?? [])].reverse();
    while (stack.length > 0) {
      const id = stack.pop()!;
      order.push(id);
      const kids = children.get(id);
      if (kids) for (let index = kids.length - 1; index >= 0; index--) stack.push(kids[index]!);
    }
  };
  emitAfter(START);
  for (const id of skeleton) {
    order.push(id);
    emitAfter(id);
  }
  return { order, movedByTheirs };
}
