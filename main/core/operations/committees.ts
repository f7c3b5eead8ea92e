/**
 * The `committees.*` operations: the committees in the library, saving one, and a committee's
 * action log — every action from its meetings in the library, as a Word table in the house style
 * or as CSV for Excel — offered, chosen and written by the same rules as the minutes
 * (export/destination.ts).
 */
import { join } from 'node:path';
import type { MinutesVersion } from '../../domain/api';
import { ClerkFacingError } from '../clerkFacingError';
import { actionLogFile, collectActionLog } from '../export/actionLog';
import { actionLogKind, canChooseFile, chooseExportFile, defaultActionLogFileName, exportTargetFrom } from '../export/destination';
import { checkHouseStyleFiles } from '../export/exportStyle';
import { writeExportFile } from '../export/writeExport';
import { readCommittee, saveCommittee, scanCommittees } from '../library';
import { describeIoError } from '../meetingFile';
import type { HandlersOf } from '../ports';
import type { CoreContext } from './context';

export function committeesOperations(core: CoreContext): HandlersOf<'committees'> {
  /** The committee's name from its file; a committee known only from its meetings is named by its slug. */
  async function committeeName(slug: string): Promise<string> {
    try {
      return (await readCommittee(core.libraryRoot(), slug)).name;
    } catch {
      return slug;
    }
  }

  return {
    async 'committees.list'() {
      const root = await core.ensureLibrary();
      return scanCommittees(root);
    },
    async 'committees.save'({ committee }) {
      const root = await core.ensureLibrary();
      if (committee.houseStyle) await checkHouseStyleFiles(root, committee.houseStyle);
      try {
        await saveCommittee(root, committee);
      } catch (error) {
        throw new ClerkFacingError(`The committee “${committee.name}” could not be saved: ${describeIoError(error, 'write')}.`, 'save-failed');
      }
      return committee;
    },
    async 'committees.actionLogTargets'({ slug }) {
      const name = await committeeName(slug);
      const folder = await core.exports.folder();
      const day = core.now();
      const pathsFor = (version: MinutesVersion) => ({
        docx: join(folder, defaultActionLogFileName(name, day, version, 'docx')),
        csv: join(folder, defaultActionLogFileName(name, day, version, 'csv')),
      });
      return {
        committeeName: name,
        folder,
        paths: { public: pathsFor('public'), confidential: pathsFor('confidential') },
        canChooseFile: canChooseFile(core.options.desktop),
      };
    },
    async 'committees.exportActionLog'({ slug, format, confidential, target, replace }) {
      const root = core.libraryRoot();
      const log = await collectActionLog(root, slug, { confidential }).catch((error: unknown) => {
        if (error instanceof ClerkFacingError) throw error;
        throw new ClerkFacingError(
          `The meetings in the library “${root}” could not be read for the action log: ${describeIoError(error, 'read')}. Nothing was exported.`,
          'library-unreadable',
        );
      });
      const kind = actionLogKind(format);
      const path =
        target === undefined
          ? join(await core.exports.folder(), defaultActionLogFileName(log.committeeName, core.now(), confidential ? 'confidential' : 'public', format))
          : exportTargetFrom(target, kind);
      const written = await core.exports.write(path, kind, async () => {
        const contents = await actionLogFile(root, slug, log, format, confidential);
        await writeExportFile(path, contents, { replace: replace === true });
        return { bytes: typeof contents === 'string' ? Buffer.byteLength(contents, 'utf8') : contents.byteLength };
      });
      return { path: written.path, bytes: written.bytes, rows: log.rows.length, unreadable: log.unreadable.length };
    },
    async 'committees.chooseActionLogTarget'({ defaultPath, format }) {
      const path = await chooseExportFile(core.options.desktop, defaultPath, actionLogKind(format), () => core.exports.folder());
      return path === undefined ? {} : { path };
    },
  };
}
