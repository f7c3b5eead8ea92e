/**
 * Restoring an earlier version of the open meeting (docs/sync.md, "Reading and restoring"):
 * everything pending is written first; the restored meeting is journaled before it is the
 * meeting; the version it replaces is kept in the history with a note naming the restore; the
 * restored meeting is written as a new version descending from the one it replaces, so other
 * computers take it as a change, not a conflict.
 */
import type { Meeting } from '../../domain/meeting';
import { ClerkFacingError } from '../clerkFacingError';
import { listVersions, readVersion } from '../history/history';
import { formatPresenceTime } from '../sync/lease';
import type { SessionState } from './sessionState';

/**
 * Makes the version `versionId` the meeting again. `save` is the session's save path (under
 * `exclusive`), with the note the version it replaces is kept with.
 */
export async function restoreVersion(state: SessionState, versionId: string, save: (replaceNote?: string) => Promise<void>): Promise<void> {
  if (state.mode !== 'edit') {
    throw new ClerkFacingError('This meeting is open read only on this computer. Choose “Edit as well” before restoring an earlier version.', 'read-only');
  }
  const root = state.context.libraryRoot;
  const version = await readVersion(root, state.meeting.id, versionId);
  const described = (await listVersions(root, state.meeting.id).catch(() => [])).find((each) => each.versionId === versionId);
  const when = described ? `${described.savedAt.slice(0, 10)} ${formatPresenceTime(described.savedAt)}` : versionId;
  await state.changesApplied();
  await state.exclusive(async () => {
    await save();
    if (state.unreachable || state.blocked || state.failure || state.needsWrite) {
      throw new ClerkFacingError(
        `The earlier version was not restored because the meeting file cannot be written just now: ${state.unreachable ?? state.blocked ?? state.failure ?? 'changes are still being saved'}.`,
        'restore-failed',
      );
    }
    const { sync: _old, ...content } = version;
    await state.inChangeOrder(async () => {
      const restored: Meeting = { ...content, updatedAt: state.context.now().toISOString() };
      // As durable as a typed change before it is the meeting (a crash before the write must not undo the restore).
      await state.journal?.journalMerge(restored, undefined, state.context.now(), () => state.meeting);
      // A change the window made before it is shown the restored version is merged with it, never put over it.
      state.views.newView(state.meeting);
      state.meeting = restored;
      state.dirtyFromMerge = true;
    });
    await save(`before restoring the version of ${when}`);
    if (state.unreachable || state.failure || state.needsWrite) {
      throw new ClerkFacingError(
        `The earlier version could not be written to the library: ${state.unreachable ?? state.failure ?? 'unknown problem'}. It will be written as soon as the library can be reached.`,
        'restore-failed',
      );
    }
  });
  state.context.onMeetingUpdated({
    meeting: state.meeting,
    view: state.views.current,
    automatic: 0,
    newConflicts: 0,
    from: `the version of ${when}, restored`,
  });
}
