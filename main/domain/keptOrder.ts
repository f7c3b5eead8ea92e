/**
 * Which elements of an order kept their places: used by the merge (what each side moved) and by
 * the minutes editor (which paragraphs to send as moved).
 */

/**
 * The elements of `base` (restricted to those still in `side`) whose relative order `side` kept:
 * a longest increasing subsequence of their base positions in side order.
 */
export function unmoved(base: readonly string[], side: readonly string[]): Set<string> {
  const sideSet = new Set(side);
  const basePosition = new Map<string, number>();
  for (const id of base) if (sideSet.has(id)) basePosition.set(id, basePosition.size);
  const sequence = side.filter((id) => basePosition.has(id));
  const tails: number[] = []; // index into sequence of the smallest tail of each length
  const previous: number[] = new Array<number>(sequence.length).fill(-1);
  sequence.forEach((id, index) => {
    const position = basePosition.get(id)!;
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (basePosition.get(sequence[tails[middle]!]!)! < position) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[index] = tails[low - 1]!;
    tails[low] = index;
  });
  const stable = new Set<string>();
  for (let index = tails.length ? tails[tails.length - 1]! : -1; index >= 0; index = previous[index]!) stable.add(sequence[index]!);
  return stable;
}
