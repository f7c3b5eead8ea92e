/**
 * What the files in a meeting's history folder are called and what they hold (docs/sync.md,
 * "History"): which names are versions (kept by the app, merged conflict copies, deleted
 * meetings), the time a name starts with, reading a file whole, and the `sync` stamp inside.
 */
import { readdir } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { TEMP_PREFIX } from '../atomicFile';
import { ClerkFacingError } from '../clerkFacingError';
import { describeIoError } from '../meetingFile';
import { readOrdinaryFile } from '../ordinaryFile';

const gunzipAsync = promisify(gunzip);

/** A meeting file is a few hundred kilobytes; anything that inflates past this is not one. */
const MAX_VERSION_BYTES = 64 * 1024 * 1024;

/** "<stamp> <8 hex>.json.gz", or the older "<stamp>.json.gz" (no description in those). */
const KEPT_VERSION = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z(?: [0-9a-f]{4,32})?\.json\.gz$/;
const STAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z /;
export const CONFLICT_COPY = /^\S+ conflict copy(?: \d+)? (.+\.json)$/i;
const DELETED = /^\S+ deleted\.json(?:\.gz)?$/;

export type VersionKind = 'kept' | 'conflict-copy' | 'deleted';

export function kindOf(name: string): VersionKind | undefined {
  if (name.startsWith('.') || name.startsWith(TEMP_PREFIX)) return undefined;
  if (KEPT_VERSION.test(name)) return 'kept';
  if (!STAMP.test(name)) return undefined;
  if (CONFLICT_COPY.test(name)) return 'conflict-copy';
  if (DELETED.test(name)) return 'deleted';
  return undefined;
}

/** The time a history file name starts with (when it was kept, archived or deleted). */
export function stampTime(name: string): Date | undefined {
  const match = STAMP.exec(name) ?? KEPT_VERSION.exec(name);
  if (!match) return undefined;
  const date = new Date(`${match[1]}T${match[2]}:${match[3]}:${match[4]}.${match[5]}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The names in a history folder; none if there is no folder yet. */
export async function listNames(folder: string): Promise<string[]> {
  try {
    return await readdir(folder);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return [];
    throw error;
  }
}

/** A kept version's contents, decompressed (refused past MAX_VERSION_BYTES). */
export function inflateVersion(compressed: Buffer): Promise<Buffer> {
  return gunzipAsync(compressed, { maxOutputLength: MAX_VERSION_BYTES });
}

/** The names in a meeting's history folder, for the clerk: a folder that cannot be read is said so. */
export async function namesForClerk(folder: string): Promise<string[]> {
  try {
    return await listNames(folder);
  } catch (error) {
    throw new ClerkFacingError(`The history of this meeting cannot be read: ${describeIoError(error, 'read')}.`, 'history-unreadable');
  }
}

/** Reads a history file whole: decompressed if it is a .gz, as is otherwise. */
export async function readVersionBytes(path: string): Promise<Buffer> {
  // A link in the history folder is never followed: it may lead outside the library.
  const raw = await readOrdinaryFile(path);
  return path.endsWith('.gz') ? inflateVersion(raw) : raw;
}

/** Why a history file cannot be read, in the clerk's words. */
export function describeUnreadable(error: unknown): string {
  if (error instanceof SyntaxError) return 'it is not valid JSON (perhaps only partly synced)';
  const code = (error as { code?: string }).code;
  if (typeof code === 'string' && code.startsWith('Z_')) return 'it is damaged (not a complete compressed file)';
  if (code === 'ERR_BUFFER_TOO_LARGE') return 'it is far too large to be a meeting';
  return describeIoError(error, 'read');
}

/** The `sync` object a meeting file may carry, read loosely (any field may be missing or wrong). */
export interface SyncStamp {
  revision?: string;
  savedBy?: string;
  savedAt?: string;
}

export function syncStampOf(data: unknown): SyncStamp {
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

export function parseJson(bytes: Uint8Array): unknown {
  const text = Buffer.from(bytes).toString('utf8');
  return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}
