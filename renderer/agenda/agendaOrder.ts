/**
 * Where an agenda item lands when dropped on another. An `item.move` removes the item first and
 * then inserts it, so a drop below the item's own position is one place earlier than it looks.
 */

/** The `toIndex` for dropping the item at `from` before or after the item at `target`. */
export function dropIndex(from: number, target: number, before: boolean): number {
  const insertAt = before ? target : target + 1;
  return from < insertAt ? insertAt - 1 : insertAt;
}

/**
 * How an agenda item is named on screen and to screen readers: "3. Matters arising", or with the
 * house style's minute number "PDS/22/63 Matters arising" (a bare number gets its full stop).
 */
export function agendaItemLabel(number: number | string, title: string): string {
  const shown = String(number);
  return `${shown}${/^\d+$/.test(shown) ? '.' : ''} ${title.trim() === '' ? 'Untitled item' : title}`;
}
