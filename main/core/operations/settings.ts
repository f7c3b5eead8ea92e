/**
 * The `settings.*` operations: this clerk's settings on this computer (name, library folder, last
 * export folder). Choosing another library closes the meetings open in the old one.
 */
import { isAbsolute } from 'node:path';
import type { ClerkSettings } from '../../domain/api';
import { ClerkFacingError } from '../clerkFacingError';
import { forgetExportFolderInside } from '../export/destination';
import type { HandlersOf } from '../ports';
import type { CoreContext } from './context';

export function settingsOperations(core: CoreContext): HandlersOf<'settings'> {
  const { settings } = core.options;
  return {
    async 'settings.get'() {
      return settings.read();
    },
    async 'settings.update'(input) {
      if (input.libraryPath !== undefined && !isAbsolute(input.libraryPath)) {
        throw new ClerkFacingError(
          `The library folder must be a full path, such as C:\\Users\\you\\Documents\\Minute Book or /home/you/Minute Book (“${input.libraryPath}” is not).`,
          'invalid-input',
        );
      }
      const current = settings.read();
      let next: ClerkSettings = { ...current, ...input };
      if (input.libraryPath !== undefined && input.libraryPath !== current.libraryPath) {
        await core.adoptLibrary(input.libraryPath);
        await core.sessions.closeAll();
        core.index.clear();
        next = forgetExportFolderInside(next, current.libraryPath);
      }
      settings.write(next);
      return next;
    },
  };
}
