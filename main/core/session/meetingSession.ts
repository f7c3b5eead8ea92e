/**
 * One meeting open on this computer: the current meeting in memory, its journal, autosave, and
 * everything that keeps it in step with a shared library (docs/sync.md):
 *
 * - A change is in the journal (on this computer's disk) before the call returns, and in the
 *   library file shortly after the clerk stops typing (debounced, with a maximum wait so a clerk
 *   who never pauses is still saved within a second). If the library cannot be written, the
 *   journal keeps everything and autosave keeps retrying.
 * - The file is watched (folder events plus polling every second). A version written by anyone
 *   else is merged three-way into the open meeting (base: the most recent version both sides
 *   descend from, found through the files' lineage), written back if the merge says more than
 *   the file, and pushed to the window. Before every write the file is read again under a short
 *   write lock, so a version written meanwhile is merged, never overwritten.
 * - Presence: a lease file beside the meeting announces this session; others' leases are read
 *   every few seconds; stale ones are taken over on opening.
 * - Conflict copies beside the file are merged in, then moved into the history folder.
 * - Read-only sessions never write the meeting file or the journal; they follow the file.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open as openFile, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { EditingMode, Presence as ApiPresence, SaveState } from '../../domain/api';
import { applyMeetingChange, ChangeNotApplicable, type MeetingChange } from '../../domain/changes';
import { CONFLICT_COPY_TOOL_LABELS } from '../../domain/conflictCopies';
import { LINEAGE_LIMIT, type Meeting } from '../../domain/meeting';
import { canonical, mergeMeetings, same } from '../../domain/merge';
import { TEMP_PREFIX, writeFileAtomic } from '../atomicFile';
import { ClerkFacingError } from '../clerkFacingError';
import { crashPoint } from '../crashPoints';
import { archiveConflictCopy, CopyScanCache, findConflictCopies, type ConflictCopy } from '../sync/conflictCopies';
import { contentHash, watchFile, type FileWatcher, type FileWatchEvent } from '../sync/fileWatcher';
import { findVersionByRevision, keepVersionBytes, listVersions, readVersion, type HistoryPolicy } from '../history';
import { applyJournalEntry, journalRefusal, MeetingJournal, readLegacyBase, replayEpoch, type JournalEntry, type JournalItem, type JournalRead } from '../journal/journal';
import { acquireLease, describePresence, formatPresenceTime, readLeases, takeOverStaleLeases, type Lease, type Presence as LeasePresence, type ThisClerkHere } from '../sync/lease';
import { confinedLibraryPath, fromLibraryRelative } from '../library';
import { readOrdinaryFile } from '../ordinaryFile';
import { clearMeetingCrashLeftovers } from '../sync/crashLeftovers';
import { describeIoError, LibraryFileError, parseMeetingBytes, serializeLibraryFile } from '../meetingFile';

export interface MeetingUpdate {
  meeting: Meeting;
  /** The number of this view of the meeting; the window sends it back with changes made on it. */
  view: number;
  automatic: number;
  newConflicts: number;
  from?: string;
}

export interface SessionContext {
  libraryRoot: string;
  journalDir: string;
  saveDelayMs: number;
  maxSaveWaitMs: number;
  retryDelayMs: number;
  history: HistoryPolicy;
  now: () => Date;
  /** The clerk's name from Settings ("Jane Smith"). */
  displayName: string;
  /** This computer's name ("LAPTOP-12"). */
  computerName: string;
  /** How often the meeting file is checked for others' changes (1 s, so a change is seen within 3 s). */
  pollMs: number;
  /** How often others' leases are read. */
  presencePollMs: number;
  /** How often conflict copies beside the file are looked for. */
  copyScanMs: number;
  heartbeatMs: number;
  staleAfterMs: number;
  /** A fully flushed journal larger than this (or than eight times the meeting file) shrinks to nothing pending. */
  journalShrinkBytes: number;
  onSaveState: (state: SaveState) => void;
  onMeetingUpdated: (update: MeetingUpdate) => void;
  onPresence: (presence: ApiPresence[]) => void;
}

export interface OpenedSession {
  session: MeetingSession;
  migratedFrom?: number;
  replayedChanges?: number;
  /** What the clerk is told on opening: stale sessions taken over, conflict copies merged. */
  notices: string[];
}

type FileRead =
  | { kind: 'ok'; bytes: Buffer; hash: string }
  | { kind: 'missing' }
  | { kind: 'unreachable'; problem: string }
  | { kind: 'failed'; problem: string };

/** How many versions (revision → meeting) a session remembers as possible merge bases. */
const REMEMBERED_VERSIONS = 64;
/** History is searched for at most this many common revisions before falling back. */
const HISTORY_LOOKUPS = 3;
/** A write lock older than this was left by a process that died mid-write. */
const WRITE_LOCK_STALE_MS = 10_000;
const WRITE_LOCK_WAIT_MS = 2_000;
/** How many earlier views of the meeting (as the window had them) a session keeps. */
const KEPT_VIEWS = 32;

/**
 * Views are numbered across every session of this process, starting from the time it started: a
 * window left from an earlier session (or an earlier run of the core) never names a view of this one.
 */
let lastView = Date.now();
function nextView(): number {
  lastView += 1;
  return lastView;
}

export class MeetingSession {
  private timer?: ReturnType<typeof setTimeout>;
  private firstUnsavedAt?: number;
  private syncQueue: Promise<unknown> = Promise.resolve();
  private lastKeptVersionAt?: number;
  private savedAt?: string;
  /** The folder is there but the file could not be written. */
  private failure?: string;
  /** The library folder cannot be reached at all. */
  private unreachable?: string;
  /** The file now holds something that must not be merged or overwritten (damaged, another meeting). */
  private blocked?: string;
  private changeQueue: Promise<unknown> = Promise.resolve();
  private closed = false;
  /**
   * The last journal entry that `meeting` includes. Set together with `meeting`, so a write to
   * the library never marks as flushed an entry that is journaled but not yet in the meeting.
   */
  private appliedSeq = 0;
  private flushedSeq = 0;

  /** Hash of the file's bytes as last read or written by this session (undefined: no file yet). */
  private fileHash?: string;
  /** The meeting as the file holds it (last read or written). */
  private fileMeeting?: Meeting;
  /** The file holds bytes this session wrote (so replacing them is thinned, not always kept). */
  private fileIsOurs = false;
  /** A merge left the meeting saying more than the file: write even with no new change. */
  private dirtyFromMerge = false;
  /** Who saved the version last merged in, for the history note of the version it replaces. */
  private mergedFrom?: string;
  /** Revisions the current meeting descends from, most recent first. */
  private lineage: string[] = [];
  /** Versions seen or written, by revision: the merge bases. Oldest forgotten first. */
  private readonly remembered = new Map<string, Meeting>();
  /**
   * What this session last wrote, with the file's identity just after (inode, size, times). While
   * the file still has exactly that identity it is not read again before the next save: a sync
   * tool or a colleague replaces it (new inode) or writes it (new change time). On a drive too
   * coarse to tell, lineage still makes the other computer merge its work back (docs/sync.md).
   */
  private written?: { bytes: Buffer; hash: string; identity: string };
  /** The view the window was last given (on opening, or pushed with meetingUpdated); its meeting is `meeting`. */
  private currentView = nextView();
  /**
   * Earlier views, oldest first: the meeting as the window had it at each, with the changes the
   * window has since sent on it. A change made on one is merged with what came since (docs/sync.md).
   */
  private readonly earlierViews = new Map<number, Meeting>();
  /** Telling the window of a rebased change waits until the change is journaled and is the meeting. */
  private readonly afterApplied: Array<() => void> = [];

  private watcher?: FileWatcher;
  private lease?: Lease;
  private presenceTimer?: ReturnType<typeof setInterval>;
  private copyTimer?: ReturnType<typeof setInterval>;
  private readonly copyCache = new CopyScanCache();
  private presenceKey = '';
  private presenceNow: ApiPresence[] = [];

  private constructor(
    private readonly context: SessionContext,
    private meeting: Meeting,
    readonly file: string,
    private journal: MeetingJournal | undefined,
    private editingMode: EditingMode,
  ) {
    if (journal) {
      this.appliedSeq = journal.latestSeq;
      this.flushedSeq = journal.flushedSeq;
    }
  }

  private get path(): string {
    return fromLibraryRelative(this.context.libraryRoot, this.file);
  }

  /** This clerk on this computer, as their leases name them. */
  private get here(): ThisClerkHere {
    return { displayName: this.context.displayName, computerName: this.context.computerName };
  }

  private get savedBy(): string {
    return `${this.context.displayName.trim() || 'someone'} on ${this.context.computerName.trim() || 'another computer'}`;
  }

  /** Opens a meeting file, replaying any changes this computer kept that never reached it. */
  static async open(context: SessionContext, meetingId: string, file: string, mode: EditingMode = 'edit'): Promise<OpenedSession> {
    const path = await confinedLibraryPath(context.libraryRoot, file);
    const opened = mode === 'edit' ? await MeetingJournal.open(context.journalDir, meetingId) : undefined;
    const read = opened?.read;
    const pending = read?.pending ?? [];
    try {
      let meeting: Meeting;
      let fromFile: { meeting: Meeting; hash: string; migratedFrom?: number; mtime?: Date } | undefined;
      let bytes: Buffer | undefined;
      let skipped = 0;
      try {
        bytes = await readOrdinaryFile(path);
      } catch (error) {
        // The file never reached the library (created while it was unreachable): rebuild it from the journal.
        // Only when the meeting itself never got there: a file that was there once and is gone is a
        // stranded meeting, which the clerk is told about and chooses to put back (strandedMeetings.ts).
        const created = read?.epoch[0];
        if (!created?.snapshot || created.seq <= (read?.flushedThrough ?? 0) || (error as { code?: string }).code !== 'ENOENT') {
          throw new LibraryFileError(path, describeIoError(error, 'read'));
        }
      }
      if (bytes) {
        const parsed = parseMeetingBytes(path, bytes);
        if (parsed.meeting.id !== meetingId) {
          // Never replay one meeting's journal into another meeting's file (e.g. after the library folder changed).
          throw new ClerkFacingError(`The file “${file}” now holds a different meeting, so this meeting cannot be opened from it. Your changes are still kept on this computer.`, 'wrong-meeting');
        }
        fromFile = { meeting: parsed.meeting, hash: contentHash(bytes), mtime: (await stat(path)).mtime };
        if (parsed.migratedFrom !== undefined) fromFile.migratedFrom = parsed.migratedFrom;
        meeting = parsed.meeting;
        if (read && pending.length > 0) {
          // Replayed on top of the file as it is now, which may hold another computer's work.
          const replayed = replayJournal(parsed.meeting, read, read.epochStarted ? undefined : await readLegacyBase(context.journalDir, meetingId), context);
          meeting = replayed.meeting;
          skipped = replayed.skipped;
        }
      } else {
        const replayed = replayEpoch(read!.epoch)!;
        meeting = replayed.mine;
        skipped = replayed.skipped;
      }
      const session = new MeetingSession(context, meeting, file, opened?.journal, mode);
      if (fromFile) {
        session.fileHash = fromFile.hash;
        session.fileMeeting = fromFile.meeting;
        session.lineage = lineageOf(fromFile.meeting);
        session.remember(fromFile.meeting);
        // "Saved at" shows when the library file was last written, even before this session writes it.
        if (fromFile.mtime) session.savedAt = fromFile.mtime.toISOString();
        if (read) await session.keepReplayed(fromFile.meeting, pending.length > 0);
      }
      const result: OpenedSession = { session, notices: [] };
      if (read) {
        const notice = unreadableNotice(read.unreadable + skipped, opened!.journal.path);
        if (notice) result.notices.push(notice);
      }
      // A file brought up to date is written in the new format by the next save.
      if (fromFile?.migratedFrom !== undefined) result.migratedFrom = fromFile.migratedFrom;
      await session.announce(result.notices, bytes);
      session.startWatching();
      if (pending.length > 0) {
        result.replayedChanges = pending.filter((entry) => entry.change).length;
        session.firstUnsavedAt = Date.now();
      }
      if (mode === 'edit') {
        result.notices.push(...(await session.mergeConflictCopies()));
        if (session.needsWrite) await session.flush();
      }
      return result;
    } catch (error) {
      await opened?.journal.close();
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
    session.lineage = lineageOf(meeting);
    session.firstUnsavedAt = Date.now();
    await session.flush();
    const result: OpenedSession = { session, notices: [] };
    await session.announce(result.notices, undefined);
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
    return this.currentView;
  }

  /** Others who have the meeting open, as last read. */
  get presence(): ApiPresence[] {
    return this.presenceNow;
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
    const result = this.changeQueue.then(async () => {
      if (this.closed) throw new ClerkFacingError('This meeting has been closed; open it again to go on editing.', 'closed');
      const journal = this.journal;
      if (this.editingMode !== 'edit' || !journal) {
        throw new ClerkFacingError('This meeting is open read only on this computer, so nothing was changed. Choose “Edit as well” to make changes.', 'read-only');
      }
      const now = this.context.now();
      const before = this.meeting;
      // Checked before journaling, on the meeting the window made it on: a change that cannot apply is refused and never kept.
      const madeOn = seenView === this.currentView ? before : (this.earlierViews.get(seenView) ?? before);
      let next = applyAll(madeOn, changes, now, false);
      let seq: number;
      try {
        // The first change of an epoch carries the meeting it is made on (the journal's replay base), in the same durable append.
        seq = await journal.append(this.where, changes.map((change) => ({ change })), now, () => this.meeting);
      } catch (error) {
        throw journalRefusal(error);
      }
      let rebased = false;
      if (seenView === this.currentView) {
        // Made on the meeting as it is (typing): applied as it is.
        if (this.meeting !== before) next = applyAll(this.meeting, changes, now, true);
      } else {
        // Made on a view the meeting has moved on from (a merge, a restore, possibly while this change was being journaled).
        next = this.rebaseOntoView(seenView, changes, now);
        rebased = true;
      }
      // Only when it was merged with what came since (rare: typing is applied as it is, with no whole-meeting work).
      if (rebased && contentKey(next) !== contentKey(applyAll(this.meeting, changes, now, true))) {
        // Merged with what came since it was made on: replay must give this meeting, not the change applied as it is.
        try {
          seq = await journal.append(this.where, [{ merged: next }], now, () => this.meeting);
        } catch (error) {
          this.afterApplied.length = 0;
          throw journalRefusal(error);
        }
      }
      this.meeting = next;
      this.appliedSeq = seq;
      for (const tell of this.afterApplied.splice(0)) queueMicrotask(tell);
      this.scheduleFlush();
      return this.saveState;
    });
    this.changeQueue = result.catch(() => undefined);
    return result;
  }

  /**
   * Changes the window made on an earlier view: applied to the meeting as it was at that view and
   * merged three-way with the meeting as it is now, so they never undo what came since. A view no
   * longer kept (or from an earlier session) is merged on the oldest view kept, the safest base at
   * hand, and the window is sent the result.
   */
  private rebaseOntoView(seenView: number, changes: readonly MeetingChange[], now: Date): Meeting {
    const asIs = applyAll(this.meeting, changes, now, true);
    const known = this.earlierViews.get(seenView);
    const base = known ?? this.earlierViews.values().next().value ?? this.meeting;
    const mine = applyAll(base, changes, now, true);
    // The view follows what the window shows: its next change on it goes on top of this one.
    if (known) this.earlierViews.set(seenView, mine);
    const merged = mergeMeetings(base, mine, this.meeting, { mineAuthor: this.savedBy, theirsAuthor: this.mergedFrom ?? this.savedBy });
    const rebased = { ...merged.meeting, ...(this.meeting.sync ? { sync: this.meeting.sync } : {}) };
    if (!known || contentKey(rebased) !== contentKey(asIs)) {
      // The window's list was out of date: show it the meeting as it now stands (set by the caller before this runs).
      const view = this.newView(asIs);
      this.afterApplied.push(() => {
        if (this.currentView === view && !this.closed) this.context.onMeetingUpdated({ meeting: this.meeting, view, automatic: 0, newConflicts: merged.conflicts.length });
      });
    }
    return rebased;
  }

  /**
   * The window is about to be given a new meeting: the view it has now (`windowHas`, the meeting
   * as it shows it) is kept as an earlier view, and the new view's number returned.
   */
  private newView(windowHas: Meeting): number {
    this.earlierViews.set(this.currentView, windowHas);
    while (this.earlierViews.size > KEPT_VIEWS) this.earlierViews.delete(this.earlierViews.keys().next().value!);
    this.currentView = nextView();
    return this.currentView;
  }

  /** Writes everything pending now, and stops autosave, watching and presence (used on close and quit). */
  async close(): Promise<SaveState> {
    await this.changeQueue;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.stopTimers();
    // Checked in turn, after any merge already under way, and the file read once more: a colleague's version that
    // arrived a moment ago (and is not noticed yet) is merged and written, not left to stand without this clerk's work.
    if (this.editingMode === 'edit') await this.exclusive(() => this.reconcile(true));
    await this.syncQueue;
    await this.watcher?.close();
    await this.lease?.release().catch(() => undefined);
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
        if (this.timer) clearTimeout(this.timer);
        this.timer = undefined;
        if (this.copyTimer) clearInterval(this.copyTimer);
        this.copyTimer = undefined;
      });
    } else {
      await this.exclusive(async () => {
        if (!this.journal) {
          const { journal, read } = await MeetingJournal.open(this.context.journalDir, this.meeting.id);
          this.journal = journal;
          // Changes kept on this computer from an earlier session go on top of the meeting as it is now.
          const file = this.fileMeeting ?? this.meeting;
          const shown = this.meeting;
          if (read.pending.length > 0) {
            const legacy = read.epochStarted ? undefined : await readLegacyBase(this.context.journalDir, this.meeting.id);
            this.meeting = replayJournal(file, read, legacy, this.context).meeting;
          }
          // The window is given the replayed meeting with its new view (OpenedMeeting).
          if (contentKey(this.meeting) !== contentKey(shown)) this.newView(shown);
          this.appliedSeq = journal.latestSeq;
          this.flushedSeq = journal.flushedSeq;
          await this.keepReplayed(file, read.pending.length > 0);
        }
        this.editingMode = 'edit';
      });
      this.startCopyScans();
      await this.mergeConflictCopies();
      if (this.needsWrite) await this.flush();
    }
    await this.lease?.setMode(mode);
  }

  /** Others' sessions on this meeting, read now. */
  async readPresence(): Promise<ApiPresence[]> {
    await this.pollPresence();
    return this.presenceNow;
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
        await this.journalMerge(restored, undefined);
        // A change the window made before it is shown the restored version is merged with it, never put over it.
        this.newView(this.meeting);
        this.meeting = restored;
        this.dirtyFromMerge = true;
      });
      await this.reconcile(true, `before restoring the version of ${when}`);
      if (this.unreachable || this.failure || this.needsWrite) {
        throw new ClerkFacingError(`The earlier version could not be written to the library: ${this.unreachable ?? this.failure ?? 'unknown problem'}. It will be written as soon as the library can be reached.`, 'restore-failed');
      }
    });
    this.context.onMeetingUpdated({ meeting: this.meeting, view: this.currentView, automatic: 0, newConflicts: 0, from: `the version of ${when}, restored` });
  }

  // ─── Saving ─────────────────────────────────────────────────────────────────────────────

  private get hasUnwrittenChanges(): boolean {
    return this.appliedSeq > this.flushedSeq;
  }

  private get needsWrite(): boolean {
    return this.editingMode === 'edit' && (this.hasUnwrittenChanges || this.dirtyFromMerge || this.fileMeeting === undefined);
  }

  private scheduleFlush(): void {
    if (this.closed) return;
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

  private scheduleRetry(): void {
    if (this.closed) return;
    this.firstUnsavedAt = Date.now();
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush().catch(() => undefined);
    }, this.context.retryDelayMs);
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

  private get where(): { library: string; file: string } {
    return { library: this.context.libraryRoot, file: this.file };
  }

  /**
   * Journals what a merge (or a restore) makes of the open meeting, before it is used: as a new
   * epoch on the library file's version when the file was merged (`fileVersion`), else as the
   * meeting now ("mine is now this") in the current epoch.
   */
  private async journalMerge(meeting: Meeting, fileVersion: Meeting | undefined): Promise<void> {
    const journal = this.journal;
    if (!journal) return;
    const items: JournalItem[] = fileVersion ? [{ base: fileVersion }, { merged: meeting }] : [{ merged: meeting }];
    this.appliedSeq = await journal.append(this.where, items, this.context.now(), () => this.meeting);
    crashPoint('merge.journaled');
  }

  /**
   * After replaying kept changes on opening: the result is journaled as a new epoch on the file as
   * read (so what replay merged is as durable as a typed change, and a journal from before epochs
   * is carried forward); if the file already holds it all, the journal is marked flushed. With
   * nothing pending, the next change starts a new epoch on the file as read.
   */
  private async keepReplayed(file: Meeting, replayed: boolean): Promise<void> {
    const journal = this.journal;
    if (!journal) return;
    if (!replayed) {
      journal.endEpoch();
      return;
    }
    if (contentKey(this.meeting) === contentKey(file)) {
      await this.markFlushed(journal.latestSeq);
      journal.endEpoch();
      return;
    }
    try {
      this.appliedSeq = await journal.append(this.where, [{ base: file }, { merged: this.meeting }], this.context.now());
    } catch {
      // The journal's own entries still replay to this meeting; the next change tries again.
    }
  }

  private async flush(): Promise<void> {
    await this.exclusive(async () => {
      if (!this.needsWrite) return;
      await this.reconcile(true);
    });
    if (!this.closed && this.needsWrite && !this.timer && !this.unreachable && !this.failure && !this.blocked) this.scheduleFlush();
  }

  /**
   * Brings the session and the library file into step: reads the file; merges it in if someone
   * else changed it; then, if `write` and the meeting says more than the file, writes it.
   * Always called through `exclusive`.
   */
  private async reconcile(write: boolean, replaceNote?: string): Promise<void> {
    const lock = this.editingMode === 'edit' && write ? await this.takeWriteLock() : undefined;
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
    const read = await this.readLibraryFile();
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
    if (read.kind === 'ok' && read.hash !== this.fileHash) {
      let theirs: Meeting;
      try {
        theirs = parseMeetingBytes(this.path, read.bytes).meeting;
      } catch (error) {
        this.blocked = `the meeting file has been replaced by one Minute Book cannot read (${error instanceof LibraryFileError ? error.problem : String(error)}); it has not been changed, and your changes are kept on this computer`;
        this.afterProblem();
        return;
      }
      if (theirs.id !== this.meeting.id) {
        this.blocked = 'the meeting file now holds a different meeting; it has not been changed, and your changes are kept on this computer';
        this.afterProblem();
        return;
      }
      this.blocked = undefined;
      if ((await this.takeIn(theirs, read.hash, theirs.sync?.savedBy)).refused) {
        // Not kept on this computer, so not taken in: nothing is written over the file until it can be.
        this.afterProblem();
        return;
      }
    } else if (read.kind === 'ok') {
      this.blocked = undefined;
    } else if (read.kind === 'missing' && this.fileMeeting !== undefined) {
      // Moved or deleted by someone else: the next write puts the meeting back, nothing is lost.
      this.fileHash = undefined;
      this.written = undefined;
      this.fileMeeting = undefined;
      this.fileIsOurs = false;
    }
    if (!editing) return;
    if (!this.hasUnwrittenChanges && !this.dirtyFromMerge && this.fileMeeting !== undefined) {
      this.failure = undefined;
      return;
    }
    if (!write) {
      this.scheduleFlush();
      return;
    }
    return await this.writeNow(read.kind === 'ok' ? read.bytes : undefined, replaceNote, recheck);
  }

  private afterProblem(): void {
    if (this.editingMode === 'edit' && this.needsWrite) this.scheduleRetry();
  }

  private async writeNow(replacing: Buffer | undefined, replaceNote: string | undefined, recheck: boolean): Promise<'raced' | undefined> {
    const seq = this.appliedSeq;
    const snapshot = this.meeting;
    this.firstUnsavedAt = undefined;
    if (replacing) {
      let kept = false;
      try {
        kept = await this.keepReplaced(replacing, replaceNote);
      } catch {
        // History is a convenience; a history folder that cannot be written must never stop the meeting being saved.
      }
      // Keeping it took a moment, in which a sync tool (which does not honour the write lock) may have brought in another version.
      const again = recheck && kept ? await this.readLibraryFile() : undefined;
      if (again?.kind === 'ok' && again.hash !== contentHash(replacing)) return 'raced';
    }
    const now = this.context.now();
    const revision = newRevision();
    const lineage = unionLineage([revision], this.lineage);
    const { sync: _previous, ...content } = snapshot;
    const stamped: Meeting = { ...content, sync: { revision, lineage, savedBy: this.savedBy, savedAt: now.toISOString() } };
    const bytes = serializeLibraryFile(stamped);
    const hash = contentHash(bytes);
    this.watcher?.expectOwnWrite(hash);
    try {
      if (!replacing) {
        // Never make a library folder that has gone away (unmapped drive): only the meeting's own folder inside it.
        const away = await folderProblem(this.context.libraryRoot);
        if (away) throw Object.assign(new Error(away), { code: 'ENOENT' });
        await mkdir(dirname(this.path), { recursive: true });
      }
      await writeFileAtomic(this.path, bytes, { step: 'save' });
    } catch (error) {
      const away = await folderProblem(this.context.libraryRoot);
      if (away) this.unreachable = away;
      else this.failure = describeIoError(error, 'write');
      this.afterProblem();
      return;
    }
    this.written = await stat(this.path).then((after) => ({ bytes, hash, identity: identityOf(after) }), () => undefined);
    this.remember(stamped);
    this.lineage = lineage;
    this.fileHash = hash;
    this.fileMeeting = stamped;
    this.fileIsOurs = true;
    this.dirtyFromMerge = false;
    this.meeting = this.meeting === snapshot ? stamped : { ...this.meeting, sync: stamped.sync };
    await this.markFlushed(seq);
    this.savedAt = now.toISOString();
    this.failure = undefined;
    this.unreachable = undefined;
    if (!this.closed && this.appliedSeq > seq && !this.timer) this.scheduleFlush();
  }

  private async markFlushed(seq: number): Promise<void> {
    if (!this.journal || seq <= this.flushedSeq) return;
    // Shrinks once fully flushed and past max(the floor, eight meeting files): the next epoch's base then costs at most a seventh of what came before it.
    const shrinkAbove = Math.max(this.context.journalShrinkBytes, 8 * (this.written?.bytes.length ?? 0));
    try {
      await this.journal.markFlushed(seq, shrinkAbove);
    } catch {
      // A marker that cannot be written is harmless: replay merges entries the file already holds, which changes nothing.
    }
    this.flushedSeq = Math.max(this.flushedSeq, seq);
  }

  /**
   * History: a version this session did not write (a colleague's, a sync tool's, the file as
   * opened) is always kept before it is replaced; this session's own saves at most every
   * few minutes, because the journal holds every keystroke (docs/decisions.md).
   */
  /** Whether anything was written to the history. */
  private async keepReplaced(bytes: Buffer, note?: string): Promise<boolean> {
    const nowMs = Date.now();
    const now = this.context.now();
    if (this.fileIsOurs && note === undefined) {
      if (this.lastKeptVersionAt !== undefined && nowMs - this.lastKeptVersionAt < this.context.history.intervalMs) return false;
      await keepVersionBytes(this.context.libraryRoot, this.meeting.id, bytes, { now }, this.context.history);
      this.lastKeptVersionAt = nowMs;
      return true;
    }
    const why = note ?? (this.mergedFrom ? `before a merge with ${this.savedBy.replace(/ on .*$/, '')}’s changes` : undefined);
    await keepVersionBytes(this.context.libraryRoot, this.meeting.id, bytes, why === undefined ? { now } : { now, note: why }, this.context.history);
    this.lastKeptVersionAt = nowMs;
    return true;
  }

  private async readLibraryFile(): Promise<FileRead> {
    try {
      const written = this.written;
      if (written && written.hash === this.fileHash && identityOf(await stat(this.path)) === written.identity) {
        return { kind: 'ok', bytes: written.bytes, hash: written.hash };
      }
      const bytes = await readOrdinaryFile(this.path);
      return { kind: 'ok', bytes, hash: contentHash(bytes) };
    } catch (error) {
      const away = await folderProblem(this.context.libraryRoot);
      if (away) return { kind: 'unreachable', problem: away };
      if ((error as { code?: string }).code === 'ENOENT') return { kind: 'missing' };
      return { kind: 'failed', problem: describeIoError(error, 'read') };
    }
  }

  /**
   * A short lock around read–merge–write, so two computers on one network folder never write
   * over a version without merging it. Best effort: a lock that cannot be taken within two
   * seconds (or at all) does not stop the save; lineage still saves the day (docs/sync.md).
   */
  private async takeWriteLock(): Promise<(() => Promise<void>) | undefined> {
    const lockPath = join(dirname(this.path), `${TEMP_PREFIX}${basename(this.path)}.writing`);
    const until = Date.now() + WRITE_LOCK_WAIT_MS;
    for (;;) {
      try {
        const handle = await openFile(lockPath, 'wx');
        await handle.writeFile(`${process.pid} ${this.savedBy}\n`).finally(() => handle.close());
        return async () => {
          await rm(lockPath, { force: true }).catch(() => undefined);
        };
      } catch (error) {
        if ((error as { code?: string }).code !== 'EEXIST') return undefined;
      }
      try {
        if (Date.now() - (await stat(lockPath)).mtimeMs > WRITE_LOCK_STALE_MS) await rm(lockPath, { force: true });
      } catch {
        // Gone already: try again at once.
      }
      if (Date.now() > until) return undefined;
      await new Promise((resolve) => setTimeout(resolve, 15 + Math.random() * 30));
    }
  }

  // ─── Merging ────────────────────────────────────────────────────────────────────────────

  private remember(meeting: Meeting): void {
    const revision = lineageOf(meeting)[0]!;
    this.remembered.delete(revision);
    this.remembered.set(revision, meeting);
    while (this.remembered.size > REMEMBERED_VERSIONS) this.remembered.delete(this.remembered.keys().next().value!);
  }

  /** The most recent version this computer knows that both lineages hold; undefined if none. */
  private async findBase(theirLineage: readonly string[]): Promise<Meeting | undefined> {
    const theirs = new Set(theirLineage);
    let lookups = 0;
    for (const revision of this.lineage) {
      if (!theirs.has(revision)) continue;
      const known = this.remembered.get(revision);
      if (known) return known;
      if (lookups >= HISTORY_LOOKUPS) continue;
      lookups += 1;
      const kept = await findVersionByRevision(this.context.libraryRoot, this.meeting.id, revision).catch(() => undefined);
      if (kept) {
        this.remember(kept);
        return kept;
      }
    }
    return undefined;
  }

  /**
   * Merges another version (the file as someone else wrote it, or a conflict copy) into the
   * open meeting. `fileHash` is set when it is the library file itself.
   */
  private async takeIn(theirs: Meeting, fileHash: string | undefined, from: string | undefined): Promise<{ automatic: number; newConflicts: number; changed: boolean; refused?: boolean }> {
    this.remember(theirs);
    const theirLineage = lineageOf(theirs);
    const mine = this.meeting;
    let outcome = { automatic: 0, newConflicts: 0, changed: false };
    if (this.editingMode !== 'edit') {
      // Reading only: the file is the meeting.
      this.meeting = theirs;
      this.lineage = theirLineage;
      outcome.changed = contentKey(mine) !== contentKey(theirs);
      if (outcome.changed) this.newView(mine);
    } else {
      const base = await this.findBase(theirLineage);
      // In turn with the window's changes: none slips in between the merge, its journal entry and taking it in.
      const taken = await this.inChangeOrder(async () => {
        const current = this.meeting;
        const result = mergeMeetings(base ?? unrelatedBase(current, theirs), current, theirs, { mineAuthor: clipAuthor(this.savedBy), theirsAuthor: clipAuthor(from) });
        const changed = contentKey(result.meeting) !== contentKey(current);
        const fileSaysAll = fileHash !== undefined && contentKey(result.meeting) === contentKey(theirs);
        const next = changed ? { ...result.meeting, ...(current.sync ? { sync: current.sync } : {}) } : current;
        if ((fileHash !== undefined && !fileSaysAll) || (fileHash === undefined && changed)) {
          // Whatever the merge changes, and whatever the file now lacks, is as durable as a typed change before it is used.
          try {
            await this.journalMerge(next, fileHash !== undefined ? theirs : undefined);
          } catch (error) {
            this.failure = `what was merged from ${from ?? 'another version'} could not be kept on this computer (${journalRefusal(error).message}); it is merged again once it can be`;
            return undefined;
          }
        }
        // A new view from this moment: a change the window made on the one before is merged with this, never put over it.
        if (changed) this.newView(current);
        if (fileSaysAll) {
          // The file already says everything this computer has: take it as it is.
          this.meeting = theirs;
          this.lineage = theirLineage;
          this.dirtyFromMerge = false;
          await this.markFlushed(this.appliedSeq);
        } else {
          this.meeting = next;
          this.lineage = unionLineage(this.lineage, theirLineage);
          this.dirtyFromMerge = this.dirtyFromMerge || fileHash !== undefined || changed;
        }
        return { automatic: result.automatic, newConflicts: result.conflicts.length, changed };
      });
      if (!taken) return { ...outcome, refused: true };
      outcome = taken;
    }
    if (fileHash !== undefined) {
      this.fileHash = fileHash;
      this.written = undefined;
      this.fileMeeting = theirs;
      this.fileIsOurs = false;
      if (theirs.sync?.savedAt) this.savedAt = theirs.sync.savedAt;
    }
    if (from) this.mergedFrom = from;
    if (outcome.changed) {
      const update: MeetingUpdate = { meeting: this.meeting, view: this.currentView, automatic: outcome.automatic, newConflicts: outcome.newConflicts };
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

  /**
   * Conflict copies beside the file: each is merged in, the merge written, then the copy moved
   * into the history folder. Returns what to tell the clerk.
   */
  private mergeConflictCopies(): Promise<string[]> {
    return this.exclusive(async () => {
      if (this.editingMode !== 'edit' || this.closed) return [];
      let copies: ConflictCopy[];
      try {
        copies = (await findConflictCopies(this.path, this.meeting.id, this.copyCache)).copies;
      } catch {
        return []; // the folder cannot be read now; the next scan tries again
      }
      if (copies.length === 0) return [];
      await this.reconcile(false);
      const merged: Array<{ copy: ConflictCopy; label: string }> = [];
      for (const copy of copies) {
        const label = `conflict copy from ${copy.tool ? CONFLICT_COPY_TOOL_LABELS[copy.tool] : 'a copy of the file'} (${basename(copy.path)})`;
        if ((await this.takeIn(copy.meeting, undefined, label)).refused) return [];
        merged.push({ copy, label });
      }
      // Written only if a copy said something the file does not (a copy that says nothing new is simply archived:
      // writing anyway would, in a synced folder, make the other computer's version a conflict copy in turn).
      if (this.needsWrite) await this.reconcile(true);
      if (this.needsWrite) return []; // not written: the copies stay where they are until it is
      const notices: string[] = [];
      for (const { copy, label } of merged) {
        try {
          await archiveConflictCopy(this.context.libraryRoot, copy.path, this.meeting.id, { now: this.context.now(), expectedHash: copy.contentHash });
          notices.push(`Merged the ${label} into this meeting; the copy is kept in the meeting’s history.`);
        } catch {
          // Changed since it was merged, or cannot be moved now: merged again at the next scan.
        }
      }
      return notices;
    });
  }

  // ─── Watching and presence ──────────────────────────────────────────────────────────────

  private startWatching(): void {
    if (this.closed) return;
    const options: { pollMs: number; knownHash?: string } = { pollMs: this.context.pollMs };
    if (this.fileHash !== undefined) options.knownHash = this.fileHash;
    this.watcher = watchFile(this.path, (event) => this.onFileEvent(event), options);
    this.presenceTimer = setInterval(() => void this.pollPresence().catch(() => undefined), this.context.presencePollMs);
    this.startCopyScans();
  }

  private startCopyScans(): void {
    if (this.copyTimer || this.editingMode !== 'edit' || this.closed) return;
    this.copyTimer = setInterval(() => {
      void this.mergeConflictCopies().catch(() => undefined);
    }, this.context.copyScanMs);
  }

  private stopTimers(): void {
    if (this.presenceTimer) clearInterval(this.presenceTimer);
    if (this.copyTimer) clearInterval(this.copyTimer);
    this.presenceTimer = undefined;
    this.copyTimer = undefined;
  }

  /** Takes over others' stale sessions (noting each in the history), then announces this one. */
  private async announce(notices: string[], fileBytes: Buffer | undefined): Promise<void> {
    const now = this.context.now();
    const here = this.here;
    // What a crash of this computer left here (its own dead sessions' leases and locks, old temporary files) goes first, silently.
    await clearMeetingCrashLeftovers(this.context.libraryRoot, dirname(this.path), this.meeting.id, here).catch(() => 0);
    try {
      const taken = await takeOverStaleLeases(this.path, { now, meetingId: this.meeting.id, staleAfterMs: this.context.staleAfterMs });
      for (const session of taken) {
        notices.push(`${session.note}.`);
        if (fileBytes) {
          await keepVersionBytes(this.context.libraryRoot, this.meeting.id, fileBytes, { now, note: session.note }, this.context.history).catch(() => undefined);
        }
      }
    } catch {
      // The folder cannot be read just now; stale sessions are taken over at the next opening.
    }
    try {
      this.lease = await acquireLease(this.path, {
        meetingId: this.meeting.id,
        displayName: this.context.displayName,
        computerName: this.context.computerName,
        mode: this.editingMode,
        heartbeatMs: this.context.heartbeatMs,
      });
    } catch (error) {
      notices.push(`Others cannot see that you have this meeting open: ${error instanceof ClerkFacingError ? error.message : describeIoError(error, 'write')}.`);
    }
    await this.pollPresence().catch(() => undefined);
  }

  private async pollPresence(): Promise<void> {
    const options: { meetingId: string; staleAfterMs: number; ownSessionId?: string; here: ThisClerkHere } = { meetingId: this.meeting.id, staleAfterMs: this.context.staleAfterMs, here: this.here };
    if (this.lease) options.ownSessionId = this.lease.sessionId;
    const reading = await readLeases(this.path, this.context.now(), options);
    const presence = reading.others.map(toApiPresence);
    const key = JSON.stringify(presence.map((each) => [each.sessionId, each.mode, each.stale, each.displayName, each.computerName]));
    this.presenceNow = presence;
    if (key !== this.presenceKey) {
      this.presenceKey = key;
      if (!this.closed) this.context.onPresence(presence);
    }
  }
}

// ─── Helpers ──────────────────────────────────────────────────────────────────────────────


/** A file's identity for "has anyone touched it since": inode, size, modification and change times. */
function identityOf(info: { ino: number; size: number; mtimeMs: number; ctimeMs: number }): string {
  return `${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`;
}

/**
 * The meeting after replaying what this computer journaled, merged three-way with the file as it is
 * now, which may hold a colleague's work. The common ancestor is the epoch's base, the version the
 * entries were made on: this computer's own changes that reached the file are then the same on both
 * sides, and whatever came since from others is theirs (docs/sync.md, "Replay"). A journal written
 * before epochs is replayed as before, on the old replay base beside it (now with every entry after
 * that base, not only those after the last marker), else on the file as it is.
 */
function replayJournal(file: Meeting, read: JournalRead, legacyBase: { meeting: Meeting; seq: number } | undefined, context: SessionContext): { meeting: Meeting; skipped: number } {
  const epoch = replayEpoch(read.epoch);
  if (epoch) {
    const related = lineageOf(file).includes(lineageOf(epoch.base)[0]!);
    // A new meeting's snapshot from before epochs: its file never descended from it by lineage, so its changes go on the file.
    if (related || !read.epoch[0]!.snapshot) return { meeting: mergeReplayed(related ? epoch.base : unrelatedBase(epoch.mine, file), epoch.mine, file, context), skipped: epoch.skipped };
  }
  if (legacyBase) {
    let mine = legacyBase.meeting;
    let skipped = 0;
    for (const entry of read.epoch) {
      if (entry.seq <= legacyBase.seq) continue;
      const next = applyJournalEntry(mine, entry);
      mine = next.meeting;
      if (next.skipped) skipped += 1;
    }
    const related = lineageOf(file).includes(lineageOf(legacyBase.meeting)[0]!);
    return { meeting: mergeReplayed(related ? legacyBase.meeting : unrelatedBase(mine, file), mine, file, context), skipped };
  }
  return applyOnto(file, read.pending);
}

function applyOnto(file: Meeting, entries: readonly JournalEntry[]): { meeting: Meeting; skipped: number } {
  let meeting = file;
  let skipped = 0;
  for (const entry of entries) {
    if (!entry.change) continue;
    const next = applyJournalEntry(meeting, entry);
    meeting = next.meeting;
    if (next.skipped) skipped += 1;
  }
  return { meeting, skipped };
}

function mergeReplayed(base: Meeting, mine: Meeting, file: Meeting, context: SessionContext): Meeting {
  const savedBy = `${context.displayName.trim() || 'someone'} on ${context.computerName.trim() || 'another computer'}`;
  const merged = mergeMeetings(base, mine, file, { mineAuthor: clipAuthor(savedBy), theirsAuthor: clipAuthor(file.sync?.savedBy) });
  return { ...merged.meeting, ...(file.sync ? { sync: file.sync } : {}) };
}

/** What the clerk is told when journal lines could not be used (damaged, or a bad field), or undefined if none. */
function unreadableNotice(count: number, journalFile: string): string | undefined {
  if (count === 0) return undefined;
  const what = count === 1 ? '1 entry of the changes kept on this computer could not be read and was' : `${count} entries of the changes kept on this computer could not be read and were`;
  return `${what} left out (damaged lines in ${journalFile}); everything else kept on this computer was put back.`;
}

export function toApiPresence(presence: LeasePresence): ApiPresence {
  return {
    sessionId: presence.sessionId,
    displayName: presence.displayName,
    computerName: presence.computerName,
    mode: presence.mode,
    since: presence.since,
    heartbeat: presence.heartbeat,
    stale: presence.stale,
    description: describePresence(presence),
  };
}

/** Why the library folder cannot be reached, or undefined if it can. */
async function folderProblem(root: string): Promise<string | undefined> {
  try {
    const found = await stat(root);
    return found.isDirectory() ? undefined : describeIoError({ code: 'ENOTDIR' });
  } catch (error) {
    return describeIoError(error, 'read');
  }
}

function newRevision(): string {
  return randomBytes(8).toString('hex');
}

/** The meeting without its sync stamp, in one canonical form: equal meetings give equal keys. */
export function contentKey(meeting: Meeting): string {
  const { sync: _stamp, ...content } = meeting;
  return canonical(content);
}

/**
 * The revisions a version descends from, most recent first. A file written before lineage
 * existed gets a revision derived from its contents, which every computer derives alike.
 */
export function lineageOf(meeting: Meeting): string[] {
  const sync = meeting.sync;
  if (sync && sync.revision) return sync.lineage[0] === sync.revision ? sync.lineage : [sync.revision, ...sync.lineage.filter((each) => each !== sync.revision)];
  return [`c${createHash('sha256').update(contentKey(meeting)).digest('hex').slice(0, 15)}`];
}

/** Both lineages, alternating so the most recent of each come first, without repeats, at most LINEAGE_LIMIT. */
export function unionLineage(...lineages: ReadonlyArray<readonly string[]>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const longest = Math.max(0, ...lineages.map((each) => each.length));
  for (let at = 0; at < longest && out.length < LINEAGE_LIMIT; at += 1) {
    for (const lineage of lineages) {
      const revision = lineage[at];
      if (revision !== undefined && !seen.has(revision)) {
        seen.add(revision);
        out.push(revision);
      }
    }
  }
  return out.slice(0, LINEAGE_LIMIT);
}

/**
 * The base for two versions with no common ancestor known to this computer (docs/sync.md):
 * the meeting details both sides agree on and nothing else. Every paragraph, item and entry
 * then counts as added on the side that has it, so nothing can be taken for a deletion; the
 * same thing on both sides merges field by field and any difference becomes a conflict.
 */
export function unrelatedBase(mine: Meeting, theirs: Meeting): Meeting {
  const details: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(mine)) {
    if (same(value, (theirs as Record<string, unknown>)[key])) details[key] = value;
  }
  const { sync: _stamp, ...agreed } = details;
  return { ...agreed, agenda: [], attendees: [], movements: [], declarations: [], decisions: [], actions: [], conflicts: [] } as unknown as Meeting;
}

function clipAuthor(author: string | undefined): string | undefined {
  const trimmed = author?.trim();
  if (!trimmed) return undefined;
  return trimmed.length <= 250 ? trimmed : `${trimmed.slice(0, 249)}…`;
}

/** Applies changes in order; `skipInapplicable` for changes already journaled (their target may have gone). */
function applyAll(meeting: Meeting, changes: readonly MeetingChange[], now: Date, skipInapplicable: boolean): Meeting {
  let next = meeting;
  for (const change of changes) {
    if (skipInapplicable) {
      next = applyIfPossible(next, change, now);
      continue;
    }
    try {
      next = applyMeetingChange(next, change, now);
    } catch (error) {
      if (error instanceof ChangeNotApplicable) throw new ClerkFacingError(error.message, 'not-applicable');
      throw error;
    }
  }
  return next;
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
