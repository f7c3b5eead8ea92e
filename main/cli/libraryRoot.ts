/** Finding the library a meeting file belongs to, for its house style. */
import { stat } from 'node:fs/promises';
import { dirname, join, parse } from 'node:path';

async function isThere(path: string, kind: 'file' | 'folder'): Promise<boolean> {
  try {
    const info = await stat(path);
    return kind === 'file' ? info.isFile() : info.isDirectory();
  } catch {
    return false;
  }
}

async function looksLikeLibrary(folder: string): Promise<boolean> {
  return (
    (await isThere(join(folder, 'library.json'), 'file')) ||
    (await isThere(join(folder, 'committees'), 'folder')) ||
    (await isThere(join(folder, 'meetings'), 'folder'))
  );
}

/**
 * The nearest folder at or above `start` that holds library.json, committees/ or meetings/
 * (a meeting lives at <library>/meetings/<yyyy>/<file>.json); undefined if none does.
 */
export async function findLibraryRoot(start: string): Promise<string | undefined> {
  const top = parse(start).root;
  for (let folder = start; ; folder = dirname(folder)) {
    if (await looksLikeLibrary(folder)) return folder;
    if (folder === top || dirname(folder) === folder) return undefined;
  }
}
