/**
 * Presence: who else has a meeting open, so a clerk opening it sees "Being edited by Jane Smith on
 * LAPTOP-12 since 10:02" and chooses to read only or to edit as well.
 *
 * One lease file per open session, beside the meeting file:
 *
 *   meetings/2026/2026-11-10 planning.json
 *   meetings/2026/2026-11-10 planning.json.3f9a1c2b7d4e5f60.lock    ← Jane, editing
 *   meetings/2026/2026-11-10 planning.json.a41be07c99d2e813.lock    ← Sam, reading
 *
 * Why one file per session, not one shared "planning.json.lock": several clerks may edit at once,
 * and each session rewrites its lease every 30 s. With one shared file, two computers rewriting it
 * would overwrite each other's presence on a network drive and make conflict copies of the lock
 * itself in a synced folder. With one file per session, every file has exactly one writer, so sync
 * tools never see two versions of the same file; the only other thing ever done to a lease is
 * removing it once it is stale. Why files, not a "planning.json.locks/" folder: empty folders
 * linger after sync tools delete their contents, and a folder removed on one computer while
 * another writes into it is a conflict of its own.
 *
 * Each lease is written whole (temporary file, then rename), so a reader never sees half a lease.
 * The names end in ".lock", never ".json", so the library never takes a lease for a meeting, and
 * they hold only the meeting's own file name, a dot, 16 letters and digits, and ".lock", which
 * every sync tool and file system accepts.
 */
import { hostname } from 'node:os';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { EntityId } from '../../domain/ids';
import { TEMP_PREFIX, writeFileAtomic } from '../atomicFile';
import { ClerkFacingError } from '../clerkFacingError';
import { describeIoError } from '../meetingFile';
import { readOrdinaryFile } from '../ordinaryFile';
import { clockTime } from '../../domain/calendar';

export const LEASE_FORMAT = 'minutebook.lease';
export const LEASE_VERSION = 1;
export const LEASE_SUFFIX = '.lock';

export const DEFAULT_HEARTBEAT_MS = 30_000;
/** A lease not renewed for this long belongs to a session that has ended without saying so (crash, sleep, lost network). */
export const DEFAULT_STALE_AFTER_MS = 3 * 60_000;

export const LeaseMode = z.enum(['edit', 'read-only']);
export type LeaseMode = z.infer<typeof LeaseMode>;

const SessionId = z.string().regex(/^[a-z0-9]{16}$/, 'a session id is 16 lower-case letters and digits');

/** The lease file (docs/sync.md, "Presence"). Unknown fields are kept out, so a newer version is read as far as it is understood. */
export const LeaseFile = z.object({
  format: z.literal(LEASE_FORMAT),
  version: z.literal(LEASE_VERSION),
  meetingId: EntityId,
  sessionId: SessionId,
  displayName: z.string().max(200),
  computerName: z.string().max(200),
  mode: LeaseMode,
  since: z.iso.datetime({ offset: true }),
  heartbeat: z.iso.datetime({ offset: true }),
  /** The process holding the session, on `computerName`: lets that computer tell a session its own crash left behind. */
  pid: z.number().int().positive().optional(),
});
export type LeaseFile = z.infer<typeof LeaseFile>;

/** Someone's session on the meeting, as another computer sees it. */
export interface Presence extends LeaseFile {
  /** The lease file. */
  path: string;
  /** No heartbeat for longer than the stale threshold: that session has very likely ended. */
  stale: boolean;
}

/** A lease file that could not be understood; reported to the caller and otherwise left alone. */
export interface UnreadableLease {
  path: string;
  problem: string;
}

export interface PresenceReading {
  others: Presence[];
  unreadable: UnreadableLease[];
}

export interface LeaseClock {
  now: () => Date;
  setInterval: (callback: () => void, ms: number) => unknown;
  clearInterval: (timer: unknown) => void;
}

const systemClock: LeaseClock = {
  now: () => new Date(),
  setInterval: (callback, ms) => setInterval(callback, ms),
  clearInterval: (timer) => clearInterval(timer as ReturnType<typeof setInterval>),
};

export interface AcquireLeaseOptions {
  meetingId: string;
  displayName: string;
  /** Defaults to this computer's name (os.hostname()). */
  computerName?: string;
  mode: LeaseMode;
  heartbeatMs?: number;
  clock?: Partial<LeaseClock>;
  /** A heartbeat that could not be written (library unreachable): the caller may say so; the lease keeps trying. */
  onHeartbeatFailed?: (problem: string) => void;
}

export interface HeartbeatResult {
  ok: boolean;
  /** Our lease file had gone (another computer took our session over while this one slept); it has been written again. */
  rewritten?: boolean;
  problem?: string;
}

export interface Lease {
  readonly sessionId: string;
  readonly path: string;
  readonly current: LeaseFile;
  /** Renews the lease now (the timer does this every heartbeatMs). */
  heartbeat(): Promise<HeartbeatResult>;
  /** Switches between reading and editing (e.g. "Edit as well"), written at once. */
  setMode(mode: LeaseMode): Promise<HeartbeatResult>;
  /** Stops the heartbeat and removes the lease file. Safe to call twice. */
  release(): Promise<void>;
}

export function leasePath(meetingFile: string, sessionId: string): string {
  return `${meetingFile}.${sessionId}${LEASE_SUFFIX}`;
}

export function newSessionId(): string {
  return randomBytes(8).toString('hex');
}

/**
 * Announces this session on the meeting. Writes the lease at once (so throws if the library
 * cannot be written) and renews it every heartbeatMs until release().
 */
export async function acquireLease(meetingFile: string, options: AcquireLeaseOptions): Promise<Lease> {
  const clock: LeaseClock = { ...systemClock, ...options.clock };
  const sessionId = newSessionId();
  const path = leasePath(meetingFile, sessionId);
  const since = clock.now().toISOString();
  let lease: LeaseFile = {
    format: LEASE_FORMAT,
    version: LEASE_VERSION,
    meetingId: options.meetingId,
    sessionId,
    displayName: options.displayName,
    computerName: options.computerName ?? hostname(),
    mode: options.mode,
    since,
    heartbeat: since,
    pid: process.pid,
  };
  const checked = LeaseFile.safeParse(lease);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new ClerkFacingError(
      `Your presence on this meeting cannot be announced: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'the lease is not valid'}.`,
      'invalid-lease',
    );
  }
  await writeLease(path, lease);

  let released = false;
  let queue: Promise<unknown> = Promise.resolve();
  const serialised = <T>(work: () => Promise<T>): Promise<T> => {
    const result = queue.then(work);
    queue = result.catch(() => undefined);
    return result;
  };

  const renew = (mode: LeaseMode): Promise<HeartbeatResult> =>
    serialised(async () => {
      if (released) return { ok: false, problem: 'the lease has been released' };
      const next = { ...lease, mode, heartbeat: clock.now().toISOString() };
      let rewritten = false;
      try {
        rewritten = !(await exists(path));
        await writeLease(path, next);
      } catch (error) {
        const problem = describeIoError(error, 'write');
        options.onHeartbeatFailed?.(problem);
        return { ok: false, problem };
      }
      lease = next;
      return rewritten ? { ok: true, rewritten } : { ok: true };
    });

  const timer = clock.setInterval(() => void renew(lease.mode), options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS);
  (timer as { unref?: () => void } | undefined)?.unref?.();

  return {
    sessionId,
    path,
    get current() {
      return lease;
    },
    heartbeat: () => renew(lease.mode),
    setMode: (mode) => renew(mode),
    async release() {
      if (released) return;
      clock.clearInterval(timer);
      await serialised(async () => {
        released = true;
        await rm(path, { force: true });
      });
    },
  };
}

async function writeLease(path: string, lease: LeaseFile): Promise<void> {
  await writeFileAtomic(path, JSON.stringify(lease, null, 2) + '\n');
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return false;
    throw error;
  }
}

/** Who this session is: a lease from this computer and clerk whose process has gone is a session of ours that ended. */
export interface ThisClerkHere {
  displayName: string;
  computerName: string;
}

/**
 * Whether the lease was left by a session of this clerk on this computer whose process is gone
 * (Minute Book crashed or was killed): provably ended, so it is no one else editing. A lease
 * without a pid (an older Minute Book), or whose process is still running, is never taken for one.
 */
export function isEndedSessionHere(lease: LeaseFile, here: ThisClerkHere): boolean {
  if (lease.pid === undefined || lease.computerName !== here.computerName || lease.displayName !== here.displayName) return false;
  return !isProcessRunning(lease.pid);
}

export function isProcessRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as { code?: string }).code === 'EPERM';
  }
}

export interface ReadLeasesOptions {
  /** Our own session, left out of "others". */
  ownSessionId?: string;
  /** This clerk on this computer: sessions of theirs whose process has gone are left out of "others". */
  here?: ThisClerkHere;
  /** Leases naming another meeting (the file was renamed or replaced) are reported as unreadable. */
  meetingId?: string;
  staleAfterMs?: number;
}

/**
 * Everyone else's sessions on the meeting file, with stale ones marked. Lease files that cannot
 * be read or understood are listed in `unreadable` and otherwise ignored; this never throws for a
 * bad lease. It throws only when the folder itself cannot be read.
 */
export async function readLeases(meetingFile: string, now: Date, options: ReadLeasesOptions = {}): Promise<PresenceReading> {
  const staleAfterMs = options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  const reading: PresenceReading = { others: [], unreadable: [] };
  for (const path of await leaseFilesBeside(meetingFile)) {
    const read = await readLeaseFile(path, basename(meetingFile), options.meetingId);
    if ('problem' in read) {
      // Removed between listing and reading (released, or taken over): simply gone.
      if (read.gone) continue;
      reading.unreadable.push({ path, problem: read.problem });
      continue;
    }
    if (read.lease.sessionId === options.ownSessionId) continue;
    if (options.here && isEndedSessionHere(read.lease, options.here)) continue;
    reading.others.push({ ...read.lease, path, stale: isStale(read.lease, now, staleAfterMs) });
  }
  reading.others.sort((a, b) => a.since.localeCompare(b.since) || a.sessionId.localeCompare(b.sessionId));
  return reading;
}

export function isStale(lease: LeaseFile, now: Date, staleAfterMs = DEFAULT_STALE_AFTER_MS): boolean {
  return now.getTime() - Date.parse(lease.heartbeat) > staleAfterMs;
}

async function leaseFilesBeside(meetingFile: string): Promise<string[]> {
  const folder = dirname(meetingFile);
  const prefix = `${basename(meetingFile)}.`;
  const names = await readdir(folder);
  return names
    .filter((name) => name.startsWith(prefix) && name.endsWith(LEASE_SUFFIX) && !name.startsWith(TEMP_PREFIX))
    .sort()
    .map((name) => join(folder, name));
}

type LeaseRead = { lease: LeaseFile } | { problem: string; gone?: boolean };

/** meetingFileName: check that the lease is named after its own session; undefined for a lease already renamed aside. */
async function readLeaseFile(path: string, meetingFileName: string | undefined, meetingId: string | undefined): Promise<LeaseRead> {
  let text: string;
  try {
    // Never through a link, never a pipe or device named like a lease (it would hang the read).
    text = (await readOrdinaryFile(path)).toString('utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return { problem: 'it has gone', gone: true };
    return { problem: `it cannot be read: ${describeIoError(error, 'read')}` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { problem: text.trim() === '' ? 'it is empty' : 'it is not valid JSON' };
  }
  const parsed = LeaseFile.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { problem: `it is not a Minute Book lease (${issue ? `${issue.path.join('.') || 'file'}: ${issue.message}` : 'unknown problem'})` };
  }
  // A lease is named after its session; a differently named copy (e.g. a sync tool's conflict copy of a lease) is not trusted.
  if (meetingFileName !== undefined && basename(path) !== leasePath(meetingFileName, parsed.data.sessionId)) {
    return { problem: `its name does not match its session “${parsed.data.sessionId}” (a copy of another lease?)` };
  }
  if (meetingId !== undefined && parsed.data.meetingId !== meetingId) {
    return { problem: `it belongs to another meeting (${parsed.data.meetingId})` };
  }
  return { lease: parsed.data };
}

// ─── Wording ──────────────────────────────────────────────────────────────────────────────

/** "10:02", in this computer's time zone. */
export function formatPresenceTime(iso: string): string {
  return clockTime(new Date(iso));
}

/** "Being edited by Jane Smith on LAPTOP-12 since 10:02", or for a stale lease when it was last seen. */
export function describePresence(presence: LeaseFile & { stale?: boolean }): string {
  const who = `${presence.displayName.trim() || 'someone'} on ${presence.computerName.trim() || 'another computer'}`;
  if (presence.stale) {
    const what = presence.mode === 'edit' ? 'Was being edited' : 'Was open read-only';
    return `${what} by ${who} (not heard from since ${formatPresenceTime(presence.heartbeat)})`;
  }
  const what = presence.mode === 'edit' ? 'Being edited' : 'Open read-only';
  return `${what} by ${who} since ${formatPresenceTime(presence.since)}`;
}

// ─── Taking over stale sessions ───────────────────────────────────────────────────────────

export interface TakenOverSession {
  displayName: string;
  computerName: string;
  mode: LeaseMode;
  since: string;
  lastSeen: string;
  /** For the meeting's history: "Took over Jane Smith's stale editing session (LAPTOP-12, last seen 10:14)". */
  note: string;
}

export interface TakeOverOptions extends ReadLeasesOptions {
  now: Date;
}

/**
 * Removes other sessions' stale leases and says whose they were, so the caller can note it in the
 * history. Two computers taking over at once do not both report it: the lease is first renamed
 * aside (only one rename wins), re-read, and put back if it was renewed in the meantime.
 */
export async function takeOverStaleLeases(meetingFile: string, options: TakeOverOptions): Promise<TakenOverSession[]> {
  const staleAfterMs = options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  const { others } = await readLeases(meetingFile, options.now, options);
  const taken: TakenOverSession[] = [];
  for (const presence of others.filter((other) => other.stale)) {
    const aside = join(dirname(presence.path), `${TEMP_PREFIX}${basename(presence.path)}.${newSessionId()}.taken`);
    try {
      await rename(presence.path, aside);
    } catch {
      continue; // gone already (released, or another computer took it over first)
    }
    const claimed = await readLeaseFile(aside, undefined, undefined);
    if ('lease' in claimed && !isStale(claimed.lease, options.now, staleAfterMs)) {
      // Renewed between our look and the rename: that session is alive; give its lease back.
      if (!(await exists(presence.path).catch(() => true))) await rename(aside, presence.path).catch(() => undefined);
      await rm(aside, { force: true });
      continue;
    }
    await rm(aside, { force: true });
    taken.push({
      displayName: presence.displayName,
      computerName: presence.computerName,
      mode: presence.mode,
      since: presence.since,
      lastSeen: presence.heartbeat,
      note: takeOverNote(presence),
    });
  }
  return taken;
}

export function takeOverNote(presence: LeaseFile): string {
  const name = presence.displayName.trim() || 'someone';
  const session = presence.mode === 'edit' ? 'editing' : 'read-only';
  return `Took over ${name}’s stale ${session} session (${presence.computerName.trim() || 'another computer'}, last seen ${formatPresenceTime(presence.heartbeat)})`;
}

/**
 * Removes the leases this clerk's own sessions on this computer left when Minute Book died
 * (their process is gone), so the clerk is never shown as "Being edited by" themselves. Nothing
 * to note or tell: no one else's session is taken over. Returns how many were removed.
 */
export async function removeEndedSessionsHere(meetingFile: string, here: ThisClerkHere, meetingId?: string): Promise<number> {
  let removed = 0;
  for (const path of await leaseFilesBeside(meetingFile)) {
    const read = await readLeaseFile(path, basename(meetingFile), meetingId);
    if (!('lease' in read) || !isEndedSessionHere(read.lease, here)) continue;
    await rm(path, { force: true }).then(
      () => (removed += 1),
      () => undefined,
    );
  }
  return removed;
}
