/**
 * What opening a meeting reads (docs/sync.md, "Opening"): the library file and, when editing, this
 * computer's journal of it; the changes kept here that never reached the file are replayed on top
 * of the file as it is now, which may hold another computer's work. A file that never reached the
 * library (made while it was unreachable) is rebuilt from the journal alone. "Edit as well" on a
 * meeting open read only opens the journal then, and replays it on the meeting as it is by then.
 */
import { stat } from 'node:fs/promises';
import type { EditingMode } from '../../domain/api';
import type { Meeting } from '../../domain/meeting';
import { contentKey } from '../../domain/merge';
import { ClerkFacingError } from '../clerkFacingError';
import { MeetingJournal, type JournalRead } from '../journal/journal';
import { readLegacyBase, replayEpoch, replayJournal } from '../journal/replay';
import { confinedLibraryPath } from '../library';
import { describeIoError, LibraryFileError, parseMeetingBytes } from '../meetingFile';
import { readOrdinaryFile } from '../ordinaryFile';
import { contentHash } from '../sync/fileWatcher';
import type { SessionContext } from './sessionContext';
import { SessionJournal } from './sessionJournal';
import type { SessionState } from './sessionState';

export interface ReadForOpening {
  path: string;
  /** The journal, when editing (open: the caller closes it if opening fails later). */
  journal?: MeetingJournal;
  read?: JournalRead;
  /** The meeting to open: the file's, with this computer's kept changes replayed on it. */
  meeting: Meeting;
  /** The file as read, if there is one. */
  fromFile?: { meeting: Meeting; bytes: Buffer; hash: string; mtime: Date; migratedFrom?: number };
  /** Journal entries that could not be replayed. */
  skipped: number;
}

export async function readForOpening(
  where: { libraryRoot: string; journalDir: string; savedBy: () => string },
  meetingId: string,
  file: string,
  mode: EditingMode,
): Promise<ReadForOpening> {
  const path = await confinedLibraryPath(where.libraryRoot, file);
  const opened = mode === 'edit' ? await MeetingJournal.open(where.journalDir, meetingId) : undefined;
  const read = opened?.read;
  try {
    let bytes: Buffer | undefined;
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
    const kept = opened ? { journal: opened.journal, read: opened.read } : {};
    if (!bytes) {
      const replayed = replayEpoch(read!.epoch)!;
      return { path, ...kept, meeting: replayed.mine, skipped: replayed.skipped };
    }
    const parsed = parseMeetingBytes(path, bytes);
    if (parsed.meeting.id !== meetingId) {
      // Never replay one meeting's journal into another meeting's file (e.g. after the library folder changed).
      throw new ClerkFacingError(
        `The file “${file}” now holds a different meeting, so this meeting cannot be opened from it. Your changes are still kept on this computer.`,
        'wrong-meeting',
      );
    }
    const fromFile: NonNullable<ReadForOpening['fromFile']> = { meeting: parsed.meeting, bytes, hash: contentHash(bytes), mtime: (await stat(path)).mtime };
    if (parsed.migratedFrom !== undefined) fromFile.migratedFrom = parsed.migratedFrom;
    if (!read || read.pending.length === 0) return { path, ...kept, meeting: parsed.meeting, fromFile, skipped: 0 };
    const legacy = read.epochStarted ? undefined : await readLegacyBase(where.journalDir, meetingId);
    const replayed = replayJournal(parsed.meeting, read, legacy, where.savedBy());
    return { path, ...kept, meeting: replayed.meeting, fromFile, skipped: replayed.skipped };
  } catch (error) {
    await opened?.journal.close();
    throw error;
  }
}

/** The session's bookkeeping of the meeting's journal, for the meeting at `file` in the library. */
export function sessionJournalOf(context: SessionContext, journal: MeetingJournal, file: string): SessionJournal {
  return new SessionJournal(journal, { library: context.libraryRoot, file }, context.journalShrinkBytes);
}

/** "Edit as well": the journal is opened, and changes kept on this computer from an earlier session go on top of the meeting as it is now. */
export async function openJournalToEdit(state: SessionState, file: string): Promise<void> {
  const { context } = state;
  const { journal: opened, read } = await MeetingJournal.open(context.journalDir, state.meeting.id);
  const journal = sessionJournalOf(context, opened, file);
  state.journal = journal;
  const fromFile = state.libraryFile.meeting ?? state.meeting;
  const shown = state.meeting;
  if (read.pending.length > 0) {
    const legacy = read.epochStarted ? undefined : await readLegacyBase(context.journalDir, state.meeting.id);
    state.meeting = replayJournal(fromFile, read, legacy, state.savedBy).meeting;
  }
  // The window is given the replayed meeting with its new view (OpenedMeeting).
  if (contentKey(state.meeting) !== contentKey(shown)) state.views.newView(shown);
  await journal.keepReplayed(fromFile, state.meeting, read.pending.length > 0, context.now());
}
