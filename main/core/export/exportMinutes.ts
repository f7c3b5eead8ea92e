/**
 * Exporting one meeting's minutes to a Word file: the library's house style, the document, and
 * the safe write. The app's Export… and the command line both come through here; where the file
 * goes and what it is called is destination.ts.
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
