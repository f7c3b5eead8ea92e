/**
 * Reading one earlier version back (docs/sync.md, "History"): by the name the list gave it, for a
 * restore, checked to be a version of this meeting and brought up to the current format; or by
 * its revision, for the base of a three-way merge (sync/lineage.ts).
 */
import { basename, join } from 'node:path';
import type { Meeting } from '../../domain/meeting';
import { parseMeetingData } from '../../domain/migrations';
import { ClerkFacingError } from '../clerkFacingError';
import { historyFolder } from '../library';
import { describeUnreadable, kindOf, listNames, namesForClerk, parseJson, readVersionBytes, syncStampOf, type SyncStamp } from './historyFiles';
import { readDescription } from './versionHeader';

function checkVersionId(versionId: string): void {
  if (typeof versionId !== 'string' || versionId === '' || versionId.length > 200) {
    throw new ClerkFacingError('That earlier version is not one Minute Book knows (its name is empty or too long).', 'version-not-found');
  }
  if (/[/\\:\0]/.test(versionId) || versionId === '.' || versionId.includes('..') || versionId.startsWith('.')) {
    throw new ClerkFacingError(
      `“${versionId}” is not the name of an earlier version: it must be a file name in the meeting's history folder, with no folder in it.`,
      'version-not-found',
    );
  }
  if (!kindOf(versionId)) {
    throw new ClerkFacingError(`“${versionId}” is not the name of an earlier version of a meeting.`, 'version-not-found');
  }
}

/**
 * One earlier version, read, brought up to the current format and checked; it must hold this
 * meeting. Throws a clerk-facing error for a name that is not a version in this meeting's history
 * (including any attempt to reach outside it), a version that is gone, or one that is damaged.
 */
export async function readVersion(root: string, meetingId: string, versionId: string): Promise<Meeting> {
  checkVersionId(versionId);
  const folder = historyFolder(root, meetingId);
  const names = await namesForClerk(folder);
  if (!names.includes(versionId)) {
    throw new ClerkFacingError(
      `The earlier version “${versionId}” is no longer in this meeting's history (it may have been tidied away).`,
      'version-not-found',
    );
  }
  return (await readVersionData(join(folder, versionId), meetingId)).meeting;
}

async function readVersionData(path: string, meetingId: string): Promise<{ meeting: Meeting; stamp: SyncStamp }> {
  const name = basename(path);
  let data: unknown;
  try {
    data = parseJson(await readVersionBytes(path));
  } catch (error) {
    throw new ClerkFacingError(`The earlier version “${name}” cannot be opened: ${describeUnreadable(error)}.`, 'version-unreadable');
  }
  const parsed = parseMeetingData(data);
  if (!parsed.ok) throw new ClerkFacingError(`The earlier version “${name}” cannot be opened: ${parsed.problem}.`, 'version-unreadable');
  if (parsed.meeting.id !== meetingId) {
    throw new ClerkFacingError(`The earlier version “${name}” holds a different meeting, so it cannot be used for this one.`, 'wrong-meeting');
  }
  return { meeting: parsed.meeting, stamp: syncStampOf(data) };
}

/**
 * The earlier version of this meeting whose `sync.revision` is `revision`, or undefined. Kept
 * versions are matched by the revision in their header (no decompressing); versions without one
 * (older kept versions, conflict copies, deleted meetings) are read only if no header matched.
 * Unreadable files are passed over.
 */
export async function findVersionByRevision(root: string, meetingId: string, revision: string): Promise<Meeting | undefined> {
  if (revision === '') return undefined;
  const folder = historyFolder(root, meetingId);
  let names: string[];
  try {
    names = await listNames(folder);
  } catch {
    return undefined;
  }
  const candidates = names
    .filter((name) => kindOf(name) !== undefined)
    .sort()
    .reverse();
  const withoutRevision: string[] = [];
  for (const name of candidates) {
    const path = join(folder, name);
    const description = kindOf(name) === 'kept' ? await readDescription(path).catch(() => undefined) : undefined;
    if (description === undefined || description.revisionOmitted) {
      withoutRevision.push(name);
      continue;
    }
    if (description.revision !== revision) continue;
    const found = await readVersionData(path, meetingId).catch(() => undefined);
    if (found) return found.meeting;
  }
  for (const name of withoutRevision) {
    const found = await readVersionData(join(folder, name), meetingId).catch(() => undefined);
    if (found && found.stamp.revision === revision) return found.meeting;
  }
  return undefined;
}
