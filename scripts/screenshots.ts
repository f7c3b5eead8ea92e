/**
 * `npm run screenshots`: the screens a clerk sees, rendered by the real app in Debian's Chromium
 * from a sample meeting, into docs/screenshots/. Re-run after changing a screen.
 */
import { copyFile, mkdtemp, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMeetingChange } from '../main/domain/changes';
import { createCommittee, type Committee, type MemberRole } from '../main/domain/committee';
import { createLibrarySettings } from '../main/domain/houseStyle';
import { createAgendaItem, newId, type MinuteBlock, type TextRun } from '../main/domain/meeting';
import { createMeetingForCommittee } from '../main/domain/meetingSetup';
import { pathForNewMeeting } from '../main/core/library';
import { launchChromium, startHostProcess } from '../tests/e2e/support/appInBrowser';
import { leaveMeetingKeptOnlyHere } from '../tests/support/keptOnlyHere';

const out = join(import.meta.dirname, '..', 'docs', 'screenshots');

function block(type: MinuteBlock['type'], ...runs: Array<string | TextRun>): MinuteBlock {
  return { id: newId(), type, runs: runs.map((run) => (typeof run === 'string' ? { text: run } : run)) };
}

const at = new Date('2026-11-10T10:00:00Z');
const panel: Committee = {
  ...createCommittee('Children, Adults, Health & Wellbeing Scrutiny Panel'),
  quorum: { kind: 'fraction', numerator: 1, denominator: 3 },
  nextMinuteNumber: 61,
  members: [
    ['Liz Hardman', 'chair'],
    ['Joe Ball', 'vice-chair'],
    ['Rhian Davies', 'member'],
    ['Tomás Ó Súilleabháin', 'member'],
    ['Priya Patel', 'member'],
    ['Chidi Okafor', 'member'],
  ].map(([name, role]) => ({ id: newId(), name: name!, displayName: `Councillor ${name}`, role: role as MemberRole })),
};
let meeting = createMeetingForCommittee(
  { committee: '', title: 'Ordinary meeting', date: '2026-11-10', startTime: '10:00', venue: 'Kaposvár Room, Guildhall, Bath' },
  panel,
  at,
);
meeting = applyMeetingChange(meeting, { kind: 'entity.put', collection: 'attendees', entity: { ...meeting.attendees[2]!, status: 'apologies' } }, at);
meeting = applyMeetingChange(
  meeting,
  {
    kind: 'entity.put',
    collection: 'attendees',
    entity: {
      id: newId(),
      name: 'Mary Kearney',
      displayName: 'Mary Kearney',
      category: 'officer',
      jobTitle: 'Director of Children’s Services & Education',
      status: 'present',
    },
  },
  at,
);
const items = ['Director of Children’s Services & Education – six-month update', 'Corporate parenting: fostering recruitment', 'Panel workplan'];
const ids = [
  ...meeting.agenda.map((item) => item.id),
  ...items.map((title, index) => {
    const item = createAgendaItem(title);
    meeting = applyMeetingChange(meeting, { kind: 'item.add', item, index: 3 + index }, at);
    return item.id;
  }),
];
meeting = applyMeetingChange(
  meeting,
  {
    kind: 'entity.put',
    collection: 'decisions',
    entity: {
      id: newId(),
      itemId: ids[3]!,
      kind: 'RESOLVED',
      points: [
        { id: newId(), text: 'the Panel notes the report;' },
        { id: newId(), text: 'the projected transport budget is circulated before the next meeting.' },
      ],
      vote: { kind: 'counted', for: 4, against: 0, abstentions: 1 },
    },
  },
  at,
);
meeting = applyMeetingChange(
  meeting,
  {
    kind: 'entity.put',
    collection: 'actions',
    entity: {
      id: newId(),
      itemId: ids[3]!,
      text: 'Circulate the projected home-to-school transport budget',
      ownerAttendeeId: meeting.attendees.at(-1)!.id,
      ownerName: 'Mary Kearney',
      due: '2026-12-01',
      status: 'open',
    },
  },
  at,
);
meeting = applyMeetingChange(
  meeting,
  { kind: 'item.update', itemId: ids[3]!, fields: { background: 'Report of the Director (Appendix 1: caseload figures; Appendix 2: recruitment campaign).' } },
  at,
);
meeting = applyMeetingChange(
  meeting,
  {
    kind: 'item.minutes',
    itemId: ids[3]!,
    minutes: [
      block('paragraph', 'The Director introduced the report and highlighted the following points.'),
      block('heading', 'Virtual School'),
      block(
        'paragraph',
        'The Virtual School now supports every child open to a social worker, not only children looked after. A dedicated officer has been appointed for unaccompanied asylum-seeking children.',
      ),
      block('heading', 'Workforce'),
      block(
        'paragraph',
        'Councillor Ní Bhriain asked how the service was retaining experienced social workers. The Director replied that ',
        { text: 'caseloads remained above the agreed level', marks: ['bold'] },
        ' in two teams and that a retention payment was being considered.',
      ),
      block('bullet', 'In response to a query about agency staff, the Head of Service said the figure had fallen from 31% to 24%.'),
      block(
        'bullet',
        'A co-opted member asked about ',
        { text: 'B&NES’s', marks: ['italic'] },
        ' position against its statistical neighbours; it was “broadly in line”.',
      ),
      block('paragraph', { text: 'RESOLVED', marks: ['bold'] }, ' that the Panel:'),
      block('numbered', 'notes the report;'),
      block('numbered', 'asks for the projected budget for home-to-school transport to be circulated before the next meeting. ', {
        text: 'ACTION',
        marks: ['bold', 'underline'],
      }),
    ],
  },
  at,
);

const root = await mkdtemp(join(tmpdir(), 'mb-shots-'));
const library = join(root, 'Minute Book');
await mkdir(join(library, 'meetings'), { recursive: true });
// The logo the house style names, from the export tests' pictures.
await mkdir(join(library, 'house-style'), { recursive: true });
await copyFile(join(import.meta.dirname, '..', 'tests', 'core', 'fixtures', 'house-style', 'logo.png'), join(library, 'house-style', 'banes-logo.png'));
const librarySettings = createLibrarySettings();
await writeFile(
  join(library, 'library.json'),
  JSON.stringify(
    {
      ...librarySettings,
      houseStyle: {
        ...librarySettings.houseStyle,
        organisation: 'Bath & North East Somerset Council',
        fontFamily: 'Arial',
        bodySizePt: 11,
        headingStyle: { bold: true, allCaps: false, colour: '1F3864' },
        minuteNumberPattern: '{n}.',
        logo: { file: 'house-style/banes-logo.png', altText: 'Bath & North East Somerset Council logo', widthMm: 40 },
      },
    },
    null,
    '\t',
  ),
);
const file = await pathForNewMeeting(library, meeting);
await writeFile(join(library, ...file.split('/')), JSON.stringify(meeting, null, '\t'));
await mkdir(out, { recursive: true });

// Two clerks' computers on the same library, for the shared-library shots: each its own settings.
for (const [computer, displayName] of [
  ['computer', 'Tom Jones'],
  ['colleague', 'Jane Smith'],
] as const) {
  await mkdir(join(root, computer), { recursive: true });
  await writeFile(join(root, computer, 'settings.json'), JSON.stringify({ displayName, libraryPath: library }));
}
// A third computer that lost two meetings: the library came back without them, the journal kept them.
const keptLaptop = join(root, 'laptop-kept');
await leaveMeetingKeptOnlyHere(
  library,
  keptLaptop,
  { committee: 'Planning Committee', title: 'Ordinary meeting', date: '2026-11-17', startTime: '18:00', venue: 'Guildhall, Bath' },
  [
    'The Committee considered the report of the Head of Planning.',
    'Councillor Joe Ball moved the officer recommendation.',
    'The application was approved subject to conditions.',
  ],
);
await leaveMeetingKeptOnlyHere(
  library,
  keptLaptop,
  { committee: 'Licensing Sub-Committee', title: '', date: '2026-11-12', startTime: '10:00', venue: 'Kaposvár Room, Guildhall, Bath' },
  ['The Sub-Committee heard the application for a premises licence.'],
);
const host = await startHostProcess(library, join(root, 'computer'));
const keptHost = await startHostProcess(library, keptLaptop);
const colleagueHost = await startHostProcess(library, join(root, 'colleague'));
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1700 } });
  await page.goto(host.url);
  await page.getByRole('button', { name: /^Open Children, Adults/ }).waitFor();
  await page.screenshot({ path: join(out, 'meetings-list.png') });
  // Meetings kept only on this computer, on the laptop that lost them.
  const keptPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await keptPage.goto(keptHost.url);
  await keptPage.getByRole('region', { name: '2 meetings are kept only on this computer' }).waitFor();
  await keptPage.screenshot({ path: join(out, 'stranded-meetings.png') });
  await keptPage.close();
  await page.getByRole('button', { name: /^Open Children, Adults/ }).click();
  await page.getByRole('button', { name: /^64\. Director/ }).click();
  await page.getByRole('textbox', { name: 'Minutes' }).click();
  await page.keyboard.press('Control+End');
  await page
    .getByRole('status')
    .filter({ hasText: /Saved at/ })
    .waitFor({ timeout: 5000 })
    .catch(() => undefined);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(out, 'meeting-screen.png') });
  // 200% zoom: the same screen in half the CSS width.
  const zoomed = await browser.newPage({ viewport: { width: 640, height: 900 }, deviceScaleFactor: 2 });
  await zoomed.goto(host.url);
  await zoomed.getByRole('button', { name: /^Open Children, Adults/ }).click();
  await zoomed.getByRole('button', { name: /^64\. Director/ }).click();
  await zoomed.screenshot({ path: join(out, 'meeting-screen-200-percent.png') });

  // Export… after exporting the public version: where it went, Open and Show in folder.
  const exporting = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await exporting.goto(host.url);
  await exporting.getByRole('button', { name: /^Open Children, Adults/ }).click();
  await exporting.getByRole('button', { name: /^64\. Director/ }).click();
  await exporting.getByRole('button', { name: 'Export…' }).click();
  const dialog = exporting.getByRole('dialog', { name: 'Export the minutes to Word' });
  const saveAs = dialog.getByRole('textbox', { name: 'Save as' });
  for (let tries = 0; tries < 50 && !(await saveAs.inputValue()).endsWith('.docx'); tries += 1) await exporting.waitForTimeout(100);
  await dialog.getByRole('button', { name: 'Export' }).click();
  await dialog.getByRole('button', { name: 'Open' }).waitFor({ timeout: 15_000 });
  await exporting.screenshot({ path: join(out, 'export-dialog.png') });

  // Settings, House style: the library's style, with a minute-number format being typed and its live example.
  const settings = await browser.newPage({ viewport: { width: 1280, height: 1900 } });
  await settings.goto(host.url);
  await settings.getByRole('button', { name: 'Settings', exact: true }).click();
  const houseStyle = settings.getByRole('region', { name: 'House style' });
  const font = houseStyle.getByRole('textbox', { name: 'Font' });
  for (let tries = 0; tries < 50 && (await font.inputValue()) === ''; tries += 1) await settings.waitForTimeout(100);
  await houseStyle.getByRole('textbox', { name: 'Minute number format' }).fill('PDS/{yy}/{n}');
  await houseStyle.screenshot({ path: join(out, 'house-style-settings.png') });
  await settings.close();
  await exporting.close();
  await zoomed.close();
  await page.close();

  // Shared library. Jane is typing in item 64; Tom opens the meeting, is told, and reads it only.
  const janePage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await janePage.goto(colleagueHost.url);
  await janePage.getByRole('button', { name: /^Open Children, Adults/ }).click();
  // Tom's computer still has the meeting open from the shots above: Jane edits as well.
  const asked = janePage.getByRole('dialog', { name: 'Someone is editing this meeting' });
  await asked
    .or(janePage.getByRole('button', { name: /^64\. Director/ }))
    .first()
    .waitFor();
  if (await asked.isVisible()) await asked.getByRole('button', { name: 'Edit as well' }).click();
  await janePage.getByRole('button', { name: /^64\. Director/ }).click();
  const janeMinutes = janePage.getByRole('textbox', { name: 'Minutes' });
  await janeMinutes.locator('p').first().click();
  await janePage.keyboard.press('End');
  await janePage.keyboard.type(' Members thanked the Director for a thorough report.');
  const tomPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await tomPage.goto(host.url);
  await tomPage.getByRole('button', { name: /^Open Children, Adults/ }).click();
  await tomPage.getByRole('dialog', { name: 'Someone is editing this meeting' }).screenshot({ path: join(out, 'presence-dialog.png') });
  await tomPage.getByRole('button', { name: 'Read only' }).click();
  await tomPage.getByRole('button', { name: /^64\. Director/ }).click();
  await janePage.keyboard.type(' The Panel asked for the caseload figures by team.');
  await tomPage.getByRole('textbox', { name: 'Minutes' }).filter({ hasText: 'caseload figures by team' }).waitFor({ timeout: 10_000 });
  await tomPage.evaluate(() => window.scrollTo(0, 0));
  await tomPage.screenshot({ path: join(out, 'presence-read-only.png') });

  // Tom edits as well; both change the same paragraph at the same moment: a conflict, side by side.
  await tomPage.getByRole('button', { name: 'Edit as well' }).click();
  await tomPage.getByRole('region', { name: 'Read only' }).waitFor({ state: 'detached' });
  const tomMinutes = tomPage.getByRole('textbox', { name: 'Minutes' });
  // Both at the end of the last paragraph (the action), typing at the same moment.
  await tomMinutes.click();
  await tomPage.keyboard.press('Control+End');
  await janeMinutes.click();
  await janePage.keyboard.press('Control+End');
  await Promise.all([janePage.keyboard.type(' (Mary Kearney)'), tomPage.keyboard.type(' – by 1 December')]);
  const conflicts = (each: typeof tomPage) => each.getByRole('button', { name: /^Conflicts \(\d+\)$/ });
  const saved = (each: typeof tomPage) => each.getByRole('status').filter({ hasText: /^Saved at/ });
  // Until both windows have saved and the conflicts on screen have stopped changing.
  let settled = '';
  for (let tries = 0; tries < 200; tries += 1) {
    await tomPage.waitForTimeout(250);
    const now = `${await conflicts(tomPage).allTextContents()}|${await conflicts(janePage).allTextContents()}|${await saved(tomPage).count()}${await saved(janePage).count()}`;
    if (now === settled && now.includes('Conflicts') && now.endsWith('11')) break;
    settled = now;
  }
  const resolver = (await conflicts(tomPage).count()) > 0 ? tomPage : janePage;
  await conflicts(resolver).click();
  const conflictDialog = resolver.getByRole('dialog', { name: /^Conflicts to resolve/ });
  await resolver.evaluate(() => window.scrollTo(0, 0));
  await resolver.screenshot({ path: join(out, 'conflict-side-by-side.png') });
  await conflictDialog.getByRole('button', { name: 'Keep this version' }).first().click();
  await conflictDialog.getByRole('button', { name: 'Close' }).click();

  // History: the versions the library kept as the two clerks saved, newest first.
  await tomPage.getByRole('button', { name: 'History' }).click();
  const history = tomPage.getByRole('dialog', { name: 'History' });
  await history.getByRole('list', { name: 'Earlier versions, newest first' }).waitFor({ timeout: 10_000 });
  await tomPage.screenshot({ path: join(out, 'history.png') });
  await history.getByRole('button', { name: 'Close' }).click();
  await janePage.close();

  // The library folder goes away (VPN dropped): typing goes on and is kept on this computer.
  await rename(library, `${library} (offline)`);
  try {
    await tomMinutes.click();
    await tomPage.keyboard.press('Control+End');
    await tomPage.keyboard.press('Enter');
    await tomPage.keyboard.type('The Panel noted the update.');
    await tomPage.getByText(/^Library unreachable — \d+ changes? kept on this computer$/).waitFor({ timeout: 20_000 });
    await tomPage.keyboard.type(' Members asked for it again in March.');
    await tomPage.evaluate(() => window.scrollTo(0, 0));
    await tomPage.screenshot({ path: join(out, 'library-unreachable.png') });
  } finally {
    await rename(`${library} (offline)`, library);
  }
  console.log(`Screenshots written to ${out}`);
} finally {
  await browser.close();
  await colleagueHost.stop();
  await host.stop();
  await keptHost.stop();
  await rm(root, { recursive: true, force: true });
}
