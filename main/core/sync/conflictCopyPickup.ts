/**
 * Picking up the conflict copies sync tools leave beside an open meeting's file (docs/sync.md,
 * "Conflict copies"): every few seconds while editing, each copy found is merged into the open
 * meeting, the merge written to the library, and only then the copy moved into the meeting's
 * history folder, so nothing in a copy is lost unread. Finding and archiving are in conflictCopies.ts.
 */
import { basename } from 'node:path';
import { CONFLICT_COPY_TOOL_LABELS } from '../../domain/conflictCopies';
import type { Meeting } from '../../domain/meeting';
import { archiveConflictCopy, CopyScanCache, findConflictCopies, type ConflictCopy } from './conflictCopies';

/** What the open meeting's session does for the pickup. */
export interface CopyPickupSession {
  /** Whether the session edits and is still open. */
  editing(): boolean;
  /** In turn with the session's other writes and merges. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** Reads the file (merging a new version in) and, if `write`, writes what the meeting says more. */
  reconcile(write: boolean): Promise<void>;
  /** Merges one copy into the open meeting; false if it could not be kept on this computer (nothing taken in). */
  takeIn(copy: Meeting, label: string): Promise<boolean>;
  /** The meeting says more than the library file. */
  needsWrite(): boolean;
}

export class ConflictCopyPickup {
  private timer?: ReturnType<typeof setInterval>;
  private readonly cache = new CopyScanCache();

  constructor(
    private readonly place: { path: string; meetingId: string; libraryRoot: string; now: () => Date; scanMs: number },
    private readonly session: CopyPickupSession,
  ) {}

  /** Scans every few seconds (while editing). */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      void this.mergeCopies().catch(() => undefined);
    }, this.place.scanMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Merges every copy beside the file, writes the merge, then archives the copies. Returns what to tell the clerk. */
  mergeCopies(): Promise<string[]> {
    const { session, place } = this;
    return session.exclusive(async () => {
      if (!session.editing()) return [];
      let copies: ConflictCopy[];
      try {
        copies = (await findConflictCopies(place.path, place.meetingId, this.cache)).copies;
      } catch {
        return []; // the folder cannot be read now; the next scan tries again
      }
      if (copies.length === 0) return [];
      await session.reconcile(false);
      const merged: Array<{ copy: ConflictCopy; label: string }> = [];
      for (const copy of copies) {
        const label = `conflict copy from ${copy.tool ? CONFLICT_COPY_TOOL_LABELS[copy.tool] : 'a copy of the file'} (${basename(copy.path)})`;
        if (!(await session.takeIn(copy.meeting, label))) return [];
        merged.push({ copy, label });
      }
      // Written only if a copy said something the file does not (a copy that says nothing new is simply archived:
      // writing anyway would, in a synced folder, make the other computer's version a conflict copy in turn).
      if (session.needsWrite()) await session.reconcile(true);
      if (session.needsWrite()) return []; // not written: the copies stay where they are until it is
      const notices: string[] = [];
      for (const { copy, label } of merged) {
        try {
          await archiveConflictCopy(place.libraryRoot, copy.path, place.meetingId, { now: place.now(), expectedHash: copy.contentHash });
          notices.push(`Merged the ${label} into this meeting; the copy is kept in the meeting’s history.`);
        } catch {
          // Changed since it was merged, or cannot be moved now: merged again at the next scan.
        }
      }
      return notices;
    });
  }
}
