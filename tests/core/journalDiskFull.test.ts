/**
 * The disk holding this computer's journal fills up mid-meeting. A real file system that is
 * really full: a 512 KiB tmpfs mounted for this test, filled with a file until a few pages are
 * left, so the kernel writes part of an entry and then refuses the rest (a short write), exactly
 * as a full laptop disk does. Mounting needs root; CI runs these tests as root. Without root the
 * test fails and says why, rather than passing without having filled a disk.
 *
 * While the disk is full the library is away, so every change lives only in the journal: what
 * the app acknowledged must come back after a restart, and what it refused must have been refused
 * with the disk-full sentence.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rename, rm, statfs, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMinuteBookCore } from '../../main/core/minuteBookCore';
import { fileSettingsStore } from '../../main/core/settingsFile';
import { dispatchOperation } from '../../main/core/dispatch';
import { createAgendaItem, minutesText, type MinuteBlock } from '../../main/domain/meeting';
import { sampleDetails } from '../support/tempLibrary';

const SIZE = 512 * 1024;
let root = '';
let small = '';
let mounted = false;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mb-diskfull-'));
  small = join(root, 'small-disk');
  await mkdir(small);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${SIZE}`, 'tmpfs', small], { stdio: 'pipe' });
    mounted = true;
  } catch (error) {
    throw new Error(
      `This test fills a real disk: it mounts a ${SIZE / 1024} KiB tmpfs at ${small}, which needs root (CI runs the tests as root). ` +
        `Run it as root; the mount failed: ${String((error as { stderr?: Buffer }).stderr ?? error).trim()}`,
    );
  }
});

afterAll(async () => {
  // Lazily, so a core a failed test left open cannot keep the small disk mounted.
  if (mounted) execFileSync('umount', ['-l', small], { stdio: 'pipe' });
  await rm(root, { recursive: true, force: true });
});

const paragraph = (n: number): MinuteBlock => ({
  id: `blk${String(n).padStart(5, '0')}`,
  type: 'paragraph',
  runs: [{ text: `Marker ${n}: ${'The Panel noted the update and asked for a further report. '.repeat(20 + (n % 7))}` }],
});

/** Lines of the journal that are not a whole JSON object (torn, or glued onto a torn one). */
async function damagedLines(journalDir: string, meetingId: string): Promise<string[]> {
  const text = await readFile(join(journalDir, `${meetingId}.jsonl`), 'utf8');
  const lines = text.split('\n');
  const tail = lines.pop();
  const damaged = lines.filter((line) => {
    try {
      JSON.parse(line);
      return false;
    } catch {
      return true;
    }
  });
  return (tail ? [...damaged, tail] : damaged).map((line) => `${line.slice(0, 40)}… (${line.length} characters)`);
}

describe('a full disk under the journal', () => {
  it('refuses a change it cannot keep whole with the disk-full sentence, never acknowledges a short write, and loses nothing acknowledged', async () => {
    const library = join(root, 'library');
    const journalDir = join(small, 'journal');
    const settings = fileSettingsStore(join(root, 'settings.json'), { displayName: 'Jane Clerk', libraryPath: library });
    const first = createMinuteBookCore({ settings, journalDir });
    const { meeting, view } = await first.handlers['meetings.create'](sampleDetails);
    const item = createAgendaItem('Director’s update');
    await first.handlers['meetings.applyChanges']({ seenView: view, meetingId: meeting.id, changes: [{ kind: 'item.add', item, index: 0 }] });
    await first.flushAll();
    await rename(library, `${library}-away`); // the library is away: from now on changes live only in the journal

    // Fill the small disk until three pages are left.
    const { bavail, bsize } = await statfs(small);
    await writeFile(join(small, 'filler'), Buffer.alloc(bavail * bsize - 3 * 4096));

    const minutes: MinuteBlock[] = [];
    const acknowledged: number[] = [];
    const refusals: string[] = [];
    for (let n = 1; n <= 12; n += 1) {
      const next = [...minutes, paragraph(n)];
      const reply = await dispatchOperation(first.handlers, 'meetings.applyChanges', {
        meetingId: meeting.id,
        seenView: view,
        changes: [{ kind: 'item.minutes', itemId: item.id, minutes: next }],
      });
      if (reply.ok) {
        minutes.push(paragraph(n));
        acknowledged.push(n);
      } else {
        refusals.push(reply.error.message);
      }
    }
    // Nothing half-written was left for the next entry to be glued onto.
    const damagedWhileFull = await damagedLines(journalDir, meeting.id);

    // Space is freed; typing goes on and is kept.
    await rm(join(small, 'filler'));
    const after = [...minutes, paragraph(99)];
    await first.handlers['meetings.applyChanges']({
      seenView: view,
      meetingId: meeting.id,
      changes: [{ kind: 'item.minutes', itemId: item.id, minutes: after }],
    });
    acknowledged.push(99);
    const damagedAfter = await damagedLines(journalDir, meeting.id);
    await first.close();

    // The library is back; the next start replays the journal: every acknowledged change is there.
    await rename(`${library}-away`, library);
    const second = createMinuteBookCore({ settings, journalDir });
    const reopened = await second.handlers['meetings.open']({ meetingId: meeting.id });
    await second.close();
    const text = minutesText(reopened.meeting.agenda.find((each) => each.id === item.id)!.minutes);
    const missing = acknowledged.filter((n) => !text.includes(`Marker ${n}:`));
    expect({ missing, damagedWhileFull, damagedAfter }).toEqual({ missing: [], damagedWhileFull: [], damagedAfter: [] });
    expect(refusals.length).toBeGreaterThan(0);
    for (const message of refusals) expect(message).toBe("This computer's disk is full — the last change was not kept");
  });
});
