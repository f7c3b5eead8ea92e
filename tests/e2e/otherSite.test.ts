/**
 * A page on another local origin cannot act for the clerk. The clerk has Minute Book open in
 * Chromium the way `--open` starts it (the one-time address, which leaves only the host's cookie);
 * in the same browser a page served from another 127.0.0.1 port — the same site, so the cookie goes
 * with its requests — tries to rename the clerk and delete a meeting by fetch, a form post,
 * sendBeacon and the event stream. Nothing changes, the host says it refused each, and the
 * clerk's own page goes on working.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedMeetingFiles } from '../support/storedMeetings';
import { ClerkComputer } from './support/appInBrowser';
import { createMeeting, saveIndicator } from './support/clerkSteps';

const computer = new ClerkComputer();
let otherSite: Server | undefined;

beforeAll(() => computer.start('mb-e2e-other-site-', { displayName: 'Jane Clerk' }));
afterAll(async () => {
  await new Promise<void>((resolve) => (otherSite ? otherSite.close(() => resolve()) : resolve()));
  await computer.end();
});

/** The page another local program serves: every way a page can send a request without reading the answer. */
function attackPage(host: string, meetingId: string): string {
  return `<!doctype html><title>Not Minute Book</title>
<iframe name="sink"></iframe>
<form id="rename" method="POST" action="${host}/api/settings.update" enctype="text/plain" target="sink">
  <input name='{"displayName":"Mallory' value='"}'>
</form>
<script>
  const done = [];
  window.attacksDone = done;
  fetch('${host}/api/settings.update', { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ displayName: 'Mallory' }) })
    .then(() => done.push('fetch'), () => done.push('fetch'));
  document.querySelector('iframe').addEventListener('load', () => done.push('form'), { once: true });
  document.getElementById('rename').submit();
  done.push(navigator.sendBeacon('${host}/api/meetings.delete', new Blob([JSON.stringify({ meetingId: '${meetingId}' })], { type: 'text/plain' })) ? 'beacon' : 'beacon refused');
  const events = new EventSource('${host}/api/events', { withCredentials: true });
  events.onerror = () => { events.close(); done.push('events'); };
</script>`;
}

async function storedMeetingIds(): Promise<string[]> {
  const files = await storedMeetingFiles(computer.library).catch(() => []);
  return files.flatMap((file) => (file.parsed.ok ? [file.parsed.meeting.id] : []));
}

async function displayName(): Promise<string> {
  return (JSON.parse(await readFile(join(computer.root, 'computer', 'settings.json'), 'utf8')) as { displayName: string }).displayName;
}

describe('a page on another local origin', () => {
  it('can neither rename the clerk nor delete a meeting, and the clerk’s page still works', async () => {
    await (await computer.openApp({ width: 1280, height: 860 })).close();
    const host = computer.host!;
    // One browser profile for the clerk's page and the other site's, as on the clerk's computer.
    const context = await computer.browser!.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // As `--open` does: the one-time address, swapped for the cookie; the page has no token in its address.
    await page.goto(host.oneTimeUrl);
    expect(new URL(page.url()).search).toBe('');
    await createMeeting(page, { committee: 'Planning Committee', title: 'Ordinary meeting', date: '2026-11-10', startTime: '10:00', venue: 'Council Chamber' });
    await expect.poll(storedMeetingIds, { timeout: 10_000 }).toHaveLength(1);
    const [meetingId] = await storedMeetingIds();

    otherSite = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(attackPage(host.origin, meetingId!));
    });
    await new Promise<void>((resolve) => otherSite!.listen(0, '127.0.0.1', () => resolve()));
    const otherOrigin = `http://127.0.0.1:${(otherSite.address() as AddressInfo).port}`;
    const attacker = await context.newPage();
    await attacker.goto(`${otherOrigin}/`);
    await expect
      .poll(() => attacker.evaluate(() => [...(window as unknown as { attacksDone: string[] }).attacksDone].sort()), { timeout: 10_000 })
      .toEqual(['beacon', 'events', 'fetch', 'form']);

    // The fetch and the form post have had their answers: whatever they did is done.
    expect(await displayName()).toBe('Jane Clerk');
    // The beacon is sent in the background: wait for the host to have refused it too.
    await expect
      .poll(() => host.refusals.map((refusal) => `${refusal.method} ${refusal.path} ${refusal.status}`).sort(), { timeout: 10_000 })
      .toEqual(['GET /api/events 403', 'POST /api/meetings.delete 403', 'POST /api/settings.update 403', 'POST /api/settings.update 403']);
    expect(
      host.refusals.every(
        (refusal) => refusal.reason === `it came from another site (${otherOrigin})` || refusal.reason === 'the browser said it came from a same-site page',
      ),
    ).toBe(true);
    expect(await storedMeetingIds()).toEqual([meetingId]);
    expect(await displayName()).toBe('Jane Clerk');

    // The clerk's own page, with only the cookie and the token the host put in it, works on.
    await attacker.close();
    await page.getByRole('button', { name: 'Add agenda item' }).click();
    await page.getByRole('textbox', { name: 'Item title' }).fill('Apologies for absence');
    await expect
      .poll(
        async () => {
          const [file] = await storedMeetingFiles(computer.library);
          return /^Saved at /.test(await saveIndicator(page)) && file!.text.includes('Apologies for absence');
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 120_000);
});
