/**
 * Meetings kept only on this computer: the journal holds changes (and usually the whole meeting)
 * for a meeting the library no longer has — the folder came back empty after the drive was away
 * and Minute Book crashed, or the meeting file was removed. Finding them, putting one back into
 * the library, and saving a copy elsewhere. Never writes over a file that is already there.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import type { StrandedMeeting } from '../domain/api';
import type { Meeting } from '../domain/meeting';
import { writeNewFileAtomic } from './atomicFile';
import { ClerkFacingError } from './clerkFacingError';
import { findPendingJournals } from './journal/journal';
import { rebuildFromJournal } from './journal/replay';
import { fromLibraryRelative, pathForNewMeeting } from './library';
import { describeIoError, serializeLibraryFile } from './meetingFile';
import { lineageOf, stampNewVersion } from './sync/lineage';

/** A library-relative meeting file as the library names them: meetings/<yyyy>/<name>.json, nothing that climbs out. */
const MEETING_FILE = /^meetings\/\d{4}\/[^/\\:]+\.json$/;

export function isMeetingFilePath(file: string): boolean {
  return MEETING_FILE.test(file) && !file.split('/').some((part) => part === '..' || part.startsWith('.'));
}

/** The meetings this computer holds changes for, in this library, that the library does not hold. */
export async function findStrandedMeetings(options: {
  journalDir: string;
  root: string;
  inLibrary: ReadonlySet<string>;
  copyFolder: string;
}): Promise<StrandedMeeting[]> {
  const found: StrandedMeeting[] = [];
  for (const pending of await findPendingJournals(options.journalDir)) {
    if (pending.library !== options.root || options.inLibrary.has(pending.meetingId)) continue;
    const rebuilt = await rebuildFromJournal(options.journalDir, pending.meetingId).catch(() => undefined);
    const file = rebuilt?.file ?? pending.file;
    const copyName = `${basename(file).replace(/\.json$/i, '') || pending.meetingId} (kept on this computer).json`;
    const stranded: StrandedMeeting = {
      meetingId: pending.meetingId,
      file,
      pendingChanges: rebuilt?.pendingChanges ?? pending.entries.length,
      whole: rebuilt !== undefined,
      copyPath: join(options.copyFolder, copyName),
    };
    if (rebuilt) {
      stranded.committee = rebuilt.meeting.committee;
      stranded.title = rebuilt.meeting.title;
      stranded.date = rebuilt.meeting.date;
      stranded.startTime = rebuilt.meeting.startTime;
    } else {
      const dated = /^(\d{4}-\d{2}-\d{2})/.exec(basename(file));
      if (dated) stranded.date = dated[1]!;
    }
    found.push(stranded);
  }
  return found.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
}

/** The whole meeting kept on this computer, or a clear refusal when only changes are kept. */
export async function strandedMeetingOf(journalDir: string, meetingId: string, pendingChanges: number): Promise<{ meeting: Meeting; file: string }> {
  const rebuilt = await rebuildFromJournal(journalDir, meetingId);
  if (!rebuilt) {
    throw new ClerkFacingError(
      `This computer keeps ${pendingChanges} ${pendingChanges === 1 ? 'change' : 'changes'} to this meeting, but not the meeting itself, so it cannot be put back or saved. The changes stay kept on this computer; if the meeting file comes back into the library, they are added to it when it is opened.`,
      'not-whole',
    );
  }
  return rebuilt;
}

/** The meeting as a library file, stamped as a new version that descends from the one it was rebuilt from. */
function asLibraryFile(meeting: Meeting, savedBy: string, now: Date): Buffer {
  return serializeLibraryFile(stampNewVersion(meeting, lineageOf(meeting), savedBy, now).stamped);
}

/**
 * Writes the meeting into the library at the place it had, or, if something is there now (another
 * meeting, a damaged file), at a free name beside it. Returns the library-relative file.
 */
export async function putBackIntoLibrary(
  root: string,
  meeting: Meeting,
  file: string,
  savedBy: string,
  now: Date,
): Promise<{ file: string; renamed: boolean }> {
  const bytes = asLibraryFile(meeting, savedBy, now);
  const wanted = isMeetingFilePath(file) ? file : undefined;
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const target = attempt === 0 && wanted ? wanted : await pathForNewMeeting(root, meeting);
    const path = fromLibraryRelative(root, target);
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeNewFileAtomic(path, bytes);
      return { file: target, renamed: target !== wanted };
    } catch (error) {
      if ((error as { code?: string }).code === 'EEXIST') continue; // taken meanwhile: the next free name
      throw new ClerkFacingError(
        `The meeting could not be put back into the library as “${target}”: ${describeIoError(error, 'write')}. It is still kept on this computer.`,
        'put-back-failed',
      );
    }
  }
  throw new ClerkFacingError(
    'The meeting could not be put back into the library: no free file name was found for it. It is still kept on this computer.',
    'put-back-failed',
  );
}

/** Saves the meeting as a meeting file where the clerk says (a full path; ".json" added if missing), never over a file. */
export async function saveStrandedCopy(meeting: Meeting, typed: string, savedBy: string, now: Date): Promise<{ path: string; bytes: number }> {
  if (!isAbsolute(typed)) {
    throw new ClerkFacingError(
      `Save the copy under a full path, such as C:\\Users\\you\\Documents\\meeting.json or /home/you/Documents/meeting.json (“${typed}” is not).`,
      'invalid-input',
    );
  }
  const path = /\.json$/i.test(typed) ? resolve(typed) : `${resolve(typed)}.json`;
  const folder = dirname(path);
  if (
    !(await stat(folder).then(
      (found) => found.isDirectory(),
      () => false,
    ))
  ) {
    throw new ClerkFacingError(`There is no folder “${folder}”. Choose a folder that exists, or type its full path.`, 'no-such-folder');
  }
  const bytes = asLibraryFile(meeting, savedBy, now);
  try {
    await writeNewFileAtomic(path, bytes);
  } catch (error) {
    if ((error as { code?: string }).code === 'EEXIST') {
      const free = await freeNameBeside(path);
      throw new ClerkFacingError(
        `There is already a file “${basename(path)}” in ${folder}; it has not been changed. Save the copy under another name, such as “${basename(free)}”.`,
        'copy-target-exists',
        free,
      );
    }
    throw new ClerkFacingError(
      `The copy could not be saved as “${path}”: ${describeIoError(error, 'write')}. The meeting is still kept on this computer.`,
      'copy-failed',
    );
  }
  return { path, bytes: bytes.length };
}

async function freeNameBeside(path: string): Promise<string> {
  const stem = path.replace(/\.json$/i, '');
  for (let n = 2; n < 1000; n += 1) {
    const candidate = `${stem} (${n}).json`;
    if (
      !(await stat(candidate).then(
        () => true,
        () => false,
      ))
    )
      return candidate;
  }
  return `${stem} (${randomBytes(3).toString('hex')}).json`;
}
