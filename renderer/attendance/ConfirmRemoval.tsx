/** Asks before removing someone with something recorded about them, which goes with them. */
import type { Attendee } from '../../main/domain/meeting';
import { Dialog } from '../ui/Dialog';

export function ConfirmRemoval({ attendee, onConfirm, onCancel }: { attendee: Attendee; onConfirm: () => void; onCancel: () => void }) {
  return (
    <Dialog
      title={`Remove ${attendee.displayName}`}
      role="alertdialog"
      description={<p>Remove {attendee.displayName}? Their declarations and arrivals will be removed too.</p>}
      onCancel={onCancel}
    >
      <div className="form__actions">
        <button type="button" className="button button--danger" onClick={onConfirm}>
          Remove
        </button>
        <button type="button" className="button" data-autofocus onClick={onCancel}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
