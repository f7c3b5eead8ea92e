/**
 * What the save indicator says. The clerk must always be able to tell whether the minutes have
 * reached the library folder, and if not, whether they are safe on this computer or, while the
 * core cannot be reached, only in this window.
 */
import type { SaveState } from '../../main/domain/api';
import { clockTimeWithSeconds, readInstant } from '../../main/domain/calendar';

/** Changes the core has not received: they are only in this window's memory (the change queue's HeldBack). */
export interface HeldInWindow {
  changes: number;
  /** ISO time of the next try. */
  nextTryAt: string;
}

/** Outranks everything the core last said: the core does not have these changes, so nothing it said covers them. */
function describeHeldInWindow(held: HeldInWindow): string {
  const changes = held.changes === 1 ? '1 change is' : `${held.changes} changes are`;
  const at = formatClockTime(held.nextTryAt);
  return `Not saved: Minute Book’s background service is not responding — ${changes} only in this window. Keep it open; trying again${at ? ` at ${at}` : ''}.`;
}

/** Local clock time as 10:42:13; undefined when the time cannot be read. */
function formatClockTime(iso: string): string | undefined {
  const time = readInstant(iso);
  return time && clockTimeWithSeconds(time);
}

/**
 * The indicator's one sentence. A failed write outranks changes still being sent, because it is
 * the one thing the clerk may need to act on.
 */
export function describeSaveState(saveState: SaveState | undefined, sendingChanges: boolean, held?: HeldInWindow): string {
  if (held) return describeHeldInWindow(held);
  if (saveState?.state === 'unreachable') {
    const count = saveState.pendingChanges;
    return count > 0
      ? `Library unreachable — ${count === 1 ? '1 change' : `${count} changes`} kept on this computer`
      : 'Library unreachable — your changes are kept on this computer';
  }
  if (saveState?.state === 'unsaved') {
    return `Not saved to the library: ${saveState.reason ?? 'the library folder could not be reached'} — kept on this computer`;
  }
  if (sendingChanges || saveState?.state === 'saving') return 'Saving…';
  if (saveState?.state === 'saved') {
    const at = saveState.savedAt ? formatClockTime(saveState.savedAt) : undefined;
    return at ? `Saved at ${at}` : 'Saved';
  }
  return '';
}

/**
 * What the indicator's live region says: the same as the indicator, except while the library is
 * unreachable, when it stays one sentence however many changes pile up, so a screen reader hears
 * it once rather than on every keystroke (the count is in the visible text).
 */
export function announceSaveState(saveState: SaveState | undefined, sendingChanges: boolean, held?: HeldInWindow): string {
  if (held) return 'Not saved: Minute Book’s background service is not responding — your latest changes are only in this window. Keep it open.';
  if (saveState?.state === 'unreachable') return 'Library unreachable — your changes are kept on this computer';
  return describeSaveState(saveState, sendingChanges);
}
