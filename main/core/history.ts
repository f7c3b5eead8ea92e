/**
 * Earlier versions of a meeting, kept compressed in <library>/.minutebook/history/<meeting-id>/.
 * The version on disk is kept before the first write of each editing session and then at most
 * every few minutes, so an afternoon of typing keeps a useful trail without filling the drive.
 * The journal, not history, is what guarantees no keystroke is lost.
 */
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { writeFileAtomic } from './atomicFile';
import { fileStamp, historyFolder } from './library';

const gzipAsync = promisify(gzip);

export interface HistoryPolicy {
  /** Minimum time between two kept versions while someone types. */
  intervalMs: number;
  /** Most versions kept per meeting; the oldest go first. */
  maxVersions: number;
}

export const DEFAULT_HISTORY_POLICY: HistoryPolicy = { intervalMs: 5 * 60_000, maxVersions: 200 };

/** Copies the current file into history, compressed. A missing file (new meeting) keeps nothing. */
export async function keepVersion(root: string, meetingId: string, currentFile: string, now: Date, policy: HistoryPolicy): Promise<boolean> {
  let contents: Buffer;
  try {
    contents = await readFile(currentFile);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return false;
    throw error;
  }
  const folder = historyFolder(root, meetingId);
  await mkdir(folder, { recursive: true });
  await writeFileAtomic(join(folder, `${fileStamp(now)}.json.gz`), await gzipAsync(contents));
  await pruneHistory(folder, policy.maxVersions);
  return true;
}

async function pruneHistory(folder: string, maxVersions: number): Promise<void> {
  const versions = (await readdir(folder)).filter((name) => name.endsWith('.json.gz')).sort();
  for (const name of versions.slice(0, Math.max(0, versions.length - maxVersions))) {
    await rm(join(folder, name), { force: true });
  }
}
