/**
 * Exporting one meeting's minutes to a Word file: the library's house style, the document, and
 * the safe write. The app's Export… and the command line both come through here.
 */
import type { Meeting } from '../../domain/meeting';
import { DEFAULT_EXPORT_STYLE, loadExportStyle } from './exportStyle';
import { minutesDocx, type MinutesVersion } from './minutesDocument';
import { writeExportFile } from './writeExport';

export interface MinutesExportRequest {
  /** The library holding the house style; without one the default style is used. */
  libraryPath: string | undefined;
  meeting: Meeting;
  version: MinutesVersion;
  /** DRAFT on every page. */
  draft: boolean;
  /** Full path of the .docx to write. */
  target: string;
  /** The clerk chose to replace a file already there; without it such a file is refused (ExportTargetExists). */
  replace?: boolean;
}

export async function exportMeetingMinutes(request: MinutesExportRequest): Promise<{ path: string; bytes: number }> {
  const { libraryPath, meeting, version, draft, target, replace = false } = request;
  const style = libraryPath ? await loadExportStyle(libraryPath, meeting.committeeSlug) : DEFAULT_EXPORT_STYLE;
  const document = await minutesDocx(meeting, { version, style, draft });
  await writeExportFile(target, document, { replace });
  return { path: target, bytes: document.byteLength };
}

/** Characters Windows refuses in file names, and controls, which no file system wants. */
const UNSAFE_IN_FILE_NAMES = /[\\/:*?"<>|\u0000-\u001F\u007F]/g;
const MAX_FILE_NAME = 150;

/** A name part safe on Windows, macOS and Linux: no reserved characters, no trailing dots or spaces. */
export function safeFileNamePart(text: string, maxLength: number): string {
  const cleaned = text.replace(UNSAFE_IN_FILE_NAMES, ' ').replace(/\s+/g, ' ').trim();
  // Cut by code point, so an emoji or accented letter is never split in half.
  return [...cleaned].slice(0, Math.max(0, maxLength)).join('').replace(/[. ]+$/, '');
}

/** "2022-11-08 Planning Panel minutes (public).docx": safe on Windows, at most 150 characters. */
export function defaultExportFileName(meeting: Meeting, version: MinutesVersion): string {
  const ending = ` minutes (${version}).docx`;
  const room = MAX_FILE_NAME - meeting.date.length - 1 - ending.length;
  const committee = safeFileNamePart(meeting.committee, room);
  return `${[meeting.date, committee].filter(Boolean).join(' ')}${ending}`;
}
