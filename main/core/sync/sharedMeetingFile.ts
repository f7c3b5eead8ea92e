/**
 * One meeting's file in the shared library, as this session last knew it: its bytes' hash, the
 * meeting it held, whether this session wrote those bytes, and the file's identity just after
 * (inode, size, times). Reading the file again before a save costs a `stat` while the identity is
 * unchanged: a sync tool or a colleague replaces it (new inode) or writes it (new change time). On
 * a drive too coarse to tell, lineage still makes the other computer merge its work back
 * (docs/sync.md, "Before every write"). Writes are atomic, in the meeting's own folder only.
 */
import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Meeting } from '../../domain/meeting';
import { writeFileAtomic, type WrittenFile } from '../atomicFile';
import { keepVersionBytes, type HistoryPolicy } from '../history/history';
import { describeIoError } from '../meetingFile';
import { readOrdinaryFile } from '../ordinaryFile';
import { contentHash } from './fileWatcher';
import { takeWriteLock } from './writeLock';

export type FileRead =
  { kind: 'ok'; bytes: Buffer; hash: string } | { kind: 'missing' } | { kind: 'unreachable'; problem: string } | { kind: 'failed'; problem: string };

export type FileWrite = { kind: 'written' } | { kind: 'unreachable'; problem: string } | { kind: 'failed'; problem: string };

/** Why the library folder cannot be reached, or undefined if it can. */
export async function folderProblem(root: string): Promise<string | undefined> {
  try {
    const found = await stat(root);
    return found.isDirectory() ? undefined : describeIoError({ code: 'ENOTDIR' });
  } catch (error) {
    return describeIoError(error, 'read');
  }
}

/** A file's identity for "has anyone touched it since": inode, size, modification and change times. */
function identityOf(info: { ino: number; size: number; mtimeMs: number; ctimeMs: number }): string {
  return `${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`;
}

export class SharedMeetingFile {
  /** Hash of the file's bytes as last read or written by this session (undefined: no file yet). */
  hash?: string;
  /** The meeting as the file holds it (last read or written). */
  meeting?: Meeting;
  /** The file holds bytes this session wrote (so replacing them is thinned, not always kept). */
  isOurs = false;
  /** What this session last wrote, with the file's identity just after. */
  private written?: { bytes: Buffer; hash: string; identity: string };
  /** When this session last kept a version in the history (Date.now()). */
  private lastKeptAt?: number;

  constructor(
    readonly path: string,
    private readonly libraryRoot: string,
  ) {}

  /** The size of what this session last wrote (0 if it has written nothing since the file changed). */
  get writtenBytes(): number {
    return this.written?.bytes.length ?? 0;
  }

  /** The file as read now (from what this session wrote, while nobody has touched it since). */
  async read(): Promise<FileRead> {
    try {
      const written = this.written;
      if (written && written.hash === this.hash && identityOf(await stat(this.path)) === written.identity) {
        return { kind: 'ok', bytes: written.bytes, hash: written.hash };
      }
      const bytes = await readOrdinaryFile(this.path);
      return { kind: 'ok', bytes, hash: contentHash(bytes) };
    } catch (error) {
      const away = await folderProblem(this.libraryRoot);
      if (away) return { kind: 'unreachable', problem: away };
      if ((error as { code?: string }).code === 'ENOENT') return { kind: 'missing' };
      return { kind: 'failed', problem: describeIoError(error, 'read') };
    }
  }

  /**
   * History, before `bytes` (the file as read) are replaced: a version this session did not write
   * (a colleague's, a sync tool's, the file as opened) is always kept; this session's own saves
   * (`thinned`: no reason of their own) at most once a history interval, because the journal holds
   * every keystroke (docs/decisions.md). Whether anything was written to the history.
   */
  async keepBeforeReplacing(
    bytes: Buffer,
    meetingId: string,
    why: { now: Date; thinned: boolean; note: string | undefined },
    policy: HistoryPolicy,
  ): Promise<boolean> {
    const nowMs = Date.now();
    if (this.isOurs && why.thinned) {
      if (this.lastKeptAt !== undefined && nowMs - this.lastKeptAt < policy.intervalMs) return false;
      await keepVersionBytes(this.libraryRoot, meetingId, bytes, { now: why.now }, policy);
      this.lastKeptAt = nowMs;
      return true;
    }
    await keepVersionBytes(this.libraryRoot, meetingId, bytes, why.note === undefined ? { now: why.now } : { now: why.now, note: why.note }, policy);
    this.lastKeptAt = nowMs;
    return true;
  }

  /** The lock around read–merge–write (sync/writeLock.ts); `holder` is named in it. */
  lockForWriting(holder: string): Promise<(() => Promise<void>) | undefined> {
    return takeWriteLock(this.path, holder);
  }

  /**
   * Writes `meeting` as `bytes` atomically. `replacing`: the file is there (else only the meeting's
   * own folder is made, never a library folder that has gone away, as an unmapped drive).
   */
  async write(meeting: Meeting, bytes: Buffer, hash: string, replacing: boolean): Promise<FileWrite> {
    let ours: WrittenFile;
    try {
      if (!replacing) {
        const away = await folderProblem(this.libraryRoot);
        if (away) throw Object.assign(new Error(away), { code: 'ENOENT' });
        await mkdir(dirname(this.path), { recursive: true });
      }
      ours = await writeFileAtomic(this.path, bytes, { step: 'save' });
    } catch (error) {
      const away = await folderProblem(this.libraryRoot);
      return away ? { kind: 'unreachable', problem: away } : { kind: 'failed', problem: describeIoError(error, 'write') };
    }
    // Trusted as this session's own file only if it is still the file written (same inode, size and
    // time): a colleague's version that landed in the moment since is read and merged at the next look.
    this.written = await stat(this.path).then(
      (after) =>
        after.ino === ours.ino && after.size === ours.size && after.mtimeMs === ours.mtimeMs ? { bytes, hash, identity: identityOf(after) } : undefined,
      () => undefined,
    );
    this.hash = hash;
    this.meeting = meeting;
    this.isOurs = true;
    return { kind: 'written' };
  }

  /** The file now holds `meeting` (`hash`), written by someone else or read on opening. */
  holds(meeting: Meeting, hash: string): void {
    this.hash = hash;
    this.written = undefined;
    this.meeting = meeting;
    this.isOurs = false;
  }

  /** Moved or deleted by someone else: the next write puts the meeting back. */
  gone(): void {
    this.hash = undefined;
    this.written = undefined;
    this.meeting = undefined;
    this.isOurs = false;
  }
}
