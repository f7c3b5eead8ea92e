/**
 * The core behind every operation of the contract: settings, the library listing, and the
 * meetings open for editing on this computer. Knows nothing of Electron or HTTP; the shell and
 * the test host reach it through dispatchOperation.
 */
import { isAbsolute } from 'node:path';
import type { ApiEvent, ApiHandlers, OpenedMeeting, SaveState } from '../domain/api';
import { createMeeting, type MeetingSummary } from '../domain/meeting';
import { createMeetingForCommittee } from '../domain/meetingSetup';
import { ClerkFacingError } from './clerkFacingError';
import { DEFAULT_HISTORY_POLICY } from './history';
import { findPendingJournals } from './journal';
import { moveMeetingToHistory, pathForNewMeeting, prepareLibrary, readCommittee, saveCommittee, scanCommittees, scanLibrary } from './library';
import { describeIoError } from './meetingFile';
import { MeetingSession, type OpenedSession, type SessionContext } from './meetingSession';
import type { CoreOptions, MinuteBookCore } from './service';

export function createMinuteBookCore(options: CoreOptions): MinuteBookCore {
  const listeners = new Set<(event: ApiEvent) => void>();
  const emit = (event: ApiEvent): void => {
    for (const listener of listeners) listener(event);
  };
  const now = options.now ?? (() => new Date());
  const sessions = new Map<string, Promise<OpenedSession>>();
  /** Sessions still writing their last changes; opening the same meeting again waits for them. */
  const closing = new Map<string, Promise<SaveState>>();
  /** meeting id → library-relative file, refreshed by every listing */
  let knownFiles = new Map<string, string>();
  let knownMeetings: MeetingSummary[] = [];

  async function rescan(): Promise<void> {
    const scan = await scanLibrary(libraryRoot());
    knownFiles = scan.files;
    knownMeetings = scan.meetings;
  }

  /** The same committee's latest meeting before this one, for "{previous meeting date}" in snippets. */
  function previousMeetingDate(opened: OpenedSession): string | undefined {
    const { id, committee, date } = opened.session.current;
    return knownMeetings.filter((each) => each.id !== id && each.committee === committee && each.date < date).map((each) => each.date).sort().at(-1);
  }

  const libraryRoot = (): string => options.settings.read().libraryPath;
  const sessionContext = (): SessionContext => ({
    libraryRoot: libraryRoot(),
    journalDir: options.journalDir,
    saveDelayMs: options.saveDelayMs ?? 300,
    maxSaveWaitMs: Math.max(options.saveDelayMs ?? 300, 700),
    retryDelayMs: 2000,
    history: DEFAULT_HISTORY_POLICY,
    now,
    onSaveState: (saveState) => emit({ type: 'saveState', saveState }),
  });

  async function fileOf(meetingId: string): Promise<string> {
    let file = knownFiles.get(meetingId);
    if (!file) {
      await rescan();
      file = knownFiles.get(meetingId);
    }
    if (!file) throw new ClerkFacingError('That meeting is no longer in the library (it may have been deleted or moved).', 'not-found');
    return file;
  }

  function openSession(meetingId: string, file?: string): Promise<OpenedSession> {
    let opening = sessions.get(meetingId);
    if (!opening) {
      opening = (async () => {
        await closing.get(meetingId);
        return MeetingSession.open(sessionContext(), meetingId, file ?? (await fileOf(meetingId)));
      })();
      sessions.set(meetingId, opening);
      opening.catch(() => sessions.delete(meetingId));
    }
    return opening;
  }

  async function closeSession(meetingId: string): Promise<SaveState> {
    const opening = sessions.get(meetingId);
    if (!opening) return { meetingId, state: 'saved', pendingChanges: 0 };
    sessions.delete(meetingId);
    const closed = opening.then(({ session }) => session.close());
    closing.set(meetingId, closed);
    try {
      const saveState = await closed;
      emit({ type: 'saveState', saveState });
      return saveState;
    } finally {
      if (closing.get(meetingId) === closed) closing.delete(meetingId);
    }
  }

  async function closeAll(): Promise<void> {
    await Promise.all([...sessions.keys()].map((id) => closeSession(id).catch(() => undefined)));
  }

  function describeOpened(opened: OpenedSession): OpenedMeeting {
    const result: OpenedMeeting = { meeting: opened.session.current, saveState: opened.session.saveState };
    const previous = previousMeetingDate(opened);
    if (previous) result.previousMeetingDate = previous;
    if (opened.migratedFrom !== undefined) result.migratedFrom = opened.migratedFrom;
    if (opened.replayedChanges !== undefined) result.replayedChanges = opened.replayedChanges;
    return result;
  }

  /** Changes kept on this computer after a crash or an offline spell go to the library at start-up. */
  async function recoverJournals(): Promise<void> {
    for (const pending of await findPendingJournals(options.journalDir)) {
      // Journals of another library folder wait until that library is chosen again.
      if (!pending.file || pending.library !== libraryRoot() || sessions.has(pending.meetingId)) continue;
      try {
        await openSession(pending.meetingId, pending.file);
        await closeSession(pending.meetingId);
      } catch {
        // The library may be unreachable now; the journal still holds the changes for the next open.
      }
    }
  }
  const recovery = recoverJournals();

  const handlers: ApiHandlers = {
    async 'settings.get'() {
      return options.settings.read();
    },
    async 'settings.update'(input) {
      if (input.libraryPath !== undefined && !isAbsolute(input.libraryPath)) {
        throw new ClerkFacingError(`The library folder must be a full path, such as C:\\Users\\you\\Documents\\Minute Book or /home/you/Minute Book (“${input.libraryPath}” is not).`, 'invalid-input');
      }
      const current = options.settings.read();
      const next = { ...current, ...input };
      if (input.libraryPath !== undefined && input.libraryPath !== current.libraryPath) {
        await prepareLibrary(input.libraryPath);
        await closeAll();
        knownFiles = new Map();
      }
      options.settings.write(next);
      return next;
    },
    async 'meetings.list'() {
      const root = libraryRoot();
      await prepareLibrary(root);
      const scan = await scanLibrary(root);
      knownFiles = scan.files;
      knownMeetings = scan.meetings;
      return { libraryPath: root, meetings: scan.meetings, unreadable: scan.unreadable };
    },
    async 'committees.list'() {
      const root = libraryRoot();
      await prepareLibrary(root);
      return scanCommittees(root);
    },
    async 'committees.save'({ committee }) {
      const root = libraryRoot();
      await prepareLibrary(root);
      try {
        await saveCommittee(root, committee);
      } catch (error) {
        throw new ClerkFacingError(`The committee “${committee.name}” could not be saved: ${describeIoError(error)}.`, 'save-failed');
      }
      return committee;
    },
    async 'meetings.create'({ committeeSlug, ...details }) {
      const root = libraryRoot();
      await prepareLibrary(root);
      const meeting = committeeSlug ? createMeetingForCommittee(details, await readCommittee(root, committeeSlug), now()) : createMeeting(details, now());
      const file = await pathForNewMeeting(root, meeting);
      const session = MeetingSession.create(sessionContext(), meeting, file).then((created) => ({ session: created }));
      sessions.set(meeting.id, session);
      session.catch(() => sessions.delete(meeting.id));
      knownFiles.set(meeting.id, file);
      return describeOpened(await session);
    },
    async 'meetings.open'({ meetingId }) {
      await recovery;
      return describeOpened(await openSession(meetingId));
    },
    async 'meetings.applyChanges'({ meetingId, changes }) {
      const { session } = await openSession(meetingId);
      return session.applyChanges(changes);
    },
    async 'meetings.close'({ meetingId }) {
      return closeSession(meetingId);
    },
    async 'meetings.delete'({ meetingId }) {
      const file = await fileOf(meetingId);
      await closeSession(meetingId);
      try {
        const movedTo = await moveMeetingToHistory(libraryRoot(), meetingId, file, now());
        knownFiles.delete(meetingId);
        return { movedTo };
      } catch (error) {
        throw new ClerkFacingError(`The meeting file “${file}” could not be moved to the history folder: ${describeIoError(error)}. Nothing was deleted.`, 'delete-failed');
      }
    },
  };

  return {
    handlers,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async flushAll() {
      await recovery;
      await Promise.all(
        [...sessions.values()].map(async (opening) => {
          const { session } = await opening;
          await session.flushNow();
        }),
      );
    },
    async close() {
      await recovery;
      await closeAll();
      listeners.clear();
    },
  };
}
