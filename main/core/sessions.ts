/**
 * The meetings open for editing (or reading) on this computer, by meeting id: opening one (once,
 * however many callers ask at the same moment), creating one, closing one or all, writing
 * everything pending, and replaying at start-up the changes a crash or an offline spell left in
 * the journal. Each open meeting is a MeetingSession; this registry is what the operations share.
 */
import type { ApiEvent, EditingMode, SaveState } from '../domain/api';
import type { Meeting } from '../domain/meeting';
import { clearLibraryCrashLeftovers } from './sync/crashLeftovers';
import { DEFAULT_HISTORY_POLICY, type HistoryPolicy } from './history/history';
import { findPendingJournals } from './journal/journal';
import { DEFAULT_HEARTBEAT_MS, DEFAULT_STALE_AFTER_MS, type ThisClerkHere } from './sync/lease';
import type { LibraryIndex } from './libraryIndex';
import { readLibrarySettings } from './libraryFile';
import { MeetingSession, type OpenedSession } from './session/meetingSession';
import type { SessionContext } from './session/sessionContext';
import type { CoreOptions } from './ports';

/** Which library the sessions are in, and who opens them: read when each session opens, as the clerk may change either. */
export interface SessionsWhere {
  libraryRoot(): string;
  clerkHere(): ThisClerkHere;
}

export class SessionRegistry {
  private readonly sessions = new Map<string, Promise<OpenedSession>>();
  /** Sessions still writing their last changes; opening the same meeting again waits for them. */
  private readonly closing = new Map<string, Promise<SaveState>>();
  /** What replaying a journal at start-up had to tell the clerk (damaged lines left out), said when the meeting is next opened. */
  private readonly recoveryNotices = new Map<string, string[]>();

  constructor(
    private readonly options: CoreOptions,
    private readonly where: SessionsWhere,
    private readonly index: LibraryIndex,
    private readonly emit: (event: ApiEvent) => void,
  ) {}

  /** The session of a meeting open on this computer now, if it is. */
  opened(meetingId: string): Promise<OpenedSession> | undefined {
    return this.sessions.get(meetingId);
  }

  isOpen(meetingId: string): boolean {
    return this.sessions.has(meetingId);
  }

  openIds(): string[] {
    return [...this.sessions.keys()];
  }

  /** Opens the meeting, or answers with the session already opening or open. */
  open(meetingId: string, file?: string, mode: EditingMode = 'edit'): Promise<OpenedSession> {
    let opening = this.sessions.get(meetingId);
    if (!opening) {
      opening = (async () => {
        await this.closing.get(meetingId);
        return MeetingSession.open(await this.contextFor(meetingId), meetingId, file ?? (await this.index.fileOf(meetingId)), mode);
      })();
      this.keep(meetingId, opening);
    }
    return opening;
  }

  /** Starts a session for a new meeting, written to `file` (library-relative). */
  async create(meeting: Meeting, file: string): Promise<OpenedSession> {
    const creating = this.contextFor(meeting.id).then((context) => MeetingSession.create(context, meeting, file));
    this.keep(meeting.id, creating);
    this.index.remember(meeting.id, file);
    return creating;
  }

  private keep(meetingId: string, opening: Promise<OpenedSession>): void {
    this.sessions.set(meetingId, opening);
    opening.catch(() => this.sessions.delete(meetingId));
  }

  async close(meetingId: string): Promise<SaveState> {
    const opening = this.sessions.get(meetingId);
    if (!opening) return { meetingId, state: 'saved', pendingChanges: 0 };
    this.sessions.delete(meetingId);
    const closed = opening.then(({ session }) => session.close());
    this.closing.set(meetingId, closed);
    try {
      const saveState = await closed;
      this.emit({ type: 'saveState', saveState });
      return saveState;
    } finally {
      if (this.closing.get(meetingId) === closed) this.closing.delete(meetingId);
    }
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.openIds().map((id) => this.close(id).catch(() => undefined)));
  }

  /** Writes every pending change of every open meeting to the library. */
  async flushAll(): Promise<void> {
    await Promise.all(
      [...this.sessions.values()].map(async (opening) => {
        const { session } = await opening;
        await session.flushNow();
      }),
    );
  }

  /** The meeting as the clerk sees it now, from the open session (every change applied, saved or not). */
  async currentMeeting(meetingId: string): Promise<Meeting> {
    const open = this.sessions.get(meetingId);
    if (open) return (await open).session.current;
    const { session } = await this.open(meetingId);
    const meeting = session.current;
    await this.close(meetingId);
    return meeting;
  }

  /** Told once, on the next open after start-up: what replaying the meeting's journal found. */
  takeRecoveryNotices(meetingId: string): string[] {
    const notices = this.recoveryNotices.get(meetingId) ?? [];
    this.recoveryNotices.delete(meetingId);
    return notices;
  }

  /**
   * Changes kept on this computer after a crash or an offline spell go to the library at start-up,
   * after what a crash of this computer left in the library (its dead sessions' leases and locks,
   * old temporary files) is cleared away.
   */
  async recoverJournals(): Promise<void> {
    const root = this.where.libraryRoot();
    await clearLibraryCrashLeftovers(root, this.where.clerkHere()).catch(() => 0);
    for (const pending of await findPendingJournals(this.options.journalDir)) {
      // Journals of another library folder wait until that library is chosen again.
      if (!pending.file || pending.library !== root || this.sessions.has(pending.meetingId)) continue;
      try {
        const opened = await this.open(pending.meetingId, pending.file);
        if (opened.notices.length > 0) this.recoveryNotices.set(pending.meetingId, opened.notices.splice(0));
        await this.close(pending.meetingId);
      } catch {
        // The library may be unreachable now; the journal still holds the changes for the next open.
      }
    }
  }

  /** The history policy: the library's own setting in library.json (shared by every computer), else this core's default. */
  private async historyPolicy(): Promise<HistoryPolicy> {
    const policy = this.options.history ?? DEFAULT_HISTORY_POLICY;
    try {
      const library = await readLibrarySettings(this.where.libraryRoot());
      return library.history ? { ...policy, keepAllDays: library.history.keepAllDays } : policy;
    } catch {
      // An unreadable library.json is reported where it is edited (Settings); history keeps the default meanwhile.
      return policy;
    }
  }

  private async contextFor(meetingId: string): Promise<SessionContext> {
    const { options, emit } = this;
    const saveDelayMs = options.saveDelayMs ?? 300;
    return {
      ...this.where.clerkHere(),
      libraryRoot: this.where.libraryRoot(),
      journalDir: options.journalDir,
      saveDelayMs,
      maxSaveWaitMs: Math.max(saveDelayMs, 700),
      retryDelayMs: options.retryDelayMs ?? 2000,
      history: await this.historyPolicy(),
      now: options.now ?? (() => new Date()),
      pollMs: options.pollMs ?? 1000,
      presencePollMs: options.presencePollMs ?? 3000,
      copyScanMs: options.copyScanMs ?? 3000,
      heartbeatMs: options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS,
      staleAfterMs: options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS,
      journalShrinkBytes: options.journalShrinkBytes ?? 1024 * 1024,
      onSaveState: (saveState) => emit({ type: 'saveState', saveState }),
      onMeetingUpdated: ({ meeting, view, automatic, newConflicts, from }) =>
        emit(
          from === undefined
            ? { type: 'meetingUpdated', meetingId: meeting.id, meeting, view, automatic, newConflicts }
            : { type: 'meetingUpdated', meetingId: meeting.id, meeting, view, automatic, newConflicts, from },
        ),
      onPresence: (presence) => emit({ type: 'presence', meetingId, presence }),
    };
  }
}
