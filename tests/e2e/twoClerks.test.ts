/**
 * Two clerks on the same meeting, each on their own computer (their own test host, settings and
 * journal) with the library on a shared folder, as on a network drive: Jane types; Tom opens the
 * meeting, is told Jane is editing it, reads it only and sees her words arrive; then edits as well;
 * both change the same paragraph at the same moment; the conflict is shown side by side and the
 * clerk combines the two versions; both screens end with the same minutes.
 */
import { writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathForNewMeeting } from '../../main/core/library';
import { createAgendaItem, createMeeting } from '../../main/domain/meeting';
import { storedMeetingFiles, validMeeting } from '../support/storedMeetings';
import { ARTEFACTS_DIR, ClerkComputer } from './support/appInBrowser';

const jane = new ClerkComputer();
const tom = new ClerkComputer();
const viewport = { width: 1280, height: 900 };
const COMMITTEE = 'Planning Committee';

beforeAll(async () => {
  await jane.start('mb-e2e-jane-', { displayName: 'Jane Smith' });
  await tom.start('mb-e2e-tom-', { library: jane.library, displayName: 'Tom Jones' });
  // The meeting is already in the shared library, with one paragraph both clerks will change.
  const at = new Date('2026-11-10T09:00:00Z');
  const item = {
    ...createAgendaItem('Planning applications'),
    minutes: [{ id: 'blk-report-0001', type: 'paragraph' as const, runs: [{ text: 'The Head of Planning introduced the report.' }] }],
  };
  const meeting = {
    ...createMeeting({ committee: COMMITTEE, title: 'Ordinary meeting', date: '2026-11-10', startTime: '10:00', venue: 'Guildhall' }, at),
    agenda: [item],
  };
  const file = await pathForNewMeeting(jane.library, meeting);
  await writeFile(join(jane.library, file), JSON.stringify(meeting, null, 2));
});

afterAll(async () => {
  await tom.end();
  await jane.end();
});

function minutesOf(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Minutes' });
}

async function openTheMeeting(page: Page): Promise<void> {
  await page.getByRole('button', { name: `Open ${COMMITTEE} 2026-11-10` }).click();
}

async function cursorAtEndOfFirstParagraph(page: Page): Promise<void> {
  const paragraph = minutesOf(page).locator('p').first();
  await paragraph.click();
  await page.keyboard.press('End');
}

async function storedMeeting() {
  const files = await storedMeetingFiles(jane.library);
  return { files, meeting: validMeeting(files[0]) };
}

describe('two clerks on the same meeting', () => {
  it('reads live, edits as well, and resolves a conflict side by side', async () => {
    const janePage = await jane.openApp(viewport);
    await openTheMeeting(janePage);
    await expect.poll(() => janePage.getByRole('heading', { level: 1, name: COMMITTEE }).count()).toBe(1);
    await cursorAtEndOfFirstParagraph(janePage);
    await janePage.keyboard.type(' Members asked about the Keynsham scheme.');

    const tomPage = await tom.openApp(viewport);
    await openTheMeeting(tomPage);
    const asked = tomPage.getByRole('dialog', { name: 'Someone is editing this meeting' });
    await expect
      .poll(() =>
        asked.getByText(new RegExp(`^Being edited by Jane Smith on ${hostname().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} since \\d\\d:\\d\\d\\.$`)).count(),
      )
      .toBe(1);
    await asked.getByRole('button', { name: 'Read only' }).click();
    await expect.poll(() => tomPage.getByRole('region', { name: 'Read only' }).getByText('Read only — this updates as Jane Smith types').count()).toBe(1);
    await expect.poll(() => minutesOf(tomPage).getAttribute('aria-readonly')).toBe('true');
    await expect.poll(() => minutesOf(tomPage).textContent()).toContain('Members asked about the Keynsham scheme.');
    await expect.poll(() => janePage.getByText(/^Also open: Tom Jones on .* \(reading since \d\d:\d\d\)$/).count()).toBe(1);

    // Jane types on: Tom's read-only screen shows it. Within 3 seconds by construction (Jane's core saves
    // within 700 ms, Tom's polls the file every second); the test waits for the text itself, not a clock.
    await janePage.keyboard.type(' The officer replied.');
    await expect.poll(() => minutesOf(tomPage).textContent(), { interval: 100 }).toContain('The officer replied.');
    await tomPage.screenshot({ path: join(ARTEFACTS_DIR, 'two-clerks-read-only.png') });

    await tomPage.getByRole('region', { name: 'Read only' }).getByRole('button', { name: 'Edit as well' }).click();
    await expect.poll(() => tomPage.getByRole('region', { name: 'Read only' }).count()).toBe(0);
    await expect.poll(() => minutesOf(tomPage).getAttribute('contenteditable')).toBe('true');

    // Both change the same paragraph at the same moment.
    await cursorAtEndOfFirstParagraph(janePage);
    await cursorAtEndOfFirstParagraph(tomPage);
    // Each inserts the words at once (as a paste or a dictation does), so each side makes one edit and
    // there is one conflict however busy the machine: typed key by key, a save could fall between two
    // keys and make a second, smaller conflict on the same paragraph.
    await Promise.all([janePage.keyboard.insertText(' JANE-MARKER'), tomPage.keyboard.insertText(' TOM-MARKER and more')]);

    // The conflict shows on at least one screen; that clerk resolves it.
    const conflictsButton = (page: Page) => page.getByRole('button', { name: /^Conflicts \(\d+\)$/ });
    await expect.poll(async () => (await conflictsButton(janePage).count()) + (await conflictsButton(tomPage).count())).toBeGreaterThan(0);
    const resolver = (await conflictsButton(tomPage).count()) > 0 ? tomPage : janePage;
    await conflictsButton(resolver).click();
    const dialog = resolver.getByRole('dialog', { name: /^Conflicts to resolve/ });
    const conflict = dialog.getByRole('group', { name: 'Item 1 Planning applications, paragraph 1' });
    const kept = conflict.locator('figure').filter({ hasText: /^Kept in the minutes/ });
    const other = conflict.locator('figure').filter({ hasText: /^Other version/ });
    await expect.poll(() => kept.count()).toBe(1);
    await expect.poll(() => other.count()).toBe(1);
    const versions = [(await kept.textContent()) ?? '', (await other.textContent()) ?? ''].join('\n');
    expect(versions).toContain('JANE-MARKER');
    expect(versions).toContain('TOM-MARKER');
    expect(versions).toMatch(/Jane Smith/);
    expect(versions).toMatch(/Tom Jones/);
    // Side by side: the two versions sit next to each other, not one under the other.
    const [keptBox, otherBox] = [await kept.boundingBox(), await other.boundingBox()];
    expect(keptBox && otherBox && Math.abs(keptBox.y - otherBox.y) < 2 && keptBox.x < otherBox.x).toBe(true);
    await resolver.screenshot({ path: join(ARTEFACTS_DIR, 'two-clerks-conflict.png') });

    await conflict.getByRole('button', { name: 'Combine…' }).click();
    const combined = conflict.getByRole('textbox', { name: 'Combined text' });
    await combined.fill(
      'The Head of Planning introduced the report. Members asked about the Keynsham scheme. The officer replied. JANE-MARKER TOM-MARKER and more',
    );
    await conflict.getByRole('button', { name: 'Use the combined text' }).click();
    await expect.poll(() => dialog.getByText('All conflicts are resolved.').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Close' }).click();

    const expected =
      'The Head of Planning introduced the report. Members asked about the Keynsham scheme. The officer replied. JANE-MARKER TOM-MARKER and more';
    await expect.poll(() => minutesOf(janePage).textContent()).toBe(expected);
    await expect.poll(() => minutesOf(tomPage).textContent()).toBe(expected);
    await expect.poll(async () => (await conflictsButton(janePage).count()) + (await conflictsButton(tomPage).count())).toBe(0);

    // The library holds one file, valid, with the combined paragraph and no conflict left.
    await expect
      .poll(async () => {
        const { files, meeting } = await storedMeeting();
        return {
          files: files.length,
          conflicts: meeting.conflicts.length,
          text: meeting.agenda[0]?.minutes.map((block) => block.runs.map((run) => run.text).join('')),
        };
      })
      .toEqual({ files: 1, conflicts: 0, text: [expected] });
    expect(jane.pageErrors).toEqual([]);
    expect(tom.pageErrors).toEqual([]);
  });
});
