/**
 * Where an agenda entry lands (dropped on another, or added as a sub-item) and how it is named. An
 * `item.move` removes the item first and then inserts it, so a drop below the item's own position
 * is one place earlier than it looks.
 */
import type { AgendaItem } from '../../main/domain/meeting';

/** The `toIndex` for dropping the item at `from` before or after the item at `target`. */
export function dropIndex(from: number, target: number, before: boolean): number {
  const insertAt = before ? target : target + 1;
  return from < insertAt ? insertAt - 1 : insertAt;
}

/**
 * How an agenda item is named on screen and to screen readers: "3. Matters arising", or with the
 * house style's minute number "PDS/22/63 Matters arising" (a bare number gets its full stop), a
 * sub-item "63(b) Declarations of interest"; a section heading, which takes no number, by its title alone.
 */
export function agendaItemLabel(number: number | string, title: string): string {
  const shown = String(number);
  const named = title.trim() === '' ? 'Untitled item' : title;
  if (shown === '') return named;
  return `${shown}${/^\d+$/.test(shown) ? '.' : ''} ${named}`;
}

/** Where a new sub-item goes: after the open entry and the sub-items that already follow it; at the end with none open. */
export function subItemIndex(agenda: readonly AgendaItem[], openIndex: number): number {
  if (openIndex < 0) return agenda.length;
  let index = openIndex + 1;
  while (agenda[index]?.shape === 'sub-item') index++;
  return index;
}
