/**
 * The window's changes, applied to the open meeting (docs/sync.md, "A window that has not seen a
 * merge yet"): checked on the meeting the window made them on, so a change that cannot apply is
 * refused and never kept; journaled before they are the meeting; made on a view the meeting has
 * moved on from (a merge, a restore), merged with what came since (windowViews.ts), the window
 * then shown the result. Runs in change order (SessionState.inChangeOrder).
 */
import { applyChangesThatApply, applyMeetingChange, ChangeNotApplicable, type MeetingChange } from '../../domain/changes';
import type { Meeting } from '../../domain/meeting';
import { contentKey } from '../../domain/merge';
import { ClerkFacingError } from '../clerkFacingError';
import { journalRefusal } from '../journal/journal';
import type { SessionState } from './sessionState';

/**
 * Applies the clerk's changes in order; they are on this computer's disk when this resolves.
 * `seenView`: the view the window made them on (OpenedMeeting.view, then each meetingUpdated.view).
 * `applied` runs the moment the changes are the meeting (the session schedules the save there and
 * answers with its save state), and this resolves to what it returns.
 */
export async function applyWindowChanges<T>(state: SessionState, changes: readonly MeetingChange[], seenView: number, applied: () => T): Promise<T> {
  if (state.closed) throw new ClerkFacingError('This meeting has been closed; open it again to go on editing.', 'closed');
  const journal = state.journal;
  if (state.mode !== 'edit' || !journal) {
    throw new ClerkFacingError('This meeting is open read only on this computer, so nothing was changed. Choose “Edit as well” to make changes.', 'read-only');
  }
  const now = state.context.now();
  const before = state.meeting;
  // Checked before journaling, on the meeting the window made it on: a change that cannot apply is refused and never kept.
  let next = applyOrRefuse(state.views.madeOn(seenView, before), changes, now);
  let seq: number;
  try {
    // The first change of an epoch carries the meeting it is made on (the journal's replay base), in the same durable append.
    seq = await journal.append(
      changes.map((change) => ({ change })),
      now,
      () => state.meeting,
    );
  } catch (error) {
    throw journalRefusal(error);
  }
  // Telling the window of a rebased change waits until the change is journaled and is the meeting.
  let tellWindow: (() => void) | undefined;
  if (seenView === state.views.current) {
    // Made on the meeting as it is (typing): applied as it is, on a merge that landed while it was being journaled.
    if (state.meeting !== before) next = applyChangesThatApply(state.meeting, changes, now);
  } else {
    // Made on a view the meeting has moved on from (a merge, a restore, possibly while this change was being journaled).
    const rebased = rebaseOntoView(state, seenView, changes, now);
    next = rebased.meeting;
    tellWindow = rebased.tellWindow;
    if (contentKey(next) !== contentKey(applyChangesThatApply(state.meeting, changes, now))) {
      // Merged with what came since it was made on: replay must give this meeting, not the change applied as it is.
      try {
        seq = await journal.append([{ merged: next }], now, () => state.meeting);
      } catch (error) {
        throw journalRefusal(error);
      }
    }
  }
  state.meeting = next;
  journal.appliedSeq = seq;
  if (tellWindow) queueMicrotask(tellWindow);
  return applied();
}

/** The window's changes made on an earlier view, merged with what came since; the window is shown the result if it was behind. */
function rebaseOntoView(state: SessionState, seenView: number, changes: readonly MeetingChange[], now: Date): { meeting: Meeting; tellWindow?: () => void } {
  const { views, context } = state;
  const rebased = views.rebase(seenView, changes, now, state.meeting, { mine: state.savedBy, theirs: state.mergedFrom ?? state.savedBy });
  if (!rebased.windowHas) return { meeting: rebased.meeting };
  // The window's list was out of date: show it the meeting as it now stands (set by the caller before this runs).
  const view = views.newView(rebased.windowHas);
  const tellWindow = () => {
    if (views.current === view && !state.closed) context.onMeetingUpdated({ meeting: state.meeting, view, automatic: 0, newConflicts: rebased.newConflicts });
  };
  return { meeting: rebased.meeting, tellWindow };
}

/** Applies the window's changes in order; one that cannot apply is refused with the reason, and nothing is kept. */
function applyOrRefuse(meeting: Meeting, changes: readonly MeetingChange[], now: Date): Meeting {
  let next = meeting;
  for (const change of changes) {
    try {
      next = applyMeetingChange(next, change, now);
    } catch (error) {
      if (error instanceof ChangeNotApplicable) throw new ClerkFacingError(error.message, 'not-applicable');
      throw error;
    }
  }
  return next;
}
