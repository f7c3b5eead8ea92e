/**
 * The list of a meeting's earlier versions the History dialog shows (docs/sync.md, "History"):
 * versions the app kept (described from their header, never unpacked), merged conflict copies and
 * the meeting as it was when deleted, newest first, each with when, who and why.
 */
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { CONFLICT_COPY_TOOL_LABELS, conflictCopyOf, looksLikeMeetingFileName } from '../../domain/conflictCopies';
import type { MeetingVersion } from '../../domain/api';
import { historyFolder } from '../library';
import {
  CONFLICT_COPY,
  describeUnreadable,
  kindOf,
  namesForClerk,
  parseJson,
  readVersionBytes,
  stampTime,
  syncStampOf,
  type SyncStamp,
  type VersionKind,
} from './historyFiles';
import { readDescription } from './versionHeader';

/** Which sync tool made an archived copy, guessed from its original name alone. */
function conflictCopyNote(originalName: string): string {
  const stem = originalName.replace(/\.json$/i, '');
  // The meeting's own name is the longest front part shaped like a meeting file name that makes the rest a tool's suffix.
  for (let end = stem.length - 1; end > 0; end -= 1) {
    const base = `${stem.slice(0, end)}.json`;
    if (!looksLikeMeetingFileName(base)) continue;
    const tool = conflictCopyOf(originalName, base);
    if (tool === 'copied-by-hand') return `conflict copy: ${CONFLICT_COPY_TOOL_LABELS[tool]}`;
    if (tool) return `conflict copy from ${CONFLICT_COPY_TOOL_LABELS[tool]}`;
  }
  return `conflict copy “${originalName}”`;
}

async function describeVersion(folder: string, name: string, kind: VersionKind): Promise<MeetingVersion> {
  const path = join(folder, name);
  const info = await lstat(path);
  if (!info.isFile()) throw new Error(`${name} is not a file`);
  const stampedAt = stampTime(name) ?? info.mtime;
  const version: MeetingVersion = { versionId: name, savedAt: stampedAt.toISOString(), sizeBytes: info.size };
  const notes: string[] = [];
  if (kind === 'conflict-copy') notes.push(conflictCopyNote(CONFLICT_COPY.exec(name)![1]!));
  if (kind === 'deleted') notes.push('as it was when the meeting was deleted');

  let stamp: SyncStamp | undefined;
  if (kind === 'kept') {
    const description = await readDescription(path).catch(() => undefined);
    if (description) {
      stamp = description;
      version.sizeBytes = description.size;
      if (description.note) notes.push(description.note);
    }
  }
  if (!stamp) {
    // Older kept versions, conflict copies and deleted meetings carry no description: read them (they are few).
    try {
      const bytes = await readVersionBytes(path);
      version.sizeBytes = bytes.length;
      stamp = syncStampOf(parseJson(bytes));
    } catch (error) {
      notes.push(`cannot be read: ${describeUnreadable(error)}`);
    }
  }
  if (stamp?.savedAt) version.savedAt = stamp.savedAt;
  if (stamp?.savedBy) version.savedBy = stamp.savedBy;
  if (notes.length > 0) version.note = notes.join('; ');
  return version;
}

/**
 * Every earlier version of a meeting, newest first: versions the app kept, merged conflict copies
 * and the meeting as it was when deleted. A file that cannot be read is listed with a note saying
 * so; files that are none of these (temporary files, strays) are left out. Never throws for a
 * bad file; an unreachable folder gives a clerk-facing error, a missing one an empty list.
 */
export async function listVersions(root: string, meetingId: string): Promise<MeetingVersion[]> {
  const folder = historyFolder(root, meetingId);
  const names = await namesForClerk(folder);
  const versions: MeetingVersion[] = [];
  for (const name of names) {
    const kind = kindOf(name);
    if (!kind) continue;
    try {
      versions.push(await describeVersion(folder, name, kind));
    } catch {
      // Gone since the folder was listed (thinned by another computer), or not a file: not a version.
    }
  }
  return versions.sort((a, b) => b.savedAt.localeCompare(a.savedAt) || b.versionId.localeCompare(a.versionId));
}
