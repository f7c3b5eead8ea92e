/** The `library.*` operations: the library's house style in library.json, shared by every computer. */
import { checkHouseStyleFiles } from '../export/exportStyle';
import { readLibrarySettings, writeLibrarySettings } from '../libraryFile';
import type { HandlersOf } from '../ports';
import type { CoreContext } from './context';

export function libraryOperations(core: CoreContext): HandlersOf<'library'> {
  return {
    async 'library.houseStyle.get'() {
      const root = await core.ensureLibrary();
      return { libraryPath: root, houseStyle: (await readLibrarySettings(root)).houseStyle };
    },
    async 'library.houseStyle.save'({ houseStyle }) {
      const root = await core.ensureLibrary();
      await checkHouseStyleFiles(root, houseStyle);
      const saved = await writeLibrarySettings(root, { ...(await readLibrarySettings(root)), houseStyle });
      return { libraryPath: root, houseStyle: saved.houseStyle };
    },
  };
}
