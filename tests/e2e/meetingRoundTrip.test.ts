/**
 * A clerk's first morning with Minute Book, in a real Chromium against the real core: create a
 * meeting, add three agenda items, write minutes with bold text and a numbered list, reorder
 * the items, close the app (stop the host process), start it again: every word, mark, list and
 * the order are there, both on screen and in the library file.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedMeetingFiles } from '../support/storedMeetings';
import { ARTEFACTS_DIR, ClerkComputer } from './support/appInBrowser';
import { createMeeting, saysSaved } from './support/clerkSteps';

const computer = new ClerkComputer();
const artefacts = ARTEFACTS_DIR;
const pageErrors = computer.pageErrors;

beforeAll(() => computer.start('mb-e2e-'));
afterAll(() => computer.end());

const openApp = () => computer.openApp({ width: 1280, height: 860 });

async function storedAgendaTitles(): Promise<string[]> {
  const [file] = await storedMeetingFiles(computer.library).catch(() => []);
  return file?.parsed.ok ? file.parsed.meeting.agenda.map((item) => item.title) : [];
}

/** The window says saved, and the file already has the last change (the reorder). */
async function waitUntilSaved(page: Page, expectedOrder: string[]): Promise<void> {
  await expect
    .poll(async () => {
      return (await saysSaved(page)) && JSON.stringify(await storedAgendaTitles()) === JSON.stringify(expectedOrder);
    })
    .toBe(true);
}

describe('a meeting survives closing and reopening the app', () => {
  it('keeps every word, mark, list and the agenda order', async () => {
    const page = await openApp();
    await createMeeting(page, {
      committee: 'Children’s Services Scrutiny Panel',
      title: 'Ordinary meeting',
      date: '2026-11-10',
      startTime: '10:00',
      venue: 'Council Chamber, Guildhall',
    });
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Children’s Services Scrutiny Panel' }).count()).toBe(1);

    for (const title of ['Apologies for absence', 'Declarations of interest', 'Director’s six-month update']) {
      await page.getByRole('button', { name: 'Add agenda item' }).click();
      const titleField = page.getByRole('textbox', { name: 'Item title' });
      await titleField.fill(title);
    }

    await page.getByRole('button', { name: '3. Director’s six-month update' }).click();
    const minutes = page.getByRole('textbox', { name: 'Minutes' });
    await minutes.click();
    await page.keyboard.type('The Director introduced the report – B&NES figures attached. ');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('Workforce pressures');
    await page.keyboard.press('Control+b');
    await page.keyboard.type(' were “significant”.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('1. ');
    await page.keyboard.type('Recruit more foster carers');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Report back in March');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('The Panel noted the report.');

    // Take item 3 before item 2, by keyboard.
    await page.getByRole('button', { name: '3. Director’s six-month update' }).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => page.getByRole('button', { name: '2. Director’s six-month update' }).count()).toBe(1);
    await waitUntilSaved(page, ['Apologies for absence', 'Director’s six-month update', 'Declarations of interest']);
    await page.screenshot({ path: join(artefacts, 'meeting-screen.png'), fullPage: true });

    await computer.host!.stop(); // the clerk closes the app
    await page.close();

    const reopened = await openApp();
    await reopened.getByRole('button', { name: /^Open Children’s Services Scrutiny Panel/ }).click();
    const agenda = reopened.getByRole('navigation', { name: 'Agenda' }).getByRole('button', { name: /^\d+\. / });
    await expect.poll(() => agenda.allTextContents()).toEqual(['1. Apologies for absence', '2. Director’s six-month update', '3. Declarations of interest']);
    await reopened.getByRole('button', { name: '2. Director’s six-month update' }).click();
    const editor = reopened.getByRole('textbox', { name: 'Minutes' });
    await expect.poll(() => editor.innerText()).toContain('The Panel noted the report.');
    expect(await editor.locator('strong').allTextContents()).toEqual(['Workforce pressures']);
    expect(await editor.locator('ol > li').allTextContents()).toEqual(['Recruit more foster carers', 'Report back in March']);
    expect(await editor.locator('p').first().innerText()).toBe(
      'The Director introduced the report – B&NES figures attached. Workforce pressures were “significant”.',
    );

    // And the library file itself, read without the app.
    const [file] = await storedMeetingFiles(computer.library);
    const parsed = file!.parsed;
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.meeting.agenda.map((item) => item.title)).toEqual(['Apologies for absence', 'Director’s six-month update', 'Declarations of interest']);
    const blocks = parsed.meeting.agenda[1]!.minutes;
    expect(blocks.map((block) => block.type)).toEqual(['paragraph', 'numbered', 'numbered', 'paragraph']);
    expect(blocks[0]!.runs).toEqual([
      { text: 'The Director introduced the report – B&NES figures attached. ' },
      { text: 'Workforce pressures', marks: ['bold'] },
      { text: ' were “significant”.' },
    ]);
    expect(pageErrors).toEqual([]);
  });
});
