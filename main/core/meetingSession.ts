/**
 * One meeting open for editing on this computer: the current meeting in memory, its journal,
 * and autosave. A change is in the journal (on this computer's disk) before the call returns,
 * and in the library file shortly after the clerk stops typing (debounced, with a maximum wait
 * so a clerk who never pauses is still saved within a second). If the library cannot be
 * written, the journal keeps everything and autosave keeps retrying.
 */
import { stat } from 'node:fs/promises';
import type { Low } from 'lowdb';
import type { SaveState } from '../domain/api';
import { applyMeetingChange, ChangeNotApplicable, type MeetingChange } from '../domain/changes';
import type { Meeting } from '../domain/meeting';
import { ClerkFacingError } from './clerkFacingError';
import { keepVersion, type HistoryPolicy } from './history';
import { MeetingJournal } from './journal';
import { fromLibraryRelative } from './library';
import { describeIoError, LibraryFileError, newMeetingDb, openMeetingDb } from './meetingFile';

export interface SessionContext {
  libraryRoot: string;
  journalDir: string;
  saveDelayMs: number;
  maxSaveWaitMs: number;
  retryDelayMs: number;
  history: HistoryPolicy;
  now: () => Date;
  onSaveState: (state: SaveState) => void;
}

export interface OpenedSession {
  session: MeetingSession;
  migratedFrom?: number;
  replayedChanges?: number;
}

export class MeetingSession {
  private timer?: ReturnType<typeof setTimeout>;
  private firstUnsavedAt?: number;
  private writing?: Promise<void>;
  private lastKeptVersionAt?: number;
  private savedAt?: string;
  private failure?: string;
  private changeQueue: Promise<unknown> = Promise.resolve();
  private closed = false;
  /**
   * The last journal entry that `meeting` includes. Set together with `meeting`, so a write to
   * the library never marks as flushed an entry that is journaled but not yet in the meeting.
   */
  private appliedSeq: number;
  private flushedSeq: number;

  private constructor(
    private readonly context: SessionContext,
    private meeting: Meeting,
    private readonly db: Low<Meeting>,
    readonly file: string,
    private readonly journal: MeetingJournal,
  ) {
    this.appliedSeq = journal.latestSeq;
    this.flushedSeq = journal.latestSeq - journal.pendingCount;
  }

  /** Opens a meeting file, replaying any changes this computer kept that never reached it. */
  static async open(context: SessionContext, meetingId: string, file: string): Promise<OpenedSession> {
    const path = fromLibraryRelative(context.libraryRoot, file);
    const { journal, pending } = await MeetingJournal.open(context.journalDir, meetingId);
    try {
      let meeting: Meeting | undefined;
      let migratedFrom: number | undefined;
      let lastWritten: Date | undefined;
      let db: Low<Meeting>;
      try {
        const opened = await openMeetingDb(path);
        if (opened.db.data.id !== meetingId) {
          // Never replay one meeting's journal into another meeting's file (e.g. after the library folder changed).
          throw new ClerkFacingError(`The file “${file}” now holds a different meeting, so this meeting cannot be opened from it. Your changes are still kept on this computer.`, 'wrong-meeting');
        }
        db = opened.db;
        meeting = opened.db.data;
        migratedFrom = opened.migratedFrom;
        lastWritten = (await stat(path)).mtime;
      } catch (error) {
        const snapshot = pending.entries.find((entry) => entry.snapshot)?.snapshot;
        if (!(error instanceof LibraryFileError) || !snapshot) throw error;
        // The file never reached the library (created while it was unreachable): rebuild it from the journal.
        meeting = snapshot;
        db = newMeetingDb(path, snapshot);
      }
      for (const entry of pending.entries) {
        if (entry.snapshot) meeting = entry.snapshot;
        else if (entry.change) meeting = applyIfPossible(meeting, entry.change, new Date(entry.at));
      }
      const session = new MeetingSession(context, meeting, db, file, journal);
      // "Saved at" shows when the library file was last written, even before this session writes it.
      if (lastWritten) session.savedAt = lastWritten.toISOString();
      const opened: OpenedSession = { session };
      if (migratedFrom !== undefined) opened.migratedFrom = migratedFrom;
      if (pending.entries.length > 0) {
        opened.replayedChanges = pending.entries.length;
        session.firstUnsavedAt = Date.now();
        await session.flush();
      }
      return opened;
    } catch (error) {
      await journal.close();
      throw error;
    }
  }

  /** Starts a new meeting: journaled first, then written to the library. */
  static async create(context: SessionContext, meeting: Meeting, file: string): Promise<MeetingSession> {
    const { journal } = await MeetingJournal.open(context.journalDir, meeting.id);
    await journal.append({ library: context.libraryRoot, file }, [{ snapshot: meeting }], context.now());
    const session = new MeetingSession(context, meeting, newMeetingDb(fromLibraryRelative(context.libraryRoot, file), meeting), file, journal);
    session.firstUnsavedAt = Date.now();
    await session.flush();
    return session;
  }

  get current(): Meeting {
    return this.meeting;
  }

  get saveState(): SaveState {
    const pendingChanges = this.journal.pendingCount;
    const state: SaveState = {
      meetingId: this.meeting.id,
      state: this.failure ? 'unsaved' : pendingChanges > 0 ? 'saving' : 'saved',
      pendingChanges,
    };
    if (this.savedAt) state.savedAt = this.savedAt;
    if (this.failure) state.reason = this.failure;
    return state;
  }

  /** Applies the clerk's changes in order; they are on this computer's disk when this resolves. */
  applyChanges(changes: readonly MeetingChange[]): Promise<SaveState> {
    const result = this.changeQueue.then(async () => {
      if (this.closed) throw new ClerkFacingError('This meeting has been closed; open it again to go on editing.', 'closed');
      const now = this.context.now();
      let next = this.meeting;
      for (const change of changes) {
        try {
          next = applyMeetingChange(next, change, now);
        } catch (error) {
          if (error instanceof ChangeNotApplicable) throw new ClerkFacingError(error.message, 'not-applicable');
          throw error;
        }
      }
      let seq: number;
      try {
        seq = await this.journal.append({ library: this.context.libraryRoot, file: this.file }, changes.map((change) => ({ change })), now);
      } catch (error) {
        throw new ClerkFacingError(
          `Your last change could not be kept on this computer: ${describeIoError(error)}. Please copy any text you just typed somewhere safe.`,
          'journal-failed',
        );
      }
      this.meeting = next;
      this.appliedSeq = seq;
      this.scheduleFlush();
      return this.saveState;
    });
    this.changeQueue = result.catch(() => undefined);
    return result;
  }

  /** Writes everything pending now, and stops autosave (used on close and quit). */
  async close(): Promise<SaveState> {
    await this.changeQueue;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.hasUnwrittenChanges) await this.flush();
    const state = this.saveState;
    await this.journal.close();
    return state;
  }

  async flushNow(): Promise<void> {
    await this.changeQueue;
    if (this.hasUnwrittenChanges) await this.flush();
  }

  private get hasUnwrittenChanges(): boolean {
    return this.appliedSeq > this.flushedSeq;
  }

  private scheduleFlush(): void {
    const nowMs = Date.now();
    this.firstUnsavedAt ??= nowMs;
    const deadline = this.firstUnsavedAt + this.context.maxSaveWaitMs;
    const delay = Math.max(0, Math.min(this.context.saveDelayMs, deadline - nowMs));
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, delay);
  }

  /** One write at a time; changes that arrive during a write are picked up by the next one. */
  private async flush(): Promise<void> {
    while (this.writing) await this.writing;
    if (!this.hasUnwrittenChanges) return;
    this.writing = this.writeToLibrary().finally(() => {
      this.writing = undefined;
    });
    await this.writing;
  }

  private async writeToLibrary(): Promise<void> {
    const seq = this.appliedSeq;
    const snapshot = this.meeting;
    this.firstUnsavedAt = undefined;
    this.context.onSaveState({ ...this.saveState, state: this.failure ? 'unsaved' : 'saving' });
    try {
      await this.keepPreviousVersionIfDue();
    } catch {
      // History is a convenience; a history folder that cannot be written must never stop the meeting being saved.
    }
    try {
      this.db.data = snapshot;
      await this.db.write();
      await this.journal.markFlushed(seq);
      this.flushedSeq = seq;
      this.savedAt = this.context.now().toISOString();
      this.failure = undefined;
    } catch (error) {
      this.failure = describeIoError(error);
      if (!this.closed) {
        this.firstUnsavedAt = Date.now();
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => {
          this.timer = undefined;
          void this.flush();
        }, this.context.retryDelayMs);
      }
    }
    this.context.onSaveState(this.saveState);
    if (!this.closed && !this.failure && this.appliedSeq > seq && !this.timer) this.scheduleFlush();
  }

  private async keepPreviousVersionIfDue(): Promise<void> {
    const nowMs = Date.now();
    if (this.lastKeptVersionAt !== undefined && nowMs - this.lastKeptVersionAt < this.context.history.intervalMs) return;
    const path = fromLibraryRelative(this.context.libraryRoot, this.file);
    if (await keepVersion(this.context.libraryRoot, this.meeting.id, path, this.context.now(), this.context.history)) {
      this.lastKeptVersionAt = nowMs;
    }
  }
}

/** A journaled change whose target has since gone (e.g. the item was deleted) is skipped, not fatal. */
function applyIfPossible(meeting: Meeting, change: MeetingChange, at: Date): Meeting {
  try {
    return applyMeetingChange(meeting, change, at);
  } catch (error) {
    if (error instanceof ChangeNotApplicable) return meeting;
    throw error;
  }
}
