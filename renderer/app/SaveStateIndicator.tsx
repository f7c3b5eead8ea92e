/**
 * The save indicator in the header. Always present, so screen readers announce each change of state
 * as it happens; empty when no meeting is open.
 */
import type { SaveState } from '../../main/domain/api';
import { describeSaveState } from './saveStateText';

interface SaveStateIndicatorProps {
  saveState: SaveState | undefined;
  sendingChanges: boolean;
}

export function SaveStateIndicator({ saveState, sendingChanges }: SaveStateIndicatorProps) {
  const text = describeSaveState(saveState, sendingChanges);
  const tone = saveState?.state === 'unsaved' ? 'warning' : text === 'Saving…' ? 'busy' : 'calm';
  return (
    <p className={`save-state save-state--${tone}`} role="status">
      {text}
    </p>
  );
}
