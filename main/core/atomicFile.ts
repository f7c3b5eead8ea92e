/**
 * Crash-safe file replacement: write a temporary file in the same folder, flush it to the disk,
 * then rename it over the original. A crash at any moment leaves the old file or the new one,
 * never a torn one. Used for every data file the core writes.
 */
import { link, lstat, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { crashPoint } from './crashPoints';

/** Temp files start with this so listings can skip them and clean-up can recognise them. */
export const TEMP_PREFIX = '.~mb-';

/**
 * `durable: false` skips the flushes to disk: the file is still never torn by a crash of the app,
 * but a power cut may leave the old one. Only for files that have a safe fallback when stale.
 */
/**
 * The folder is synced after the rename (durable writes), so the new name survives a power cut too.
 * `step` names the write for the crash tests' kill points (`<step>.tempWritten`, `.tempSynced`,
 * `.renamed`, `.folderSynced`; see crashPoints.ts).
 */
/** The file as this process wrote it (its inode, size and modification time; a rename keeps all three). */
export interface WrittenFile {
  ino: number;
  size: number;
  mtimeMs: number;
}

/**
 * Returns the written file as it was before the rename, so a caller can tell its own file from one
 * written over it in the moment after (a colleague's sync tool): compare with a stat of `path`.
 */
export async function writeFileAtomic(
  path: string,
  contents: string | Uint8Array,
  { durable = true, step }: { durable?: boolean; step?: string } = {},
): Promise<WrittenFile> {
  const folder = dirname(path);
  const temp = join(folder, `${TEMP_PREFIX}${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let handle;
  let written: WrittenFile;
  try {
    handle = await open(temp, 'w');
    await handle.writeFile(contents);
    if (step) crashPoint(`${step}.tempWritten`);
    if (durable) await handle.sync();
    if (step) crashPoint(`${step}.tempSynced`);
    const { ino, size, mtimeMs } = await handle.stat();
    written = { ino, size, mtimeMs };
    await handle.close();
    handle = undefined;
    await rename(temp, path);
    if (step) crashPoint(`${step}.renamed`);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  if (durable) await syncFolder(folder);
  if (step) crashPoint(`${step}.folderSynced`);
  return written;
}

/**
 * Writes a file that must not replace anything: whole and flushed like writeFileAtomic, but put in
 * place with a hard link, which fails with EEXIST if any file is already there. Where the file
 * system has no hard links (some network drives, FAT), it checks and renames, which leaves a
 * moment in which a file made by someone else could be replaced.
 */
export async function writeNewFileAtomic(path: string, contents: string | Uint8Array): Promise<void> {
  const folder = dirname(path);
  const temp = join(folder, `${TEMP_PREFIX}${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(contents);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await link(temp, path);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'EEXIST' || !['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK'].includes(code ?? '')) throw error;
      const there = await lstat(path).then(
        () => true,
        (missing: { code?: string }) => missing.code !== 'ENOENT',
      );
      if (there) throw Object.assign(new Error(`${path} already exists`), { code: 'EEXIST' });
      await rename(temp, path);
    }
  } finally {
    await rm(temp, { force: true }).catch(() => undefined);
  }
  await syncFolder(folder);
}

/** Makes the rename itself durable on POSIX; Windows and some network drives refuse, which is harmless. */
export async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Not every file system lets a folder be synced; the data file itself is already on disk.
  }
}
