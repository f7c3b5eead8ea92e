/** Steps several end-to-end tests take as the clerk: setting up a meeting from the Meetings screen, and reading the save indicator. */
import type { Page } from 'playwright-core';

export interface NewMeetingDetails {
  committee: string;
  title?: string;
  date: string;
  startTime: string;
  venue: string;
}

/** New meeting on the Meetings screen, for a committee typed in (no committee file): the dialog filled in and Create meeting. */
export async function createMeeting(page: Page, details: NewMeetingDetails): Promise<void> {
  await page.getByRole('button', { name: 'New meeting' }).click();
  const dialog = page.getByRole('dialog', { name: 'New meeting' });
  await dialog.getByRole('textbox', { name: 'Committee name', exact: true }).fill(details.committee);
  if (details.title !== undefined) await dialog.getByLabel('Title').fill(details.title);
  await dialog.getByLabel('Date').fill(details.date);
  await dialog.getByLabel('Start time').fill(details.startTime);
  await dialog.getByLabel('Venue').fill(details.venue);
  await dialog.getByRole('button', { name: 'Create meeting' }).click();
}

/** What the header's save indicator says now. */
export async function saveIndicator(page: Page): Promise<string> {
  return ((await page.locator('header [role="status"]').first().textContent()) ?? '').trim();
}

/** Whether the header says everything is saved ("Saved at 10:42:13"). */
export async function saysSaved(page: Page): Promise<boolean> {
  return /^Saved at \d\d:\d\d:\d\d$/.test(await saveIndicator(page));
}
