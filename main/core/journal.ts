/**
 * The local journal: every change a clerk makes is appended here and flushed to this computer's
 * disk before anything else happens, so a crash, a power cut or an unreachable library folder
 * loses nothing. One JSON-lines file per meeting in the per-computer data folder.
 *
 * Lines are entries ({"seq":…,"change":…} or {"seq":…,"snapshot":…}) and markers
 * ({"flushedThrough":N}) written once the library file holds everything up to entry N.
 * A torn last line (crash mid-append) is ignored on reading.
 */
import { mkdir, open, readFile, readdir, truncate, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { applyMeetingChange, ChangeNotApplicable, MeetingChange } from '../domain/changes';
import { Meeting } from '../domain/meeting';
import { parseMeetingData } from '../domain/migrations';
import { writeFileAtomic } from './atomicFile';

const JournalEntry = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  /** The library folder and the meeting file's path in it, so the journal can be replayed after a restart. */
  library: z.string(),
  file: z.string(),
  change: MeetingChange.optional(),
  snapshot: Meeting.optional(),
});
export type JournalEntry = z.infer<typeof JournalEntry>;
const FlushMarker = z.object({ flushedThrough: z.number().int().min(0) });

export interface PendingJournal {
  meetingId: string;
  library: string;
  file: string;
  entries: JournalEntry[];
}

/** Past this many lines a fully flushed journal is emptied, so it never grows without bound. */
const COMPACT_AFTER_LINES = 2000;

export class MeetingJournal {
  private handle?: FileHandle;
  private lines = 0;
  private lastSeq = 0;
  private flushedThrough = 0;
  private queue: Promise<void> = Promise.resolve();

  private constructor(readonly path: string) {}

  static async open(journalDir: string, meetingId: string): Promise<{ journal: MeetingJournal; pending: PendingJournal }> {
    await mkdir(journalDir, { recursive: true });
    const journal = new MeetingJournal(journalPath(journalDir, meetingId));
    const read = await readJournalFile(journal.path, meetingId);
    // A crash mid-append can leave half a line; cut it off so the next entry starts on a line of its own.
    if (read.tornBytes > 0) await truncate(journal.path, read.validBytes);
    journal.lines = read.lines;
    journal.lastSeq = read.lastSeq;
    journal.flushedThrough = read.flushedThrough;
    journal.handle = await open(journal.path, 'a');
    return { journal, pending: read.pending };
  }

  /** Entries written but not yet confirmed in the library file. */
  get pendingCount(): number {
    return this.lastSeq - this.flushedThrough;
  }

  get latestSeq(): number {
    return this.lastSeq;
  }

  /** Appends entries and waits until they are on this computer's disk. Returns the last seq. */
  append(where: { library: string; file: string }, items: ReadonlyArray<{ change: MeetingChange } | { snapshot: Meeting }>, now: Date): Promise<number> {
    return this.serialised(async () => {
      const at = now.toISOString();
      let seq = this.lastSeq;
      let text = '';
      for (const item of items) {
        seq += 1;
        text += JSON.stringify({ seq, at, library: where.library, file: where.file, ...item }) + '\n';
      }
      await this.writeDurably(text);
      this.lastSeq = seq;
      this.lines += items.length;
      return seq;
    });
  }

  /** Records that the library file now holds every entry up to seq. */
  markFlushed(seq: number): Promise<void> {
    return this.serialised(async () => {
      if (seq <= this.flushedThrough) return;
      this.flushedThrough = seq;
      if (this.flushedThrough === this.lastSeq && this.lines >= COMPACT_AFTER_LINES) {
        await this.handle?.close();
        try {
          await writeFileAtomic(this.path, JSON.stringify({ flushedThrough: seq }) + '\n');
          this.lines = 1;
        } finally {
          this.handle = await open(this.path, 'a');
        }
        return;
      }
      // No sync needed: if this marker is lost, replaying entries the file already holds changes nothing.
      await this.handle?.write(JSON.stringify({ flushedThrough: seq }) + '\n');
      this.lines += 1;
    });
  }

  close(): Promise<void> {
    return this.serialised(async () => {
      await this.handle?.close();
      this.handle = undefined;
    });
  }

  private async writeDurably(text: string): Promise<void> {
    if (!this.handle) throw new Error(`The journal ${this.path} is closed.`);
    await this.handle.write(text);
    await this.handle.datasync();
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

async function readJournalFile(
  path: string,
  meetingId: string,
): Promise<{ lines: number; lastSeq: number; flushedThrough: number; pending: PendingJournal; validBytes: number; tornBytes: number }> {
  let text = '';
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') throw error;
  }
  const entries: JournalEntry[] = [];
  let flushedThrough = 0;
  let lastSeq = 0;
  let lines = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    lines += 1;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      continue; // a line torn by a crash mid-append: everything before it is intact
    }
    const marker = FlushMarker.safeParse(data);
    if (marker.success) {
      flushedThrough = Math.max(flushedThrough, marker.data.flushedThrough);
      lastSeq = Math.max(lastSeq, marker.data.flushedThrough);
      continue;
    }
    const entry = JournalEntry.safeParse(data);
    if (entry.success) {
      entries.push(entry.data);
      lastSeq = Math.max(lastSeq, entry.data.seq);
    }
  }
  const pending = entries.filter((entry) => entry.seq > flushedThrough);
  const last = pending.at(-1) ?? entries.at(-1);
  const validBytes = Buffer.byteLength(text.slice(0, text.lastIndexOf('\n') + 1));
  return {
    lines,
    lastSeq,
    flushedThrough,
    pending: { meetingId, library: last?.library ?? '', file: last?.file ?? '', entries: pending },
    validBytes,
    tornBytes: Buffer.byteLength(text) - validBytes,
  };
}

/** Meetings whose journals hold changes that never reached the library (after a crash or offline spell). */
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
    const meetingId = name.slice(0, -'.jsonl'.length);
    const read = await readJournalFile(join(journalDir, name), meetingId);
    if (read.pending.entries.length > 0) found.push(read.pending);
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

// ─── Rebuilding a meeting from this computer alone ────────────────────────────────────────
//
// Interim, for today's journal format (entries, flush markers, and the replay base
// `<id>.base.json` the session keeps beside the journal). The journal's redesign brings its own
// rebuildFromJournal with this signature; nothing else here depends on how it does it.

/** The replay base beside the journal: the meeting as the library file held it once every entry up to `seq` was in it. */
const REBUILD_BASE_FORMAT = 'minutebook.journalBase';

/**
 * The whole meeting as this computer knows it from its journal alone, without the library: the
 * latest whole meeting kept here (the snapshot written when it was created, or the replay base)
 * with every entry after it applied. `pendingChanges` counts the entries the library never
 * confirmed. Undefined when this computer holds no whole meeting for it (only changes), or no
 * journal at all.
 */
export async function rebuildFromJournal(
  journalDir: string,
  meetingId: string,
): Promise<{ meeting: Meeting; library: string; file: string; pendingChanges: number } | undefined> {
  let text: string;
  try {
    text = await readFile(journalPath(journalDir, meetingId), 'utf8');
  } catch {
    return undefined;
  }
  const entries: JournalEntry[] = [];
  let flushedThrough = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      continue; // torn by a crash mid-append
    }
    const marker = FlushMarker.safeParse(data);
    if (marker.success) {
      flushedThrough = Math.max(flushedThrough, marker.data.flushedThrough);
      continue;
    }
    const entry = JournalEntry.safeParse(data);
    if (entry.success) entries.push(entry.data);
  }
  entries.sort((a, b) => a.seq - b.seq);
  const where = entries.at(-1);
  if (!where) return undefined;
  const snapshot = entries.filter((entry) => entry.snapshot?.id === meetingId).at(-1);
  const base = await readRebuildBase(journalDir, meetingId);
  let start: { meeting: Meeting; seq: number } | undefined;
  if (snapshot?.snapshot && (!base || snapshot.seq > base.seq)) start = { meeting: snapshot.snapshot, seq: snapshot.seq };
  else start = base;
  if (!start) return undefined;
  let meeting = start.meeting;
  for (const entry of entries) {
    if (entry.seq <= start.seq || !entry.change) continue;
    try {
      meeting = applyMeetingChange(meeting, entry.change, new Date(entry.at));
    } catch (error) {
      // As in replay: a change whose target had gone is skipped.
      if (!(error instanceof ChangeNotApplicable)) throw error;
    }
  }
  return { meeting, library: where.library, file: where.file, pendingChanges: entries.filter((entry) => entry.seq > flushedThrough).length };
}

async function readRebuildBase(journalDir: string, meetingId: string): Promise<{ meeting: Meeting; seq: number } | undefined> {
  try {
    const data = JSON.parse(await readFile(join(journalDir, `${meetingId}.base.json`), 'utf8')) as { format?: unknown; seq?: unknown; meeting?: unknown };
    if (data.format !== REBUILD_BASE_FORMAT || typeof data.seq !== 'number') return undefined;
    const parsed = parseMeetingData(data.meeting);
    return parsed.ok && parsed.meeting.id === meetingId ? { meeting: parsed.meeting, seq: data.seq } : undefined;
  } catch {
    return undefined;
  }
}
