/**
 * The library folder: where meeting files live, how they are named, listing them for the
 * meetings screen, and moving a deleted meeting into the history folder.
 *
 *   <library>/library.json
 *   <library>/meetings/<yyyy>/<yyyy-mm-dd> <committee-slug>.json
 *   <library>/committees/<slug>.json
 *   <library>/.minutebook/history/<meeting-id>/
 */
import { access, mkdir, readdir, rename, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { slugify, type Committee } from '../domain/committee';
import { conflictCopyOf } from '../domain/conflictCopies';
import { summariseMeeting, type Meeting, type MeetingSummary, type UnreadableMeetingFile } from '../domain/meeting';
import { TEMP_PREFIX, writeFileAtomic } from './atomicFile';
import { ClerkFacingError } from './clerkFacingError';
import { refuseSystemFolder } from './libraryLocation';
import { committeeDb, describeIoError, readCommitteeFile, readMeetingFile } from './meetingFile';

export const LIBRARY_FORMAT = 'minutebook.library';

/** Library-relative paths always use forward slashes, so files written on Windows read the same elsewhere. */
export function toLibraryRelative(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

export function fromLibraryRelative(root: string, file: string): string {
  return join(root, ...file.split('/'));
}

export function historyFolder(root: string, meetingId: string): string {
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
    throw new ClerkFacingError(`The library folder “${root}” cannot be used: ${describeIoError(error)}.`, 'library-unusable');
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

/** A free library-relative path for a new meeting file. */
export async function pathForNewMeeting(root: string, meeting: Meeting): Promise<string> {
  const year = meeting.date.slice(0, 4);
  const base = `meetings/${year}/${meeting.date} ${meeting.committeeSlug ?? slugify(meeting.committee)}`;
  await mkdir(fromLibraryRelative(root, `meetings/${year}`), { recursive: true });
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

/** Reads every meeting file in the library. Bad files are listed with their problem, never changed. */
export async function scanLibrary(root: string): Promise<LibraryScan> {
  const scan: LibraryScan = { meetings: [], unreadable: [], files: new Map() };
  const meetingsDir = join(root, 'meetings');
  let years: string[];
  try {
    years = await readdir(meetingsDir);
  } catch (error) {
    throw new ClerkFacingError(`The library folder “${root}” cannot be read: ${describeIoError(error)}.`, 'library-unreachable');
  }
  for (const year of years.sort()) {
    const yearDir = join(meetingsDir, year);
    if (year.startsWith('.') || !(await stat(yearDir)).isDirectory()) continue;
    for (const name of (await readdir(yearDir)).sort()) {
      if (!isMeetingFileName(name)) continue;
      const file = `meetings/${year}/${name}`;
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

export function committeeFile(root: string, slug: string): string {
  return join(root, 'committees', `${slug}.json`);
}

/** Reads every committee file; bad files are listed with their problem and left alone. */
export async function scanCommittees(root: string): Promise<{ committees: Committee[]; unreadable: UnreadableMeetingFile[] }> {
  const folder = join(root, 'committees');
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return { committees: [], unreadable: [] };
    throw new ClerkFacingError(`The committees folder “${folder}” cannot be read: ${describeIoError(error)}.`, 'library-unreachable');
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
  return readCommitteeFile(committeeFile(root, slug));
}

export async function saveCommittee(root: string, committee: Committee): Promise<void> {
  await mkdir(join(root, 'committees'), { recursive: true });
  await committeeDb(committeeFile(root, committee.slug), committee).write();
}
