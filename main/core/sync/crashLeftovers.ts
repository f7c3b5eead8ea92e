/**
 * Clearing up what a crash leaves in the shared library: temporary files of an atomic write that
 * never reached its rename (`.~mb-….tmp`), leases renamed aside for a take-over (`.~mb-….taken`),
 * write locks (`.~mb-<file>.writing`) and presence leases (`….lock`) of a Minute Book that died.
 *
 * Only what is provably dead goes: a lock or lease written by this clerk on this computer by a
 * process that is no longer running, or a temporary file far older than any write takes (its
 * name does not say which computer made it, so age is the only proof). A colleague's live write
 * or session is never touched.
 */
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { TEMP_PREFIX } from '../atomicFile';
import { isProcessRunning, LEASE_SUFFIX, removeEndedSessionsHere, type ThisClerkHere } from './lease';
import { historyFolder } from '../library';

/** A write takes milliseconds; a temporary file this old belongs to a write that died (allowing for clocks that differ). */
export const LEFTOVER_TEMP_AGE_MS = 60 * 60_000;

const LEASE_NAME = new RegExp(`^(.+\\.json)\\.[a-z0-9]{16}${LEASE_SUFFIX.replace('.', '\\.')}$`);

/** Clears one folder of the library; returns how many files went. A folder that cannot be read is left for next time. */
export async function clearCrashLeftovers(folder: string, here: ThisClerkHere, now = Date.now()): Promise<number> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return 0;
  }
  let removed = 0;
  const meetingFiles = new Set<string>();
  for (const name of names) {
    const path = join(folder, name);
    if (name.startsWith(TEMP_PREFIX)) {
      if (await isDeadTemporary(path, name, here, now)) {
        await rm(path, { force: true }).then(
          () => (removed += 1),
          () => undefined,
        );
      }
      continue;
    }
    const lease = LEASE_NAME.exec(name);
    if (lease) meetingFiles.add(lease[1]!);
  }
  for (const meetingFile of meetingFiles) {
    removed += await removeEndedSessionsHere(join(folder, meetingFile), here).catch(() => 0);
  }
  return removed;
}

async function isDeadTemporary(path: string, name: string, here: ThisClerkHere, now: number): Promise<boolean> {
  let info;
  try {
    info = await stat(path);
  } catch {
    return false;
  }
  if (!info.isFile()) return false;
  if (name.endsWith('.writing')) {
    // "<pid> <display name> on <computer name>", written by the session that holds the lock.
    const text = await readFile(path, 'utf8').catch(() => '');
    const found = /^(\d+) (.*)\n?$/.exec(text);
    if (
      found &&
      found[2] === `${here.displayName.trim() || 'someone'} on ${here.computerName.trim() || 'another computer'}` &&
      !isProcessRunning(Number(found[1]))
    )
      return true;
  }
  return now - info.mtimeMs > LEFTOVER_TEMP_AGE_MS;
}

/** At start-up: the library's own folders and every year folder of meetings. */
export async function clearLibraryCrashLeftovers(root: string, here: ThisClerkHere): Promise<number> {
  let removed = await clearCrashLeftovers(root, here);
  removed += await clearCrashLeftovers(join(root, 'committees'), here);
  const years = await readdir(join(root, 'meetings')).catch(() => [] as string[]);
  for (const year of years) {
    if (!year.startsWith('.')) removed += await clearCrashLeftovers(join(root, 'meetings', year), here);
  }
  return removed;
}

/** On opening a meeting: its folder and its history folder. */
export async function clearMeetingCrashLeftovers(root: string, meetingFolder: string, meetingId: string, here: ThisClerkHere): Promise<number> {
  return (await clearCrashLeftovers(meetingFolder, here)) + (await clearCrashLeftovers(historyFolder(root, meetingId), here));
}
