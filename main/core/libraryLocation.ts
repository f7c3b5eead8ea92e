/**
 * Whether a folder can hold a library at all. /proc, /sys and /dev (and the other file systems
 * the kernel makes up as they are read) look like folders but are views of the running system:
 * reading or writing there can block for ever or change the system, and nothing kept there
 * survives a restart. They are refused, by where the path really leads (symlinks followed) and by
 * the kind of file system under it, before anything is read or written there.
 */
import { realpath, stat, statfs } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { ClerkFacingError } from './clerkFacingError';

const SYSTEM_FOLDERS = ['/proc', '/sys', '/dev'];

/** statfs f_type of the Linux pseudo file systems (linux/magic.h). */
const PSEUDO_FILE_SYSTEMS = new Map<number, string>([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
  [0x1cd1, 'devpts'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0x64626720, 'debugfs'],
  [0x74726163, 'tracefs'],
  [0x73636673, 'securityfs'],
  [0xcafe4a11, 'bpf'],
  [0x6165676c, 'pstore'],
  [0x62656570, 'configfs'],
  [0xde5e81e4, 'efivarfs'],
  [0x42494e4d, 'binfmt_misc'],
  [0x65735543, 'fusectl'],
  [0x19800202, 'mqueue'],
  [0x6e736673, 'nsfs'],
  [0xf97cff8c, 'selinuxfs'],
]);

function insideSystemFolder(path: string): string | undefined {
  return SYSTEM_FOLDERS.find((folder) => path === folder || path.startsWith(folder + sep));
}

/** The path itself if it exists, else its nearest existing parent (a new library folder is made below it). */
async function nearestExisting(path: string): Promise<string> {
  for (let current = resolve(path); ; current = dirname(current)) {
    if (
      await stat(current).then(
        () => true,
        () => false,
      )
    )
      return current;
    if (dirname(current) === current) return current;
  }
}

/** Refuses, with a sentence for the clerk, a library folder on a system (pseudo) file system. */
export async function refuseSystemFolder(root: string): Promise<void> {
  const given = resolve(root);
  const existing = await nearestExisting(given);
  const real = await realpath(existing).catch(() => existing);
  const folder = insideSystemFolder(given) ?? insideSystemFolder(real);
  const fileSystem =
    folder === undefined && process.platform === 'linux' ? PSEUDO_FILE_SYSTEMS.get(Number((await statfs(existing).catch(() => undefined))?.type)) : undefined;
  if (folder === undefined && fileSystem === undefined) return;
  const where = folder !== undefined ? `inside ${folder}` : `on the ${fileSystem} file system`;
  throw new ClerkFacingError(
    `The library folder “${root}” is ${where}, which shows the running system rather than holding files, so it cannot be a library. Choose a folder on this computer’s disk or a network drive, such as a folder in Documents.`,
    'library-unusable',
  );
}
