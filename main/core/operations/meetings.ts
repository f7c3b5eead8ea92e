/**
 * The `meetings.*` operations: listing the library's meetings, creating, opening, changing,
 * closing and deleting one, who else has it open, its history, the meetings kept only on this
 * computer (stranded), and exporting its minutes to Word.
 */
import { join } from 'node:path';
import type { OpenedMeeting } from '../../domain/api';
import type { MinutesShape } from '../../domain/bodies';
import { minutesShapeOf, resolveHouseStyle } from '../../domain/houseStyle';
import { impossibleDateNotices } from '../../domain/impossibleDates';
import { createMeeting, type Meeting, type MeetingDetails } from '../../domain/meeting';
import { createMeetingForCommittee } from '../../domain/meetingSetup';
import { ClerkFacingError } from '../clerkFacingError';
import { canChooseFile, defaultExportFileName, exportTargetFrom, MINUTES } from '../export/destination';
import { exportMeetingMinutes } from '../export/exportMinutes';
import { listVersions } from '../history/history';
import { DEFAULT_STALE_AFTER_MS, readLeases } from '../sync/lease';
import { fromLibraryRelative, moveMeetingToHistory, pathForNewMeeting, readCommittee } from '../library';
import { readLibrarySettings } from '../libraryFile';
import { describeIoError } from '../meetingFile';
import type { OpenedSession } from '../session/meetingSession';
import { toApiPresence } from '../sync/presence';
import type { HandlersOf } from '../ports';
import { findStrandedMeetings, putBackIntoLibrary, saveStrandedCopy, strandedMeetingOf } from '../strandedMeetings';
import type { CoreContext } from './context';

export function meetingsOperations(core: CoreContext): HandlersOf<'meetings'> {
  const { sessions, index } = core;
  const { journalDir } = core.options;

  /**
   * The house style this meeting follows (the committee's overrides on the library's): its
   * minute-number format and the shape of its minutes. A style that cannot be read never stops a
   * meeting opening: the number stands alone and the minutes take a council's shape, as before kinds of body.
   */
  async function houseStyleOf(meeting: Meeting): Promise<{ minuteNumberPattern?: string; shape: MinutesShape }> {
    try {
      const root = core.libraryRoot();
      const library = await readLibrarySettings(root);
      const committee = meeting.committeeSlug ? await readCommittee(root, meeting.committeeSlug).catch(() => undefined) : undefined;
      const house = resolveHouseStyle(library.houseStyle, committee?.houseStyle);
      return { minuteNumberPattern: house.minuteNumberPattern, shape: minutesShapeOf(house) };
    } catch {
      return { shape: minutesShapeOf({}) };
    }
  }

  /** A meeting of no committee: remote members count or not as the library's kind of body has it. */
  async function createMeetingOfKind(details: MeetingDetails): Promise<Meeting> {
    const meeting = createMeeting(details, core.now());
    return { ...meeting, remoteMembersCount: (await houseStyleOf(meeting)).shape.remoteMembersCount };
  }

  async function describeOpened(opened: OpenedSession): Promise<OpenedMeeting> {
    // The meeting and its view number are taken together, before anything is awaited: a merge that
    // landed during the await would otherwise give the window the new view's number with the old
    // view's meeting, and its next whole-list change would undo the merge (lost words, found by
    // tests/sync/sharedFolder.test.ts on a busy machine).
    const { current: meeting, view, mode, presence, saveState } = opened.session;
    // Told once: the next open of the same session has nothing new to say.
    const notices = [...sessions.takeRecoveryNotices(meeting.id), ...opened.notices.splice(0), ...impossibleDateNotices(meeting)];
    const { minuteNumberPattern, shape } = await houseStyleOf(meeting);
    const result: OpenedMeeting = { meeting, view, mode, presence, notices, saveState, shape };
    const previous = index.previousMeetingDate(meeting);
    if (previous) result.previousMeetingDate = previous;
    if (opened.migratedFrom !== undefined) result.migratedFrom = opened.migratedFrom;
    if (opened.replayedChanges !== undefined) result.replayedChanges = opened.replayedChanges;
    if (minuteNumberPattern !== undefined) result.minuteNumberPattern = minuteNumberPattern;
    return result;
  }

  /** Meetings this computer holds in its journal that this library does not have (and that are not open here). */
  async function strandedHere(root: string) {
    const scan = await index.rescan(root);
    const inLibrary = new Set([...scan.files.keys(), ...sessions.openIds()]);
    return findStrandedMeetings({ journalDir, root, inLibrary, copyFolder: await core.exports.folder() });
  }

  async function strandedMeeting(meetingId: string) {
    await core.recovery;
    const root = await core.ensureLibrary();
    const found = (await strandedHere(root)).find((each) => each.meetingId === meetingId);
    if (!found)
      throw new ClerkFacingError('That meeting is no longer kept only on this computer: it is in the library now. Open it from the list.', 'not-stranded');
    return found;
  }

  /** Puts a stranded meeting back into the library, then lets the journal find its changes there. */
  async function putBack(meetingId: string) {
    const stranded = await strandedMeeting(meetingId);
    const { meeting, file } = await strandedMeetingOf(journalDir, meetingId, stranded.pendingChanges);
    const put = await putBackIntoLibrary(core.libraryRoot(), meeting, file, core.savedByHere(), core.now());
    index.remember(meetingId, put.file);
    // Opened and closed as at start-up: the journal's changes are found in the file and marked as saved.
    try {
      await sessions.open(meetingId, put.file);
      await sessions.close(meetingId);
    } catch {
      // The file is in the library; the journal still says the changes are pending, and the next open settles it.
    }
    return { meetingId, file: put.file, renamed: put.renamed };
  }
  const puttingBack = new Map<string, ReturnType<typeof putBack>>();

  return {
    async 'meetings.list'() {
      // A meeting kept only in the journal (never reached the library before a crash) is written by recovery: list it.
      await core.recovery;
      const root = await core.ensureLibrary();
      const scan = await index.rescan(root);
      return { libraryPath: root, meetings: scan.meetings, unreadable: scan.unreadable };
    },
    async 'meetings.create'({ committeeSlug, ...details }) {
      const root = await core.ensureLibrary();
      const meeting = committeeSlug
        ? createMeetingForCommittee(details, await readCommittee(root, committeeSlug), core.now())
        : await createMeetingOfKind(details);
      const file = await pathForNewMeeting(root, meeting);
      return await describeOpened(await sessions.create(meeting, file));
    },
    async 'meetings.open'({ meetingId, mode }) {
      await core.recovery;
      const opened = await sessions.open(meetingId, undefined, mode ?? 'edit');
      if (mode !== undefined && opened.session.mode !== mode) await opened.session.setMode(mode);
      return await describeOpened(opened);
    },
    async 'meetings.setMode'({ meetingId, mode }) {
      await core.recovery;
      const opened = await sessions.open(meetingId, undefined, mode);
      await opened.session.setMode(mode);
      return await describeOpened(opened);
    },
    async 'meetings.applyChanges'({ meetingId, changes, seenView }) {
      const { session } = await sessions.open(meetingId);
      return session.applyChanges(changes, seenView);
    },
    async 'meetings.close'({ meetingId }) {
      return sessions.close(meetingId);
    },
    async 'meetings.delete'({ meetingId }) {
      const file = await index.fileOf(meetingId);
      await sessions.close(meetingId);
      try {
        const movedTo = await moveMeetingToHistory(core.libraryRoot(), meetingId, file, core.now());
        index.forget(meetingId);
        return { movedTo };
      } catch (error) {
        throw new ClerkFacingError(
          `The meeting file “${file}” could not be moved to the history folder: ${describeIoError(error, 'write')}. Nothing was deleted.`,
          'delete-failed',
        );
      }
    },
    async 'meetings.presence'({ meetingId }) {
      const open = sessions.opened(meetingId);
      if (open) return { presence: await (await open).session.readPresence() };
      const path = fromLibraryRelative(core.libraryRoot(), await index.fileOf(meetingId));
      try {
        const reading = await readLeases(path, core.now(), {
          meetingId,
          staleAfterMs: core.options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS,
          here: core.clerkHere(),
        });
        return { presence: reading.others.map(toApiPresence) };
      } catch (error) {
        throw new ClerkFacingError(`Who else has this meeting open cannot be read: ${describeIoError(error, 'read')}.`, 'library-unreachable');
      }
    },
    async 'meetings.history.list'({ meetingId }) {
      return { versions: await listVersions(core.libraryRoot(), meetingId) };
    },
    async 'meetings.history.restore'({ meetingId, versionId }) {
      await core.recovery;
      const opened = await sessions.open(meetingId);
      await opened.session.restore(versionId);
      return await describeOpened(opened);
    },
    async 'meetings.stranded.list'() {
      await core.recovery;
      const root = await core.ensureLibrary();
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
      const { meeting } = await strandedMeetingOf(journalDir, meetingId, stranded.pendingChanges);
      return saveStrandedCopy(meeting, target, core.savedByHere(), core.now());
    },
    async 'meetings.exportTargets'({ meetingId }) {
      const meeting = await sessions.currentMeeting(meetingId);
      const folder = await core.exports.folder();
      return {
        folder,
        paths: { public: join(folder, defaultExportFileName(meeting, 'public')), confidential: join(folder, defaultExportFileName(meeting, 'confidential')) },
        canChooseFile: canChooseFile(core.options.desktop),
      };
    },
    async 'meetings.export'({ meetingId, version, draft, target, replace }) {
      const meeting = await sessions.currentMeeting(meetingId);
      const path = target === undefined ? join(await core.exports.folder(), defaultExportFileName(meeting, version)) : exportTargetFrom(target, MINUTES);
      const written = await core.exports.write(path, MINUTES, () =>
        exportMeetingMinutes({ libraryPath: core.libraryRoot(), meeting, version, draft, target: path, replace: replace === true }),
      );
      return { path: written.path, bytes: written.bytes };
    },
  };
}
