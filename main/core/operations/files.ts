/**
 * The `files.*` operations: the Save dialog for exported minutes, and opening or showing a file
 * the core exported. The page can never open anything else on the computer (the exported-files
 * register is in export/destination.ts); the desktop is reached only through the injected `desktop`.
 */
import { basename, dirname } from 'node:path';
import { ClerkFacingError } from '../clerkFacingError';
import { chooseExportFile, MINUTES } from '../export/destination';
import type { Desktop, HandlersOf } from '../ports';
import type { CoreContext } from './context';

export function filesOperations(core: CoreContext): HandlersOf<'files'> {
  function desktop(): Desktop {
    if (!core.options.desktop)
      throw new ClerkFacingError('Minute Book cannot open files from here. Open the exported file from your file manager.', 'no-desktop');
    return core.options.desktop;
  }

  return {
    async 'files.chooseExportTarget'({ defaultPath }) {
      const path = await chooseExportFile(core.options.desktop, defaultPath, MINUTES, () => core.exports.folder());
      return path === undefined ? {} : { path };
    },
    async 'files.open'({ path }) {
      const file = await core.exports.writtenFile(path);
      try {
        await desktop().openPath(file);
      } catch (error) {
        if (error instanceof ClerkFacingError) throw error;
        const detail = error instanceof Error ? error.message : String(error);
        throw new ClerkFacingError(`“${basename(file)}” could not be opened: ${detail}. It is saved in ${dirname(file)}.`, 'open-failed');
      }
      return { path: file };
    },
    async 'files.showInFolder'({ path }) {
      const file = await core.exports.writtenFile(path);
      desktop().showItemInFolder(file);
      return { path: file };
    },
  };
}
