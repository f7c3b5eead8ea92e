/**
 * One meeting open on this computer: the coordinator of the meeting in memory, its journal, its
 * file in the shared library, the window's views and presence (docs/sync.md):
 *
 * - A change is in the journal (on this computer's disk) before the call returns, and in the
 *   library file shortly after the clerk stops typing (saveSchedule.ts). If the library cannot be
 *   written, the journal keeps everything and autosave keeps retrying.
 * - The save path, top to bottom below: `flush` → `reconcile` (under the write lock) →
 *   `reconcileOnce` (read the file; merge in a version someone else wrote) → `writeNow` (keep the
 *   version replaced in the history, stamp a new revision, write atomically) → `markFlushed`.
 * - The file is watched (sync/fileWatcher.ts). A version written by anyone else is merged
 *   three-way into the open meeting (`takeIn`; base: sync/lineage.ts), written back if the merge
 *   says more than the file, and pushed to the window with a new view (windowViews.ts).
 * - Presence (sync/presence.ts); conflict copies beside the file are merged in, then moved into the
 *   history folder (sync/conflictCopies.ts).
 * - Read-only sessions never write the meeting file or the journal; they follow the file.
 */
import type { EditingMode, Presence as ApiPresence, SaveState } from '../../domain/api';
import { applyChangesThatApply, applyMeetingChange, ChangeNotApplicable, type MeetingChange } from '../../domain/changes';
import type { Meeting } from '../../domain/meeting';
import { contentKey, mergeMeetings } from '../../domain/merge';
import { ClerkFacingError } from '../clerkFacingError';
import { listVersions, readVersion } from '../history/history';
import { journalRefusal, MeetingJournal } from '../journal/journal';
import { readLegacyBase, replayJournal, unreadableNotice } from '../journal/replay';
import { fromLibraryRelative } from '../library';
import { LibraryFileError, parseMeetingBytes, serializeLibraryFile } from '../meetingFile';
import { ConflictCopyPickup } from '../sync/conflictCopyPickup';
import { contentHash, watchFile, type FileWatcher, type FileWatchEvent } from '../sync/fileWatcher';
import { formatPresenceTime } from '../sync/lease';
import { clipAuthor, lineageOf, MeetingLineage, newRevision, unionLineage, unrelatedBase } from '../sync/lineage';
import { MeetingPresence } from '../sync/presence';
import { SharedMeetingFile } from '../sync/sharedMeetingFile';
import { readForOpening } from './opening';
import { SaveSchedule } from './saveSchedule';
import { SessionJournal } from './sessionJournal';
import type { MeetingUpdate, SessionContext } from './sessionContext';
import { WindowViews } from './windowViews';

export interface OpenedSession {
  session: MeetingSession;
  migratedFrom?: number;
  replayedChanges?: number;
  /** What the clerk is told on opening: stale sessions taken over, conflict copies merged. */
  notices: string[];
}

export class MeetingSession {
  private readonly saves: SaveSchedule;
  private readonly libraryFile: SharedMeetingFile;
  private readonly lineage: MeetingLineage;
  private readonly views = new WindowViews();
  private readonly presenceOfOthers: MeetingPresence;
  private syncQueue: Promise<unknown> = Promise.resolve();
  private changeQueue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private savedAt?: string;
  /** The folder is there but the file could not be written. */
  private failure?: string;
  /** The library folder cannot be reached at all. */
  private unreachable?: string;
  /** The file now holds something that must not be merged or overwritten (damaged, another meeting). */
  private blocked?: string;
  /** The journal (editing only): which entries the meeting includes and which the file holds. */
  private journal?: SessionJournal;
  /** A merge left the meeting saying more than the file: write even with no new change. */
  private dirtyFromMerge = false;
  /** Who saved the version last merged in, for the history note of the version it replaces. */
  private mergedFrom?: string;
  /** Telling the window of a rebased change waits until the change is journaled and is the meeting. */
  private readonly afterApplied: Array<() => void> = [];
  private watcher?: FileWatcher;
  private readonly copies: ConflictCopyPickup;

  private constructor(
    private readonly context: SessionContext,
    private meeting: Meeting,
    readonly file: string,
    journal: MeetingJournal | undefined,
    private editingMode: EditingMode,
  ) {
    if (journal) this.journal = new SessionJournal(journal, { library: context.libraryRoot, file }, context.journalShrinkBytes);
    const path = fromLibraryRelative(context.libraryRoot, file);
    this.saves = new SaveSchedule(context, () => this.flush());
    this.libraryFile = new SharedMeetingFile(path, context.libraryRoot);
    this.lineage = new MeetingLineage(context.libraryRoot, meeting.id);
    this.copies = new ConflictCopyPickup(
      { path, meetingId: meeting.id, libraryRoot: context.libraryRoot, now: context.now, scanMs: context.copyScanMs },
      {
        editing: () => this.editingMode === 'edit' && !this.closed,
        exclusive: (work) => this.exclusive(work),
        reconcile: (write) => this.reconcile(write),
        takeIn: async (copy, label) => !(await this.takeIn(copy, undefined, label)).refused,
        needsWrite: () => this.needsWrite,
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

  private get path(): string {
    return this.libraryFile.path;
  }

  private get savedBy(): string {
    return savedByOf(this.context);
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
      if (fromFile) {
        session.libraryFile.holds(fromFile.meeting, fromFile.hash);
        session.lineage.revisions = lineageOf(fromFile.meeting);
        session.lineage.remember(fromFile.meeting);
        // "Saved at" shows when the library file was last written, even before this session writes it.
        session.savedAt = fromFile.mtime.toISOString();
        await session.journal?.keepReplayed(fromFile.meeting, session.meeting, pending.length > 0, context.now());
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
        if (session.needsWrite) await session.flush();
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
    session.lineage.revisions = lineageOf(meeting);
    session.saves.unsavedSinceNow();
    await session.flush();
    const result: OpenedSession = { session, notices: [] };
    await session.presenceOfOthers.announce(result.notices, undefined, 'edit');
    session.startWatching();
    return result;
  }

  get current(): Meeting {
    return this.meeting;
  }

  get mode(): EditingMode {
    return this.editingMode;
  }

  /** The view of the meeting the window is given with `current` (OpenedMeeting.view). */
  get view(): number {
    return this.views.current;
  }

  /** Others who have the meeting open, as last read. */
  get presence(): ApiPresence[] {
    return this.presenceOfOthers.now;
  }

  get saveState(): SaveState {
    const pendingChanges = this.journal?.pendingCount ?? 0;
    const problem = this.unreachable ?? this.blocked ?? this.failure;
    const state: SaveState = {
      meetingId: this.meeting.id,
      state: this.unreachable ? 'unreachable' : problem ? 'unsaved' : pendingChanges > 0 || this.needsWrite ? 'saving' : 'saved',
      pendingChanges,
    };
    if (this.savedAt) state.savedAt = this.savedAt;
    if (problem) state.reason = problem;
    return state;
  }

  /**
   * Applies the clerk's changes in order; they are on this computer's disk when this resolves.
   * `seenView`: the view the window made them on (OpenedMeeting.view, then each meetingUpdated.view).
   */
  applyChanges(changes: readonly MeetingChange[], seenView: number): Promise<SaveState> {
    return this.inChangeOrder(async () => {
      if (this.closed) throw new ClerkFacingError('This meeting has been closed; open it again to go on editing.', 'closed');
      const journal = this.journal;
      if (this.editingMode !== 'edit' || !journal) {
        throw new ClerkFacingError(
          'This meeting is open read only on this computer, so nothing was changed. Choose “Edit as well” to make changes.',
          'read-only',
        );
      }
      const now = this.context.now();
      const before = this.meeting;
      // Checked before journaling, on the meeting the window made it on: a change that cannot apply is refused and never kept.
      let next = applyOrRefuse(this.views.madeOn(seenView, before), changes, now);
      let seq: number;
      try {
        // The first change of an epoch carries the meeting it is made on (the journal's replay base), in the same durable append.
        seq = await journal.append(
          changes.map((change) => ({ change })),
          now,
          () => this.meeting,
        );
      } catch (error) {
        throw journalRefusal(error);
      }
      if (seenView === this.views.current) {
        // Made on the meeting as it is (typing): applied as it is, on a merge that landed while it was being journaled.
        if (this.meeting !== before) next = applyChangesThatApply(this.meeting, changes, now);
      } else {
        // Made on a view the meeting has moved on from (a merge, a restore, possibly while this change was being journaled).
        next = this.rebaseOntoView(seenView, changes, now);
        if (contentKey(next) !== contentKey(applyChangesThatApply(this.meeting, changes, now))) {
          // Merged with what came since it was made on: replay must give this meeting, not the change applied as it is.
          try {
            seq = await journal.append([{ merged: next }], now, () => this.meeting);
          } catch (error) {
            this.afterApplied.length = 0;
            throw journalRefusal(error);
          }
        }
      }
      this.meeting = next;
      journal.appliedSeq = seq;
      for (const tell of this.afterApplied.splice(0)) queueMicrotask(tell);
      this.scheduleFlush();
      return this.saveState;
    });
  }

  /** The window's changes made on an earlier view, merged with what came since; the window is shown the result if it was behind. */
  private rebaseOntoView(seenView: number, changes: readonly MeetingChange[], now: Date): Meeting {
    const rebased = this.views.rebase(seenView, changes, now, this.meeting, { mine: this.savedBy, theirs: this.mergedFrom ?? this.savedBy });
    if (rebased.windowHas) {
      // The window's list was out of date: show it the meeting as it now stands (set by the caller before this runs).
      const view = this.views.newView(rebased.windowHas);
      this.afterApplied.push(() => {
        if (this.views.current === view && !this.closed)
          this.context.onMeetingUpdated({ meeting: this.meeting, view, automatic: 0, newConflicts: rebased.newConflicts });
      });
    }
    return rebased.meeting;
  }

  /** Writes everything pending now, and stops autosave, watching and presence (used on close and quit). */
  async close(): Promise<SaveState> {
    await this.changeQueue;
    this.closed = true;
    this.saves.stop();
    this.stopTimers();
    // Checked in turn, after any merge already under way, and the file read once more: a colleague's version that
    // arrived a moment ago (and is not noticed yet) is merged and written, not left to stand without this clerk's work.
    if (this.editingMode === 'edit') await this.exclusive(() => this.reconcile(true));
    await this.syncQueue;
    await this.watcher?.close();
    await this.presenceOfOthers.release();
    const state = this.saveState;
    // Everything is in the library: the journal goes, so the next start and the next opening read nothing for this meeting.
    if (this.journal && !this.needsWrite && !this.failure && !this.unreachable && !this.blocked) await this.journal.removeIfFlushed().catch(() => false);
    await this.journal?.close();
    return state;
  }

  async flushNow(): Promise<void> {
    await this.changeQueue;
    if (this.editingMode === 'edit' && this.needsWrite) await this.flush();
  }

  /** Switches between reading and editing; the lease says so at once. */
  async setMode(mode: EditingMode): Promise<void> {
    if (mode === this.editingMode) return;
    await this.changeQueue;
    if (mode === 'read-only') {
      await this.flushNow();
      await this.exclusive(async () => {
        // Read only shows the file as it is: anything not in it yet would vanish from the screen.
        if (this.needsWrite || this.unreachable || this.failure || this.blocked) {
          throw new ClerkFacingError(
            `This meeting cannot switch to read only yet: your latest changes have not reached the library (${this.unreachable ?? this.failure ?? this.blocked ?? 'they are still being saved'}). They are kept on this computer; try again once it says “Saved”.`,
            'not-saved',
          );
        }
        this.editingMode = 'read-only';
        this.saves.cancel();
        this.copies.stop();
      });
    } else {
      await this.exclusive(async () => {
        if (!this.journal) await this.startJournal();
        this.editingMode = 'edit';
      });
      this.startCopyScans();
      await this.copies.mergeCopies();
      if (this.needsWrite) await this.flush();
    }
    await this.presenceOfOthers.setMode(mode);
  }

  /** "Edit as well": the journal is opened, and changes kept on this computer from an earlier session go on top of the meeting as it is now. */
  private async startJournal(): Promise<void> {
    const { journal: opened, read } = await MeetingJournal.open(this.context.journalDir, this.meeting.id);
    const journal = new SessionJournal(opened, { library: this.context.libraryRoot, file: this.file }, this.context.journalShrinkBytes);
    this.journal = journal;
    const file = this.libraryFile.meeting ?? this.meeting;
    const shown = this.meeting;
    if (read.pending.length > 0) {
      const legacy = read.epochStarted ? undefined : await readLegacyBase(this.context.journalDir, this.meeting.id);
      this.meeting = replayJournal(file, read, legacy, this.savedBy).meeting;
    }
    // The window is given the replayed meeting with its new view (OpenedMeeting).
    if (contentKey(this.meeting) !== contentKey(shown)) this.views.newView(shown);
    await journal.keepReplayed(file, this.meeting, read.pending.length > 0, this.context.now());
  }

  /** Others' sessions on this meeting, read now. */
  readPresence(): Promise<ApiPresence[]> {
    return this.presenceOfOthers.poll();
  }

  /**
   * Makes an earlier version the meeting again. Everything pending is written first; the version
   * it replaces is kept in the history; the restored meeting is written as a new version that
   * descends from the one it replaces, so other computers take it as a change, not a conflict.
   */
  async restore(versionId: string): Promise<void> {
    if (this.editingMode !== 'edit') {
      throw new ClerkFacingError('This meeting is open read only on this computer. Choose “Edit as well” before restoring an earlier version.', 'read-only');
    }
    const root = this.context.libraryRoot;
    const version = await readVersion(root, this.meeting.id, versionId);
    const described = (await listVersions(root, this.meeting.id).catch(() => [])).find((each) => each.versionId === versionId);
    const when = described ? `${described.savedAt.slice(0, 10)} ${formatPresenceTime(described.savedAt)}` : versionId;
    await this.changeQueue;
    await this.exclusive(async () => {
      await this.reconcile(true);
      if (this.unreachable || this.blocked || this.failure || this.needsWrite) {
        throw new ClerkFacingError(
          `The earlier version was not restored because the meeting file cannot be written just now: ${this.unreachable ?? this.blocked ?? this.failure ?? 'changes are still being saved'}.`,
          'restore-failed',
        );
      }
      const { sync: _old, ...content } = version;
      await this.inChangeOrder(async () => {
        const restored: Meeting = { ...content, updatedAt: this.context.now().toISOString() };
        // As durable as a typed change before it is the meeting (a crash before the write must not undo the restore).
        await this.journal?.journalMerge(restored, undefined, this.context.now(), () => this.meeting);
        // A change the window made before it is shown the restored version is merged with it, never put over it.
        this.views.newView(this.meeting);
        this.meeting = restored;
        this.dirtyFromMerge = true;
      });
      await this.reconcile(true, `before restoring the version of ${when}`);
      if (this.unreachable || this.failure || this.needsWrite) {
        throw new ClerkFacingError(
          `The earlier version could not be written to the library: ${this.unreachable ?? this.failure ?? 'unknown problem'}. It will be written as soon as the library can be reached.`,
          'restore-failed',
        );
      }
    });
    this.context.onMeetingUpdated({ meeting: this.meeting, view: this.views.current, automatic: 0, newConflicts: 0, from: `the version of ${when}, restored` });
  }

  private get hasUnwrittenChanges(): boolean {
    return this.journal?.hasUnwrittenChanges ?? false;
  }

  private get needsWrite(): boolean {
    return this.editingMode === 'edit' && (this.hasUnwrittenChanges || this.dirtyFromMerge || this.libraryFile.meeting === undefined);
  }

  private scheduleFlush(): void {
    if (!this.closed) this.saves.afterChange();
  }

  /** A problem kept the meeting from the file: autosave tries again in a while. */
  private afterProblem(): void {
    if (this.editingMode === 'edit' && this.needsWrite && !this.closed) this.saves.retry();
  }

  /** One write (or merge) at a time; changes that arrive during a write are picked up by the next one. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.syncQueue.then(work);
    this.syncQueue = result.catch(() => undefined);
    return result;
  }

  /**
   * In turn with the window's changes: a merge is journaled and made the meeting with no change
   * slipping in between, so the journal holds them in the order the meeting took them.
   */
  private inChangeOrder<T>(work: () => Promise<T>): Promise<T> {
    const result = this.changeQueue.then(work);
    this.changeQueue = result.catch(() => undefined);
    return result;
  }

  // The save path, top to bottom: flush → reconcile → reconcileOnce → writeNow → markFlushed.

  private async flush(): Promise<void> {
    await this.exclusive(async () => {
      if (!this.needsWrite) return;
      await this.reconcile(true);
    });
    if (!this.closed && this.needsWrite && !this.saves.waiting && !this.unreachable && !this.failure && !this.blocked) this.scheduleFlush();
  }

  /**
   * Brings the session and the library file into step: reads the file; merges it in if someone
   * else changed it; then, if `write` and the meeting says more than the file, writes it.
   * Always called through `exclusive`.
   */
  private async reconcile(write: boolean, replaceNote?: string): Promise<void> {
    const lock = this.editingMode === 'edit' && write ? await this.libraryFile.lockForWriting(this.savedBy) : undefined;
    try {
      // A version that arrived while the one being replaced was kept in the history is merged before writing (at most a few times over).
      for (let attempt = 1; (await this.reconcileOnce(write, replaceNote, attempt < 4)) === 'raced'; attempt += 1);
    } finally {
      await lock?.();
      this.context.onSaveState(this.saveState);
    }
  }

  private async reconcileOnce(write: boolean, replaceNote: string | undefined, recheck: boolean): Promise<'raced' | undefined> {
    const editing = this.editingMode === 'edit';
    const read = await this.libraryFile.read();
    if (read.kind === 'unreachable') {
      this.unreachable = read.problem;
      this.afterProblem();
      return;
    }
    this.unreachable = undefined;
    if (read.kind === 'failed') {
      this.failure = read.problem;
      this.afterProblem();
      return;
    }
    if (read.kind === 'ok' && read.hash !== this.libraryFile.hash) {
      if (await this.takeInFile(read.bytes, read.hash)) {
        this.afterProblem();
        return;
      }
    } else if (read.kind === 'ok') {
      this.blocked = undefined;
    } else if (read.kind === 'missing' && this.libraryFile.meeting !== undefined) {
      // Moved or deleted by someone else: the next write puts the meeting back, nothing is lost.
      this.libraryFile.gone();
    }
    if (!editing) return;
    if (!this.hasUnwrittenChanges && !this.dirtyFromMerge && this.libraryFile.meeting !== undefined) {
      this.failure = undefined;
      return;
    }
    if (!write) {
      this.scheduleFlush();
      return;
    }
    return await this.writeNow(read.kind === 'ok' ? read.bytes : undefined, replaceNote, recheck);
  }

  /** A version of the file someone else wrote: merged in, unless it cannot be (then `blocked` or `failure` says why, and it is true). */
  private async takeInFile(bytes: Buffer, hash: string): Promise<boolean> {
    let theirs: Meeting;
    try {
      theirs = parseMeetingBytes(this.path, bytes).meeting;
    } catch (error) {
      this.blocked = `the meeting file has been replaced by one Minute Book cannot read (${error instanceof LibraryFileError ? error.problem : String(error)}); it has not been changed, and your changes are kept on this computer`;
      return true;
    }
    if (theirs.id !== this.meeting.id) {
      this.blocked = 'the meeting file now holds a different meeting; it has not been changed, and your changes are kept on this computer';
      return true;
    }
    this.blocked = undefined;
    // Refused: not kept on this computer, so not taken in; nothing is written over the file until it can be.
    return (await this.takeIn(theirs, hash, theirs.sync?.savedBy)).refused === true;
  }

  private async writeNow(replacing: Buffer | undefined, replaceNote: string | undefined, recheck: boolean): Promise<'raced' | undefined> {
    const seq = this.journal?.appliedSeq ?? 0;
    const snapshot = this.meeting;
    this.saves.writing();
    if (replacing) {
      let kept = false;
      try {
        // A merge's note names who it was merged with (the history says why the version was kept).
        const note = replaceNote ?? (this.mergedFrom ? `before a merge with ${this.savedBy.replace(/ on .*$/, '')}’s changes` : undefined);
        kept = await this.libraryFile.keepBeforeReplacing(
          replacing,
          this.meeting.id,
          { now: this.context.now(), thinned: replaceNote === undefined, note },
          this.context.history,
        );
      } catch {
        // History is a convenience; a history folder that cannot be written must never stop the meeting being saved.
      }
      // Keeping it took a moment, in which a sync tool (which does not honour the write lock) may have brought in another version.
      const again = recheck && kept ? await this.libraryFile.read() : undefined;
      if (again?.kind === 'ok' && again.hash !== contentHash(replacing)) return 'raced';
    }
    const now = this.context.now();
    const revision = newRevision();
    const lineage = unionLineage([revision], this.lineage.revisions);
    const { sync: _previous, ...content } = snapshot;
    const stamped: Meeting = { ...content, sync: { revision, lineage, savedBy: this.savedBy, savedAt: now.toISOString() } };
    const bytes = serializeLibraryFile(stamped);
    const hash = contentHash(bytes);
    this.watcher?.expectOwnWrite(hash);
    const written = await this.libraryFile.write(stamped, bytes, hash, replacing !== undefined);
    if (written.kind !== 'written') {
      if (written.kind === 'unreachable') this.unreachable = written.problem;
      else this.failure = written.problem;
      this.afterProblem();
      return;
    }
    this.lineage.remember(stamped);
    this.lineage.revisions = lineage;
    this.dirtyFromMerge = false;
    this.meeting = this.meeting === snapshot ? stamped : { ...this.meeting, sync: stamped.sync };
    await this.markFlushed(seq);
    this.savedAt = now.toISOString();
    this.failure = undefined;
    this.unreachable = undefined;
    if (!this.closed && (this.journal?.appliedSeq ?? 0) > seq && !this.saves.waiting) this.scheduleFlush();
  }

  private async markFlushed(seq: number): Promise<void> {
    await this.journal?.markFlushed(seq, this.libraryFile.writtenBytes);
  }

  /**
   * Merges another version (the file as someone else wrote it, or a conflict copy) into the
   * open meeting. `fileHash` is set when it is the library file itself.
   */
  private async takeIn(
    theirs: Meeting,
    fileHash: string | undefined,
    from: string | undefined,
  ): Promise<{ automatic: number; newConflicts: number; changed: boolean; refused?: boolean }> {
    this.lineage.remember(theirs);
    const theirLineage = lineageOf(theirs);
    const mine = this.meeting;
    let outcome = { automatic: 0, newConflicts: 0, changed: false };
    if (this.editingMode !== 'edit') {
      // Reading only: the file is the meeting.
      this.meeting = theirs;
      this.lineage.revisions = theirLineage;
      outcome.changed = contentKey(mine) !== contentKey(theirs);
      if (outcome.changed) this.views.newView(mine);
    } else {
      const base = await this.lineage.findBase(theirLineage);
      // In turn with the window's changes: none slips in between the merge, its journal entry and taking it in.
      const taken = await this.inChangeOrder(async () => {
        const current = this.meeting;
        const result = mergeMeetings(base ?? unrelatedBase(current, theirs), current, theirs, {
          mineAuthor: clipAuthor(this.savedBy),
          theirsAuthor: clipAuthor(from),
        });
        const changed = contentKey(result.meeting) !== contentKey(current);
        const fileSaysAll = fileHash !== undefined && contentKey(result.meeting) === contentKey(theirs);
        const next = changed ? { ...result.meeting, ...(current.sync ? { sync: current.sync } : {}) } : current;
        if ((fileHash !== undefined && !fileSaysAll) || (fileHash === undefined && changed)) {
          // Whatever the merge changes, and whatever the file now lacks, is as durable as a typed change before it is used.
          try {
            await this.journal?.journalMerge(next, fileHash !== undefined ? theirs : undefined, this.context.now(), () => this.meeting);
          } catch (error) {
            this.failure = `what was merged from ${from ?? 'another version'} could not be kept on this computer (${journalRefusal(error).message}); it is merged again once it can be`;
            return undefined;
          }
        }
        // A new view from this moment: a change the window made on the one before is merged with this, never put over it.
        if (changed) this.views.newView(current);
        if (fileSaysAll) {
          // The file already says everything this computer has: take it as it is.
          this.meeting = theirs;
          this.lineage.revisions = theirLineage;
          this.dirtyFromMerge = false;
          await this.markFlushed(this.journal?.appliedSeq ?? 0);
        } else {
          this.meeting = next;
          this.lineage.revisions = unionLineage(this.lineage.revisions, theirLineage);
          this.dirtyFromMerge = this.dirtyFromMerge || fileHash !== undefined || changed;
        }
        return { automatic: result.automatic, newConflicts: result.conflicts.length, changed };
      });
      if (!taken) return { ...outcome, refused: true };
      outcome = taken;
    }
    if (fileHash !== undefined) {
      this.libraryFile.holds(theirs, fileHash);
      if (theirs.sync?.savedAt) this.savedAt = theirs.sync.savedAt;
    }
    if (from) this.mergedFrom = from;
    if (outcome.changed) {
      const update: MeetingUpdate = { meeting: this.meeting, view: this.views.current, automatic: outcome.automatic, newConflicts: outcome.newConflicts };
      if (from) update.from = from;
      this.context.onMeetingUpdated(update);
    }
    return outcome;
  }

  private onFileEvent(event: FileWatchEvent): void {
    if (this.closed) return;
    switch (event.kind) {
      case 'changed':
      case 'back':
        void this.exclusive(() => this.reconcile(event.kind === 'back')).catch(() => undefined);
        return;
      case 'unreachable':
        this.unreachable = event.problem;
        this.context.onSaveState(this.saveState);
        return;
      case 'removed':
        // The next save writes the meeting again; until then the clerk's work is in the journal.
        return;
    }
  }

  private startWatching(): void {
    if (this.closed) return;
    const options: { pollMs: number; knownHash?: string } = { pollMs: this.context.pollMs };
    if (this.libraryFile.hash !== undefined) options.knownHash = this.libraryFile.hash;
    this.watcher = watchFile(this.path, (event) => this.onFileEvent(event), options);
    this.presenceOfOthers.startPolling();
    this.startCopyScans();
  }

  private startCopyScans(): void {
    if (this.editingMode === 'edit' && !this.closed) this.copies.start();
  }

  private stopTimers(): void {
    this.presenceOfOthers.stop();
    this.copies.stop();
  }
}

/** "Jane Smith on LAPTOP-12": who saves, as the file's stamp and the history name them. */
function savedByOf(context: SessionContext): string {
  return `${context.displayName.trim() || 'someone'} on ${context.computerName.trim() || 'another computer'}`;
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
