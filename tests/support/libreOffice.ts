/**
 * LibreOffice, headless, as a reader of the Word export that shares no code with it: the export
 * readers test reads its PDFs back, scripts/render-minutes.ts renders them to pictures.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** The LibreOffice program (`SOFFICE` overrides it). */
export const SOFFICE = process.env.SOFFICE ?? 'soffice';

/**
 * Converts each .docx file to a PDF of the same name in `folder`, with one LibreOffice for them
 * all and a profile of its own in `folder`, so parallel runs do not share a lock.
 */
export async function convertToPdf(files: readonly string[], folder: string, timeoutMs: number): Promise<void> {
  await promisify(execFile)(
    SOFFICE,
    ['--headless', '--norestore', `-env:UserInstallation=file://${join(folder, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', folder, ...files],
    { timeout: timeoutMs },
  );
}
