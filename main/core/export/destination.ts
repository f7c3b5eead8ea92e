/**
 * Where an exported file goes, for the minutes and the action log alike, in the app and on the
 * command line: its usual name; a path the clerk typed, made a full path with the right ending;
 * the system's Save dialog; the export folder (the one this computer last exported to while it is
 * there, else the library's own Exports folder, made on first use); and the write itself, which
 * never replaces a file unless the clerk chose to ("Replace it", the Save dialog's own question,
 * --replace) and registers the file written as one the page may open.
 */
import { mkdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import type { ActionLogFormat, ClerkSettings, MinutesVersion } from '../../domain/api';
import type { Meeting } from '../../domain/meeting';
import { ClerkFacingError } from '../clerkFacingError';
import { describeIoError } from '../meetingFile';
import type { Desktop, SettingsStore } from '../ports';
import { localIsoDate } from '../../domain/calendar';

/** What is being exported, as the clerk is told about it, and the file ending it must have. */
export interface ExportKind {
  /** "minutes", "action log": "Save the minutes under a full path…", "The action log could not be saved…". */
  what: string;
  /** The ending the file gets: "docx", "csv". */
  extension: string;
  /** The file name in the example of a full path: "Minutes.docx". */
  exampleName: string;
  /** The other format's ending, and what each format is called: a name ending in it is refused, not saved as "Log.docx.csv". */
  otherFormat?: { extension: string; name: string; otherName: string };
}

export const MINUTES: ExportKind = { what: 'minutes', extension: 'docx', exampleName: 'Minutes.docx' };

const ACTION_LOG_FORMAT_NAMES: Record<ActionLogFormat, string> = { docx: 'a Word table', csv: 'a CSV file for Excel' };

export function actionLogKind(format: ActionLogFormat): ExportKind {
  const other: ActionLogFormat = format === 'docx' ? 'csv' : 'docx';
  return {
    what: 'action log',
    extension: format,
    exampleName: `Action log.${format}`,
    otherFormat: { extension: other, name: ACTION_LOG_FORMAT_NAMES[format], otherName: ACTION_LOG_FORMAT_NAMES[other] },
  };
}

/** Characters Windows refuses in file names, and controls, which no file system wants. */
const UNSAFE_IN_FILE_NAMES = /[\\/:*?"<>|\u0000-\u001F\u007F]/g;
const MAX_FILE_NAME = 150;

/** A name part safe on Windows, macOS and Linux: no reserved characters, no trailing dots or spaces. */
export function safeFileNamePart(text: string, maxLength: number): string {
  const cleaned = text.replace(UNSAFE_IN_FILE_NAMES, ' ').replace(/\s+/g, ' ').trim();
  // Cut by code point, so an emoji or accented letter is never split in half.
  return [...cleaned]
    .slice(0, Math.max(0, maxLength))
    .join('')
    .replace(/[. ]+$/, '');
}

/** "2022-11-08 Planning Panel minutes (public).docx": safe on Windows, at most 150 characters. */
export function defaultExportFileName(meeting: Meeting, version: MinutesVersion): string {
  const ending = ` minutes (${version}).docx`;
  const room = MAX_FILE_NAME - meeting.date.length - 1 - ending.length;
  const committee = safeFileNamePart(meeting.committee, room);
  return `${[meeting.date, committee].filter(Boolean).join(' ')}${ending}`;
}

/** "Planning Panel action log 2026-11-23 (confidential).csv": safe on Windows, at most 150 characters. */
export function defaultActionLogFileName(committeeName: string, day: Date, version: MinutesVersion, format: ActionLogFormat): string {
  const ending = ` action log ${localIsoDate(day)}${version === 'confidential' ? ' (confidential)' : ''}.${format}`;
  const committee = safeFileNamePart(committeeName, MAX_FILE_NAME - ending.length) || 'Committee';
  return `${committee}${ending}`;
}

function endsIn(path: string, extension: string): boolean {
  return extname(path).toLowerCase() === `.${extension}`;
}

/**
 * The file the clerk typed, as a full path with the kind's ending: "Minutes" becomes
 * "Minutes.docx". A name ending in the other format's extension is refused rather than saved as
 * "Log.docx.csv", which Excel and Word would both misread.
 */
export function exportTargetFrom(typed: string, kind: ExportKind): string {
  if (!isAbsolute(typed)) {
    throw new ClerkFacingError(
      `Save the ${kind.what} under a full path, such as C:\\Users\\you\\Documents\\${kind.exampleName} or /home/you/Documents/${kind.exampleName} (“${typed}” is not).`,
      'invalid-input',
    );
  }
  const path = resolve(typed);
  if (endsIn(path, kind.extension)) return path;
  const other = kind.otherFormat;
  if (other && endsIn(path, other.extension)) {
    throw new ClerkFacingError(
      `“${path}” ends in .${other.extension}, but the ${kind.what} is being saved as ${other.name}: end the name in .${kind.extension}, or choose ${other.otherName}.`,
      'invalid-input',
    );
  }
  return `${path}.${kind.extension}`;
}

/**
 * A name with the kind's ending. A Save dialog whose filter adds its own extension
 * ("Log.csv.docx") or a name with the other format's ("Log.docx" for CSV) gets the right one.
 */
function withEnding(name: string, kind: ExportKind): string {
  const other = kind.otherFormat ? `.${kind.otherFormat.extension}` : undefined;
  const lower = name.toLowerCase();
  const base = other && (lower.endsWith(`.${kind.extension}${other}`) || extname(lower) === other) ? name.slice(0, -other.length) : name;
  return endsIn(base, kind.extension) ? base : `${base}.${kind.extension}`;
}

/**
 * The system's Save dialog for an export. Whatever is in "Save as" only says where the dialog
 * starts; a half-typed name starts in the export folder. The file chosen comes back as a full path
 * with the kind's ending; undefined when the clerk cancels.
 */
export async function chooseExportFile(
  desktop: Desktop | undefined,
  defaultPath: string,
  kind: ExportKind,
  exportFolder: () => Promise<string>,
): Promise<string | undefined> {
  const choose = desktop?.chooseSaveFile;
  if (!choose) throw new ClerkFacingError('This window has no Save dialog: type the full path of the file in “Save as”.', 'no-desktop');
  const start = isAbsolute(defaultPath) ? withEnding(resolve(defaultPath), kind) : join(await exportFolder(), withEnding(basename(defaultPath), kind));
  const chosen = await choose.call(desktop, start);
  return chosen === undefined ? undefined : exportTargetFrom(withEnding(chosen, kind), kind);
}

/** True in the desktop app, which can show the system's Save dialog; in browser mode the clerk types the path. */
export function canChooseFile(desktop: Desktop | undefined): boolean {
  return typeof desktop?.chooseSaveFile === 'function';
}

export async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** The command line's --out, resolved against the current folder; none, or a folder, means the usual name inside it. */
export async function commandLineTarget(cwd: string, out: string | undefined, usualName: string): Promise<string> {
  if (out === undefined) return join(cwd, usualName);
  const path = resolve(cwd, out);
  return (await isFolder(path)) || /[\\/]$/.test(out) ? join(path, usualName) : path;
}

/** An export folder inside the library being left is not a sensible suggestion for the next one. */
export function forgetExportFolderInside(settings: ClerkSettings, oldLibrary: string): ClerkSettings {
  const folder = settings.lastExportFolder;
  if (!folder) return settings;
  const inside = relative(oldLibrary, folder);
  if (inside.startsWith('..') || isAbsolute(inside)) return settings;
  const { lastExportFolder: _forgotten, ...rest } = settings;
  return rest;
}

/**
 * The app's exports: the folder offered, the write, and the files written since the core started,
 * which are the only files the page may ask to open or show.
 */
export class ExportDestinations {
  private readonly written = new Set<string>();

  constructor(
    private readonly settings: SettingsStore,
    private readonly libraryRoot: () => string,
  ) {}

  /** The library's own folder for exports, used until the clerk saves somewhere else. */
  private libraryExportsFolder(): string {
    return join(this.libraryRoot(), 'Exports');
  }

  /** Where exports are offered now: the folder this computer last exported to while it is there, else the library's Exports. */
  async folder(): Promise<string> {
    const last = this.settings.read().lastExportFolder;
    return last && (await isFolder(last)) ? last : this.libraryExportsFolder();
  }

  /**
   * Writes an export where the clerk asked (`write` does the writing, refusing a file that is
   * there unless `replace`), then registers it and remembers its folder for the next export.
   */
  async write<T extends { bytes: number }>(target: string, kind: ExportKind, write: () => Promise<T>): Promise<T & { path: string }> {
    const path = resolve(target);
    await this.prepareFolder(path);
    try {
      const result = await write();
      this.written.add(path);
      this.rememberFolder(dirname(path));
      return { ...result, path };
    } catch (error) {
      // A file open in Word or Excel (ExportTargetBusy) or simply there (ExportTargetExists) is a ClerkFacingError carrying a free name to offer.
      if (error instanceof ClerkFacingError) throw error;
      throw new ClerkFacingError(
        `The ${kind.what} could not be saved as “${path}”: ${describeIoError(error, 'write')}. Nothing was changed there.`,
        'export-failed',
      );
    }
  }

  /** A file the page may open or show: one written since the core started, and still there. */
  async writtenFile(typed: string): Promise<string> {
    const path = isAbsolute(typed) ? resolve(typed) : '';
    if (!this.written.has(path)) {
      throw new ClerkFacingError(`Minute Book only opens the minutes it has exported since it started, and “${typed}” is not one of them.`, 'not-exported');
    }
    if (
      !(await stat(path).then(
        (found) => found.isFile(),
        () => false,
      ))
    ) {
      throw new ClerkFacingError(`“${path}” is no longer there: it may have been moved, renamed or deleted. Export the minutes again.`, 'not-found');
    }
    return path;
  }

  /** The folder must be there already (a typo should not create folders), except the library's own Exports folder, which is made on first use. */
  private async prepareFolder(target: string): Promise<void> {
    const folder = dirname(target);
    if (await isFolder(folder)) return;
    if (folder === this.libraryExportsFolder()) {
      try {
        await mkdir(folder, { recursive: true });
        return;
      } catch (error) {
        throw new ClerkFacingError(`The folder “${folder}” could not be made: ${describeIoError(error, 'write')}.`, 'export-failed');
      }
    }
    throw new ClerkFacingError(`There is no folder “${folder}”. Choose a folder that exists, or type its full path.`, 'no-such-folder');
  }

  private rememberFolder(folder: string): void {
    const current = this.settings.read();
    if (current.lastExportFolder === folder) return;
    try {
      this.settings.write({ ...current, lastExportFolder: folder });
    } catch {
      // Only the next export's suggestion depends on it; the file is written.
    }
  }
}
