/**
 * What the save indicator says. The clerk must always be able to tell whether the minutes have
 * reached the library folder, and if not, that they are safe on this computer.
 */
import type { SaveState } from '../../main/domain/api';

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/** Local clock time as 10:42:13, whatever the system's locale, to match the clerk's wall clock. */
export function formatClockTime(iso: string): string | undefined {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return undefined;
  return `${twoDigits(time.getHours())}:${twoDigits(time.getMinutes())}:${twoDigits(time.getSeconds())}`;
}

/**
 * The indicator's one sentence. A failed write outranks changes still being sent, because it is
 * the one thing the clerk may need to act on.
 */
export function describeSaveState(saveState: SaveState | undefined, sendingChanges: boolean): string {
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
