/**
 * Renders the Word minutes of three kinds of body (issue 11) the way a reader sees them: a city
 * council committee, an NHS foundation trust board in public and a school's full governing board,
 * each from its fixture (tests/core/fixtures/<name>.json) in its own house style
 * (<name>.house-style.json), public and confidential: .docx → LibreOffice (headless) → PDF →
 * pdftoppm → one PNG per page, into docs/screenshots/minutes-<body>-<version>-page-N.png.
 *
 *   npm run render-bodies
 *
 * Needs soffice (libreoffice-writer-nogui) and pdftoppm (poppler-utils); .ci/run installs both.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { minutesDocx, type MinutesVersion } from '../main/core/export/minutesDocument';
import { readMeetingFile } from '../main/core/meetingFile';
import { HouseStyle } from '../main/domain/houseStyle';
import { convertToPdf, failRendering, pdfToPagePictures } from '../tests/support/libreOffice';

const projectRoot = join(import.meta.dirname, '..');
const fixtures = join(projectRoot, 'tests', 'core', 'fixtures');
const screenshots = join(projectRoot, 'docs', 'screenshots');
const VERSIONS: MinutesVersion[] = ['public', 'confidential'];
const BODIES = [
  { body: 'council', fixture: 'council-committee-meeting' },
  { body: 'nhs', fixture: 'nhs-board-meeting' },
  { body: 'school', fixture: 'school-fgb-meeting' },
] as const;
/** Dots per inch: legible when opened, small enough to commit. */
const DPI = 80;

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'mb-render-bodies-'));
  try {
    const files: string[] = [];
    for (const { body, fixture } of BODIES) {
      const { meeting } = await readMeetingFile(join(fixtures, `${fixture}.json`));
      const houseStyle = HouseStyle.parse(JSON.parse(await readFile(join(fixtures, `${fixture}.house-style.json`), 'utf8')));
      for (const version of VERSIONS) {
        const file = join(work, `minutes-${body}-${version}.docx`);
        await writeFile(file, await minutesDocx(meeting, { version, style: { houseStyle } }));
        files.push(file);
      }
    }
    await convertToPdf(files, work, 300_000);
    for (const { body } of BODIES) {
      for (const version of VERSIONS) {
        for (const name of await pdfToPagePictures(join(work, `minutes-${body}-${version}.pdf`), screenshots, `minutes-${body}-${version}-page`, DPI)) {
          console.log(join('docs', 'screenshots', name));
        }
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

main().catch(failRendering);
