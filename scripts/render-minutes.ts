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
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { minutesDocx, type MinutesVersion } from '../main/core/export/minutesDocument';
import { readMeetingFile } from '../main/core/meetingFile';
import { convertToPdf, failRendering, pdfToPagePictures } from '../tests/support/libreOffice';

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
    for (const version of VERSIONS) {
      for (const name of await pdfToPagePictures(join(work, `minutes-${version}.pdf`), screenshots, `minutes-${version}-page`, 70)) {
        console.log(join('docs', 'screenshots', name));
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

main().catch(failRendering);
