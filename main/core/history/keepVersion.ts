/**
 * Keeping a version of a meeting file before it is replaced (docs/sync.md, "Kept versions"): the
 * bytes exactly as they were, gzip-compressed, named `<time kept> <8 hex>.json.gz`, with who saved
 * them, when, why and their revision in the header (versionHeader.ts). Written once and never
 * changed; the same bytes as the newest kept version are not kept again; then the history is
 * thinned (retention.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { writeFileAtomic } from '../atomicFile';
import { fileStamp, historyFolder } from '../library';
import { readOrdinaryFile } from '../ordinaryFile';
import { inflateVersion, kindOf, listNames, parseJson, syncStampOf, type SyncStamp } from './historyFiles';
import { DEFAULT_HISTORY_POLICY, pruneHistory, type HistoryPolicy } from './retention';
import { readDescription, withDescription, type VersionDescription } from './versionHeader';

const gzipAsync = promisify(gzip);

const MAX_SAVED_BY = 500;
const MAX_NOTE = 400;
const MAX_REVISION = 200;

export interface KeepVersionOptions {
  /** When the version is kept (the moment it is replaced); names the file. */
  now: Date;
  /** Why it was kept: "before a merge with Tom Jones's changes", "before restoring an earlier version". */
  note?: string;
  /** Who saved these contents; read from the contents' `sync.savedBy` when not given. */
  savedBy?: string;
  /** The contents' revision; read from the contents' `sync.revision` when not given. */
  revision?: string;
  /** When these contents were saved (ISO); read from the contents' `sync.savedAt` when not given. */
  savedAt?: string;
}

export interface KeptVersion {
  /** The version holding these contents: the new file, or the newest kept one when it already held them. */
  versionId: string;
  /** False when the newest kept version already held exactly these contents, so nothing was written. */
  kept: boolean;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function clip(text: string | undefined, max: number): string | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return trimmed.length <= max ? trimmed : `${trimmed.slice(0, max - 1)}…`;
}

/**
 * Keeps `bytes` (the meeting file as it was, about to be replaced) as a new version, unless the
 * newest kept version holds exactly the same bytes. Written atomically; the history is then
 * thinned by `policy` (failures to thin are ignored: keeping matters, tidying can wait).
 */
export async function keepVersionBytes(
  root: string,
  meetingId: string,
  bytes: Uint8Array,
  options: KeepVersionOptions,
  policy: HistoryPolicy = DEFAULT_HISTORY_POLICY,
): Promise<KeptVersion> {
  const folder = historyFolder(root, meetingId);
  await mkdir(folder, { recursive: true });
  const hash = sha256(bytes);
  const newest = await newestKeptVersion(folder);
  if (newest !== undefined && (await holdsSameBytes(join(folder, newest), hash, bytes))) return { versionId: newest, kept: false };

  let stamp: SyncStamp = {};
  if (options.savedBy === undefined || options.revision === undefined || options.savedAt === undefined) {
    try {
      stamp = syncStampOf(parseJson(bytes));
    } catch {
      // Not JSON (a damaged file is kept as it was); there is simply nothing more to say about it.
    }
  }
  const description: VersionDescription = { format: 'minutebook.version', keptAt: options.now.toISOString(), size: bytes.length, sha256: hash };
  const savedAt = options.savedAt ?? stamp.savedAt;
  if (savedAt !== undefined && !Number.isNaN(Date.parse(savedAt))) description.savedAt = new Date(savedAt).toISOString();
  const savedBy = clip(options.savedBy ?? stamp.savedBy, MAX_SAVED_BY);
  if (savedBy !== undefined) description.savedBy = savedBy;
  const note = clip(options.note, MAX_NOTE);
  if (note !== undefined) description.note = note;
  const revision = options.revision ?? stamp.revision;
  // A revision is looked up by equality, so one too long for the header is left out rather than cut.
  if (revision !== undefined && revision !== '') {
    if (revision.length <= MAX_REVISION) description.revision = revision;
    else description.revisionOmitted = true;
  }

  const compressed = withDescription(await gzipAsync(bytes), description);
  const taken = new Set(await readdir(folder));
  let name: string;
  do name = `${fileStamp(options.now)} ${randomBytes(4).toString('hex')}.json.gz`;
  while (taken.has(name));
  await writeFileAtomic(join(folder, name), compressed);
  try {
    await pruneHistory(root, meetingId, policy, options.now);
  } catch {
    // A version that cannot be removed now (in use, read-only share) is removed after a later keep.
  }
  return { versionId: name, kept: true };
}

/**
 * Copies the current file into history, compressed. A missing file (new meeting) keeps nothing
 * and gives false; otherwise true (also when the newest kept version already held these bytes).
 */
export async function keepVersion(
  root: string,
  meetingId: string,
  currentFile: string,
  now: Date,
  policy: HistoryPolicy,
  details: Omit<KeepVersionOptions, 'now'> = {},
): Promise<boolean> {
  let contents: Buffer;
  try {
    contents = await readOrdinaryFile(currentFile);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return false;
    throw error;
  }
  await keepVersionBytes(root, meetingId, contents, { ...details, now }, policy);
  return true;
}

async function newestKeptVersion(folder: string): Promise<string | undefined> {
  return (await listNames(folder))
    .filter((name) => kindOf(name) === 'kept')
    .sort()
    .at(-1);
}

async function holdsSameBytes(path: string, hash: string, bytes: Uint8Array): Promise<boolean> {
  try {
    const description = await readDescription(path);
    if (description) return description.sha256 === hash;
    const old = await inflateVersion(await readFile(path));
    return old.equals(bytes);
  } catch {
    return false;
  }
}
