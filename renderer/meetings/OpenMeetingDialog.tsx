/**
 * Asked before opening a meeting someone else is editing: read it only (it updates live as they
 * type) or edit as well (the changes of both merge). A session that has gone quiet is named too:
 * opening the meeting takes it over.
 */
import type { EditingMode, Presence } from '../../main/domain/api';
import { Dialog } from '../ui/Dialog';
import { beingEditedBy, editorsOf, staleSession } from './presenceText';

interface OpenMeetingDialogProps {
  /** The meeting as the list names it, e.g. "Planning Committee, Tuesday 8 November 2022". */
  meetingName: string;
  presence: readonly Presence[];
  onChoose: (mode: EditingMode) => void;
  onCancel: () => void;
}

/** Whether opening this meeting needs the clerk's choice: someone else has it open for editing. */
export function needsOpeningChoice(presence: readonly Presence[]): boolean {
  return editorsOf(presence).length > 0;
}

export function OpenMeetingDialog({ meetingName, presence, onChoose, onCancel }: OpenMeetingDialogProps) {
  const editors = editorsOf(presence);
  const live = editors.filter((each) => !each.stale);
  const stale = editors.filter((each) => each.stale);
  return (
    <Dialog
      title={live.length > 0 ? 'Someone is editing this meeting' : 'Open meeting'}
      description={
        <>
          <p className="dialog__subject">{meetingName}</p>
          {live.map((each) => (
            <p key={each.sessionId}>{beingEditedBy(each)}.</p>
          ))}
          {stale.map((each) => (
            <p key={each.sessionId}>{staleSession(each)}</p>
          ))}
          {live.length > 0 ? <p>Read it only, and see their changes as they type, or edit as well: the changes of both of you are merged.</p> : null}
        </>
      }
      onCancel={onCancel}
    >
      <div className="form__actions">
        {live.length > 0 ? (
          <>
            <button type="button" className="button button--primary" data-autofocus onClick={() => onChoose('read-only')}>
              Read only
            </button>
            <button type="button" className="button" onClick={() => onChoose('edit')}>
              Edit as well
            </button>
          </>
        ) : (
          <button type="button" className="button button--primary" data-autofocus onClick={() => onChoose('edit')}>
            Open for editing
          </button>
        )}
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
