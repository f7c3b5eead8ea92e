/**
 * The local journal: every change a clerk makes is appended here and flushed to this computer's
 * disk before anything else happens, so a crash, a power cut, a full disk or an unreachable
 * library folder loses nothing that was acknowledged. One JSON-lines file per meeting in the
 * per-computer data folder (docs/sync.md, "The local journal").
 *
 * The journal is a sequence of **epochs**. An epoch starts with the meeting the following
 * entries were made on (`base`: the meeting as the library file held it; `snapshot`: a new
 * meeting not yet in the library), written in the same durable append as the first change of the
 * epoch. Then come `change` entries and `merged` entries (the open meeting as a merge or a
 * restore left it: "mine is now this"). Markers (`{"flushedThrough":N,"entries":L}`) say the
 * library file holds every entry up to N. Replay takes the last epoch whole — its base and every
 * entry after it, flushed or not — so it never applies changes to a base older than the ones it
 * skips. Once everything is in the library the journal shrinks to one marker (and is removed when
 * the meeting is closed), so the next change starts a new epoch: a base is written once an
 * epoch, never once a save.
 *
 * An append is whole and on the disk before it is acknowledged, or refused; a short or failed
 * write is cut back to the last whole line before anything else is appended. A damaged line
 * (a torn tail is expected after a crash and cut off silently; one in the middle is not) is left
 * out and counted, never taking the entries after it with it.
 */
import { mkdir, open, readFile, readdir, rm, truncate, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { MeetingChange } from '../../domain/changes';
import { Meeting } from '../../domain/meeting';
import { syncFolder, writeFileAtomic } from '../atomicFile';
import { ClerkFacingError } from '../clerkFacingError';
import { crashPoint } from '../crashPoints';
import { describeIoError } from '../meetingFile';

const JournalEntry = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  /** The library folder and the meeting file's path in it, so the journal can be replayed after a restart. */
  library: z.string(),
  file: z.string(),
  change: MeetingChange.optional(),
  snapshot: Meeting.optional(),
  base: Meeting.optional(),
  merged: Meeting.optional(),
});
export type JournalEntry = z.infer<typeof JournalEntry>;
/** `entries`: the last seq journaled when the marker was written (absent in journals written before epochs). */
const FlushMarker = z.object({ flushedThrough: z.number().int().min(0), entries: z.number().int().min(0).optional() });

export type JournalItem = { change: MeetingChange } | { snapshot: Meeting } | { base: Meeting } | { merged: Meeting };

export interface PendingJournal {
  meetingId: string;
  library: string;
  file: string;
  entries: JournalEntry[];
}

/** A journal as read from the disk. */
export interface JournalRead {
  meetingId: string;
  library: string;
  file: string;
  lastSeq: number;
  flushedThrough: number;
  /**
   * The last epoch: its base or snapshot first, then every entry since. A journal written before
   * epochs (no base or snapshot line) gives all its entries, and `epochStarted` is false.
   */
  epoch: JournalEntry[];
  epochStarted: boolean;
  /** Entries the library file may not hold yet (after the last marker). */
  pending: JournalEntry[];
  /** Lines left out: damaged in the middle of the journal, or entries that fail the schema (a bad field). */
  unreadable: number;
  validBytes: number;
  tornBytes: number;
}

/** What the clerk is told when a change cannot be kept on this computer's disk. */
export const DISK_FULL_REFUSAL = "This computer's disk is full — the last change was not kept";

/** A refused append, in the clerk's words: a full disk (or quota) exactly so, anything else with its reason. */
export function journalRefusal(error: unknown): ClerkFacingError {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new ClerkFacingError(DISK_FULL_REFUSAL, 'disk-full');
  return new ClerkFacingError(
    `Your last change could not be kept on this computer: ${describeIoError(error, 'write')}. Please copy any text you just typed somewhere safe.`,
    'journal-failed',
  );
}

export class MeetingJournal {
  private handle?: FileHandle;
  /** Bytes of whole lines in the file; anything after them is cut off before the next append. */
  private size = 0;
  private mustCut = false;
  private lastSeq = 0;
  private flushedThrough = 0;
  /** Seqs of the change entries after the last marker (the "changes kept on this computer"). */
  private pendingChanges: number[] = [];
  private epochStarted = false;
  private queue: Promise<void> = Promise.resolve();

  private constructor(
    readonly path: string,
    private readonly folder: string,
    private readonly meetingId: string,
  ) {}

  static async open(journalDir: string, meetingId: string): Promise<{ journal: MeetingJournal; read: JournalRead }> {
    await mkdir(journalDir, { recursive: true });
    const journal = new MeetingJournal(journalPath(journalDir, meetingId), journalDir, meetingId);
    const read = await readJournalFile(journal.path, meetingId);
    // A crash (or a full disk) mid-append can leave part of a line; cut it off so the next entry starts on a line of its own.
    if (read.tornBytes > 0) await truncate(journal.path, read.validBytes);
    journal.size = read.validBytes;
    journal.lastSeq = read.lastSeq;
    journal.flushedThrough = read.flushedThrough;
    journal.pendingChanges = read.pending.filter((entry) => entry.change).map((entry) => entry.seq);
    journal.epochStarted = read.epochStarted;
    journal.handle = await open(journal.path, 'a');
    // A journal file made just now: its name must survive a power cut as well as the lines appended to it.
    if (read.validBytes === 0) await syncFolder(journalDir);
    return { journal, read };
  }

  /** Changes written but not yet confirmed in the library file. */
  get pendingCount(): number {
    return this.pendingChanges.length;
  }

  get latestSeq(): number {
    return this.lastSeq;
  }

  get flushedSeq(): number {
    return this.flushedThrough;
  }

  /** Whether the library file holds every entry. */
  get fullyFlushed(): boolean {
    return this.flushedThrough >= this.lastSeq;
  }

  get bytes(): number {
    return this.size;
  }

  /** The next append starts a new epoch on the meeting as it then is (opening with nothing pending). */
  endEpoch(): void {
    this.epochStarted = false;
  }

  /**
   * Appends entries and waits until they are on this computer's disk; returns the last seq. When
   * no epoch is under way (a new or shrunk journal), `epochBase()` — the meeting the entries were
   * made on — is written first, in the same durable append. Rejects (with nothing kept) if the
   * disk refuses any of it.
   */
  append(where: { library: string; file: string }, items: readonly JournalItem[], now: Date, epochBase?: () => Meeting): Promise<number> {
    return this.serialised(async () => {
      const at = now.toISOString();
      const all: JournalItem[] = [];
      const startsEpoch = items[0] !== undefined && ('base' in items[0] || 'snapshot' in items[0]);
      if (!this.epochStarted && !startsEpoch && epochBase) all.push({ base: epochBase() });
      all.push(...items);
      let seq = this.lastSeq;
      const changeSeqs: number[] = [];
      let text = '';
      for (const item of all) {
        seq += 1;
        if ('change' in item) changeSeqs.push(seq);
        text += JSON.stringify({ seq, at, library: where.library, file: where.file, ...item }) + '\n';
      }
      await this.writeWhole(text, true);
      this.lastSeq = seq;
      this.pendingChanges.push(...changeSeqs);
      const opened = all.some((item) => 'base' in item || 'snapshot' in item);
      if (opened) this.epochStarted = true;
      crashPoint(opened ? 'journal.epochStarted' : 'journal.appended');
      return seq;
    });
  }

  /**
   * Records that the library file now holds every entry up to seq. When that is every entry and
   * the journal has grown past `shrinkAbove` bytes, it shrinks to one marker: the next change
   * starts a new epoch.
   */
  markFlushed(seq: number, shrinkAbove = Number.POSITIVE_INFINITY): Promise<void> {
    return this.serialised(async () => {
      if (seq <= this.flushedThrough) return;
      this.flushedThrough = Math.min(seq, this.lastSeq);
      this.pendingChanges = this.pendingChanges.filter((each) => each > this.flushedThrough);
      if (this.fullyFlushed && this.size > shrinkAbove) {
        await this.shrink();
        return;
      }
      // Not synced: if this marker is lost, replay merges entries the file already holds, which changes nothing.
      await this.writeWhole(this.markerLine(), false);
      crashPoint('save.marked');
    });
  }

  /** When the library file holds everything: the journal file is removed (closing a meeting). Returns whether it was. */
  removeIfFlushed(): Promise<boolean> {
    return this.serialised(async () => {
      if (!this.fullyFlushed || this.mustCut) return false;
      await this.handle?.close();
      this.handle = undefined;
      await rm(this.path, { force: true });
      await rm(legacyBasePath(this.folder, this.meetingId), { force: true }).catch(() => undefined);
      crashPoint('journal.removed');
      return true;
    });
  }

  close(): Promise<void> {
    return this.serialised(async () => {
      await this.handle?.close();
      this.handle = undefined;
    });
  }

  private markerLine(): string {
    return JSON.stringify({ flushedThrough: this.flushedThrough, entries: this.lastSeq }) + '\n';
  }

  private async shrink(): Promise<void> {
    await this.handle?.close();
    this.handle = undefined;
    const marker = this.markerLine();
    try {
      // Durable, folder and all: the next epoch is appended to this file and must not vanish with an unsynced rename.
      await writeFileAtomic(this.path, marker, { step: 'shrink' });
      this.size = Buffer.byteLength(marker);
      this.epochStarted = false;
      this.mustCut = false;
      await rm(legacyBasePath(this.folder, this.meetingId), { force: true }).catch(() => undefined);
    } finally {
      this.handle = await open(this.path, 'a');
    }
  }

  /**
   * Writes every byte (a short write is continued, and refused if the disk takes nothing more),
   * then, if `durable`, syncs the data to the disk. On any failure the file is cut back to its last
   * whole line, so nothing half-written is ever followed by the next entry.
   */
  private async writeWhole(text: string, durable: boolean): Promise<void> {
    const handle = this.handle;
    if (!handle) throw new Error(`The journal ${this.path} is closed.`);
    if (this.mustCut) await this.cutBack(handle);
    const bytes = Buffer.from(text);
    try {
      let offset = 0;
      while (offset < bytes.length) {
        const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
        if (bytesWritten <= 0) throw Object.assign(new Error('the disk took none of the change'), { code: 'ENOSPC' });
        offset += bytesWritten;
      }
      if (durable) await handle.datasync();
    } catch (error) {
      this.mustCut = true;
      await this.cutBack(handle).catch(() => undefined);
      throw error;
    }
    this.size += bytes.length;
  }

  /** Cuts the file back to its last whole line (after a failed append); until it succeeds nothing more is appended. */
  private async cutBack(handle: FileHandle): Promise<void> {
    await handle.truncate(this.size);
    await handle.datasync();
    this.mustCut = false;
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work);
    this.queue = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

export function journalPath(journalDir: string, meetingId: string): string {
  return join(journalDir, `${meetingId}.jsonl`);
}

/** The replay base kept beside the journal by Minute Book before epochs (read on upgrade, then removed). */
export function legacyBasePath(journalDir: string, meetingId: string): string {
  return join(journalDir, `${meetingId}.base.json`);
}

export async function readJournalFile(path: string, meetingId: string): Promise<JournalRead> {
  let text = '';
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') throw error;
  }
  const validText = text.slice(0, text.lastIndexOf('\n') + 1);
  let entries: JournalEntry[] = [];
  let epochStarted = false;
  let flushedThrough = 0;
  let lastSeq = 0;
  let unreadable = 0;
  let library = '';
  let file = '';
  for (const line of validText.split('\n')) {
    if (!line.trim()) continue;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      unreadable += 1; // damaged in the middle (a torn tail was cut off above): reported, and the lines after it still count
      continue;
    }
    const marker = FlushMarker.safeParse(data);
    if (marker.success) {
      flushedThrough = Math.max(flushedThrough, marker.data.flushedThrough);
      lastSeq = Math.max(lastSeq, marker.data.flushedThrough, marker.data.entries ?? 0);
      continue;
    }
    const entry = JournalEntry.safeParse(data);
    if (!entry.success) {
      unreadable += 1; // a bad field: left out and reported, never stopping the meeting from opening
      const seq = (data as { seq?: unknown } | null)?.seq;
      if (typeof seq === 'number' && Number.isInteger(seq)) lastSeq = Math.max(lastSeq, seq);
      continue;
    }
    const kinds = ['change', 'snapshot', 'base', 'merged'].filter((key) => entry.data[key as keyof JournalEntry] !== undefined).length;
    if (kinds !== 1) {
      unreadable += 1;
      lastSeq = Math.max(lastSeq, entry.data.seq);
      continue;
    }
    if (entry.data.base || entry.data.snapshot) {
      entries = [];
      epochStarted = true;
    }
    entries.push(entry.data);
    lastSeq = Math.max(lastSeq, entry.data.seq);
    library = entry.data.library;
    file = entry.data.file;
  }
  return {
    meetingId,
    library,
    file,
    lastSeq,
    flushedThrough,
    epoch: entries,
    epochStarted,
    pending: entries.filter((entry) => entry.seq > flushedThrough),
    unreadable,
    validBytes: Buffer.byteLength(validText),
    tornBytes: Buffer.byteLength(text) - Buffer.byteLength(validText),
  };
}

/**
 * Whether a journal is fully flushed, from its last line alone: a marker written when it was the
 * last entry's. Undefined when the tail cannot tell (the journal must then be read whole).
 */
async function flushedFromTail(path: string): Promise<boolean | undefined> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    const { size } = await handle.stat();
    if (size === 0) return true;
    const length = Math.min(size, 4096);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    const tail = buffer.toString('utf8');
    if (!tail.endsWith('\n')) return undefined;
    const lastLine = tail.slice(tail.lastIndexOf('\n', tail.length - 2) + 1, -1);
    const marker = FlushMarker.safeParse(JSON.parse(lastLine));
    if (!marker.success || marker.data.entries === undefined) return undefined;
    return marker.data.flushedThrough >= marker.data.entries ? true : undefined;
  } catch {
    return undefined;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Meetings whose journals hold changes that never reached the library (after a crash or offline
 * spell). A fully flushed journal is told from its last line, so start-up costs what is pending,
 * not what was ever typed.
 */
export async function findPendingJournals(journalDir: string): Promise<PendingJournal[]> {
  let names: string[];
  try {
    names = await readdir(journalDir);
  } catch {
    return [];
  }
  const found: PendingJournal[] = [];
  for (const name of names) {
    if (!name.endsWith('.jsonl')) continue;
    const path = join(journalDir, name);
    if (await flushedFromTail(path)) continue;
    const meetingId = name.slice(0, -'.jsonl'.length);
    const read = await readJournalFile(path, meetingId).catch(() => undefined);
    if (read && read.pending.length > 0) found.push({ meetingId, library: read.library, file: read.file, entries: read.pending });
  }
  return found;
}

/**
 * The library folders this computer has used, kept beside the journals. A library folder that
 * is missing but was used before has gone away (drive unmapped, folder renamed): it must not be
 * made again, empty, in its place — the real one may come back, and the journal waits for it.
 */
const LIBRARIES_FILE = 'libraries.json';
const UsedLibraries = z.object({ libraries: z.array(z.string()) });

async function readUsedLibraries(journalDir: string): Promise<string[]> {
  try {
    const parsed = UsedLibraries.safeParse(JSON.parse(await readFile(join(journalDir, LIBRARIES_FILE), 'utf8')));
    return parsed.success ? parsed.data.libraries : [];
  } catch {
    return [];
  }
}

export async function rememberLibrary(journalDir: string, root: string): Promise<void> {
  const libraries = await readUsedLibraries(journalDir);
  if (libraries.includes(root)) return;
  await mkdir(journalDir, { recursive: true });
  await writeFileAtomic(join(journalDir, LIBRARIES_FILE), JSON.stringify({ libraries: [...libraries, root].slice(-50) }, null, 2) + '\n');
}

/** Whether this computer has used (or holds changes for) the library folder `root`. */
export async function hasUsedLibrary(journalDir: string, root: string): Promise<boolean> {
  if ((await readUsedLibraries(journalDir)).includes(root)) return true;
  return (await findPendingJournals(journalDir)).some((pending) => pending.library === root);
}
