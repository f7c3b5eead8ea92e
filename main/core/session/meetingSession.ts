/**
 * One meeting open on this computer: the coordinator of the meeting in memory, its journal, its
 * file in the shared library, the window's views and presence (docs/sync.md). What the session
 * knows, shared with its parts, is sessionState.ts.
 *
 * - A change is in the journal (on this computer's disk) before the call returns
 *   (windowChanges.ts), and in the library file shortly after the clerk stops typing
 *   (saveSchedule.ts). If the library cannot be written, the journal keeps everything and
 *   autosave keeps retrying.
 * - The save path reads top to bottom in `reconcile` below (`flush` calls it): read the file;
 *   merge in a version someone else wrote (mergeIn.ts); keep the version replaced in the history;
 *   stamp a new revision; write atomically; mark the journal flushed.
 * - The file is watched (sync/fileWatcher.ts). A version written by anyone else is merged
 *   three-way into the open meeting (mergeIn.ts; base: sync/lineage.ts), written back if the merge
 *   says more than the file, and pushed to the window with a new view (windowViews.ts).
 * - Presence (sync/presence.ts); conflict copies beside the file are merged in, then moved into the
 *   history folder (sync/conflictCopyPickup.ts); an earlier version restored (restoreVersion.ts).
 * - Read-only sessions never write the meeting file or the journal; they follow the file.
 */
import type { EditingMode, Presence as ApiPresence, SaveState } from '../../domain/api';
import type { MeetingChange } from '../../domain/changes';
import type { Meeting } from '../../domain/meeting';
import { ClerkFacingError } from '../clerkFacingError';
import { journalRefusal, MeetingJournal } from '../journal/journal';
import { unreadableNotice } from '../journal/replay';
import { fromLibraryRelative } from '../library';
import { serializeLibraryFile } from '../meetingFile';
import { ConflictCopyPickup } from '../sync/conflictCopyPickup';
import { contentHash, watchFile, type FileWatcher, type FileWatchEvent } from '../sync/fileWatcher';
import { lineageOf, stampNewVersion } from '../sync/lineage';
import { MeetingPresence } from '../sync/presence';
import { takeIn, takeInFile } from './mergeIn';
import { openJournalToEdit, readForOpening, sessionJournalOf } from './opening';
import { restoreVersion } from './restoreVersion';
import { SaveSchedule } from './saveSchedule';
import { savedByOf, type SessionContext } from './sessionContext';
import { SessionState } from './sessionState';
import { applyWindowChanges } from './windowChanges';

export interface OpenedSession {
  session: MeetingSession;
  migratedFrom?: number;
  replayedChanges?: number;
  /** What the clerk is told on opening: stale sessions taken over, conflict copies merged. */
  notices: string[];
}

export class MeetingSession {
  private readonly state: SessionState;
  private readonly saves: SaveSchedule;
  private readonly presenceOfOthers: MeetingPresence;
  private readonly copies: ConflictCopyPickup;
  private watcher?: FileWatcher;

  private constructor(
    private readonly context: SessionContext,
    meeting: Meeting,
    readonly file: string,
    journal: MeetingJournal | undefined,
    mode: EditingMode,
  ) {
    const path = fromLibraryRelative(context.libraryRoot, file);
    const state = new SessionState(context, meeting, mode, path);
    if (journal) state.journal = sessionJournalOf(context, journal, file);
    this.state = state;
    this.saves = new SaveSchedule(context, () => this.flush());
    this.copies = new ConflictCopyPickup(
      { path, meetingId: meeting.id, libraryRoot: context.libraryRoot, now: context.now, scanMs: context.copyScanMs },
      {
        editing: () => state.mode === 'edit' && !state.closed,
        exclusive: (work) => state.exclusive(work),
        reconcile: (write) => this.reconcile(write),
        takeIn: async (copy, label) => !(await takeIn(state, copy, undefined, label)).refused,
        needsWrite: () => state.needsWrite,
      },
    );
    this.presenceOfOthers = new MeetingPresence(path, {
      libraryRoot: context.libraryRoot,
      meetingId: meeting.id,
      here: { displayName: context.displayName, computerName: context.computerName },
      heartbeatMs: context.heartbeatMs,
      staleAfterMs: context.staleAfterMs,
      presencePollMs: context.presencePollMs,
      history: context.history,
      now: context.now,
      onPresence: (presence) => context.onPresence(presence),
    });
  }

  /** Opens a meeting file, replaying any changes this computer kept that never reached it. */
  static async open(context: SessionContext, meetingId: string, file: string, mode: EditingMode = 'edit'): Promise<OpenedSession> {
    const found = await readForOpening(
      { libraryRoot: context.libraryRoot, journalDir: context.journalDir, savedBy: () => savedByOf(context) },
      meetingId,
      file,
      mode,
    );
    const { read, fromFile } = found;
    const pending = read?.pending ?? [];
    try {
      const session = new MeetingSession(context, found.meeting, file, found.journal, mode);
      const { state } = session;
      if (fromFile) {
        state.openedFrom(fromFile);
        await state.journal?.keepReplayed(fromFile.meeting, state.meeting, pending.length > 0, context.now());
      }
      const result: OpenedSession = { session, notices: [] };
      if (read) {
        const notice = unreadableNotice(read.unreadable + found.skipped, found.journal!.path);
        if (notice) result.notices.push(notice);
      }
      // A file brought up to date is written in the new format by the next save.
      if (fromFile?.migratedFrom !== undefined) result.migratedFrom = fromFile.migratedFrom;
      await session.presenceOfOthers.announce(result.notices, fromFile?.bytes, mode);
      session.startWatching();
      if (pending.length > 0) {
        result.replayedChanges = pending.filter((entry) => entry.change).length;
        session.saves.unsavedSinceNow();
      }
      if (mode === 'edit') {
        result.notices.push(...(await session.copies.mergeCopies()));
        if (state.needsWrite) await session.flush();
      }
      return result;
    } catch (error) {
      await found.journal?.close();
      throw error;
    }
  }

  /** Starts a new meeting: journaled first, then written to the library. */
  static async create(context: SessionContext, meeting: Meeting, file: string): Promise<OpenedSession> {
    const { journal } = await MeetingJournal.open(context.journalDir, meeting.id);
    try {
      await journal.append({ library: context.libraryRoot, file }, [{ snapshot: meeting }], context.now());
    } catch (error) {
      await journal.close();
      throw journalRefusal(error);
    }
    const session = new MeetingSession(context, meeting, file, journal, 'edit');
    // The new meeting's own (content-derived) revision heads the lineage, so replay knows the file descends from the journal's snapshot.
    session.state.lineage.revisions = lineageOf(meeting);
    session.saves.unsavedSinceNow();
    await session.flush();
    const result: OpenedSession = { session, notices: [] };
    await session.presenceOfOthers.announce(result.notices, undefined, 'edit');
    session.startWatching();
    return result;
  }

  get current(): Meeting {
    return this.state.meeting;
  }

  get mode(): EditingMode {
    return this.state.mode;
  }

  /** The view of the meeting the window is given with `current` (OpenedMeeting.view). */
  get view(): number {
    return this.state.views.current;
  }

  /** Others who have the meeting open, as last read. */
  get presence(): ApiPresence[] {
    return this.presenceOfOthers.now;
  }

  get saveState(): SaveState {
    return this.state.saveState;
  }

  /**
   * Applies the clerk's changes in order; they are on this computer's disk when this resolves.
   * `seenView`: the view the window made them on (OpenedMeeting.view, then each meetingUpdated.view).
   */
  applyChanges(changes: readonly MeetingChange[], seenView: number): Promise<SaveState> {
    return this.state.inChangeOrder(() =>
      applyWindowChanges(this.state, changes, seenView, () => {
        this.scheduleFlush();
        return this.state.saveState;
      }),
    );
  }

  /** Writes everything pending now, and stops autosave, watching and presence (used on close and quit). */
  async close(): Promise<SaveState> {
    const { state } = this;
    await state.changesApplied();
    state.closed = true;
    this.saves.stop();
    this.presenceOfOthers.stop();
    this.copies.stop();
    // Checked in turn, after any merge already under way, and the file read once more: a colleague's version that
    // arrived a moment ago (and is not noticed yet) is merged and written, not left to stand without this clerk's work.
    if (state.mode === 'edit') await state.exclusive(() => this.reconcile(true));
    await state.writesDone();
    await this.watcher?.close();
    await this.presenceOfOthers.release();
    const saveState = state.saveState;
    // Everything is in the library: the journal goes, so the next start and the next opening read nothing for this meeting.
    if (state.journal && !state.needsWrite && !state.failure && !state.unreachable && !state.blocked) await state.journal.removeIfFlushed().catch(() => false);
    await state.journal?.close();
    return saveState;
  }

  async flushNow(): Promise<void> {
    await this.state.changesApplied();
    if (this.state.mode === 'edit' && this.state.needsWrite) await this.flush();
  }

  /** Switches between reading and editing; the lease says so at once. */
  async setMode(mode: EditingMode): Promise<void> {
    const { state } = this;
    if (mode === state.mode) return;
    await state.changesApplied();
    if (mode === 'read-only') {
      await this.flushNow();
      await state.exclusive(async () => {
        // Read only shows the file as it is: anything not in it yet would vanish from the screen.
        if (state.needsWrite || state.unreachable || state.failure || state.blocked) {
          throw new ClerkFacingError(
            `This meeting cannot switch to read only yet: your latest changes have not reached the library (${state.unreachable ?? state.failure ?? state.blocked ?? 'they are still being saved'}). They are kept on this computer; try again once it says “Saved”.`,
            'not-saved',
          );
        }
        state.mode = 'read-only';
        this.saves.cancel();
        this.copies.stop();
      });
    } else {
      await state.exclusive(async () => {
        if (!state.journal) await openJournalToEdit(state, this.file);
        state.mode = 'edit';
      });
      this.startCopyScans();
      await this.copies.mergeCopies();
      if (state.needsWrite) await this.flush();
    }
    await this.presenceOfOthers.setMode(mode);
  }

  /** Others' sessions on this meeting, read now. */
  readPresence(): Promise<ApiPresence[]> {
    return this.presenceOfOthers.poll();
  }

  /** Makes an earlier version the meeting again (restoreVersion.ts), through the save path. */
  restore(versionId: string): Promise<void> {
    return restoreVersion(this.state, versionId, (replaceNote) => this.reconcile(true, replaceNote));
  }

  private scheduleFlush(): void {
    if (!this.state.closed) this.saves.afterChange();
  }

  /** A problem kept the meeting from the file: autosave tries again in a while. */
  private afterProblem(): void {
    if (this.state.mode === 'edit' && this.state.needsWrite && !this.state.closed) this.saves.retry();
  }

  // The save path: flush (when saveSchedule.ts says) → reconcile, top to bottom.

  private async flush(): Promise<void> {
    const { state } = this;
    await state.exclusive(async () => {
      if (!state.needsWrite) return;
      await this.reconcile(true);
    });
    if (!state.closed && state.needsWrite && !this.saves.waiting && !state.unreachable && !state.failure && !state.blocked) this.scheduleFlush();
  }

  /**
   * Brings the session and the library file into step: reads the file; merges it in if someone
   * else changed it; then, if `write` and the meeting says more than the file, writes it.
   * Always called through `exclusive`.
   */
  private async reconcile(write: boolean, replaceNote?: string): Promise<void> {
    const { state, context } = this;
    const { libraryFile, lineage } = state;
    const lock = state.mode === 'edit' && write ? await libraryFile.lockForWriting(state.savedBy) : undefined;
    try {
      // A version that arrived while the one being replaced was kept in the history is merged before writing (at most a few times over).
      for (let attempt = 1; ; attempt += 1) {
        const editing = state.mode === 'edit';
        // 1. Read the file as it is now.
        const read = await libraryFile.read();
        if (read.kind === 'unreachable') {
          state.unreachable = read.problem;
          this.afterProblem();
          return;
        }
        state.unreachable = undefined;
        if (read.kind === 'failed') {
          state.failure = read.problem;
          this.afterProblem();
          return;
        }
        // 2. A version someone else wrote is merged in, never written over.
        if (read.kind === 'ok' && read.hash !== libraryFile.hash) {
          if (await takeInFile(state, read.bytes, read.hash)) {
            this.afterProblem();
            return;
          }
        } else if (read.kind === 'ok') {
          state.blocked = undefined;
        } else if (read.kind === 'missing' && libraryFile.meeting !== undefined) {
          // Moved or deleted by someone else: the next write puts the meeting back, nothing is lost.
          libraryFile.gone();
        }
        // 3. Written only by an editing session, and only when the meeting says more than the file.
        if (!editing) return;
        if (!state.hasUnwrittenChanges && !state.dirtyFromMerge && libraryFile.meeting !== undefined) {
          state.failure = undefined;
          return;
        }
        if (!write) {
          this.scheduleFlush();
          return;
        }
        const seq = state.journal?.appliedSeq ?? 0;
        const snapshot = state.meeting;
        this.saves.writing();
        // 4. The version about to be replaced is kept in the history.
        if (read.kind === 'ok') {
          let kept = false;
          try {
            // A merge's note names who it was merged with (the history says why the version was kept).
            const note = replaceNote ?? (state.mergedFrom ? `before a merge with ${state.savedBy.replace(/ on .*$/, '')}’s changes` : undefined);
            const why = { now: context.now(), thinned: replaceNote === undefined, note };
            kept = await libraryFile.keepBeforeReplacing(read.bytes, state.meeting.id, why, context.history);
          } catch {
            // History is a convenience; a history folder that cannot be written must never stop the meeting being saved.
          }
          // Keeping it took a moment, in which a sync tool (which does not honour the write lock) may have brought in another version.
          const again = attempt < 4 && kept ? await libraryFile.read() : undefined;
          if (again?.kind === 'ok' && again.hash !== contentHash(read.bytes)) continue;
        }
        // 5. Stamped with a new revision at the head of the lineage, and written atomically.
        const now = context.now();
        const { stamped, lineage: stampedLineage } = stampNewVersion(snapshot, lineage.revisions, state.savedBy, now);
        const bytes = serializeLibraryFile(stamped);
        const hash = contentHash(bytes);
        this.watcher?.expectOwnWrite(hash);
        const written = await libraryFile.write(stamped, bytes, hash, read.kind === 'ok');
        if (written.kind !== 'written') {
          if (written.kind === 'unreachable') state.unreachable = written.problem;
          else state.failure = written.problem;
          this.afterProblem();
          return;
        }
        lineage.remember(stamped);
        lineage.revisions = stampedLineage;
        state.dirtyFromMerge = false;
        state.meeting = state.meeting === snapshot ? stamped : { ...state.meeting, sync: stamped.sync };
        // 6. The journal's entries up to the snapshot written are marked flushed.
        await state.markFlushed(seq);
        state.savedAt = now.toISOString();
        state.failure = undefined;
        state.unreachable = undefined;
        // Changes made while it was being written go in the next save.
        if (!state.closed && (state.journal?.appliedSeq ?? 0) > seq && !this.saves.waiting) this.scheduleFlush();
        return;
      }
    } finally {
      await lock?.();
      context.onSaveState(state.saveState);
    }
  }

  private onFileEvent(event: FileWatchEvent): void {
    if (this.state.closed) return;
    switch (event.kind) {
      case 'changed':
      case 'back':
        void this.state.exclusive(() => this.reconcile(event.kind === 'back')).catch(() => undefined);
        return;
      case 'unreachable':
        this.state.unreachable = event.problem;
        this.context.onSaveState(this.state.saveState);
        return;
      case 'removed':
        // The next save writes the meeting again; until then the clerk's work is in the journal.
        return;
    }
  }

  private startWatching(): void {
    if (this.state.closed) return;
    const { libraryFile } = this.state;
    const options: { pollMs: number; knownHash?: string } = { pollMs: this.context.pollMs };
    if (libraryFile.hash !== undefined) options.knownHash = libraryFile.hash;
    this.watcher = watchFile(libraryFile.path, (event) => this.onFileEvent(event), options);
    this.presenceOfOthers.startPolling();
    this.startCopyScans();
  }

  private startCopyScans(): void {
    if (this.state.mode === 'edit' && !this.state.closed) this.copies.start();
  }
}
