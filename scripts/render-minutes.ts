/**
 * Renders the Word minutes of the whole meeting from the live-capture end-to-end test
 * (tests/core/fixtures/whole-meeting.json), public and confidential, the way a reader sees them:
 * .docx → LibreOffice (headless) → PDF → pdftoppm → one PNG per page, into
 * docs/screenshots/minutes-public-page-N.png and minutes-confidential-page-N.png.
 *
 *   node --import tsx scripts/render-minutes.ts
 *
 * Needs soffice (libreoffice-writer-nogui) and pdftoppm (poppler-utils); .ci/run installs both.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { minutesDocx, type MinutesVersion } from '../main/core/export/minutesDocument';
import { readMeetingFile } from '../main/core/meetingFile';
import { convertToPdf, SOFFICE } from '../tests/support/libreOffice';

const run = promisify(execFile);
const projectRoot = join(import.meta.dirname, '..');
const fixture = join(projectRoot, 'tests', 'core', 'fixtures', 'whole-meeting.json');
const screenshots = join(projectRoot, 'docs', 'screenshots');
const VERSIONS: MinutesVersion[] = ['public', 'confidential'];

async function main(): Promise<void> {
  const { meeting } = await readMeetingFile(fixture);
  const work = await mkdtemp(join(tmpdir(), 'mb-render-'));
  try {
    for (const version of VERSIONS) await writeFile(join(work, `minutes-${version}.docx`), await minutesDocx(meeting, { version }));
    await convertToPdf(
      VERSIONS.map((version) => join(work, `minutes-${version}.docx`)),
      work,
      180_000,
    );
    const existing = await readdir(screenshots);
    for (const version of VERSIONS) {
      const prefix = `minutes-${version}-page`;
      for (const old of existing.filter((name) => name.startsWith(`${prefix}-`) && name.endsWith('.png'))) await rm(join(screenshots, old));
      await run('pdftoppm', ['-png', '-r', '70', join(work, `minutes-${version}.pdf`), join(screenshots, prefix)]);
      // pdftoppm pads page numbers to the width of the page count ("-01"); the names do not.
      for (const name of (await readdir(screenshots)).filter((each) => each.startsWith(`${prefix}-`))) {
        const page = Number(/-(\d+)\.png$/.exec(name)?.[1]);
        const wanted = `${prefix}-${page}.png`;
        if (name !== wanted) await rename(join(screenshots, name), join(screenshots, wanted));
        console.log(join('docs', 'screenshots', wanted));
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(
    error instanceof Error && 'code' in error && error.code === 'ENOENT'
      ? `${SOFFICE} or pdftoppm is not installed (apt-get install -y --no-install-recommends libreoffice-writer-nogui poppler-utils).`
      : error,
  );
  process.exit(1);
});
