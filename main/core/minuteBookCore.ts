/**
 * The core behind every operation of the contract: settings, the library listing, the meetings
 * open for editing on this computer, the house style, and Word export with the files it wrote.
 * Knows nothing of Electron or HTTP; the shell and the test host reach it through
 * dispatchOperation, and it reaches the desktop (open a file, show it, Save dialog) only through
 * the `desktop` it is given.
 */
import { mkdir, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { ApiEvent, ApiHandlers, ClerkSettings, EditingMode, MinutesVersion, OpenedMeeting, SaveState } from '../domain/api';
import { resolveHouseStyle } from '../domain/houseStyle';
import { createMeeting, type Meeting, type MeetingSummary } from '../domain/meeting';
import { createMeetingForCommittee } from '../domain/meetingSetup';
import { actionLogOperations } from './actionLogOperations';
import { ClerkFacingError } from './clerkFacingError';
import { clearLibraryCrashLeftovers } from './sync/crashLeftovers';
import { defaultExportFileName, exportMeetingMinutes } from './export/exportMinutes';
import { checkHouseStyleFiles } from './export/exportStyle';
import { DEFAULT_HISTORY_POLICY, listVersions, type HistoryPolicy } from './history';
import { findPendingJournals, hasUsedLibrary, rememberLibrary } from './journal/journal';
import { DEFAULT_HEARTBEAT_MS, DEFAULT_STALE_AFTER_MS, readLeases } from './sync/lease';
import { fromLibraryRelative, moveMeetingToHistory, pathForNewMeeting, prepareLibrary, readCommittee, saveCommittee, scanCommittees, scanLibrary } from './library';
import { readLibrarySettings, writeLibrarySettings } from './libraryFile';
import { describeIoError } from './meetingFile';
import { impossibleDateNotices } from '../domain/impossibleDates';
import { MeetingSession, type OpenedSession } from './session/meetingSession';
import type { SessionContext } from './session/sessionContext';
import { toApiPresence } from './sync/presence';
import type { CoreOptions, MinuteBookCore } from './service';
import { findStrandedMeetings, putBackIntoLibrary, saveStrandedCopy, strandedMeetingOf } from './strandedMeetings';

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
  /** What replaying a journal at start-up had to tell the clerk (damaged lines left out), said when the meeting is next opened. */
  const recoveryNotices = new Map<string, string[]>();

  /**
   * Makes sure the library folder is there, creating it on first use. A folder this computer has
   * used before and that is now missing has gone away (drive unmapped, folder renamed): it is
   * never made again, empty, in its place.
   */
  async function ensureLibrary(root = libraryRoot()): Promise<void> {
    const missing = await stat(root).then(
      () => false,
      (error: { code?: string }) => error.code === 'ENOENT',
    );
    if (missing && (await hasUsedLibrary(options.journalDir, root))) {
      throw new ClerkFacingError(
        `The library folder “${root}” cannot be reached: ${describeIoError({ code: 'ENOENT' })}. Changes kept on this computer wait for it to come back.`,
        'library-unreachable',
      );
    }
    await prepareLibrary(root);
    await rememberLibrary(options.journalDir, root).catch(() => undefined);
  }

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
  const computerName = (): string => options.computerName ?? hostname();
  /** This clerk on this computer, as their leases name them. */
  const clerkHere = () => ({ displayName: options.settings.read().displayName, computerName: computerName() });
  const sessionContext = (): SessionContext => ({
    libraryRoot: libraryRoot(),
    journalDir: options.journalDir,
    saveDelayMs: options.saveDelayMs ?? 300,
    maxSaveWaitMs: Math.max(options.saveDelayMs ?? 300, 700),
    retryDelayMs: options.retryDelayMs ?? 2000,
    history: options.history ?? DEFAULT_HISTORY_POLICY,
    now,
    displayName: options.settings.read().displayName,
    computerName: computerName(),
    pollMs: options.pollMs ?? 1000,
    presencePollMs: options.presencePollMs ?? 3000,
    copyScanMs: options.copyScanMs ?? 3000,
    heartbeatMs: options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS,
    staleAfterMs: options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS,
    journalShrinkBytes: options.journalShrinkBytes ?? 1024 * 1024,
    onSaveState: (saveState) => emit({ type: 'saveState', saveState }),
    onMeetingUpdated: ({ meeting, view, automatic, newConflicts, from }) =>
      emit(from === undefined ? { type: 'meetingUpdated', meetingId: meeting.id, meeting, view, automatic, newConflicts } : { type: 'meetingUpdated', meetingId: meeting.id, meeting, view, automatic, newConflicts, from }),
    onPresence: () => undefined,
  });
  const contextFor = (meetingId: string, history: HistoryPolicy): SessionContext => ({ ...sessionContext(), history, onPresence: (presence) => emit({ type: 'presence', meetingId, presence }) });

  /** The history policy: the library's own setting in library.json (shared by every computer), else this core's default. */
  async function historyPolicy(): Promise<HistoryPolicy> {
    const policy = options.history ?? DEFAULT_HISTORY_POLICY;
    try {
      const library = await readLibrarySettings(libraryRoot());
      return library.history ? { ...policy, keepAllDays: library.history.keepAllDays } : policy;
    } catch {
      // An unreadable library.json is reported where it is edited (Settings); history keeps the default meanwhile.
      return policy;
    }
  }

  async function fileOf(meetingId: string): Promise<string> {
    let file = knownFiles.get(meetingId);
    if (!file) {
      await rescan();
      file = knownFiles.get(meetingId);
    }
    if (!file) throw new ClerkFacingError('That meeting is no longer in the library (it may have been deleted or moved).', 'not-found');
    return file;
  }

  function openSession(meetingId: string, file?: string, mode: EditingMode = 'edit'): Promise<OpenedSession> {
    let opening = sessions.get(meetingId);
    if (!opening) {
      opening = (async () => {
        await closing.get(meetingId);
        return MeetingSession.open(contextFor(meetingId, await historyPolicy()), meetingId, file ?? (await fileOf(meetingId)), mode);
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

  async function describeOpened(opened: OpenedSession): Promise<OpenedMeeting> {
    const result: OpenedMeeting = {
      meeting: opened.session.current,
      view: opened.session.view,
      mode: opened.session.mode,
      presence: opened.session.presence,
      // Told once: the next open of the same session has nothing new to say.
      notices: [...(recoveryNotices.get(opened.session.current.id) ?? []), ...opened.notices.splice(0), ...impossibleDateNotices(opened.session.current)],
      saveState: opened.session.saveState,
    };
    recoveryNotices.delete(opened.session.current.id);
    const previous = previousMeetingDate(opened);
    if (previous) result.previousMeetingDate = previous;
    if (opened.migratedFrom !== undefined) result.migratedFrom = opened.migratedFrom;
    if (opened.replayedChanges !== undefined) result.replayedChanges = opened.replayedChanges;
    const pattern = await minuteNumberPatternOf(opened.session.current);
    if (pattern !== undefined) result.minuteNumberPattern = pattern;
    return result;
  }

  /** The house style's minute-number format for this meeting; a style that cannot be read never stops a meeting opening. */
  async function minuteNumberPatternOf(meeting: Meeting): Promise<string | undefined> {
    try {
      const root = libraryRoot();
      const library = await readLibrarySettings(root);
      const committee = meeting.committeeSlug ? await readCommittee(root, meeting.committeeSlug).catch(() => undefined) : undefined;
      return resolveHouseStyle(library.houseStyle, committee?.houseStyle).minuteNumberPattern;
    } catch {
      return undefined;
    }
  }

  /** Full paths of the Word files this session wrote: the only files the page may ask to open or show. */
  const exportedFiles = new Set<string>();

  /** The library's own folder for exported minutes, used until the clerk saves somewhere else. */
  const libraryExportsFolder = (): string => join(libraryRoot(), 'Exports');

  async function isFolder(path: string): Promise<boolean> {
    try {
      return (await stat(path)).isDirectory();
    } catch {
      return false;
    }
  }

  async function exportFolder(): Promise<string> {
    const last = options.settings.read().lastExportFolder;
    return last && (await isFolder(last)) ? last : libraryExportsFolder();
  }

  /** The file the clerk asked for as a full path ending in .docx; "Minutes" becomes "Minutes.docx". */
  function exportTargetFrom(typed: string): string {
    if (!isAbsolute(typed)) {
      throw new ClerkFacingError(
        `Save the minutes under a full path, such as C:\\Users\\you\\Documents\\Minutes.docx or /home/you/Documents/Minutes.docx (“${typed}” is not).`,
        'invalid-input',
      );
    }
    return withDocx(resolve(typed));
  }

  function withDocx(path: string): string {
    return /\.docx$/i.test(path) ? path : `${path}.docx`;
  }

  /** The folder must be there already, except the library's own Exports folder, which is made on first use. */
  async function prepareExportFolder(target: string): Promise<void> {
    const folder = dirname(target);
    if (await isFolder(folder)) return;
    if (folder === libraryExportsFolder()) {
      try {
        await mkdir(folder, { recursive: true });
        return;
      } catch (error) {
        throw new ClerkFacingError(`The folder “${folder}” could not be made: ${describeIoError(error, 'write')}.`, 'export-failed');
      }
    }
    throw new ClerkFacingError(`There is no folder “${folder}”. Choose a folder that exists, or type its full path.`, 'no-such-folder');
  }

  function rememberExportFolder(folder: string): void {
    const current = options.settings.read();
    if (current.lastExportFolder === folder) return;
    try {
      options.settings.write({ ...current, lastExportFolder: folder });
    } catch {
      // Only the next export's suggestion depends on it; the minutes are written.
    }
  }

  /** The meeting as the clerk sees it now, from the open session (every change applied, saved or not). */
  async function currentMeeting(meetingId: string): Promise<Meeting> {
    const open = sessions.get(meetingId);
    if (open) return (await open).session.current;
    const { session } = await openSession(meetingId);
    const meeting = session.current;
    await closeSession(meetingId);
    return meeting;
  }

  async function exportMinutes(meetingId: string, version: MinutesVersion, draft: boolean, typedTarget: string | undefined, replace: boolean) {
    const meeting = await currentMeeting(meetingId);
    const target = typedTarget === undefined ? join(await exportFolder(), defaultExportFileName(meeting, version)) : exportTargetFrom(typedTarget);
    await prepareExportFolder(target);
    try {
      const written = await exportMeetingMinutes({ libraryPath: libraryRoot(), meeting, version, draft, target, replace });
      exportedFiles.add(resolve(written.path));
      rememberExportFolder(dirname(resolve(written.path)));
      return { path: resolve(written.path), bytes: written.bytes };
    } catch (error) {
      // A file open in Word (ExportTargetBusy) or simply there (ExportTargetExists) is a ClerkFacingError carrying a free name to offer.
      if (error instanceof ClerkFacingError) throw error;
      throw new ClerkFacingError(`The minutes could not be saved as “${target}”: ${describeIoError(error, 'write')}. Nothing was changed there.`, 'export-failed');
    }
  }

  /** A file the page may open or show: one this session exported, and still there. */
  async function exportedFile(typed: string): Promise<string> {
    const path = isAbsolute(typed) ? resolve(typed) : '';
    if (!exportedFiles.has(path)) {
      throw new ClerkFacingError(`Minute Book only opens the minutes it has exported since it started, and “${typed}” is not one of them.`, 'not-exported');
    }
    if (!(await stat(path).then((found) => found.isFile(), () => false))) {
      throw new ClerkFacingError(`“${path}” is no longer there: it may have been moved, renamed or deleted. Export the minutes again.`, 'not-found');
    }
    return path;
  }

  function desktop() {
    if (!options.desktop) throw new ClerkFacingError('Minute Book cannot open files from here. Open the exported file from your file manager.', 'no-desktop');
    return options.desktop;
  }

  /** An export folder inside the library being left is not a sensible suggestion for the next one. */
  function forgetExportFolderInside(settings: ClerkSettings, oldLibrary: string): ClerkSettings {
    const folder = settings.lastExportFolder;
    if (!folder) return settings;
    const inside = relative(oldLibrary, folder);
    if (inside.startsWith('..') || isAbsolute(inside)) return settings;
    const { lastExportFolder: _forgotten, ...rest } = settings;
    return rest;
  }

  const savedByHere = (): string => `${options.settings.read().displayName.trim() || 'someone'} on ${computerName().trim() || 'another computer'}`;

  /**
   * Changes kept on this computer after a crash or an offline spell go to the library at start-up,
   * after what a crash of this computer left in the library (its dead sessions' leases and locks,
   * old temporary files) is cleared away.
   */
  async function recoverJournals(): Promise<void> {
    await clearLibraryCrashLeftovers(libraryRoot(), clerkHere()).catch(() => 0);
    for (const pending of await findPendingJournals(options.journalDir)) {
      // Journals of another library folder wait until that library is chosen again.
      if (!pending.file || pending.library !== libraryRoot() || sessions.has(pending.meetingId)) continue;
      try {
        const opened = await openSession(pending.meetingId, pending.file);
        if (opened.notices.length > 0) recoveryNotices.set(pending.meetingId, opened.notices.splice(0));
        await closeSession(pending.meetingId);
      } catch {
        // The library may be unreachable now; the journal still holds the changes for the next open.
      }
    }
  }
  const recovery = recoverJournals();

  /** Meetings this computer holds in its journal that this library does not have (and that are not open here). */
  async function strandedHere(root: string) {
    const scan = await scanLibrary(root);
    knownFiles = scan.files;
    knownMeetings = scan.meetings;
    const inLibrary = new Set([...scan.files.keys(), ...sessions.keys()]);
    return findStrandedMeetings({ journalDir: options.journalDir, root, inLibrary, copyFolder: await exportFolder() });
  }

  const puttingBack = new Map<string, Promise<{ meetingId: string; file: string; renamed: boolean }>>();

  /** Puts a stranded meeting back into the library, then lets the journal find its changes there. */
  async function putBack(meetingId: string) {
    const stranded = await strandedMeeting(meetingId);
    const root = libraryRoot();
    const { meeting, file } = await strandedMeetingOf(options.journalDir, meetingId, stranded.pendingChanges);
    const put = await putBackIntoLibrary(root, meeting, file, savedByHere(), now());
    knownFiles.set(meetingId, put.file);
    // Opened and closed as at start-up: the journal's changes are found in the file and marked as saved.
    try {
      await openSession(meetingId, put.file);
      await closeSession(meetingId);
    } catch {
      // The file is in the library; the journal still says the changes are pending, and the next open settles it.
    }
    return { meetingId, file: put.file, renamed: put.renamed };
  }

  async function strandedMeeting(meetingId: string) {
    await recovery;
    const root = libraryRoot();
    await ensureLibrary(root);
    const found = (await strandedHere(root)).find((each) => each.meetingId === meetingId);
    if (!found) throw new ClerkFacingError('That meeting is no longer kept only on this computer: it is in the library now. Open it from the list.', 'not-stranded');
    return found;
  }

  const handlers: ApiHandlers = {
    ...actionLogOperations({ libraryRoot, now, desktop: options.desktop, exportedFiles, exportFolder, prepareExportFolder, rememberExportFolder }),
    async 'settings.get'() {
      return options.settings.read();
    },
    async 'settings.update'(input) {
      if (input.libraryPath !== undefined && !isAbsolute(input.libraryPath)) {
        throw new ClerkFacingError(`The library folder must be a full path, such as C:\\Users\\you\\Documents\\Minute Book or /home/you/Minute Book (“${input.libraryPath}” is not).`, 'invalid-input');
      }
      const current = options.settings.read();
      let next: ClerkSettings = { ...current, ...input };
      if (input.libraryPath !== undefined && input.libraryPath !== current.libraryPath) {
        await prepareLibrary(input.libraryPath);
        await rememberLibrary(options.journalDir, input.libraryPath).catch(() => undefined);
        await closeAll();
        knownFiles = new Map();
        next = forgetExportFolderInside(next, current.libraryPath);
      }
      options.settings.write(next);
      return next;
    },
    async 'meetings.list'() {
      // A meeting kept only in the journal (never reached the library before a crash) is written by recovery: list it.
      await recovery;
      const root = libraryRoot();
      await ensureLibrary(root);
      const scan = await scanLibrary(root);
      knownFiles = scan.files;
      knownMeetings = scan.meetings;
      return { libraryPath: root, meetings: scan.meetings, unreadable: scan.unreadable };
    },
    async 'committees.list'() {
      const root = libraryRoot();
      await ensureLibrary(root);
      return scanCommittees(root);
    },
    async 'committees.save'({ committee }) {
      const root = libraryRoot();
      await ensureLibrary(root);
      if (committee.houseStyle) await checkHouseStyleFiles(root, committee.houseStyle);
      try {
        await saveCommittee(root, committee);
      } catch (error) {
        throw new ClerkFacingError(`The committee “${committee.name}” could not be saved: ${describeIoError(error, 'write')}.`, 'save-failed');
      }
      return committee;
    },
    async 'meetings.create'({ committeeSlug, ...details }) {
      const root = libraryRoot();
      await ensureLibrary(root);
      const meeting = committeeSlug ? createMeetingForCommittee(details, await readCommittee(root, committeeSlug), now()) : createMeeting(details, now());
      const file = await pathForNewMeeting(root, meeting);
      const session = MeetingSession.create(contextFor(meeting.id, await historyPolicy()), meeting, file);
      sessions.set(meeting.id, session);
      session.catch(() => sessions.delete(meeting.id));
      knownFiles.set(meeting.id, file);
      return await describeOpened(await session);
    },
    async 'meetings.open'({ meetingId, mode }) {
      await recovery;
      const opened = await openSession(meetingId, undefined, mode ?? 'edit');
      if (mode !== undefined && opened.session.mode !== mode) await opened.session.setMode(mode);
      return await describeOpened(opened);
    },
    async 'meetings.applyChanges'({ meetingId, changes, seenView }) {
      const { session } = await openSession(meetingId);
      return session.applyChanges(changes, seenView);
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
        throw new ClerkFacingError(`The meeting file “${file}” could not be moved to the history folder: ${describeIoError(error, 'write')}. Nothing was deleted.`, 'delete-failed');
      }
    },
    async 'meetings.stranded.list'() {
      await recovery;
      const root = libraryRoot();
      await ensureLibrary(root);
      return { libraryPath: root, stranded: await strandedHere(root) };
    },
    async 'meetings.stranded.putBack'({ meetingId }) {
      // A second click while the first is writing gets the same answer, not a second file.
      const already = puttingBack.get(meetingId);
      if (already) return already;
      const putting = putBack(meetingId);
      puttingBack.set(meetingId, putting);
      try {
        return await putting;
      } finally {
        puttingBack.delete(meetingId);
      }
    },
    async 'meetings.stranded.saveCopy'({ meetingId, target }) {
      const stranded = await strandedMeeting(meetingId);
      const { meeting } = await strandedMeetingOf(options.journalDir, meetingId, stranded.pendingChanges);
      return saveStrandedCopy(meeting, target, savedByHere(), now());
    },
    async 'meetings.exportTargets'({ meetingId }) {
      const meeting = await currentMeeting(meetingId);
      const folder = await exportFolder();
      return {
        folder,
        paths: { public: join(folder, defaultExportFileName(meeting, 'public')), confidential: join(folder, defaultExportFileName(meeting, 'confidential')) },
        canChooseFile: typeof options.desktop?.chooseSaveFile === 'function',
      };
    },
    async 'meetings.export'({ meetingId, version, draft, target, replace }) {
      return exportMinutes(meetingId, version, draft, target, replace === true);
    },
    async 'library.houseStyle.get'() {
      const root = libraryRoot();
      await ensureLibrary(root);
      return { libraryPath: root, houseStyle: (await readLibrarySettings(root)).houseStyle };
    },
    async 'library.houseStyle.save'({ houseStyle }) {
      const root = libraryRoot();
      await ensureLibrary(root);
      await checkHouseStyleFiles(root, houseStyle);
      const saved = await writeLibrarySettings(root, { ...(await readLibrarySettings(root)), houseStyle });
      return { libraryPath: root, houseStyle: saved.houseStyle };
    },
    async 'files.chooseExportTarget'({ defaultPath }) {
      const choose = options.desktop?.chooseSaveFile;
      if (!choose) throw new ClerkFacingError('This window has no Save dialog: type the full path of the file in “Save as”.', 'no-desktop');
      // Whatever is in "Save as" only says where the dialog starts; a half-typed name starts in the export folder.
      const start = isAbsolute(defaultPath) ? exportTargetFrom(defaultPath) : join(await exportFolder(), withDocx(basename(defaultPath)));
      const chosen = await choose.call(options.desktop, start);
      return chosen === undefined ? {} : { path: exportTargetFrom(chosen) };
    },
    async 'files.open'({ path }) {
      const file = await exportedFile(path);
      try {
        await desktop().openPath(file);
      } catch (error) {
        if (error instanceof ClerkFacingError) throw error;
        const detail = error instanceof Error ? error.message : String(error);
        throw new ClerkFacingError(`“${basename(file)}” could not be opened: ${detail}. It is saved in ${dirname(file)}.`, 'open-failed');
      }
      return { path: file };
    },
    async 'files.showInFolder'({ path }) {
      const file = await exportedFile(path);
      desktop().showItemInFolder(file);
      return { path: file };
    },
    async 'meetings.presence'({ meetingId }) {
      const open = sessions.get(meetingId);
      if (open) return { presence: await (await open).session.readPresence() };
      const path = fromLibraryRelative(libraryRoot(), await fileOf(meetingId));
      try {
        const reading = await readLeases(path, now(), { meetingId, staleAfterMs: options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS, here: clerkHere() });
        return { presence: reading.others.map(toApiPresence) };
      } catch (error) {
        throw new ClerkFacingError(`Who else has this meeting open cannot be read: ${describeIoError(error, 'read')}.`, 'library-unreachable');
      }
    },
    async 'meetings.setMode'({ meetingId, mode }) {
      await recovery;
      const opened = await openSession(meetingId, undefined, mode);
      await opened.session.setMode(mode);
      return await describeOpened(opened);
    },
    async 'meetings.history.list'({ meetingId }) {
      return { versions: await listVersions(libraryRoot(), meetingId) };
    },
    async 'meetings.history.restore'({ meetingId, versionId }) {
      await recovery;
      const opened = await openSession(meetingId);
      await opened.session.restore(versionId);
      return await describeOpened(opened);
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
