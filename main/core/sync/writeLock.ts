/**
 * The short write lock around read–merge–write of a meeting file, so two computers on one network
 * folder never write over a version without merging it. Best effort: a lock that cannot be taken
 * within two seconds (or at all) does not stop the save; lineage still saves the day (docs/sync.md,
 * "The write lock"). A lock left by a process that died mid-write is taken over after ten seconds.
 */
import { open as openFile, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { TEMP_PREFIX } from '../atomicFile';

/** A write lock older than this was left by a process that died mid-write. */
const WRITE_LOCK_STALE_MS = 10_000;
const WRITE_LOCK_WAIT_MS = 2_000;

/** Takes the lock beside `path` (naming `holder` in it); resolves to its release, or undefined if not taken. */
export async function takeWriteLock(path: string, holder: string): Promise<(() => Promise<void>) | undefined> {
  const lockPath = join(dirname(path), `${TEMP_PREFIX}${basename(path)}.writing`);
  const until = Date.now() + WRITE_LOCK_WAIT_MS;
  for (;;) {
    try {
      const handle = await openFile(lockPath, 'wx');
      await handle.writeFile(`${process.pid} ${holder}\n`).finally(() => handle.close());
      return async () => {
        await rm(lockPath, { force: true }).catch(() => undefined);
      };
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') return undefined;
    }
    try {
      if (Date.now() - (await stat(lockPath)).mtimeMs > WRITE_LOCK_STALE_MS) await rm(lockPath, { force: true });
    } catch {
      // Gone already: try again at once.
    }
    if (Date.now() > until) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 15 + Math.random() * 30));
  }
}
