/**
 * Noticing that someone else changed an open meeting's file: another clerk on the same network
 * drive, or a sync tool (OneDrive, Dropbox, Syncthing) bringing in a colleague's version.
 *
 * Two sources, because neither is enough alone:
 *   - fs.watch on the file's folder (not the file: sync tools replace a file by renaming a new one
 *     over it, which ends a watch on the file itself). Quick, but network drives and some sync
 *     tools never send events.
 *   - polling: stat the file every `pollMs` (1 s); when size, modification time or inode moved,
 *     read it and compare a content hash. So a change is seen within about a second with no event.
 * Only a real change of content is reported: a touch, or our own save (see expectOwnWrite), is not.
 *
 * Why not chokidar: for one file on a network share chokidar also falls back to stat polling
 * (fs.watchFile, modification time only), and we would still have to add everything that matters
 * here on top: content hashes, ignoring our own writes, telling a vanished folder ("unreachable")
 * from a deleted file, re-arming the folder watch when the folder comes back, and never running
 * two stats at once on a drive that hangs. That is this module; it has no dependency.
 */
import { createHash } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { describeIoError } from '../meetingFile';
import { readOrdinaryFile } from '../ordinaryFile';

/** What the watcher reports about the file. */
export type FileWatchEvent =
  /** The file now holds different contents from the last ones seen (read once, handed over here). */
  | { kind: 'changed'; contents: Buffer; hash: string }
  /** The folder is there but the file is not (moved or deleted). Reported once, after two looks. */
  | { kind: 'removed' }
  /** The folder cannot be reached (drive unmapped, VPN dropped, folder renamed or permission refused). */
  | { kind: 'unreachable'; problem: string }
  /** The file can be read again after 'unreachable' or 'removed'; a 'changed' follows if its contents differ. */
  | { kind: 'back' };

export interface WatchOptions {
  /** How often the file is checked without any event. */
  pollMs?: number;
  /** A burst of folder events is checked once, this long after the last one. */
  debounceMs?: number;
  /** false: polling only, as on a network drive that sends no events. */
  useEvents?: boolean;
  /** Contents the caller already has (e.g. just opened); otherwise the first look sets the baseline silently. */
  knownHash?: string;
  /** After a change, the file is hashed on this many further polls even if its stat looks unchanged (coarse mtimes). */
  settlePolls?: number;
}

export interface FileWatcher {
  /**
   * We are about to write these contents ourselves; when they appear, they are taken in silently.
   * Call it before the write, with contentHash() of exactly the bytes written.
   */
  expectOwnWrite(hash: string): void;
  /** Hash of the contents last seen or expected (undefined before the first look). */
  readonly knownHash: string | undefined;
  /** Checks now instead of waiting for the next poll; resolves when the check is done. */
  checkNow(): Promise<void>;
  /** Stops watching: no timer, folder watch or pending check remains once this resolves. */
  close(): Promise<void>;
}

/** The hash the watcher compares; use it for expectOwnWrite. */
export function contentHash(contents: string | Uint8Array): string {
  return createHash('sha256').update(contents).digest('hex');
}

interface Seen {
  mtimeMs: number;
  size: number;
  ino: number;
  ctimeMs: number;
}

type Presence = 'present' | 'removed' | 'unreachable';

const FOLDER_GONE = new Set(['ENOENT', 'ENOTDIR']);

export function watchFile(path: string, onEvent: (event: FileWatchEvent) => void, options: WatchOptions = {}): FileWatcher {
  const pollMs = options.pollMs ?? 1000;
  const debounceMs = options.debounceMs ?? 100;
  const useEvents = options.useEvents ?? true;
  const settlePolls = options.settlePolls ?? 3;
  const folder = dirname(path);
  const name = basename(path);

  let knownHash = options.knownHash;
  /** Hashes of our own writes not yet seen, oldest first. */
  let expected: string[] = [];
  let lastStat: Seen | undefined;
  let folderIno: number | undefined;
  let presence: Presence = 'present';
  let missingLooks = 0;
  let hashAnywayPolls = 0;
  let closed = false;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  let debounceTimer: ReturnType<typeof setTimeout> | undefined;
  let folderWatch: FSWatcher | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  const emit = (event: FileWatchEvent): void => {
    if (closed) return;
    try {
      onEvent(event);
    } catch {
      // A failing listener must not stop the watching.
    }
  };

  function armFolderWatch(): void {
    folderWatch?.close();
    folderWatch = undefined;
    if (!useEvents || closed) return;
    try {
      // Persistent like the poll timer: a watcher someone forgot to close shows up, instead of hiding.
      folderWatch = watch(folder, (_type, changed) => {
        // Some platforms do not say which file changed; then check anyway.
        if (changed === null || changed === undefined || changed.toString() === name) scheduleSoon();
      });
      folderWatch.on('error', () => {
        // The folder went away (or the share dropped); polling notices and re-arms when it is back.
        folderWatch?.close();
        folderWatch = undefined;
      });
    } catch {
      folderWatch = undefined;
    }
  }

  function scheduleSoon(): void {
    if (closed) return;
    if (debounceTimer) clearTimeout(debounceTimer);
    debounceTimer = setTimeout(() => {
      debounceTimer = undefined;
      void check();
    }, debounceMs);
  }

  function schedulePoll(): void {
    if (closed) return;
    pollTimer = setTimeout(() => {
      pollTimer = undefined;
      void check().finally(schedulePoll);
    }, pollMs);
  }

  /** One check at a time: a drive that hangs gets one stat, not a pile of them. */
  function check(): Promise<void> {
    if (closed) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await look().catch(() => undefined); // every failure is handled in look(); never let one stop the polling
      } while (again && !closed);
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  async function look(): Promise<void> {
    let fileStat;
    try {
      fileStat = await stat(path);
    } catch (error) {
      if (closed) return;
      await fileMissing(error);
      return;
    }
    if (closed) return;
    const seen: Seen = { mtimeMs: fileStat.mtimeMs, size: fileStat.size, ino: fileStat.ino, ctimeMs: fileStat.ctimeMs };
    const wasAway = presence !== 'present';
    if (wasAway) {
      await refreshFolderWatch(true);
      presence = 'present';
      missingLooks = 0;
      emit({ kind: 'back' });
    }
    const statMoved =
      !lastStat || lastStat.mtimeMs !== seen.mtimeMs || lastStat.size !== seen.size || lastStat.ino !== seen.ino || lastStat.ctimeMs !== seen.ctimeMs;
    if (!statMoved && !wasAway && hashAnywayPolls === 0) return;
    // The whole folder may have been swapped (restored from a backup, re-synced): then the old watch is deaf.
    if (statMoved && !wasAway) await refreshFolderWatch(false);
    if (statMoved) hashAnywayPolls = settlePolls;
    else hashAnywayPolls = Math.max(0, hashAnywayPolls - 1);
    let contents: Buffer;
    try {
      // Never through a link, nor a pipe put in the meeting file's place.
      contents = await readOrdinaryFile(path);
    } catch {
      // Replaced or locked between stat and read (EBUSY on Windows): the next look tries again.
      lastStat = undefined;
      return;
    }
    if (closed) return;
    lastStat = seen;
    takeIn(contents);
  }

  function takeIn(contents: Buffer): void {
    const hash = contentHash(contents);
    if (knownHash === undefined) {
      knownHash = hash;
      return;
    }
    if (hash === knownHash) return;
    const own = expected.indexOf(hash);
    if (own >= 0) {
      // Our own save: take it in silently, and forget our earlier writes that were overtaken by it.
      expected = expected.slice(own + 1);
      knownHash = hash;
      return;
    }
    knownHash = hash;
    emit({ kind: 'changed', contents, hash });
  }

  async function fileMissing(error: unknown): Promise<void> {
    const code = (error as { code?: string }).code ?? '';
    let folderProblem: string | undefined;
    if (FOLDER_GONE.has(code)) {
      try {
        const folderStat = await stat(folder);
        if (!folderStat.isDirectory()) folderProblem = describeIoError({ code: 'ENOTDIR' });
      } catch (folderError) {
        folderProblem = describeIoError(folderError, 'read');
      }
    } else {
      folderProblem = describeIoError(error, 'read');
    }
    if (closed) return;
    lastStat = undefined;
    if (folderProblem !== undefined) {
      missingLooks = 0;
      if (presence !== 'unreachable') {
        presence = 'unreachable';
        folderIno = undefined;
        folderWatch?.close();
        folderWatch = undefined;
        emit({ kind: 'unreachable', problem: folderProblem });
      }
      return;
    }
    if (presence === 'unreachable') {
      // The folder is back but the file is not (yet): watch the folder again and say the file is missing.
      await refreshFolderWatch(true);
      presence = 'removed';
      missingLooks = 0;
      emit({ kind: 'removed' });
      return;
    }
    if (presence === 'removed') return;
    // A sync tool may delete and then rename; only a file missing on two looks in a row is removed.
    missingLooks += 1;
    if (missingLooks >= 2) {
      presence = 'removed';
      emit({ kind: 'removed' });
    } else {
      scheduleSoon();
    }
  }

  /** Watches the folder again if it was replaced (a new inode) or had been away. */
  async function refreshFolderWatch(force: boolean): Promise<void> {
    let ino: number | undefined;
    try {
      ino = (await stat(folder)).ino;
    } catch {
      ino = undefined;
    }
    if (closed) return;
    const replaced = folderIno !== undefined && ino !== folderIno;
    folderIno = ino;
    if (force || replaced || (useEvents && !folderWatch)) armFolderWatch();
  }

  armFolderWatch();
  void check().finally(schedulePoll);

  return {
    expectOwnWrite(hash: string) {
      expected.push(hash);
      // Writes overtaken by later ones may never be seen; keep the list short.
      if (expected.length > 16) expected = expected.slice(-16);
    },
    get knownHash() {
      return knownHash;
    },
    checkNow: () => check(),
    async close() {
      closed = true;
      if (pollTimer) clearTimeout(pollTimer);
      if (debounceTimer) clearTimeout(debounceTimer);
      pollTimer = undefined;
      debounceTimer = undefined;
      folderWatch?.close();
      folderWatch = undefined;
      await running?.catch(() => undefined);
    },
  };
}
