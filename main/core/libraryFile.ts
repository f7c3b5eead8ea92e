/**
 * library.json at the top of the library folder: the library's settings, today its house style.
 * Read and checked like every other library file; a bad file is reported with its path and first
 * problem and is never overwritten by reading. Written atomically, tab-indented like the others.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createLibrarySettings, LibrarySettings, parseLibrarySettings } from '../domain/houseStyle';
import { writeFileAtomic } from './atomicFile';
import { ClerkFacingError } from './clerkFacingError';
import { describeIoError, LibraryFileError } from './meetingFile';

export const LIBRARY_SETTINGS_FILE = 'library.json';

export function librarySettingsPath(libraryPath: string): string {
  return join(libraryPath, LIBRARY_SETTINGS_FILE);
}

/** library.json cannot be read or does not hold valid settings. */
export class LibrarySettingsError extends LibraryFileError {
  constructor(file: string, problem: string) {
    super(file, problem);
    this.message = `The library settings file “${file}” cannot be opened: ${problem}. The file has not been changed.`;
    this.name = 'LibrarySettingsError';
  }
}

/** A file the house style names (the logo or the template) is missing, unreadable or of the wrong kind. */
export class HouseStyleFileError extends LibraryFileError {
  constructor(file: string, problem: string, message: string) {
    super(file, problem);
    this.message = message;
    this.name = 'HouseStyleFileError';
  }
}

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}

function parseJson(text: string): unknown {
  return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

/** The library's settings; a library without library.json has the default house style. */
export async function readLibrarySettings(libraryPath: string): Promise<LibrarySettings> {
  const path = librarySettingsPath(libraryPath);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isMissing(error)) return createLibrarySettings();
    throw new LibrarySettingsError(path, describeIoError(error, 'read'));
  }
  let data: unknown;
  try {
    data = parseJson(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new LibrarySettingsError(path, text.trim() === '' ? 'the file is empty' : `it is not valid JSON (${detail})`);
  }
  const parsed = parseLibrarySettings(data);
  if (!parsed.ok) throw new LibrarySettingsError(path, parsed.problem);
  return parsed.settings;
}

/**
 * What else the current library.json holds, so saving the house style keeps it: settings a later
 * Minute Book (or another part of this one) keeps there. Nothing when the file is missing or unreadable.
 */
async function otherSettings(path: string): Promise<Record<string, unknown>> {
  try {
    const data = parseJson(await readFile(path, 'utf8'));
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return {};
    // The first library.json kept the organisation at the top level; it now lives in the house style.
    const { organisation: _moved, ...others } = data as Record<string, unknown>;
    return others;
  } catch {
    return {};
  }
}

/** Checks the settings and replaces library.json atomically; returns the settings as saved. */
export async function writeLibrarySettings(libraryPath: string, settings: LibrarySettings): Promise<LibrarySettings> {
  const parsed = LibrarySettings.safeParse(settings);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.map(String).join('.')}: ` : '';
    throw new ClerkFacingError(`The house style cannot be saved: ${where}${issue?.message ?? 'it does not match the settings format'}.`, 'refused');
  }
  const path = librarySettingsPath(libraryPath);
  const contents = { ...(await otherSettings(path)), ...parsed.data };
  try {
    await writeFileAtomic(path, JSON.stringify(contents, null, '\t') + '\n');
  } catch (error) {
    throw new ClerkFacingError(`The library settings cannot be saved to “${path}”: ${describeIoError(error, 'write')}.`, 'library-unreachable');
  }
  return parsed.data;
}
