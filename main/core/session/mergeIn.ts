/**
 * Taking another version into the open meeting (docs/sync.md, "External changes in an open
 * meeting"): the library file as someone else wrote it, or a conflict copy. Editing, it is merged
 * three-way on the base lineage finds (sync/lineage.ts), what the merge makes is journaled before
 * it is used, and the window is given the result as a new view (windowViews.ts). Reading only,
 * the file simply is the meeting.
 */
import type { Meeting } from '../../domain/meeting';
import { contentKey, mergeMeetings } from '../../domain/merge';
import { journalRefusal } from '../journal/journal';
import { LibraryFileError, parseMeetingBytes } from '../meetingFile';
import { clipAuthor, lineageOf, unionLineage, unrelatedBase } from '../sync/lineage';
import type { MeetingUpdate } from './sessionContext';
import type { SessionState } from './sessionState';

export interface TakenIn {
  automatic: number;
  newConflicts: number;
  changed: boolean;
  /** What was merged could not be journaled, so it was not taken in (`failure` says why). */
  refused?: boolean;
}

/**
 * A version of the file someone else wrote (`bytes`, hashing to `hash`): merged in, unless it
 * cannot be (then `blocked` or `failure` says why, and it is true).
 */
export async function takeInFile(state: SessionState, bytes: Buffer, hash: string): Promise<boolean> {
  let theirs: Meeting;
  try {
    theirs = parseMeetingBytes(state.libraryFile.path, bytes).meeting;
  } catch (error) {
    state.blocked = `the meeting file has been replaced by one Minute Book cannot read (${error instanceof LibraryFileError ? error.problem : String(error)}); it has not been changed, and your changes are kept on this computer`;
    return true;
  }
  if (theirs.id !== state.meeting.id) {
    state.blocked = 'the meeting file now holds a different meeting; it has not been changed, and your changes are kept on this computer';
    return true;
  }
  state.blocked = undefined;
  // Refused: not kept on this computer, so not taken in; nothing is written over the file until it can be.
  return (await takeIn(state, theirs, hash, theirs.sync?.savedBy)).refused === true;
}

/**
 * Merges another version (the file as someone else wrote it, or a conflict copy) into the
 * open meeting. `fileHash` is set when it is the library file itself.
 */
export async function takeIn(state: SessionState, theirs: Meeting, fileHash: string | undefined, from: string | undefined): Promise<TakenIn> {
  const { lineage, views } = state;
  lineage.remember(theirs);
  const theirLineage = lineageOf(theirs);
  const mine = state.meeting;
  let outcome: TakenIn = { automatic: 0, newConflicts: 0, changed: false };
  if (state.mode !== 'edit') {
    // Reading only: the file is the meeting.
    state.meeting = theirs;
    lineage.revisions = theirLineage;
    outcome.changed = contentKey(mine) !== contentKey(theirs);
    if (outcome.changed) views.newView(mine);
  } else {
    const base = await lineage.findBase(theirLineage);
    // In turn with the window's changes: none slips in between the merge, its journal entry and taking it in.
    const taken = await state.inChangeOrder(async () => {
      const current = state.meeting;
      const result = mergeMeetings(base ?? unrelatedBase(current, theirs), current, theirs, {
        mineAuthor: clipAuthor(state.savedBy),
        theirsAuthor: clipAuthor(from),
      });
      const changed = contentKey(result.meeting) !== contentKey(current);
      const fileSaysAll = fileHash !== undefined && contentKey(result.meeting) === contentKey(theirs);
      const next = changed ? { ...result.meeting, ...(current.sync ? { sync: current.sync } : {}) } : current;
      if ((fileHash !== undefined && !fileSaysAll) || (fileHash === undefined && changed)) {
        // Whatever the merge changes, and whatever the file now lacks, is as durable as a typed change before it is used.
        try {
          await state.journal?.journalMerge(next, fileHash !== undefined ? theirs : undefined, state.context.now(), () => state.meeting);
        } catch (error) {
          state.failure = `what was merged from ${from ?? 'another version'} could not be kept on this computer (${journalRefusal(error).message}); it is merged again once it can be`;
          return undefined;
        }
      }
      // A new view from this moment: a change the window made on the one before is merged with this, never put over it.
      if (changed) views.newView(current);
      if (fileSaysAll) {
        // The file already says everything this computer has: take it as it is.
        state.meeting = theirs;
        lineage.revisions = theirLineage;
        state.dirtyFromMerge = false;
        await state.markFlushed(state.journal?.appliedSeq ?? 0);
      } else {
        state.meeting = next;
        lineage.revisions = unionLineage(lineage.revisions, theirLineage);
        state.dirtyFromMerge = state.dirtyFromMerge || fileHash !== undefined || changed;
      }
      return { automatic: result.automatic, newConflicts: result.conflicts.length, changed };
    });
    if (!taken) return { ...outcome, refused: true };
    outcome = taken;
  }
  if (fileHash !== undefined) {
    state.libraryFile.holds(theirs, fileHash);
    if (theirs.sync?.savedAt) state.savedAt = theirs.sync.savedAt;
  }
  if (from) state.mergedFrom = from;
  if (outcome.changed) {
    const update: MeetingUpdate = { meeting: state.meeting, view: views.current, automatic: outcome.automatic, newConflicts: outcome.newConflicts };
    if (from) update.from = from;
    state.context.onMeetingUpdated(update);
  }
  return outcome;
}
