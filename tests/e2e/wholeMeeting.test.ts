/**
 * A clerk takes a whole meeting by keyboard alone, in a real Chromium against the real core:
 * sets up the committee (roster imported from CSV), records apologies, a substitute, officers,
 * a late arrival and an early departure, a declaration whose withdrawal makes one item
 * inquorate, narrative minutes with sub-headings and bullets, a decision with a counted vote, a
 * recorded vote, three actions and a Part 2 item. After the app is closed and started again, the
 * stored meeting holds every sentence, attendee, movement, declaration, decision, vote and action.
 *
 * Controls are reached with focus() (as Tab would) and operated with the keyboard only.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minutesText } from '../../main/domain/meeting';
import { storedMeeting, storedMeetingFiles } from '../support/storedMeetings';
import { ARTEFACTS_DIR, ClerkComputer } from './support/appInBrowser';
import { saysSaved } from './support/clerkSteps';

const computer = new ClerkComputer();
const artefacts = ARTEFACTS_DIR;
const pageErrors = computer.pageErrors;

beforeAll(() => computer.start('mb-whole-'));
afterAll(() => computer.end());

const openApp = () => computer.openApp({ width: 1440, height: 1800 });

/** Focus a control as Tab would, then press keys. */
async function press(control: Locator, key = 'Enter'): Promise<void> {
  await control.focus();
  await control.press(key);
}

async function typeInto(control: Locator, text: string): Promise<void> {
  await control.focus();
  await control.press('ControlOrMeta+a');
  await control.page().keyboard.type(text);
}

/** Chooses an option of a <select> by keyboard: arrow keys until it shows the option (the list may change as it does). */
async function choose(select: Locator, optionLabel: string): Promise<void> {
  await select.focus();
  const shown = () => select.evaluate((element) => (element as HTMLSelectElement).selectedOptions[0]?.textContent?.trim() ?? '');
  const labels = (await select.locator('option').allTextContents()).map((label) => label.trim());
  if (!labels.includes(optionLabel)) throw new Error(`No option “${optionLabel}” in ${JSON.stringify(labels)}`);
  const key = labels.indexOf(optionLabel) > labels.indexOf(await shown()) ? 'ArrowDown' : 'ArrowUp';
  for (let step = 0; step < labels.length && (await shown()) !== optionLabel; step += 1) await select.press(key);
  expect(await shown()).toBe(optionLabel);
}

async function typeMinutes(page: Page, lines: string[]): Promise<void> {
  const minutes = page.getByRole('textbox', { name: 'Minutes' });
  await minutes.focus();
  await page.keyboard.press('ControlOrMeta+End');
  for (const [index, line] of lines.entries()) {
    if (index > 0) await page.keyboard.press('Enter');
    // Enter on an empty list item ends the list, as in Word.
    if (index > 0 && lines[index - 1]!.startsWith('- ') && !line.startsWith('- ')) await page.keyboard.press('Enter');
    await page.keyboard.type(line);
  }
}

const ROSTER_CSV = [
  'name,role,title',
  'Liz Hardman,Chair,Councillor',
  'Joe Ball,Vice-Chair,Councillor',
  'Rhian Davies,Member,Councillor',
  'Tomás Ó Súilleabháin,Member,Councillor',
  'Priya Patel,Member,Councillor',
  'Chidi Okafor,Member,Councillor',
  'Gareth Jones,Member,Councillor',
  'Anna Kowalski,Member,Councillor',
  'Huw Evans,Member,Councillor',
  'Mary Roberts,Member,Councillor',
  'Imran Ahmed,Member,Councillor',
  '"Sue Wright",Co-opted (non-voting),',
].join('\n');

const NARRATIVE: Record<string, string[]> = {
  'Director’s six-month update': [
    '### Virtual School',
    'The Director introduced the report and said the Virtual School now supported every child open to a social worker.',
    '- In response to a query, the Director confirmed that B&NES was in line with its statistical neighbours.',
    'A co-opted member asked about “attendance figures” for children looked after.',
  ],
  'Fostering recruitment': [
    '### Recruitment',
    'The Head of Service reported a rise in foster carer households – the campaign had exceeded its target.',
    '- Members welcomed the increase.',
    'Retention payments were discussed.',
  ],
  'Home-to-school transport': [
    '### Budget',
    'The Panel heard that the transport budget was under significant pressure this year.',
    '- Members asked for the projected outturn.',
    'The Director agreed to circulate it.',
  ],
  'Youth justice partnership': [
    '### Renaming',
    'The partnership had renamed itself the Youth Justice Service following consultation.',
    '- Members supported a child-first approach.',
    'The Panel thanked the officers for their work.',
  ],
  'Panel workplan': [
    '### Future items',
    'The Panel reviewed its workplan for the coming year.',
    '- A session on speech and language therapy was requested.',
    'The workplan was updated accordingly.',
  ],
};

/**
 * Waits until the window says everything is saved and the library file holds the last thing
 * typed (changes reach the file in the order they were made, so everything before it is there too).
 */
async function waitUntilSavedWith(page: Page, lastSentence: string): Promise<void> {
  await expect
    .poll(async () => {
      const saved = await saysSaved(page);
      const stored = await storedMeeting(computer.library).catch(() => undefined);
      const text = stored?.agenda.map((each) => minutesText(each.minutes)).join('\n') ?? '';
      return saved && text.includes(lastSentence);
    })
    .toBe(true);
}

describe('a whole meeting, by keyboard', () => {
  it('records everything a clerk captures, and it is all there after a restart', async () => {
    const page = await openApp();

    // The committee: roster from CSV, quorum of 10.
    await press(page.getByRole('button', { name: 'Committees' }));
    await press(page.getByRole('button', { name: 'New committee' }));
    await typeInto(page.getByRole('dialog', { name: 'New committee' }).getByRole('textbox', { name: 'Committee name' }), 'Children’s Services Scrutiny Panel');
    await press(page.getByRole('button', { name: 'Create committee' }));
    await typeInto(page.getByRole('textbox', { name: 'Default venue' }), 'Kaposvár Room, Guildhall');
    await press(page.getByRole('radio', { name: 'A number of members' }), 'Space');
    await typeInto(page.getByRole('spinbutton', { name: 'Members needed' }), '10');
    await press(page.getByRole('button', { name: 'Import roster from CSV…' }));
    const importDialog = page.getByRole('dialog', { name: 'Import roster' });
    await typeInto(importDialog.getByRole('textbox', { name: 'Or paste CSV' }), ROSTER_CSV);
    await press(importDialog.getByRole('button', { name: 'Add 12 members' }));
    await press(page.getByRole('button', { name: 'Save committee' }));
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Committee saved.' }).count()).toBe(1);

    // The meeting.
    await press(page.getByRole('button', { name: 'Meetings' }));
    await press(page.getByRole('button', { name: 'New meeting' }));
    const newMeeting = page.getByRole('dialog', { name: 'New meeting' });
    await choose(newMeeting.getByRole('combobox', { name: 'Committee' }), 'Children’s Services Scrutiny Panel');
    await typeInto(newMeeting.getByLabel('Title'), 'Ordinary meeting');
    await newMeeting.getByLabel('Date').fill('2026-11-10');
    await newMeeting.getByLabel('Start time').fill('10:00');
    await press(newMeeting.getByRole('button', { name: 'Create meeting' }));
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Children’s Services Scrutiny Panel' }).count()).toBe(1);

    // Agenda: the three standard items are there; add the rest.
    const titles = [...Object.keys(NARRATIVE), 'Exempt item: placement contract'];
    for (const title of titles) {
      await press(page.getByRole('button', { name: 'Add agenda item' }));
      await typeInto(page.getByRole('textbox', { name: 'Item title' }), title);
    }
    const item = (n: number) => page.getByRole('navigation', { name: 'Agenda' }).getByRole('button', { name: new RegExp(`^${n}\\. `) });

    // Attendance, recorded during item 1.
    await press(item(1));
    const attendance = page.getByRole('region', { name: 'Attendance' });
    await choose(attendance.getByRole('combobox', { name: 'Attendance of Councillor Mary Roberts' }), 'Apologies');
    await choose(attendance.getByRole('combobox', { name: 'Attendance of Councillor Imran Ahmed' }), 'Substitute');
    await typeInto(attendance.getByRole('textbox', { name: 'Substitute for Councillor Imran Ahmed' }), 'Councillor Sam Quinn');
    await press(attendance.getByRole('button', { name: 'Add substitute' }));
    await choose(attendance.getByRole('combobox', { name: 'Attendance of Sue Wright' }), 'Absent');
    for (const [name, jobTitle] of [
      ['Mary Kearney', 'Director of Children’s Services & Education'],
      ['Owen Price', 'Head of Finance'],
      ['Nia Morgan', 'Democratic Services Officer'],
    ] as const) {
      await typeInto(attendance.getByRole('textbox', { name: 'Add someone present' }), name);
      await choose(attendance.getByRole('combobox', { name: 'as' }), 'Officer');
      await typeInto(attendance.getByRole('textbox', { name: 'Job title' }), jobTitle);
      await press(attendance.getByRole('button', { name: 'Add', exact: true }));
    }
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Quorate: 10 voting members present, 10 needed' }).count()).toBeGreaterThan(0);

    // The co-optee arrives late, during item 2 (Ctrl+Shift+M).
    await press(item(2));
    await page.keyboard.press('Control+Shift+M');
    const movement = page.getByRole('dialog', { name: 'Arrival or departure' });
    await movement.getByRole('combobox', { name: 'Who arrived or left?' }).pressSequentially('Wright');
    await movement.getByRole('combobox', { name: 'Who arrived or left?' }).press('Enter');

    // Narrative items 4–8.
    for (const [index, title] of Object.keys(NARRATIVE).entries()) {
      await press(item(4 + index));
      await typeMinutes(page, NARRATIVE[title]!);
    }

    // Item 5: a declaration with withdrawal makes the meeting inquorate for this item only.
    await press(item(5));
    await page.keyboard.press('Control+Shift+E');
    const declaration = page.getByRole('group', { name: 'Declaration 1' });
    await choose(declaration.getByRole('combobox', { name: 'Member' }), 'Councillor Gareth Jones');
    await choose(declaration.getByRole('combobox', { name: 'Kind of interest' }), 'Other registrable interest');
    await typeInto(declaration.getByRole('textbox', { name: 'Nature of interest' }), 'Is a foster carer for the council');
    await press(declaration.getByRole('checkbox', { name: 'Left the room for this item' }), 'Space');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Not quorate: 9 voting members present, 10 needed' }).count()).toBe(1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(artefacts, 'whole-meeting-inquorate.png') });
    await press(item(6));
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Quorate: 10 voting members present, 10 needed' }).count()).toBeGreaterThan(0);

    // Item 6: a decision with two points and a counted vote, and an action.
    await page.keyboard.press('Control+Shift+D');
    const decision = page.getByRole('group', { name: 'Decision 1' });
    await choose(decision.getByRole('combobox', { name: 'Decision' }), 'RESOLVED');
    await typeInto(decision.getByRole('textbox', { name: 'Point 1' }), 'the Panel notes the transport budget position;');
    await press(decision.getByRole('button', { name: 'Add point' }));
    await typeInto(decision.getByRole('textbox', { name: 'Point 2' }), 'the projected outturn is reported to the next meeting.');
    await press(decision.getByRole('radio', { name: 'Counted' }), 'Space');
    await typeInto(decision.getByRole('spinbutton', { name: 'For' }), '7');
    await typeInto(decision.getByRole('spinbutton', { name: 'Against' }), '2');
    await typeInto(decision.getByRole('spinbutton', { name: 'Abstentions' }), '1');
    await page.keyboard.press('Control+Shift+A');
    let action = page.getByRole('group', { name: 'Action 6/1' });
    await typeInto(action.getByRole('textbox', { name: 'Action' }), 'Circulate the projected transport outturn');
    await typeInto(action.getByRole('combobox', { name: 'Owner' }), 'Owen Price');
    await action.getByLabel('Due date').fill('2026-12-01');

    // Item 7: a recorded vote, and an action.
    await press(item(7));
    await page.keyboard.press('Control+Shift+D');
    const recorded = page.getByRole('group', { name: 'Decision 1' });
    await typeInto(recorded.getByRole('textbox', { name: 'Point 1' }), 'the Panel supports the child-first approach.');
    await press(recorded.getByRole('radio', { name: 'Recorded' }), 'Space');
    const votes: Record<string, string> = {
      'Councillor Liz Hardman': 'For',
      'Councillor Joe Ball': 'For',
      'Councillor Rhian Davies': 'For',
      'Councillor Tomás Ó Súilleabháin': 'Against',
      'Councillor Priya Patel': 'For',
      'Councillor Chidi Okafor': 'Abstain',
      'Councillor Gareth Jones': 'For',
      'Councillor Anna Kowalski': 'Against',
      'Councillor Huw Evans': 'For',
      'Councillor Sam Quinn': 'For',
    };
    for (const [name, vote] of Object.entries(votes)) await choose(recorded.getByRole('combobox', { name: `Vote of ${name}` }), vote);
    await page.keyboard.press('Control+Shift+A');
    action = page.getByRole('group', { name: 'Action 7/1' });
    await typeInto(action.getByRole('textbox', { name: 'Action' }), 'Share the partnership’s new name with schools');
    await typeInto(action.getByRole('combobox', { name: 'Owner' }), 'Mary Kearney');
    await action.getByLabel('Due date').fill('2027-01-15');

    // Item 8: an early departure (an officer), and an action.
    await press(item(8));
    await page.keyboard.press('Control+Shift+M');
    await movement.getByRole('combobox', { name: 'Who arrived or left?' }).pressSequentially('Nia Morgan');
    await movement.getByRole('combobox', { name: 'Who arrived or left?' }).press('Enter');
    await page.keyboard.press('Control+Shift+A');
    action = page.getByRole('group', { name: 'Action 8/1' });
    await typeInto(action.getByRole('textbox', { name: 'Action' }), 'Add speech and language therapy to the workplan');
    await typeInto(action.getByRole('combobox', { name: 'Owner' }), 'Nia Morgan');
    await action.getByLabel('Due date').fill('2026-11-30');

    // Item 9: Part 2.
    await press(item(9));
    await press(page.getByRole('checkbox', { name: 'Exempt (Part 2)' }), 'Space');
    await choose(
      page.getByRole('combobox', { name: 'Schedule 12A paragraph' }),
      '3. Financial or business affairs of any particular person (including the authority)',
    );
    await typeInto(page.getByRole('textbox', { name: 'Public summary' }), 'The Panel considered a placement contract in private.');
    await typeMinutes(page, ['The Panel discussed the contract terms in private session.']);

    await press(item(6));
    await page.keyboard.press('F1');
    const cheatSheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await cheatSheet.screenshot({ path: join(artefacts, 'keyboard-shortcuts.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => cheatSheet.count()).toBe(0);
    await waitUntilSavedWith(page, 'The Panel discussed the contract terms in private session.');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(artefacts, 'whole-meeting-decision.png') });
    const before = await storedMeeting(computer.library);

    await computer.host!.stop();
    await page.close();
    const reopened = await openApp();
    await press(reopened.getByRole('button', { name: /^Open Children’s Services Scrutiny Panel/ }));
    await expect
      .poll(() =>
        reopened
          .getByRole('navigation', { name: 'Agenda' })
          .getByRole('button', { name: /^\d+\. / })
          .count(),
      )
      .toBe(9);
    const after = await storedMeeting(computer.library);
    expect(after).toEqual(before);
    // The stored file, as it is, for the export tests (tests/core/fixtures/whole-meeting.json is a copy).
    await writeFile(join(artefacts, 'whole-meeting.json'), (await storedMeetingFiles(computer.library))[0]!.text);

    // Attendance.
    const byName = (name: string) => after.attendees.find((attendee) => attendee.displayName === name);
    expect(after.attendees).toHaveLength(16);
    expect(byName('Councillor Mary Roberts')?.status).toBe('apologies');
    expect(byName('Councillor Imran Ahmed')?.status).toBe('substituted');
    expect(byName('Councillor Sam Quinn')).toMatchObject({ role: 'substitute', substituteFor: byName('Councillor Imran Ahmed')!.id, status: 'present' });
    expect(byName('Sue Wright')).toMatchObject({ role: 'co-opted-non-voting', status: 'present' });
    expect(after.attendees.filter((attendee) => attendee.category === 'officer').map((attendee) => `${attendee.displayName}, ${attendee.jobTitle}`)).toEqual([
      'Mary Kearney, Director of Children’s Services & Education',
      'Owen Price, Head of Finance',
      'Nia Morgan, Democratic Services Officer',
    ]);
    const itemId = (n: number) => after.agenda[n - 1]!.id;
    expect(after.movements.map((each) => [each.attendeeId, each.kind, each.itemId])).toEqual([
      [byName('Sue Wright')!.id, 'arrived', itemId(2)],
      [byName('Nia Morgan')!.id, 'left', itemId(8)],
    ]);
    expect(after.declarations).toEqual([
      {
        id: expect.any(String),
        itemId: itemId(5),
        attendeeId: byName('Councillor Gareth Jones')!.id,
        kind: 'other-registrable',
        nature: 'Is a foster carer for the council',
        withdrew: true,
      },
    ]);

    // Minutes: generated items and every sentence typed, with sub-headings and bullets.
    expect(minutesText(after.agenda[0]!.minutes)).toBe(
      'Apologies for absence were received from Councillors Mary Roberts and Imran Ahmed.\nCouncillor Sam Quinn attended as a substitute for Councillor Imran Ahmed.',
    );
    expect(minutesText(after.agenda[1]!.minutes)).toBe(
      'Councillor Gareth Jones declared an other registrable interest in item 5 (Is a foster carer for the council) and left the meeting for that item.',
    );
    for (const [index, title] of Object.keys(NARRATIVE).entries()) {
      const stored = after.agenda[3 + index]!;
      expect(stored.title).toBe(title);
      expect(stored.minutes.map((block) => block.type)).toEqual(['heading', 'paragraph', 'bullet', 'paragraph']);
      expect(minutesText(stored.minutes)).toBe(NARRATIVE[title]!.map((line) => line.replace(/^(### |- )/, '')).join('\n'));
    }

    // Decisions and votes.
    const [counted, recordedVote] = after.decisions;
    expect(counted).toMatchObject({
      itemId: itemId(6),
      kind: 'RESOLVED',
      points: [{ text: 'the Panel notes the transport budget position;' }, { text: 'the projected outturn is reported to the next meeting.' }],
      vote: { kind: 'counted', for: 7, against: 2, abstentions: 1 },
    });
    expect(recordedVote?.itemId).toBe(itemId(7));
    const idsVoting = (choice: string) =>
      Object.entries(votes)
        .filter(([, vote]) => vote === choice)
        .map(([name]) => byName(name)!.id)
        .sort();
    expect(recordedVote?.vote?.kind).toBe('recorded');
    if (recordedVote?.vote?.kind === 'recorded') {
      expect(recordedVote.vote.for.slice().sort()).toEqual(idsVoting('For'));
      expect(recordedVote.vote.against.slice().sort()).toEqual(idsVoting('Against'));
      expect(recordedVote.vote.abstain.slice().sort()).toEqual(idsVoting('Abstain'));
    }

    // Actions.
    expect(after.actions.map((each) => [each.itemId, each.text, each.ownerName, each.due, each.status])).toEqual([
      [itemId(6), 'Circulate the projected transport outturn', 'Owen Price', '2026-12-01', 'open'],
      [itemId(7), 'Share the partnership’s new name with schools', 'Mary Kearney', '2027-01-15', 'open'],
      [itemId(8), 'Add speech and language therapy to the workplan', 'Nia Morgan', '2026-11-30', 'open'],
    ]);
    expect(after.actions[0]!.ownerAttendeeId).toBe(byName('Owen Price')!.id);

    // Part 2.
    expect(after.agenda[8]).toMatchObject({ exempt: true, exemptParagraph: 3, publicSummary: 'The Panel considered a placement contract in private.' });
    expect(minutesText(after.agenda[8]!.minutes)).toBe('The Panel discussed the contract terms in private session.');
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
