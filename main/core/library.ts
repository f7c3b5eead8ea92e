/**
 * The library folder: where meeting files live, how they are named, listing them for the
 * meetings screen, and moving a deleted meeting into the history folder.
 *
 *   <library>/library.json
 *   <library>/meetings/<yyyy>/<yyyy-mm-dd> <committee-slug>.json
 *   <library>/committees/<slug>.json
 *   <library>/.minutebook/history/<meeting-id>/
 */
import { access, lstat, mkdir, readdir, rename } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { CommitteeSlug, slugify, type Committee } from '../domain/committee';
import { conflictCopyOf } from '../domain/conflictCopies';
import { EntityId } from '../domain/ids';
import { summariseMeeting, type Meeting, type MeetingSummary, type UnreadableMeetingFile } from '../domain/meeting';
import { TEMP_PREFIX, writeFileAtomic } from './atomicFile';
import { ClerkFacingError } from './clerkFacingError';
import { refuseSystemFolder } from './libraryLocation';
import { committeeDb, describeIoError, readCommitteeFile, readMeetingFile } from './meetingFile';
import { SYMBOLIC_LINK_PROBLEM } from './ordinaryFile';

export const LIBRARY_FORMAT = 'minutebook.library';

/** Library-relative paths always use forward slashes, so files written on Windows read the same elsewhere. */
export function toLibraryRelative(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

/** A path built from what a file or a journal line says is not inside the library, or is reached through a link. */
export class LibraryPathRefused extends ClerkFacingError {
  constructor(
    readonly file: string,
    /** What is wrong with it, to follow “… cannot be opened: ”. */
    readonly problem: string,
  ) {
    super(`“${shortened(file)}” cannot be opened: ${problem}.`, 'outside-library');
    this.name = 'LibraryPathRefused';
  }
}

function shortened(text: string): string {
  const printable = text.replace(/[\u0000-\u001F\u007F]/g, '?');
  return printable.length > 200 ? `${printable.slice(0, 200)}…` : printable;
}

const OUTSIDE_LIBRARY_PROBLEM = 'it is not a file inside the library folder, so Minute Book does not open it';

/**
 * Whether a library-relative path (from a meeting file, a journal line, library.json…) names
 * something inside the library: forward slashes only, no empty, "." or ".." part, not absolute,
 * no drive letter, no NUL.
 */
function isInsideLibrary(file: string): boolean {
  if (typeof file !== 'string' || file === '' || file.length > 1000 || /[\\\0]/.test(file) || /^[a-zA-Z]:/.test(file)) return false;
  return file.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

/**
 * The full path of a library-relative file. Every path built from what a file or a journal line
 * says comes through here, so none can climb out of the library: a path that would is refused.
 */
export function fromLibraryRelative(root: string, file: string): string {
  if (!isInsideLibrary(file)) throw new LibraryPathRefused(file, OUTSIDE_LIBRARY_PROBLEM);
  const path = join(root, ...file.split('/'));
  const inside = relative(root, path);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) throw new LibraryPathRefused(file, OUTSIDE_LIBRARY_PROBLEM);
  return path;
}

/**
 * fromLibraryRelative, and then checked on disk: no folder on the way from the library folder,
 * nor the file itself, is a symbolic link (which could lead anywhere on the computer). A part
 * that is not there yet is fine: a new file, or a read that will say the file is missing.
 */
export async function confinedLibraryPath(root: string, file: string): Promise<string> {
  const path = fromLibraryRelative(root, file);
  let at = root;
  for (const part of file.split('/')) {
    at = join(at, part);
    let info;
    try {
      info = await lstat(at);
    } catch {
      return path;
    }
    if (info.isSymbolicLink()) {
      const through =
        at === path
          ? SYMBOLIC_LINK_PROBLEM
          : `it is reached through a symbolic link (“${toLibraryRelative(root, at)}”), a shortcut that may lead outside the library; Minute Book only opens files kept in the library folder itself`;
      throw new LibraryPathRefused(file, through);
    }
    if (at !== path && !info.isDirectory()) return path;
  }
  return path;
}

/** The folder of a meeting's earlier versions; the id comes from a file, so it must be an id. */
export function historyFolder(root: string, meetingId: string): string {
  if (!EntityId.safeParse(meetingId).success) throw new LibraryPathRefused(meetingId, 'it is not a meeting id, so it has no history folder');
  return join(root, '.minutebook', 'history', meetingId);
}

/** Makes sure the folder is usable as a library, creating it on first use. */
export async function prepareLibrary(root: string): Promise<void> {
  await refuseSystemFolder(root);
  try {
    await mkdir(join(root, 'meetings'), { recursive: true });
    const manifest = join(root, 'library.json');
    if (!(await exists(manifest))) {
      await writeFileAtomic(manifest, JSON.stringify({ format: LIBRARY_FORMAT, version: 1, organisation: '' }, null, 2) + '\n');
    }
  } catch (error) {
    throw new ClerkFacingError(`The library folder “${root}” cannot be used: ${describeIoError(error, 'write')}.`, 'library-unusable');
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** A free library-relative path for a new meeting file, in a year folder that is the library's own (not a link elsewhere). */
export async function pathForNewMeeting(root: string, meeting: Meeting): Promise<string> {
  const year = meeting.date.slice(0, 4);
  const base = `meetings/${year}/${meeting.date} ${meeting.committeeSlug ?? slugify(meeting.committee)}`;
  const folder = await confinedLibraryPath(root, `meetings/${year}`);
  await mkdir(folder, { recursive: true });
  // Made just now, perhaps by someone else: still a folder of the library's own, not a link elsewhere.
  await confinedLibraryPath(root, `meetings/${year}`);
  for (let n = 1; ; n += 1) {
    const file = n === 1 ? `${base}.json` : `${base}-${n}.json`;
    if (!(await exists(fromLibraryRelative(root, file)))) return file;
  }
}

function isMeetingFileName(name: string): boolean {
  return name.endsWith('.json') && !name.startsWith('.') && !name.startsWith(TEMP_PREFIX);
}

export interface LibraryScan {
  meetings: MeetingSummary[];
  unreadable: UnreadableMeetingFile[];
  /** meeting id → library-relative file */
  files: Map<string, string>;
}

/** What stands at a name in the library, looked at without following a link. */
type EntryKind = 'folder' | 'file' | 'link' | 'special' | 'gone';

async function entryKind(path: string): Promise<EntryKind> {
  try {
    const info = await lstat(path);
    if (info.isSymbolicLink()) return 'link';
    if (info.isDirectory()) return 'folder';
    return info.isFile() ? 'file' : 'special';
  } catch {
    return 'gone';
  }
}

const LINKED_FOLDER_PROBLEM =
  'it is a symbolic link to another folder (perhaps outside the library); Minute Book only lists meeting files kept in the library folder itself';
const SPECIAL_FOLDER_PROBLEM = 'it is not an ordinary folder (perhaps a pipe or a device), so Minute Book does not look inside it';

/** The library's meetings/ or committees/ folder must be a folder of its own, not a link elsewhere. */
async function checkLibraryFolder(root: string, name: 'meetings' | 'committees'): Promise<void> {
  const kind = await entryKind(join(root, name));
  if (kind === 'link' || kind === 'special' || kind === 'file') {
    const problem = kind === 'link' ? 'it is a symbolic link, a shortcut that may lead outside the library' : 'it is not a folder';
    throw new ClerkFacingError(
      `The ${name} folder of the library “${root}” cannot be used: ${problem}. Put the ${name} folder itself in the library folder.`,
      'library-unreachable',
    );
  }
}

/**
 * Reads every meeting file in the library. Bad files are listed with their problem, never changed.
 * One bad entry never stops the list: a year folder that is a link, a special file or cannot be
 * read is named with its problem; a link, pipe or device among the meeting files is named and
 * never opened (readMeetingFile reads only ordinary files). A folder that vanished is passed over.
 */
export async function scanLibrary(root: string): Promise<LibraryScan> {
  const scan: LibraryScan = { meetings: [], unreadable: [], files: new Map() };
  const meetingsDir = join(root, 'meetings');
  let years: string[];
  try {
    await checkLibraryFolder(root, 'meetings');
    years = await readdir(meetingsDir);
  } catch (error) {
    if (error instanceof ClerkFacingError) throw error;
    throw new ClerkFacingError(`The library folder “${root}” cannot be read: ${describeIoError(error, 'read')}.`, 'library-unreachable');
  }
  for (const year of years.sort()) {
    if (year.startsWith('.')) continue;
    const yearDir = join(meetingsDir, year);
    const folder = `meetings/${year}`;
    const kind = await entryKind(yearDir);
    if (kind === 'link') scan.unreadable.push({ file: folder, problem: LINKED_FOLDER_PROBLEM });
    if (kind === 'special') scan.unreadable.push({ file: folder, problem: SPECIAL_FOLDER_PROBLEM });
    if (kind !== 'folder') continue;
    let names: string[];
    try {
      names = await readdir(yearDir);
    } catch (error) {
      if ((error as { code?: string }).code !== 'ENOENT')
        scan.unreadable.push({ file: folder, problem: `the folder cannot be read: ${describeIoError(error, 'read')}` });
      continue;
    }
    for (const name of names.sort()) {
      if (!isMeetingFileName(name)) continue;
      const file = `${folder}/${name}`;
      try {
        const { meeting } = await readMeetingFile(join(yearDir, name));
        const first = scan.files.get(meeting.id);
        if (first) {
          // Two files, one meeting: usually a sync tool's conflict copy. The one not named like a copy is the
          // meeting; the copy is listed (not as a meeting) and merged in the next time the meeting is open.
          const firstName = first.slice(first.lastIndexOf('/') + 1);
          const [meetingFile, copy] = conflictCopyOf(firstName, name) !== undefined ? [file, first] : [first, file];
          if (meetingFile !== first) {
            scan.files.set(meeting.id, meetingFile);
            scan.meetings = scan.meetings.map((each) => (each.id === meeting.id ? summariseMeeting(meeting, meetingFile) : each));
          }
          scan.unreadable.push({ file: copy, problem: copyProblem(meetingFile) });
          continue;
        }
        scan.files.set(meeting.id, file);
        scan.meetings.push(summariseMeeting(meeting, file));
      } catch (error) {
        scan.unreadable.push({ file, problem: error instanceof Error ? error.message : String(error) });
      }
    }
  }
  scan.meetings.sort((a, b) => `${b.date} ${b.startTime}`.localeCompare(`${a.date} ${a.startTime}`));
  return scan;
}

function copyProblem(meetingFile: string): string {
  return `it holds the same meeting as “${meetingFile}” (a conflict copy, perhaps made by a sync tool); Minute Book merges it into “${meetingFile}” when that meeting is open, then moves it to the meeting’s history`;
}

/** Deleting moves the file into the meeting's history folder, where it can be recovered. */
export async function moveMeetingToHistory(root: string, meetingId: string, file: string, now: Date): Promise<string> {
  const folder = historyFolder(root, meetingId);
  await mkdir(folder, { recursive: true });
  const target = join(folder, `${fileStamp(now)} deleted.json`);
  await rename(fromLibraryRelative(root, file), target);
  return toLibraryRelative(root, target);
}

/** A timestamp that sorts correctly and is valid in file names on every system. */
export function fileStamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** committees/<slug>.json; the slug comes from a file or a request, so it must be a slug. */
export function committeeFile(root: string, slug: string): string {
  return fromLibraryRelative(root, committeeFileName(slug));
}

function committeeFileName(slug: string): string {
  if (!CommitteeSlug.safeParse(slug).success) {
    throw new LibraryPathRefused(
      slug,
      'it is not the name of a committee file (a committee’s short name holds only lower-case letters, digits and single hyphens)',
    );
  }
  return `committees/${slug}.json`;
}

/** Reads every committee file; bad files are listed with their problem and left alone. */
export async function scanCommittees(root: string): Promise<{ committees: Committee[]; unreadable: UnreadableMeetingFile[] }> {
  const folder = join(root, 'committees');
  let names: string[];
  try {
    await checkLibraryFolder(root, 'committees');
    names = await readdir(folder);
  } catch (error) {
    if (error instanceof ClerkFacingError) throw error;
    if ((error as { code?: string }).code === 'ENOENT') return { committees: [], unreadable: [] };
    throw new ClerkFacingError(`The committees folder “${folder}” cannot be read: ${describeIoError(error, 'read')}.`, 'library-unreachable');
  }
  const committees: Committee[] = [];
  const unreadable: UnreadableMeetingFile[] = [];
  for (const name of names.filter(isMeetingFileName).sort()) {
    try {
      const committee = await readCommitteeFile(join(folder, name));
      if (`${committee.slug}.json` !== name) throw new Error(`its slug “${committee.slug}” does not match the file name`);
      committees.push(committee);
    } catch (error) {
      unreadable.push({ file: `committees/${name}`, problem: error instanceof Error ? error.message : String(error) });
    }
  }
  committees.sort((a, b) => a.name.localeCompare(b.name));
  return { committees, unreadable };
}

export async function readCommittee(root: string, slug: string): Promise<Committee> {
  return readCommitteeFile(await confinedLibraryPath(root, committeeFileName(slug)));
}

export async function saveCommittee(root: string, committee: Committee): Promise<void> {
  const file = committeeFileName(committee.slug);
  await mkdir(join(root, 'committees'), { recursive: true });
  await committeeDb(await confinedLibraryPath(root, file), committee).write();
}
