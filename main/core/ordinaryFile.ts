/**
 * Reading a file of the library only when it is an ordinary file: never through a symbolic link
 * (which may point anywhere on the computer), never a pipe, socket or device (a FIFO named
 * "x.json" would hang the read for ever). The name is checked without following it (lstat), then
 * opened without following a link and without blocking, and checked again on what was opened.
 */
import { constants } from 'node:fs';
import { lstat, open } from 'node:fs/promises';

export const SYMBOLIC_LINK_PROBLEM =
  'it is a symbolic link (a shortcut to another file, perhaps outside the library); Minute Book only opens files kept in the library folder itself';
export const NOT_ORDINARY_FILE_PROBLEM = 'it is not an ordinary file (perhaps a pipe or a device), so Minute Book does not open it';

/** The file is a link or a special file; `message` is the problem, to follow "cannot be opened: ". */
export class NotOrdinaryFile extends Error {
  constructor(readonly problem: string) {
    super(problem);
    this.name = 'NotOrdinaryFile';
  }
}

/** The file is larger than the caller will read; nothing of it was read. */
export class FileTooLarge extends Error {
  constructor(
    readonly size: number,
    readonly maxBytes: number,
  ) {
    super(`it is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
    this.name = 'FileTooLarge';
  }
}

// Windows has neither; there, the lstat before opening is the check.
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
const NON_BLOCKING = constants.O_NONBLOCK ?? 0;

/** What lstat says the name is, without following it. */
export async function ordinaryFileProblem(path: string): Promise<string | undefined> {
  const info = await lstat(path);
  if (info.isSymbolicLink()) return SYMBOLIC_LINK_PROBLEM;
  if (!info.isFile()) return info.isDirectory() ? 'it is a folder, not a file' : NOT_ORDINARY_FILE_PROBLEM;
  return undefined;
}

/**
 * The whole file, if it is an ordinary file of at most maxBytes. Throws NotOrdinaryFile for a
 * link, folder or special file, FileTooLarge, or the I/O error (ENOENT, EACCES…) as it came.
 */
export async function readOrdinaryFile(path: string, maxBytes = Number.POSITIVE_INFINITY): Promise<Buffer> {
  const problem = await ordinaryFileProblem(path);
  if (problem) throw new NotOrdinaryFile(problem);
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | NO_FOLLOW | NON_BLOCKING);
  } catch (error) {
    // Replaced by a link between the lstat and the open.
    if ((error as { code?: string }).code === 'ELOOP') throw new NotOrdinaryFile(SYMBOLIC_LINK_PROBLEM);
    throw error;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new NotOrdinaryFile(NOT_ORDINARY_FILE_PROBLEM);
    if (info.size > maxBytes) throw new FileTooLarge(info.size, maxBytes);
    const data = await handle.readFile();
    // Grown since the check: still never more than asked for.
    if (data.length > maxBytes) throw new FileTooLarge(data.length, maxBytes);
    return data;
  } finally {
    await handle.close();
  }
}
