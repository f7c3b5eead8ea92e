/**
 * The save indicator in the header. Always present, so screen readers announce each change of state
 * as it happens; empty when no meeting is open. While the library is unreachable the count of
 * changes kept on this computer grows with every keystroke: the visible text shows it, and the live
 * region says it once. Changes the core has not received outrank whatever the core said last.
 */
import type { SaveState } from '../../main/domain/api';
import { announceSaveState, describeSaveState, type HeldInWindow } from './saveStateText';

interface SaveStateIndicatorProps {
  saveState: SaveState | undefined;
  sendingChanges: boolean;
  /** Changes the core has not received because it is not answering (browser mode: the host process). */
  heldInWindow?: HeldInWindow | undefined;
}

export function SaveStateIndicator({ saveState, sendingChanges, heldInWindow }: SaveStateIndicatorProps) {
  const text = describeSaveState(saveState, sendingChanges, heldInWindow);
  const announced = announceSaveState(saveState, sendingChanges, heldInWindow);
  const tone =
    heldInWindow || saveState?.state === 'unsaved' ? 'warning' : saveState?.state === 'unreachable' ? 'offline' : text === 'Saving…' ? 'busy' : 'calm';
  if (announced === text) {
    return (
      <p className={`save-state save-state--${tone}`} role="status">
        {text}
      </p>
    );
  }
  return (
    <>
      <p className={`save-state save-state--${tone}`}>{text}</p>
      <p className="visually-hidden" role="status">
        {announced}
      </p>
    </>
  );
}
