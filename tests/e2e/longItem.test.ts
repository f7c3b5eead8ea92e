/**
 * Browser mode carries a change of any size: an item whose minutes are one pasted paragraph of
 * 30,000 words (about 220 KB, far past the 64 KiB Chromium allows a keepalive request) reaches the
 * core, is journaled and saved to the library file, in real Chromium against the real host process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedMeetingFiles } from '../support/storedMeetings';
import { ClerkComputer } from './support/appInBrowser';
import { createMeeting, saysSaved } from './support/clerkSteps';

const computer = new ClerkComputer();
beforeAll(() => computer.start('mb-e2e-long-'));
afterAll(() => computer.end());

const WORDS = 30_000;
const pasted = Array.from({ length: WORDS }, (_, index) => `word${index + 1}`).join(' ');

/** The text of every item's minutes as the library file holds it. */
async function storedMinutes(): Promise<string[]> {
  const [file] = await storedMeetingFiles(computer.library).catch(() => []);
  if (!file?.parsed.ok) return [];
  return file.parsed.meeting.agenda.map((item) => item.minutes.map((block) => block.runs.map((run) => run.text).join('')).join('\n'));
}

describe('a very long item in browser mode', () => {
  it('journals and saves a single pasted paragraph of 30,000 words', async () => {
    const page = await computer.openApp({ width: 1280, height: 860 });
    await createMeeting(page, { committee: 'Planning Committee', title: 'Ordinary meeting', date: '2026-11-10', startTime: '10:00', venue: 'Council Chamber' });
    await page.getByRole('button', { name: 'Add agenda item' }).click();
    await page.getByRole('textbox', { name: 'Item title' }).fill('Local Plan review');

    const minutes = page.getByRole('textbox', { name: 'Minutes' });
    await minutes.click();
    // A paste, as from Word: the editor takes it from the clipboard event as one paragraph.
    await minutes.evaluate((editor, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, pasted);
    await page.keyboard.type(' The end.');

    await expect
      .poll(
        async () => {
          const [stored] = await storedMinutes();
          return {
            status: await saysSaved(page),
            length: stored?.length ?? 0,
            ends: stored?.endsWith('word30000 The end.') ?? false,
          };
        },
        { timeout: 30_000 },
      )
      .toEqual({ status: true, length: pasted.length + ' The end.'.length, ends: true });
    const [stored] = await storedMinutes();
    expect(stored).toBe(`${pasted} The end.`);
    expect(computer.pageErrors).toEqual([]);
  }, 120_000);
});
