/**
 * Replay: the meeting as this computer made it, from its journal (docs/sync.md, "Replay"). An
 * epoch's base (the meeting the entries were made on) and every entry since give "mine"; merged
 * three-way with the library file as it is now, which may hold a colleague's work, with the base
 * as the common ancestor. Also the replay base kept beside the journal before epochs (read on
 * upgrade), and the whole meeting rebuilt from the journal alone for a stranded meeting.
 */
import { readFile } from 'node:fs/promises';
import { applyMeetingChange, ChangeNotApplicable } from '../../domain/changes';
import type { Meeting } from '../../domain/meeting';
import { mergeMeetings } from '../../domain/merge';
import { parseMeetingData } from '../../domain/migrations';
import { clipAuthor, lineageOf, unrelatedBase } from '../sync/lineage';
import { journalPath, legacyBasePath, readJournalFile, type JournalEntry, type JournalRead } from './journal';

/** A journal entry's change or merge applied in replay; a change whose target has gone is skipped (counted), never fatal. */
export function applyJournalEntry(meeting: Meeting, entry: JournalEntry): { meeting: Meeting; skipped: boolean } {
  if (entry.base) return { meeting: entry.base, skipped: false };
  if (entry.snapshot) return { meeting: entry.snapshot, skipped: false };
  if (entry.merged) return { meeting: entry.merged, skipped: false };
  if (!entry.change) return { meeting, skipped: true };
  try {
    return { meeting: applyMeetingChange(meeting, entry.change, new Date(entry.at)), skipped: false };
  } catch (error) {
    // Gone meanwhile (ChangeNotApplicable) is ordinary; anything else is a damaged entry, left out and reported.
    return { meeting, skipped: !(error instanceof ChangeNotApplicable) };
  }
}

/** The epoch's meeting as this computer made it: its base (or snapshot), then every entry since. */
export function replayEpoch(epoch: readonly JournalEntry[]): { base: Meeting; mine: Meeting; skipped: number } | undefined {
  const first = epoch[0];
  const base = first?.base ?? first?.snapshot;
  if (!base) return undefined;
  let mine = base;
  let skipped = 0;
  for (const entry of epoch.slice(1)) {
    const next = applyJournalEntry(mine, entry);
    mine = next.meeting;
    if (next.skipped) skipped += 1;
  }
  return { base, mine, skipped };
}

/** The replay base written beside the journal before epochs, if there is a readable one for this meeting. */
export async function readLegacyBase(journalDir: string, meetingId: string): Promise<{ meeting: Meeting; seq: number } | undefined> {
  try {
    const data = JSON.parse(await readFile(legacyBasePath(journalDir, meetingId), 'utf8')) as { format?: unknown; seq?: unknown; meeting?: unknown };
    if (data.format !== 'minutebook.journalBase' || typeof data.seq !== 'number') return undefined;
    const parsed = parseMeetingData(data.meeting);
    return parsed.ok && parsed.meeting.id === meetingId ? { meeting: parsed.meeting, seq: data.seq } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The whole meeting as this computer knows it from its journal alone (its last epoch's base or
 * snapshot and every entry since; for a journal written before epochs, the old replay base beside
 * it and every later entry), without the library file — for putting back a meeting whose file has
 * gone. Undefined if the journal holds no whole meeting. Reads only; never changes the journal.
 */
export async function rebuildFromJournal(
  journalDir: string,
  meetingId: string,
): Promise<{ meeting: Meeting; library: string; file: string; pendingChanges: number } | undefined> {
  let read: JournalRead;
  try {
    read = await readJournalFile(journalPath(journalDir, meetingId), meetingId);
  } catch {
    return undefined;
  }
  const pendingChanges = read.pending.filter((entry) => entry.change).length;
  const where = { library: read.library, file: read.file, pendingChanges };
  const replayed = replayEpoch(read.epoch);
  if (replayed) return replayed.mine.id === meetingId ? { meeting: replayed.mine, ...where } : undefined;
  const legacy = await readLegacyBase(journalDir, meetingId);
  if (!legacy) return undefined;
  let meeting = legacy.meeting;
  for (const entry of read.epoch) if (entry.seq > legacy.seq) meeting = applyJournalEntry(meeting, entry).meeting;
  return { meeting, ...where };
}

/**
 * The meeting after replaying what this computer journaled, merged three-way with the file as it is
 * now, which may hold a colleague's work. The common ancestor is the epoch's base, the version the
 * entries were made on: this computer's own changes that reached the file are then the same on both
 * sides, and whatever came since from others is theirs (docs/sync.md, "Replay"). A journal written
 * before epochs is replayed as before, on the old replay base beside it (now with every entry after
 * that base, not only those after the last marker), else on the file as it is.
 */
export function replayJournal(
  file: Meeting,
  read: JournalRead,
  legacyBase: { meeting: Meeting; seq: number } | undefined,
  savedBy: string,
): { meeting: Meeting; skipped: number } {
  const epoch = replayEpoch(read.epoch);
  if (epoch) {
    const related = lineageOf(file).includes(lineageOf(epoch.base)[0]!);
    // A new meeting's snapshot from before epochs: its file never descended from it by lineage, so its changes go on the file.
    if (related || !read.epoch[0]!.snapshot)
      return { meeting: mergeReplayed(related ? epoch.base : unrelatedBase(epoch.mine, file), epoch.mine, file, savedBy), skipped: epoch.skipped };
  }
  if (legacyBase) {
    let mine = legacyBase.meeting;
    let skipped = 0;
    for (const entry of read.epoch) {
      if (entry.seq <= legacyBase.seq) continue;
      const next = applyJournalEntry(mine, entry);
      mine = next.meeting;
      if (next.skipped) skipped += 1;
    }
    const related = lineageOf(file).includes(lineageOf(legacyBase.meeting)[0]!);
    return { meeting: mergeReplayed(related ? legacyBase.meeting : unrelatedBase(mine, file), mine, file, savedBy), skipped };
  }
  return applyOnto(file, read.pending);
}

function applyOnto(file: Meeting, entries: readonly JournalEntry[]): { meeting: Meeting; skipped: number } {
  let meeting = file;
  let skipped = 0;
  for (const entry of entries) {
    if (!entry.change) continue;
    const next = applyJournalEntry(meeting, entry);
    meeting = next.meeting;
    if (next.skipped) skipped += 1;
  }
  return { meeting, skipped };
}

function mergeReplayed(base: Meeting, mine: Meeting, file: Meeting, savedBy: string): Meeting {
  const merged = mergeMeetings(base, mine, file, { mineAuthor: clipAuthor(savedBy), theirsAuthor: clipAuthor(file.sync?.savedBy) });
  return { ...merged.meeting, ...(file.sync ? { sync: file.sync } : {}) };
}

/** What the clerk is told when journal lines could not be used (damaged, or a bad field), or undefined if none. */
export function unreadableNotice(count: number, journalFile: string): string | undefined {
  if (count === 0) return undefined;
  const what =
    count === 1
      ? '1 entry of the changes kept on this computer could not be read and was'
      : `${count} entries of the changes kept on this computer could not be read and were`;
  return `${what} left out (damaged lines in ${journalFile}); everything else kept on this computer was put back.`;
}
