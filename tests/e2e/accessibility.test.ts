/**
 * Every screen a clerk uses, checked in a real Chromium: axe-core finds no control without an
 * accessible name and no WCAG 2.1 A/AA violation it can detect; every control reached with Tab
 * shows a visible focus; at 200% zoom nothing needs sideways scrolling.
 */
import { createRequire } from 'node:module';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathForNewMeeting } from '../../main/core/library';
import { leaveMeetingKeptOnlyHere } from '../support/keptOnlyHere';
import { fullMeeting } from '../support/longMeeting';
import { launchChromium, startHostProcess, type HostProcess } from './support/appInBrowser';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let root: string;
let browser: Browser;
let host: HostProcess;
/** The long meeting, with one paragraph changed differently on two computers, so the conflicts are there to check. */
function meetingWithConflict() {
  const full = fullMeeting();
  const item = full.agenda[1]!;
  const block = item.minutes.find((each) => each.type === 'paragraph') ?? item.minutes[0]!;
  const other = { ...block, runs: [{ text: `${block.runs.map((run) => run.text).join('')} (as typed on the other computer)` }] };
  return {
    ...full,
    conflicts: [
      {
        id: 'conflict-0123456789abcdef',
        kind: 'paragraph' as const,
        label: 'Item 2, a paragraph',
        detectedAt: full.updatedAt,
        itemId: item.id,
        blockId: block.id,
        base: block,
        kept: { block, author: 'Jane Smith' },
        other: { block: other, author: 'Tom Jones' },
      },
    ],
  };
}
const meeting = meetingWithConflict();

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mb-a11y-'));
  const library = join(root, 'library');
  await mkdir(join(library, 'meetings'), { recursive: true });
  const file = await pathForNewMeeting(library, meeting);
  await writeFile(join(library, ...file.split('/')), JSON.stringify(meeting));
  // A meeting the library lost that this computer still holds, so the Meetings screen shows them too.
  await leaveMeetingKeptOnlyHere(
    library,
    join(root, 'computer'),
    { committee: 'Licensing Sub-Committee', title: '', date: '2026-10-06', startTime: '10:00', venue: 'Room 1' },
    ['The Sub-Committee heard the application.'],
  );
  host = await startHostProcess(library, join(root, 'computer'));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await rm(root, { recursive: true, force: true });
});

type Screen =
  'Meetings' | 'Saving a copy of a meeting kept only here' | 'Meeting' | 'Export dialog' | 'Conflicts dialog' | 'History dialog' | 'Committees' | 'Settings';

/** axe is injected as a script, which the app's own Content-Security-Policy rightly refuses; only these checks bypass it. */
async function pageForAxe(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, bypassCSP: true });
  return context.newPage();
}

async function show(page: Page, screen: Screen): Promise<void> {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New meeting' }).waitFor();
  if (screen === 'Meetings' || screen === 'Saving a copy of a meeting kept only here') {
    const kept = page.getByRole('region', { name: '1 meeting is kept only on this computer' });
    await kept.waitFor();
    if (screen !== 'Meetings') {
      await kept.getByRole('button', { name: /^Save a copy of Licensing Sub-Committee/ }).click();
      await kept.getByRole('textbox', { name: /^Save the copy of Licensing Sub-Committee/ }).waitFor();
    }
  }
  if (screen === 'Meeting' || screen === 'Export dialog' || screen === 'Conflicts dialog' || screen === 'History dialog') {
    await page.getByRole('button', { name: /^Open Children, Adults/ }).click();
    await page.getByRole('button', { name: /^2\. / }).click();
    await page.getByRole('textbox', { name: 'Minutes' }).waitFor();
  }
  if (screen === 'Export dialog') {
    await page.getByRole('button', { name: 'Export…' }).click();
    const saveAs = page.getByRole('dialog', { name: 'Export the minutes to Word' }).getByRole('textbox', { name: 'Save as' });
    await saveAs.waitFor();
    await expect.poll(() => saveAs.inputValue()).toMatch(/\.docx$/);
  } else if (screen === 'Conflicts dialog') {
    await page.getByRole('button', { name: 'Conflicts (1)', exact: true }).click();
    await page.getByRole('dialog', { name: 'Conflicts to resolve (1)' }).getByRole('button', { name: 'Combine…' }).click();
  } else if (screen === 'History dialog') {
    await page.getByRole('button', { name: 'History' }).click();
    await page
      .getByRole('dialog', { name: 'History' })
      .getByText(/No earlier versions yet|Restore this version/)
      .first()
      .waitFor();
  } else if (screen === 'Settings') {
    await page.getByRole('button', { name: screen, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: screen }).waitFor();
    // The library's house style is read after the settings: wait until its form is filled in.
    await expect.poll(() => page.getByRole('textbox', { name: 'Font' }).inputValue()).not.toBe('');
  } else if (screen !== 'Meetings' && screen !== 'Saving a copy of a meeting kept only here' && screen !== 'Meeting') {
    await page.getByRole('button', { name: screen, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: screen }).waitFor();
  }
}

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((violation) => ({ id: violation.id, help: violation.help, nodes: violation.nodes.map((node) => ({ target: node.target })) }));
  });
  return violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes
        .map((node) => node.target.join(' '))
        .slice(0, 3)
        .join(', ')})`,
  );
}

describe.each<Screen>([
  'Meetings',
  'Saving a copy of a meeting kept only here',
  'Meeting',
  'Export dialog',
  'Conflicts dialog',
  'History dialog',
  'Committees',
  'Settings',
])('the %s screen', (screen) => {
  it('has no accessibility violations axe can find', async () => {
    const page = await pageForAxe();
    await show(page, screen);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('shows a visible focus on every control reached with Tab', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await show(page, screen);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const seen = new Set<string>();
    const invisible: string[] = [];
    for (let step = 0; step < 120; step += 1) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element || element === document.body) return null;
        // The focus ring may be drawn by the control or by its frame (the minutes editor's box, via
        // :focus-within): compare the control and its nearest ancestors focused and unfocused.
        const ring = () => {
          const parts: string[] = [];
          for (let each: Element | null = element, depth = 0; each && depth < 4; each = each.parentElement, depth += 1) {
            const style = getComputedStyle(each);
            parts.push(`${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor} ${style.boxShadow} ${style.borderColor}`);
          }
          return parts.join(' | ');
        };
        const focusedRing = ring();
        element.blur();
        const unfocusedRing = ring();
        element.focus();
        const visible = focusedRing !== unfocusedRing;
        const name = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40) ?? '';
        return { key: `${element.tagName}:${element.id}:${name}`, description: `${element.tagName.toLowerCase()} “${name}”`, visible };
      });
      if (!focused || seen.has(focused.key)) continue;
      seen.add(focused.key);
      if (!focused.visible) invisible.push(focused.description);
    }
    expect(seen.size).toBeGreaterThan(2);
    expect(invisible).toEqual([]);
    await page.close();
  });

  it('needs no sideways scrolling at 200% zoom', async () => {
    // 200% zoom of a 1280-pixel-wide window: 640 CSS pixels at twice the pixel density.
    const page = await browser.newPage({ viewport: { width: 640, height: 900 }, deviceScaleFactor: 2 });
    await show(page, screen);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });
});
