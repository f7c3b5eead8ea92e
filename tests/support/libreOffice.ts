/**
 * LibreOffice, headless, as a reader of the Word export that shares no code with it: the export
 * readers test reads its PDFs back, scripts/render-minutes.ts and scripts/render-bodies.ts render
 * them to pictures.
 */
import { execFile } from 'node:child_process';
import { readdir, rename, rm } from 'node:fs/promises';
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

/**
 * One PNG a page of `pdf`, at `dpi`, as `<folder>/<prefix>-N.png` (pdftoppm), after removing the
 * pictures an earlier run left under that prefix. Returns the new files' names, page by page.
 */
export async function pdfToPagePictures(pdf: string, folder: string, prefix: string, dpi: number): Promise<string[]> {
  for (const old of (await readdir(folder)).filter((name) => name.startsWith(`${prefix}-`) && name.endsWith('.png'))) await rm(join(folder, old));
  await promisify(execFile)('pdftoppm', ['-png', '-r', String(dpi), pdf, join(folder, prefix)]);
  const written: string[] = [];
  // pdftoppm pads page numbers to the width of the page count ("-01"); the names do not.
  for (const name of (await readdir(folder)).filter((each) => each.startsWith(`${prefix}-`))) {
    const page = Number(/-(\d+)\.png$/.exec(name)?.[1]);
    const wanted = `${prefix}-${page}.png`;
    if (name !== wanted) await rename(join(folder, name), join(folder, wanted));
    written[page - 1] = wanted;
  }
  return written.filter(Boolean);
}

/** Ends a render script that failed, saying what to install when LibreOffice or pdftoppm is missing. */
export function failRendering(error: unknown): never {
  console.error(
    error instanceof Error && 'code' in error && error.code === 'ENOENT'
      ? `${SOFFICE} or pdftoppm is not installed (apt-get install -y --no-install-recommends libreoffice-writer-nogui poppler-utils).`
      : error,
  );
  process.exit(1);
}
