/**
 * A committee's action log exported from the app: where it is offered (the folder this computer
 * last exported to, else the library's Exports folder), the Save dialog for it, and the export
 * itself — every action from the committee's meetings in the library, as a Word table in the
 * house style or as CSV for Excel, written safely and registered so the page may open it.
 * The core gives this module its export folder rules and its register of exported files, so the
 * minutes and the action log follow one set of rules.
 */
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import type { ActionLogFormat, ApiHandlers, ExportedActionLog, MinutesVersion } from '../domain/api';
import { ClerkFacingError } from './clerkFacingError';
import { actionLogCsv, actionLogDocx, collectActionLog } from './export/actionLog';
import { safeFileNamePart } from './export/exportMinutes';
import { loadExportStyle } from './export/exportStyle';
import { writeExportFile } from './export/writeExport';
import { readCommittee } from './library';
import { describeIoError } from './meetingFile';
import type { Desktop } from './service';

export interface ActionLogExportContext {
  libraryRoot: () => string;
  now: () => Date;
  desktop: Desktop | undefined;
  /** Where exports are offered now: the last export folder while it is there, else the library's Exports. */
  exportFolder: () => Promise<string>;
  /** Refuses a missing folder; makes the library's own Exports folder on first use. */
  prepareExportFolder: (target: string) => Promise<void>;
  rememberExportFolder: (folder: string) => void;
  /** The files the page may open or show (files.open, files.showInFolder). */
  exportedFiles: { add(path: string): void };
}

export type ActionLogHandlers = Pick<ApiHandlers, 'committees.actionLogTargets' | 'committees.exportActionLog' | 'committees.chooseActionLogTarget'>;

const FORMAT_NAMES: Record<ActionLogFormat, string> = { docx: 'a Word table', csv: 'a CSV file for Excel' };

/** The date on this computer as yyyy-mm-dd: the day the clerk made the log. */
function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "Planning Panel action log 2026-11-23 (confidential).csv": safe on Windows, at most 150 characters. */
export function defaultActionLogFileName(committeeName: string, day: Date, version: MinutesVersion, format: ActionLogFormat): string {
  const ending = ` action log ${localIsoDate(day)}${version === 'confidential' ? ' (confidential)' : ''}.${format}`;
  const committee = safeFileNamePart(committeeName, 150 - ending.length) || 'Committee';
  return `${committee}${ending}`;
}

/**
 * The file the clerk asked for, as a full path ending in the format's extension: "Log" becomes
 * "Log.csv". A name ending in the other format's extension is refused rather than saved as
 * "Log.docx.csv", which Excel and Word would both misread.
 */
export function actionLogTargetFrom(typed: string, format: ActionLogFormat): string {
  if (!isAbsolute(typed)) {
    throw new ClerkFacingError(
      `Save the action log under a full path, such as C:\\Users\\you\\Documents\\Action log.${format} or /home/you/Documents/Action log.${format} (“${typed}” is not).`,
      'invalid-input',
    );
  }
  const path = resolve(typed);
  const extension = extname(path).toLowerCase();
  if (extension === `.${format}`) return path;
  const other: ActionLogFormat = format === 'docx' ? 'csv' : 'docx';
  if (extension === `.${other}`) {
    throw new ClerkFacingError(
      `“${path}” ends in .${other}, but the log is being saved as ${FORMAT_NAMES[format]}: end the name in .${format}, or choose ${FORMAT_NAMES[other]}.`,
      'invalid-input',
    );
  }
  return `${path}.${format}`;
}

/**
 * A name with the format's extension. A Save dialog whose filter adds its own extension
 * ("Log.csv.docx") or a name with the other format's ("Log.docx" for CSV) gets the right one.
 */
function withActionLogExtension(name: string, format: ActionLogFormat): string {
  const other = format === 'docx' ? '.csv' : '.docx';
  const lower = name.toLowerCase();
  const base = lower.endsWith(`.${format}${other}`) || extname(lower) === other ? name.slice(0, -other.length) : name;
  return extname(base).toLowerCase() === `.${format}` ? base : `${base}.${format}`;
}

export function actionLogOperations(context: ActionLogExportContext): ActionLogHandlers {
  /** The committee's name from its file; a committee known only from its meetings is named by its slug. */
  async function committeeName(slug: string): Promise<string> {
    try {
      return (await readCommittee(context.libraryRoot(), slug)).name;
    } catch {
      return slug;
    }
  }

  async function exportActionLog(slug: string, format: ActionLogFormat, confidential: boolean, typedTarget: string | undefined, replace: boolean): Promise<ExportedActionLog> {
    const root = context.libraryRoot();
    const log = await collectActionLog(root, slug, { confidential }).catch((error: unknown) => {
      if (error instanceof ClerkFacingError) throw error;
      throw new ClerkFacingError(`The meetings in the library “${root}” could not be read for the action log: ${describeIoError(error, 'read')}. Nothing was exported.`, 'library-unreadable');
    });
    const target =
      typedTarget === undefined
        ? join(await context.exportFolder(), defaultActionLogFileName(log.committeeName, context.now(), confidential ? 'confidential' : 'public', format))
        : actionLogTargetFrom(typedTarget, format);
    await context.prepareExportFolder(target);
    try {
      const contents = format === 'csv' ? actionLogCsv(log.rows) : await actionLogDocx(log.rows, { committeeName: log.committeeName, style: await loadExportStyle(root, slug), confidential });
      await writeExportFile(target, contents, { replace });
      context.exportedFiles.add(target);
      context.rememberExportFolder(dirname(target));
      const bytes = typeof contents === 'string' ? Buffer.byteLength(contents, 'utf8') : contents.byteLength;
      return { path: target, bytes, rows: log.rows.length, unreadable: log.unreadable.length };
    } catch (error) {
      // A file open in Word or Excel (ExportTargetBusy) or simply there (ExportTargetExists) is a ClerkFacingError carrying a free name to offer.
      if (error instanceof ClerkFacingError) throw error;
      throw new ClerkFacingError(`The action log could not be saved as “${target}”: ${describeIoError(error, 'write')}. Nothing was changed there.`, 'export-failed');
    }
  }

  return {
    async 'committees.actionLogTargets'({ slug }) {
      const name = await committeeName(slug);
      const folder = await context.exportFolder();
      const day = context.now();
      const pathsFor = (version: MinutesVersion) => ({
        docx: join(folder, defaultActionLogFileName(name, day, version, 'docx')),
        csv: join(folder, defaultActionLogFileName(name, day, version, 'csv')),
      });
      return {
        committeeName: name,
        folder,
        paths: { public: pathsFor('public'), confidential: pathsFor('confidential') },
        canChooseFile: typeof context.desktop?.chooseSaveFile === 'function',
      };
    },
    async 'committees.exportActionLog'({ slug, format, confidential, target, replace }) {
      return exportActionLog(slug, format, confidential, target, replace === true);
    },
    async 'committees.chooseActionLogTarget'({ defaultPath, format }) {
      const desktop = context.desktop;
      if (!desktop?.chooseSaveFile) throw new ClerkFacingError('This window has no Save dialog: type the full path of the file in “Save as”.', 'no-desktop');
      // Whatever is in "Save as" only says where the dialog starts; a half-typed name starts in the export folder.
      const start = isAbsolute(defaultPath) ? resolve(withActionLogExtension(defaultPath, format)) : join(await context.exportFolder(), withActionLogExtension(basename(defaultPath), format));
      const chosen = await desktop.chooseSaveFile(start);
      return chosen === undefined ? {} : { path: actionLogTargetFrom(withActionLogExtension(chosen, format), format) };
    },
  };
}
