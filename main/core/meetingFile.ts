/**
 * Data files in the library (meetings, committees), read and written through lowdb with an
 * adapter that checks (and migrates) on read and replaces the file atomically on write.
 * An invalid file is reported with its path and first problem and is never overwritten.
 */
import { Low, type Adapter } from 'lowdb';
import { Committee } from '../domain/committee';
import { parseMeetingData, describeFirstIssue } from '../domain/migrations';
import type { Meeting } from '../domain/meeting';
import { writeFileAtomic } from './atomicFile';
import { ClerkFacingError } from './clerkFacingError';
import { readOrdinaryFile } from './ordinaryFile';

export type LibraryFileKind = 'meeting' | 'committee';

export class LibraryFileError extends ClerkFacingError {
  constructor(
    readonly file: string,
    readonly problem: string,
    kind: LibraryFileKind = 'meeting',
  ) {
    super(`The ${kind} file “${file}” cannot be opened: ${problem}. The file has not been changed.`, 'invalid-file');
    this.name = 'LibraryFileError';
  }
}

/**
 * What went wrong with a file, in the clerk's words. `doing` says whether the file was being read
 * or written, so a refused read is never put down to writing (and the other way round).
 */
export function describeIoError(error: unknown, doing?: 'read' | 'write'): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  switch (code) {
    case 'ENOENT':
      return 'the file or its folder is not there (was it moved, or is the drive disconnected?)';
    case 'EACCES':
    case 'EPERM':
      if (doing === 'read') return 'permission to read it was refused (check that your account may open files in that folder)';
      if (doing === 'write') return 'permission to write was refused (check that your account may change files in that folder)';
      return 'permission was refused (check that your account may use files in that folder)';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EROFS':
      return 'the drive is read-only';
    case 'EBUSY':
      return 'the file is in use by another program';
    case 'EEXIST':
    case 'ENOTDIR':
      return 'something else is in the way: a file stands where Minute Book expects a folder';
    case 'EIO':
    case 'ETIMEDOUT':
    case 'ENOTCONN':
    case 'EHOSTDOWN':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'the drive is not responding (is the network or VPN connected?)';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** Reads a JSON file (never through a symbolic link, never a pipe or device), or throws LibraryFileError saying why it cannot be read. */
async function readJson(path: string, kind: LibraryFileKind): Promise<unknown> {
  let text: string;
  try {
    text = (await readOrdinaryFile(path)).toString('utf8');
  } catch (error) {
    throw new LibraryFileError(path, describeIoError(error, 'read'), kind);
  }
  return parseJsonText(path, text, kind);
}

function parseJsonText(path: string, text: string, kind: LibraryFileKind): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new LibraryFileError(path, text.trim() === '' ? 'the file is empty' : `it is not valid JSON (${detail})`, kind);
  }
}

export interface ReadMeeting {
  meeting: Meeting;
  migratedFrom?: number;
}

/** Reads, migrates and checks a meeting file; throws LibraryFileError naming the file and the problem. */
export async function readMeetingFile(path: string): Promise<ReadMeeting> {
  const parsed = parseMeetingData(await readJson(path, 'meeting'));
  if (!parsed.ok) throw new LibraryFileError(path, parsed.problem);
  return parsed.migratedFrom === undefined ? { meeting: parsed.meeting } : { meeting: parsed.meeting, migratedFrom: parsed.migratedFrom };
}

/** Checks (and migrates) a meeting file's bytes already read; throws LibraryFileError naming the file and the problem. */
export function parseMeetingBytes(path: string, bytes: Uint8Array): ReadMeeting {
  const parsed = parseMeetingData(parseJsonText(path, Buffer.from(bytes).toString('utf8'), 'meeting'));
  if (!parsed.ok) throw new LibraryFileError(path, parsed.problem);
  return parsed.migratedFrom === undefined ? { meeting: parsed.meeting } : { meeting: parsed.meeting, migratedFrom: parsed.migratedFrom };
}

export async function readCommitteeFile(path: string): Promise<Committee> {
  const parsed = Committee.safeParse(await readJson(path, 'committee'));
  if (!parsed.success) throw new LibraryFileError(path, describeFirstIssue(parsed.error), 'committee');
  return parsed.data;
}

/**
 * Library files are indented JSON, so a person (or a diff tool) can read them. Tabs rather than
 * spaces: minutes nest seven levels deep, and tabs make the file 13% smaller and autosave faster.
 *
 * The bytes are always exactly `JSON.stringify(value, null, '\t') + '\n'` in UTF-8, but a meeting is
 * put together from each agenda item's bytes, kept from the last save: a save while a clerk types
 * re-encodes only the item that changed (a 200-item meeting: about 1 ms instead of 9; `npm run
 * bench`, section e, and docs/decisions.md). An item whose bytes are kept is frozen, so nothing
 * can change it in place behind the kept bytes' back (it would throw instead).
 */
export function serializeLibraryFile(value: Meeting | Committee): Buffer {
  const agenda = (value as Partial<Meeting>).agenda;
  if (!Array.isArray(agenda) || agenda.length === 0 || !agenda.every((item) => typeof item === 'object' && item !== null))
    return Buffer.from(JSON.stringify(value, null, '\t') + '\n', 'utf8');
  const outer = JSON.stringify({ ...value, agenda: AGENDA_PLACE }, null, '\t') + '\n';
  const at = outer.indexOf(AGENDA_PLACE_JSON);
  if (at < 0) return Buffer.from(JSON.stringify(value, null, '\t') + '\n', 'utf8');
  const parts: Buffer[] = [Buffer.from(`${outer.slice(0, at)}\n\t"agenda": [\n`, 'utf8')];
  agenda.forEach((item, index) => {
    if (index > 0) parts.push(BETWEEN_ITEMS);
    parts.push(agendaItemBytes(item));
  });
  parts.push(Buffer.from(`\n\t]${outer.slice(at + AGENDA_PLACE_JSON.length)}`, 'utf8'));
  return Buffer.concat(parts);
}

/**
 * Stands in for the agenda while the rest of the meeting is stringified. Found as the meeting's own
 * `agenda` field, at the start of a line one tab deep: no text in a field can look like that, as
 * JSON never puts a raw newline or an unescaped quote inside a string.
 */
const AGENDA_PLACE = '\u0000agenda\u0000';
const AGENDA_PLACE_JSON = `\n\t"agenda": ${JSON.stringify(AGENDA_PLACE)}`;
const BETWEEN_ITEMS = Buffer.from(',\n', 'utf8');
const keptItemBytes = new WeakMap<object, Buffer>();

/** An agenda item as it stands in the file: two tabs deep (JSON never puts a raw newline inside a string). */
function agendaItemBytes(item: Meeting['agenda'][number]): Buffer {
  let bytes = keptItemBytes.get(item);
  if (bytes === undefined) {
    bytes = Buffer.from(`\t\t${JSON.stringify(item, null, '\t').replaceAll('\n', '\n\t\t')}`, 'utf8');
    deepFreeze(item);
    keptItemBytes.set(item, bytes);
  }
  return bytes;
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
}

/** lowdb adapter for one checked library file. */
class CheckedJsonFile<T extends Meeting | Committee> implements Adapter<T> {
  constructor(
    readonly path: string,
    private readonly check: (path: string) => Promise<T>,
  ) {}

  read(): Promise<T | null> {
    return this.check(this.path);
  }

  async write(value: T): Promise<void> {
    await writeFileAtomic(this.path, serializeLibraryFile(value));
  }
}

const checkMeeting = async (path: string) => (await readMeetingFile(path)).meeting;

/** Opens a meeting file as a lowdb database; the file is read and checked once here. */
export async function openMeetingDb(path: string): Promise<{ db: Low<Meeting>; migratedFrom?: number }> {
  const read = await readMeetingFile(path);
  const db = new Low<Meeting>(new CheckedJsonFile(path, checkMeeting), read.meeting);
  return read.migratedFrom === undefined ? { db } : { db, migratedFrom: read.migratedFrom };
}

/** Wraps a meeting that exists only in memory (new, or rebuilt from the journal) for writing to path. */
export function newMeetingDb(path: string, meeting: Meeting): Low<Meeting> {
  return new Low<Meeting>(new CheckedJsonFile(path, checkMeeting), meeting);
}

/** A committee file as a lowdb database, holding the given committee, ready to write. */
export function committeeDb(path: string, committee: Committee): Low<Committee> {
  return new Low<Committee>(new CheckedJsonFile(path, readCommitteeFile), committee);
}
