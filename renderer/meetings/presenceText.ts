/**
 * What the clerk is told about others who have the same meeting open: before opening it, on the
 * meeting screen, and when their changes arrive. Times are this computer's clock ("10:02").
 */
import type { Presence } from '../../main/domain/api';
import { clockTime, readInstant } from '../../main/domain/calendar';
import { joinNames } from '../../main/domain/wording';

/** "10:02" in this computer's time; the ISO text itself if it cannot be read. */
function clockTimeOf(iso: string): string {
  const time = readInstant(iso);
  return time ? clockTime(time) : iso;
}

function who(presence: Presence): string {
  return presence.computerName ? `${presence.displayName} on ${presence.computerName}` : presence.displayName;
}

/** Others editing (or who were, until they went quiet): those the clerk must choose about. */
export function editorsOf(presence: readonly Presence[]): Presence[] {
  return presence.filter((each) => each.mode === 'edit');
}

/** "Being edited by Jane Smith on LAPTOP-12 since 10:02". */
export function beingEditedBy(presence: Presence): string {
  return `Being edited by ${who(presence)} since ${clockTimeOf(presence.since)}`;
}

/** "Was being edited by Jane Smith on LAPTOP-12, not heard from since 10:05; it will be taken over." */
export function staleSession(presence: Presence): string {
  return `Was being edited by ${who(presence)}, not heard from since ${clockTimeOf(presence.heartbeat)}; it will be taken over.`;
}

function presencePart(presence: Presence): string {
  if (presence.stale) return `${who(presence)} (not heard from since ${clockTimeOf(presence.heartbeat)})`;
  return `${who(presence)} (${presence.mode === 'edit' ? 'editing' : 'reading'} since ${clockTimeOf(presence.since)})`;
}

/** "Also open: Jane Smith on LAPTOP-12 (editing since 10:02); Tom Jones on DESK-3 (reading since 10:05)", or "" when no one else. */
export function presenceLine(presence: readonly Presence[]): string {
  if (presence.length === 0) return '';
  return `Also open: ${presence.map(presencePart).join('; ')}`;
}

/** "Read only — this updates as Jane Smith types". */
export function readOnlyBanner(presence: readonly Presence[]): string {
  const typing = [
    ...new Set(
      editorsOf(presence)
        .filter((each) => !each.stale)
        .map((each) => each.displayName),
    ),
  ];
  return typing.length > 0
    ? `Read only — this updates as ${joinNames(typing)} ${typing.length === 1 ? 'types' : 'type'}`
    : 'Read only — this updates as changes arrive';
}

/** "Updated with changes from Jane Smith — 2 conflicts to resolve". */
export function updatedAnnouncement(from: string | undefined, newConflicts: number): string {
  const updated = from ? `Updated with changes from ${from}` : 'Updated with changes made elsewhere';
  if (newConflicts <= 0) return updated;
  return `${updated} — ${newConflicts === 1 ? '1 conflict' : `${newConflicts} conflicts`} to resolve`;
}
