/**
 * Export… in a real Chromium against the real core: the clerk sets up a meeting, types the
 * minutes, and without a pause exports the public version by keyboard. The Word file is in the
 * library's Exports folder and, unzipped with an independent reader, holds what was typed; "Open"
 * asks the desktop to open exactly that file.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTEFACTS_DIR, ClerkComputer } from './support/appInBrowser';
import { createMeeting } from './support/clerkSteps';

const computer = new ClerkComputer();
beforeAll(() => computer.start('mb-e2e-export-'));
afterAll(() => computer.end());

const COMMITTEE = 'Cabinet';
const TYPED = 'Councillor Ní Bhriain moved the recommendations – “agreed” without a vote.';

async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return element ? `${element.tagName.toLowerCase()}:${element.getAttribute('aria-label') ?? element.textContent?.trim() ?? ''}` : '';
  });
}

/** Presses Tab until the control with this text has the focus, as a keyboard user would. */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let step = 0; step < 12; step += 1) {
    if ((await focusedName(page)) === `button:${name}`) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached “${name}” (focus is on ${await focusedName(page)})`);
}

describe('exporting the minutes from the meeting screen', () => {
  it('writes a Word file with what was just typed, and Open asks the desktop for exactly that file', async () => {
    const page = await computer.openApp({ width: 1280, height: 900 });
    await createMeeting(page, { committee: COMMITTEE, date: '2026-11-10', startTime: '10:00', venue: 'Council Chamber, Guildhall' });
    await page.getByRole('heading', { level: 1, name: COMMITTEE }).waitFor();

    await page.getByRole('button', { name: 'Add agenda item' }).click();
    await page.getByRole('textbox', { name: 'Item title' }).fill('Local Plan: regulation 18 consultation');
    await page.getByRole('textbox', { name: 'Minutes' }).click();
    await page.keyboard.type(TYPED);
    // No pause: the export must still hold the last words.
    await page.keyboard.press('Control+Shift+X');

    const dialog = page.getByRole('dialog', { name: 'Export the minutes to Word' });
    const saveAs = dialog.getByRole('textbox', { name: 'Save as' });
    const expected = join(computer.library, 'Exports', `2026-11-10 ${COMMITTEE} minutes (public).docx`);
    await expect.poll(() => saveAs.inputValue()).toBe(expected);
    expect(await dialog.getByRole('radio', { name: 'Public' }).isChecked()).toBe(true);
    expect(await dialog.getByRole('checkbox', { name: 'Mark every page DRAFT' }).isChecked()).toBe(true);
    await tabTo(page, 'Export');
    await page.keyboard.press('Enter');

    await expect.poll(() => dialog.getByRole('status').textContent()).toBe(`Exported to ${expected}`);
    await page.screenshot({ path: join(ARTEFACTS_DIR, 'export-dialog.png') });
    expect((await stat(expected)).size).toBeGreaterThan(0);
    const zip = await JSZip.loadAsync(await readFile(expected));
    const documentXml = await zip.file('word/document.xml')!.async('string');
    expect(documentXml.replace(/<[^>]+>/g, '')).toContain(TYPED);

    // Focus moves to Open (the dialog moves it once the outcome is shown, a render later); Enter opens the file.
    await expect.poll(() => focusedName(page)).toBe('button:Open');
    await page.keyboard.press('Enter');
    await expect.poll(() => computer.host!.desktopCalls.length).toBe(1);
    expect(computer.host!.desktopCalls).toEqual([{ action: 'openPath', path: expected }]);
    await dialog.getByRole('button', { name: 'Show in folder' }).click();
    await expect.poll(() => computer.host!.desktopCalls.length).toBe(2);
    expect(computer.host!.desktopCalls[1]).toEqual({ action: 'showItemInFolder', path: expected });

    // Closing the dialog puts the clerk back in the minutes, where the shortcut was pressed.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => focusedName(page)).toBe('div:Minutes');
    expect(computer.pageErrors).toEqual([]);
  });
});
