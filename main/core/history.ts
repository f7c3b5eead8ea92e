/**
 * Earlier versions of a meeting, kept in <library>/.minutebook/history/<meeting-id>/ (format and
 * rules: docs/sync.md, "History").
 *
 *   2026-11-10T10-15-00-000Z 3f9a1c2b.json.gz                      a version the app replaced
 *   2026-11-10T10-15-00-000Z conflict copy <original name>.json    a merged conflict copy (conflictCopies.ts)
 *   2026-11-10T10-15-00-000Z deleted.json                          the meeting as it was when deleted (library.ts)
 *
 * A kept version is the replaced file's bytes, gzip-compressed, with a small JSON description
 * (who saved it, when, why it was kept, its revision, size and hash) in the gzip header's comment
 * field: one file per version, written once and never changed, so two computers keeping versions
 * at the same moment (or a sync tool delivering files in any order) can never disagree, and the
 * list is read from the first bytes of each file without decompressing anything.
 *
 * The journal, not history, is what guarantees no keystroke is lost.
 */
import { createHash, randomBytes } from 'node:crypto';
import { lstat, mkdir, open, readdir, readFile, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { CONFLICT_COPY_TOOL_LABELS, conflictCopyOf, looksLikeMeetingFileName } from '../domain/conflictCopies';
import type { MeetingVersion } from '../domain/api';
import type { Meeting } from '../domain/meeting';
import { parseMeetingData } from '../domain/migrations';
import { TEMP_PREFIX, writeFileAtomic } from './atomicFile';
import { ClerkFacingError } from './clerkFacingError';
import { fileStamp, historyFolder } from './library';
import { describeIoError } from './meetingFile';
import { readOrdinaryFile } from './ordinaryFile';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

const DAY_MS = 24 * 60 * 60_000;
/** A meeting file is a few hundred kilobytes; anything that inflates past this is not one. */
const MAX_VERSION_BYTES = 64 * 1024 * 1024;
/** The description in a kept version's header never exceeds this, so reading it is one small read. */
const MAX_HEADER_BYTES = 8192;
const MAX_SAVED_BY = 500;
const MAX_NOTE = 400;
const MAX_REVISION = 200;

export interface HistoryPolicy {
  /** Minimum time between two versions kept while someone types (used by the meeting session). */
  intervalMs: number;
  /** Every version kept within this many days is kept; older ones are thinned to the last of each day (UTC). */
  keepAllDays: number;
  /**
   * Optional safety bound on kept versions per meeting, applied after the daily thinning (oldest
   * go first). Unset by default: it would break "keep everything from the last 30 days".
   */
  maxVersions?: number;
}

export const DEFAULT_HISTORY_POLICY: HistoryPolicy = { intervalMs: 5 * 60_000, keepAllDays: 30 };

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

/** What the gzip header comment of a kept version holds (JSON, ASCII only). */
interface VersionDescription {
  format: 'minutebook.version';
  keptAt: string;
  savedAt?: string;
  savedBy?: string;
  note?: string;
  revision?: string;
  /** Set when the revision was too long for the header: look inside the contents instead. */
  revisionOmitted?: true;
  /** Size of the contents, uncompressed. */
  size: number;
  /** sha256 of the contents, hex. */
  sha256: string;
}

/** "<stamp> <8 hex>.json.gz", or the older "<stamp>.json.gz" (no description in those). */
const KEPT_VERSION = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z(?: [0-9a-f]{4,32})?\.json\.gz$/;
const STAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z /;
const CONFLICT_COPY = /^\S+ conflict copy(?: \d+)? (.+\.json)$/i;
const DELETED = /^\S+ deleted\.json(?:\.gz)?$/;

type VersionKind = 'kept' | 'conflict-copy' | 'deleted';

function kindOf(name: string): VersionKind | undefined {
  if (name.startsWith('.') || name.startsWith(TEMP_PREFIX)) return undefined;
  if (KEPT_VERSION.test(name)) return 'kept';
  if (!STAMP.test(name)) return undefined;
  if (CONFLICT_COPY.test(name)) return 'conflict-copy';
  if (DELETED.test(name)) return 'deleted';
  return undefined;
}

/** The time a history file name starts with (when it was kept, archived or deleted). */
function stampTime(name: string): Date | undefined {
  const match = STAMP.exec(name) ?? KEPT_VERSION.exec(name);
  if (!match) return undefined;
  const date = new Date(`${match[1]}T${match[2]}:${match[3]}:${match[4]}.${match[5]}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
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

/** The `sync` object a meeting file may carry, read loosely (any field may be missing or wrong). */
interface SyncStamp {
  revision?: string;
  savedBy?: string;
  savedAt?: string;
}

function syncStampOf(data: unknown): SyncStamp {
  if (typeof data !== 'object' || data === null) return {};
  const sync = (data as { sync?: unknown }).sync;
  if (typeof sync !== 'object' || sync === null) return {};
  const stamp: SyncStamp = {};
  const { revision, savedBy, savedAt } = sync as Record<string, unknown>;
  if (typeof revision === 'string' && revision !== '') stamp.revision = revision;
  if (typeof savedBy === 'string' && savedBy !== '') stamp.savedBy = savedBy;
  if (typeof savedAt === 'string' && !Number.isNaN(Date.parse(savedAt))) stamp.savedAt = new Date(savedAt).toISOString();
  return stamp;
}

function parseJson(bytes: Uint8Array): unknown {
  const text = Buffer.from(bytes).toString('utf8');
  return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

// ---------------------------------------------------------------------------------------------
// The gzip header comment (RFC 1952, FCOMMENT): latin-1, zero-terminated, ignored by every
// gunzip (Node, gzip, 7-Zip), so a kept version is still an ordinary .gz of the meeting file.

const FCOMMENT = 0x10;
const FEXTRA = 0x04;
const FNAME = 0x08;

/** JSON with everything outside printable ASCII escaped, so it is valid latin-1 with no zero byte. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function withComment(gz: Buffer, comment: string): Buffer {
  if (gz[0] !== 0x1f || gz[1] !== 0x8b || gz[3] !== 0) return gz;
  const header = Buffer.from(gz.subarray(0, 10));
  header[3] = FCOMMENT;
  return Buffer.concat([header, Buffer.from(comment, 'latin1'), Buffer.from([0]), gz.subarray(10)]);
}

function commentOf(head: Buffer): string | undefined {
  if (head.length < 10 || head[0] !== 0x1f || head[1] !== 0x8b || head[2] !== 8) return undefined;
  const flags = head[3]!;
  if (!(flags & FCOMMENT)) return undefined;
  let at = 10;
  if (flags & FEXTRA) {
    if (head.length < at + 2) return undefined;
    at += 2 + head.readUInt16LE(at);
  }
  if (flags & FNAME) {
    const end = head.indexOf(0, at);
    if (end < 0) return undefined;
    at = end + 1;
  }
  const end = head.indexOf(0, at);
  return end < 0 ? undefined : head.subarray(at, end).toString('latin1');
}

function toDescription(data: unknown): VersionDescription | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const record = data as Record<string, unknown>;
  if (record.format !== 'minutebook.version' || typeof record.keptAt !== 'string' || typeof record.size !== 'number' || typeof record.sha256 !== 'string')
    return undefined;
  const description: VersionDescription = { format: 'minutebook.version', keptAt: record.keptAt, size: record.size, sha256: record.sha256 };
  for (const key of ['savedAt', 'savedBy', 'note', 'revision'] as const) {
    const value = record[key];
    if (typeof value === 'string' && value !== '') description[key] = value;
  }
  if (record.revisionOmitted === true) description.revisionOmitted = true;
  return description;
}

/** The description in a kept version's header, read from its first bytes; undefined if it has none. */
async function readDescription(path: string): Promise<VersionDescription | undefined> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(MAX_HEADER_BYTES + 16);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const comment = commentOf(head.subarray(0, bytesRead));
    if (comment === undefined) return undefined;
    try {
      return toDescription(JSON.parse(comment));
    } catch {
      return undefined;
    }
  } finally {
    await handle.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Keeping versions

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

  const compressed = withComment(await gzipAsync(bytes), asciiJson(description));
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

async function listNames(folder: string): Promise<string[]> {
  try {
    return await readdir(folder);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return [];
    throw error;
  }
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
    const old = await gunzipAsync(await readFile(path), { maxOutputLength: MAX_VERSION_BYTES });
    return old.equals(bytes);
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Retention

/**
 * Thins the kept versions of one meeting: every version kept in the last `policy.keepAllDays`
 * days stays; of older ones, the last of each UTC day stays. Merged conflict copies, deleted
 * meetings and anything else in the folder are never touched. Returns the names removed.
 * Deterministic from the names alone, so two computers thinning the same folder agree.
 */
export async function pruneHistory(root: string, meetingId: string, policy: HistoryPolicy, now: Date): Promise<string[]> {
  const folder = historyFolder(root, meetingId);
  const kept = (await listNames(folder)).filter((name) => kindOf(name) === 'kept').sort();
  const keepAllDays = Number.isFinite(policy.keepAllDays) && policy.keepAllDays >= 0 ? policy.keepAllDays : DEFAULT_HISTORY_POLICY.keepAllDays;
  const cutoff = now.getTime() - keepAllDays * DAY_MS;
  const remove = new Set<string>();
  const lastOfDay = new Map<string, string>();
  for (const name of kept) {
    const at = stampTime(name);
    if (!at || at.getTime() >= cutoff) continue;
    const day = at.toISOString().slice(0, 10);
    const previous = lastOfDay.get(day);
    if (previous !== undefined) remove.add(previous);
    lastOfDay.set(day, name); // names are sorted, so the last one seen is the day's last
  }
  if (policy.maxVersions !== undefined && Number.isInteger(policy.maxVersions) && policy.maxVersions > 0) {
    const remaining = kept.filter((name) => !remove.has(name));
    for (const name of remaining.slice(0, Math.max(0, remaining.length - policy.maxVersions))) remove.add(name);
  }
  const removed: string[] = [];
  for (const name of remove) {
    try {
      await rm(join(folder, name), { force: true });
      removed.push(name);
    } catch {
      // Left for the next thinning.
    }
  }
  return removed;
}

// ---------------------------------------------------------------------------------------------
// Listing

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

/** Reads a history file whole: decompressed if it is a .gz, as is otherwise. */
async function readVersionBytes(path: string): Promise<Buffer> {
  // A link in the history folder is never followed: it may lead outside the library.
  const raw = await readOrdinaryFile(path);
  return path.endsWith('.gz') ? gunzipAsync(raw, { maxOutputLength: MAX_VERSION_BYTES }) : raw;
}

function describeUnreadable(error: unknown): string {
  if (error instanceof SyntaxError) return 'it is not valid JSON (perhaps only partly synced)';
  const code = (error as { code?: string }).code;
  if (typeof code === 'string' && code.startsWith('Z_')) return 'it is damaged (not a complete compressed file)';
  if (code === 'ERR_BUFFER_TOO_LARGE') return 'it is far too large to be a meeting';
  return describeIoError(error, 'read');
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
  let names: string[];
  try {
    names = await listNames(folder);
  } catch (error) {
    throw new ClerkFacingError(`The history of this meeting cannot be read: ${describeIoError(error, 'read')}.`, 'history-unreadable');
  }
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

// ---------------------------------------------------------------------------------------------
// Reading one version

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
  let names: string[];
  try {
    names = await listNames(folder);
  } catch (error) {
    throw new ClerkFacingError(`The history of this meeting cannot be read: ${describeIoError(error, 'read')}.`, 'history-unreadable');
  }
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
