/**
 * Conflict copies beside a meeting file: files that hold the same meeting (same id) under another
 * name, left by a sync tool when two computers changed the meeting at once, or by someone copying
 * the file. They are found here, merged by the caller, then moved into the meeting's history
 * folder with archiveConflictCopy, never deleted.
 *
 * Cost on a folder of hundreds of meetings: the folder is listed once (names only), and a file is
 * read only when it may be a copy of this meeting:
 *   - its name follows a sync tool's pattern for this meeting's name (conflictCopyOf), or
 *   - its name starts with this meeting's base name ("2026-11-10 planning…"), or
 *   - its name is not shaped like any meeting's own file ("planning backup.json", "Copy of …").
 * Other meetings' own files ("2026-11-10 licensing.json") are never read. What was read is
 * remembered by size, modification time and inode in a CopyScanCache, so scanning again (every
 * time the folder changes) re-reads only files that changed. A copy that a person renamed to look
 * exactly like another meeting's file is still caught by the library scan, which reports any two
 * files holding the same meeting.
 */
import { copyFile, constants, lstat, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { conflictCopyOf, looksLikeMeetingFileName, type ConflictCopyTool } from '../../domain/conflictCopies';
import type { Meeting } from '../../domain/meeting';
import { parseMeetingData } from '../../domain/migrations';
import { TEMP_PREFIX } from '../atomicFile';
import { ClerkFacingError } from '../clerkFacingError';
import { contentHash } from './fileWatcher';
import { fileStamp, historyFolder, toLibraryRelative } from '../library';
import { describeIoError } from '../meetingFile';
import { readOrdinaryFile } from '../ordinaryFile';

export interface ConflictCopy {
  path: string;
  /** The sync tool whose naming the file follows; absent for a copy found by its contents alone. */
  tool?: ConflictCopyTool;
  meeting: Meeting;
  /** Of the bytes read; pass to archiveConflictCopy so a copy changed since is not archived unmerged. */
  contentHash: string;
}

export interface UnreadableCopy {
  path: string;
  problem: string;
}

export interface ConflictCopyScan {
  copies: ConflictCopy[];
  /** Files named like a copy of this meeting (or holding its id) that cannot be read as a meeting; left alone. */
  unreadable: UnreadableCopy[];
  /** How many files were read this time (the rest came from the cache or were skipped by name). */
  filesRead: number;
}

type Verdict = { kind: 'copy'; meeting: Meeting; contentHash: string } | { kind: 'other' } | { kind: 'unreadable'; problem: string; sameMeeting: boolean };

interface CacheEntry {
  size: number;
  mtimeMs: number;
  ino: number;
  meetingId: string;
  verdict: Verdict;
}

/** Remembers what each file held, by path, until its size, modification time or inode change. */
export class CopyScanCache {
  readonly entries = new Map<string, CacheEntry>();
}

export async function findConflictCopies(meetingFile: string, meetingId: string, cache: CopyScanCache = new CopyScanCache()): Promise<ConflictCopyScan> {
  const folder = dirname(meetingFile);
  const meetingName = basename(meetingFile);
  const base = meetingName.replace(/\.json$/i, '');
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    throw new ClerkFacingError(`The folder “${folder}” cannot be read: ${describeIoError(error, 'read')}.`, 'library-unreachable');
  }
  const scan: ConflictCopyScan = { copies: [], unreadable: [], filesRead: 0 };
  const seen = new Set<string>();
  for (const name of names.sort()) {
    if (name === meetingName || !/\.json$/i.test(name) || name.startsWith('.') || name.startsWith(TEMP_PREFIX)) continue;
    const tool = conflictCopyOf(name, meetingName);
    const namedLikeCopy = tool !== undefined || name.normalize('NFC').startsWith(base.normalize('NFC'));
    if (!namedLikeCopy && looksLikeMeetingFileName(name)) continue;
    const path = join(folder, name);
    seen.add(path);
    const verdict = await judge(path, meetingId, cache, scan);
    if (verdict.kind === 'copy') {
      const copy: ConflictCopy = { path, meeting: verdict.meeting, contentHash: verdict.contentHash };
      if (tool) copy.tool = tool;
      scan.copies.push(copy);
    } else if (verdict.kind === 'unreadable' && (namedLikeCopy || verdict.sameMeeting)) {
      scan.unreadable.push({ path, problem: verdict.problem });
    }
  }
  for (const [path, entry] of cache.entries) if (dirname(path) === folder && (!seen.has(path) || entry.meetingId !== meetingId)) cache.entries.delete(path);
  return scan;
}

async function judge(path: string, meetingId: string, cache: CopyScanCache, scan: ConflictCopyScan): Promise<Verdict> {
  let info;
  try {
    // A link named like a copy is never followed: it may lead outside the library.
    info = await lstat(path);
  } catch (error) {
    return { kind: 'unreadable', problem: describeIoError(error, 'read'), sameMeeting: false };
  }
  if (!info.isFile()) return { kind: 'other' };
  const cached = cache.entries.get(path);
  if (cached && cached.meetingId === meetingId && cached.size === info.size && cached.mtimeMs === info.mtimeMs && cached.ino === info.ino)
    return cached.verdict;
  scan.filesRead += 1;
  const verdict = await readVerdict(path, meetingId);
  cache.entries.set(path, { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino, meetingId, verdict });
  return verdict;
}

async function readVerdict(path: string, meetingId: string): Promise<Verdict> {
  let bytes: Buffer;
  try {
    bytes = await readOrdinaryFile(path);
  } catch (error) {
    return { kind: 'unreadable', problem: `it cannot be read: ${describeIoError(error, 'read')}`, sameMeeting: false };
  }
  const text = bytes.toString('utf8');
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { kind: 'unreadable', problem: text.trim() === '' ? 'the file is empty' : 'it is not valid JSON (perhaps only partly synced)', sameMeeting: false };
  }
  const sameMeeting = typeof data === 'object' && data !== null && (data as { id?: unknown }).id === meetingId;
  const parsed = parseMeetingData(data);
  if (!parsed.ok) return { kind: 'unreadable', problem: `it is not a meeting Minute Book can read: ${parsed.problem}`, sameMeeting };
  if (parsed.meeting.id !== meetingId) return { kind: 'other' };
  return { kind: 'copy', meeting: parsed.meeting, contentHash: contentHash(bytes) };
}

export interface ArchivedCopy {
  /** Where the copy now is. */
  path: string;
  /** The same, relative to the library folder. */
  file: string;
}

/**
 * Moves a conflict copy into the meeting's history folder as "<time> conflict copy <original name>",
 * after checking once more that it holds this meeting and, when `expectedHash` is given, that it
 * is still exactly what was merged. It is moved, never deleted; a copy that changed since it was
 * merged is left where it is (merge it again).
 */
export async function archiveConflictCopy(
  libraryPath: string,
  copyPath: string,
  meetingId: string,
  options: { now?: Date; expectedHash?: string } = {},
): Promise<ArchivedCopy> {
  const name = basename(copyPath);
  const verdict = await readVerdict(copyPath, meetingId);
  if (verdict.kind !== 'copy') {
    const why = verdict.kind === 'unreadable' ? verdict.problem : 'it holds another meeting';
    throw new ClerkFacingError(`“${name}” was not moved to the history folder: ${why}. It has been left where it is.`, 'not-a-copy');
  }
  if (options.expectedHash !== undefined && verdict.contentHash !== options.expectedHash) {
    throw new ClerkFacingError(`“${name}” changed after it was merged, so it has been left where it is to be merged again.`, 'copy-changed');
  }
  const folder = historyFolder(libraryPath, meetingId);
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    throw new ClerkFacingError(
      `The history folder for this meeting cannot be made: ${describeIoError(error, 'write')}. “${name}” has been left where it is.`,
      'history-failed',
    );
  }
  const stamp = fileStamp(options.now ?? new Date());
  for (let n = 1; n < 100; n += 1) {
    const target = join(folder, `${stamp} conflict copy${n === 1 ? '' : ` ${n}`} ${name}`);
    try {
      await moveWithoutReplacing(copyPath, target);
      return { path: target, file: toLibraryRelative(libraryPath, target) };
    } catch (error) {
      if ((error as { code?: string }).code === 'EEXIST') continue;
      throw new ClerkFacingError(
        `“${name}” could not be moved to the history folder: ${describeIoError(error, 'write')}. It has been left where it is.`,
        'history-failed',
      );
    }
  }
  throw new ClerkFacingError(`“${name}” could not be moved to the history folder: too many copies archived at the same moment.`, 'history-failed');
}

/** rename() replaces silently; refuse a taken name first, and fall back to copy + check + remove across drives. */
async function moveWithoutReplacing(from: string, to: string): Promise<void> {
  try {
    await stat(to);
    throw Object.assign(new Error(`${to} exists`), { code: 'EEXIST' });
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') throw error;
  }
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as { code?: string }).code !== 'EXDEV') throw error;
    await copyFile(from, to, constants.COPYFILE_EXCL);
    const [original, copied] = await Promise.all([readFile(from), readFile(to)]);
    if (!original.equals(copied)) {
      await rm(to, { force: true });
      throw new Error('the copy in the history folder did not match the original');
    }
    await rm(from);
  }
}
