/**
 * A colleague's version, written over the file without Jane's latest wording (a sync tool, or a
 * save whose lock timed out), is merged into Jane's open meeting: the paragraph both reworded
 * becomes a conflict holding both wordings. Jane's computer is killed (SIGKILL, a real process)
 * right after the merge, before the merge reaches the library. After a restart her wording must
 * still be there: what a merge changes in the open meeting is as durable as a typed change.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../main/core/atomicFile';
import { parseMeetingBytes, serializeLibraryFile } from '../../main/core/meetingFile';
import { minutesText, type Meeting } from '../../main/domain/meeting';
import { scanLibrary } from '../../main/core/library';
import { meetingAfterRestart, startFixtureProcess } from '../support/killedClerk';

let root = '';
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'mb-merge-kill-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

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
    const jane = startFixtureProcess('mergeClerk.ts', library, data, log);
    try {
      const ready = await jane.waitForLine(/^ready (\S+) (\S+)/);
      const [, meetingId, itemId] = ready.split(' ') as [string, string, string];
      const { files } = await scanLibrary(library);
      const path = join(library, ...files.get(meetingId)!.split('/'));
      const asSetUp = parseMeetingBytes(path, await readFile(`${log}.setup.json`)).meeting;
      await jane.waitForLine('saved');

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
      await jane.waitForLine(/^merged [1-9]/);
      await jane.kill();
      expect(everyWord(parseMeetingBytes(path, await readFile(path)).meeting)).not.toContain('Jane’s wording'); // the merge never reached the library

      const reopened = await meetingAfterRestart(library, data, meetingId, { displayName: 'Jane Smith', computerName: 'LAPTOP-12' });
      expect(everyWord(reopened)).toContain('Jane’s wording: the Director introduced the report on school places.');
      expect(everyWord(reopened)).toContain('Tom’s wording.');
      expect(reopened.conflicts).toHaveLength(1);
    } catch (error) {
      throw new Error(`${String(error)}\n${jane.stderr()}`);
    } finally {
      await jane.kill();
    }
  }, 120_000);
});
