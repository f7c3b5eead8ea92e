/**
 * What one open meeting's session knows, shared by the coordinator (meetingSession.ts) and the
 * parts that change the meeting (windowChanges.ts, mergeIn.ts, restoreVersion.ts): the meeting in
 * memory; how it stands against the journal and the library file; what keeps it from the file.
 *
 * Two turns order the work: one write or merge of the library file at a time (`exclusive`), and
 * the window's changes and the merges in the order the meeting takes them (`inChangeOrder`), so
 * the journal holds them in that order too.
 */
import type { EditingMode, SaveState } from '../../domain/api';
import type { Meeting } from '../../domain/meeting';
import { lineageOf, MeetingLineage } from '../sync/lineage';
import { SharedMeetingFile } from '../sync/sharedMeetingFile';
import { savedByOf, type SessionContext } from './sessionContext';
import type { SessionJournal } from './sessionJournal';
import { WindowViews } from './windowViews';

export class SessionState {
  readonly views = new WindowViews();
  closed = false;
  /** The journal (editing only): which entries the meeting includes and which the file holds. */
  journal?: SessionJournal;
  /** A merge left the meeting saying more than the file: write even with no new change. */
  dirtyFromMerge = false;
  /** Who saved the version last merged in, for the history note of the version it replaces. */
  mergedFrom?: string;
  /** When the library file was last written (ISO), by anyone. */
  savedAt?: string;
  /** The folder is there but the file could not be written. */
  failure?: string;
  /** The library folder cannot be reached at all. */
  unreachable?: string;
  /** The file now holds something that must not be merged or overwritten (damaged, another meeting). */
  blocked?: string;
  private syncQueue: Promise<unknown> = Promise.resolve();
  private changeQueue: Promise<unknown> = Promise.resolve();

  /** The meeting's file in the library, as this session last read or wrote it. */
  readonly libraryFile: SharedMeetingFile;
  /** The revisions the meeting descends from, and the versions that may be merge bases. */
  readonly lineage: MeetingLineage;

  constructor(
    readonly context: SessionContext,
    /** The meeting in memory: what the window is shown, journaled before it is used. */
    public meeting: Meeting,
    public mode: EditingMode,
    /** The meeting file's full path. */
    path: string,
  ) {
    this.libraryFile = new SharedMeetingFile(path, context.libraryRoot);
    this.lineage = new MeetingLineage(context.libraryRoot, meeting.id);
  }

  /** The library file as opening read it: the file this session holds, its lineage the meeting's, its time "saved at". */
  openedFrom(file: { meeting: Meeting; hash: string; mtime: Date }): void {
    this.libraryFile.holds(file.meeting, file.hash);
    this.lineage.revisions = lineageOf(file.meeting);
    this.lineage.remember(file.meeting);
    // "Saved at" shows when the library file was last written, even before this session writes it.
    this.savedAt = file.mtime.toISOString();
  }

  /** "Jane Smith on LAPTOP-12": who saves, as the file's stamp and the history name them. */
  get savedBy(): string {
    return savedByOf(this.context);
  }

  get hasUnwrittenChanges(): boolean {
    return this.journal?.hasUnwrittenChanges ?? false;
  }

  /** The meeting says more than the library file (or there is no file yet). */
  get needsWrite(): boolean {
    return this.mode === 'edit' && (this.hasUnwrittenChanges || this.dirtyFromMerge || this.libraryFile.meeting === undefined);
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

  /** The library file holds every journal entry up to `seq`. */
  async markFlushed(seq: number): Promise<void> {
    await this.journal?.markFlushed(seq, this.libraryFile.writtenBytes);
  }

  /** One write (or merge) at a time; changes that arrive during a write are picked up by the next one. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.syncQueue.then(work);
    this.syncQueue = result.catch(() => undefined);
    return result;
  }

  /**
   * In turn with the window's changes: a merge is journaled and made the meeting with no change
   * slipping in between, so the journal holds them in the order the meeting took them.
   */
  inChangeOrder<T>(work: () => Promise<T>): Promise<T> {
    const result = this.changeQueue.then(work);
    this.changeQueue = result.catch(() => undefined);
    return result;
  }

  /** Resolves once the changes already in turn are applied. */
  changesApplied(): Promise<unknown> {
    return this.changeQueue;
  }

  /** Resolves once the writes and merges already in turn are done. */
  writesDone(): Promise<unknown> {
    return this.syncQueue;
  }
}
