/**
 * A colleague's version, written over the file without Jane's latest wording (a sync tool, or a
 * save whose lock timed out), is merged into Jane's open meeting: the paragraph both reworded
 * becomes a conflict holding both wordings. Jane's computer is killed (SIGKILL, a real process)
 * right after the merge, before the merge reaches the library. After a restart her wording must
 * still be there: what a merge changes in the open meeting is as durable as a typed change.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../main/core/atomicFile';
import { parseMeetingBytes, serializeLibraryFile } from '../../main/core/meetingFile';
import { createMinuteBookCore } from '../../main/core/minuteBookCore';
import { fileSettingsStore } from '../../main/core/settingsFile';
import { minutesText, type Meeting } from '../../main/domain/meeting';
import { scanLibrary } from '../../main/core/library';

const clerk = join(import.meta.dirname, 'fixtures', 'mergeClerk.ts');
let root = '';
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'mb-merge-kill-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

async function waitForLog(log: string, wanted: RegExp, timeoutMs = 30_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const text = await readFile(log, 'utf8').catch(() => '');
    const found = wanted.exec(text);
    if (found) return found[0];
    if (Date.now() > until) throw new Error(`the clerk process never logged ${wanted}; its log: ${text}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function everyWord(meeting: Meeting): string {
  return [
    ...meeting.agenda.map((item) => minutesText(item.minutes)),
    ...meeting.conflicts.map((conflict) => JSON.stringify([conflict.kept, conflict.other])),
  ].join('\n');
}

describe('a merge into the open meeting', () => {
  it('is kept on this computer before it is used: killed right after the merge, the clerk’s wording survives the restart', async () => {
    const library = join(root, 'library');
    const data = join(root, 'jane');
    const log = join(root, 'jane.log');
    const child = spawn(process.execPath, ['--import', 'tsx', clerk, library, data, log], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    try {
      const ready = await waitForLog(log, /ready (\S+) (\S+)/);
      const [, meetingId, itemId] = ready.split(' ') as [string, string, string];
      const { files } = await scanLibrary(library);
      const path = join(library, ...files.get(meetingId)!.split('/'));
      const asSetUp = parseMeetingBytes(path, await readFile(`${log}.setup.json`)).meeting;
      await waitForLog(log, /saved/);

      // Tom rewords the same paragraph on the version before Jane's, and his version replaces the file.
      const revision = 'tom0000000000001';
      const toms: Meeting = {
        ...asSetUp,
        agenda: asSetUp.agenda.map((each) =>
          each.id === itemId ? { ...each, minutes: [{ id: 'blk00001', type: 'paragraph', runs: [{ text: 'Tom’s wording.' }] }] } : each,
        ),
        updatedAt: new Date().toISOString(),
        sync: { revision, lineage: [revision, ...(asSetUp.sync?.lineage ?? [])], savedBy: 'Tom Jones on DESKTOP-9', savedAt: new Date().toISOString() },
      };
      await writeFileAtomic(path, serializeLibraryFile(toms));
      await waitForLog(log, /merged [1-9]/);
      child.kill('SIGKILL');
      await exited;
      expect(everyWord(parseMeetingBytes(path, await readFile(path)).meeting)).not.toContain('Jane’s wording'); // the merge never reached the library

      const settings = fileSettingsStore(join(data, 'settings.json'), { displayName: 'Jane Smith', libraryPath: library });
      const again = createMinuteBookCore({ settings, journalDir: join(data, 'journal'), computerName: 'LAPTOP-12' });
      const reopened = await again.handlers['meetings.open']({ meetingId });
      await again.close();
      expect(everyWord(reopened.meeting)).toContain('Jane’s wording: the Director introduced the report on school places.');
      expect(everyWord(reopened.meeting)).toContain('Tom’s wording.');
      expect(reopened.meeting.conflicts).toHaveLength(1);
    } catch (error) {
      throw new Error(`${String(error)}\n${stderr}`);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 120_000);
});
