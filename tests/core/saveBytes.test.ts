/**
 * What a save costs the disk: each autosave writes the meeting file once, plus the change's journal
 * entry and its marker — not a second copy of the meeting as a replay base. Counted by the kernel
 * (`wchar` in /proc/self/io: every byte this process hands to write()), over twenty saves of a
 * 200-item meeting in which the clerk changes one detail at a time, so the change itself is small.
 */
import { readFile, stat, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pathForNewMeeting } from '../../main/core/library';
import { longMeeting } from '../support/longMeeting';
import { makeTempLibrary, type TempLibrary } from '../support/tempLibrary';

let temp: TempLibrary;
beforeEach(async () => {
  temp = await makeTempLibrary();
});
afterEach(() => temp.remove());

async function bytesWrittenByThisProcess(): Promise<number> {
  const io = await readFile('/proc/self/io', 'utf8');
  return Number(/^wchar: (\d+)$/m.exec(io)![1]);
}

describe('bytes written per save', () => {
  it('are at most 1.1 × the meeting file (file, journal entry and marker; the replay base once, not every save)', async () => {
    const meeting = longMeeting(200, 100);
    await mkdir(join(temp.library, 'meetings'), { recursive: true });
    const file = await pathForNewMeeting(temp.library, meeting);
    await writeFile(join(temp.library, ...file.split('/')), JSON.stringify(meeting, null, '\t'));
    const core = temp.startCore({ saveDelayMs: 10 });
    const { view } = await core.handlers['meetings.open']({ meetingId: meeting.id });
    // The first save keeps the version it replaces in the history; the ones measured are ordinary saves.
    await core.handlers['meetings.applyChanges']({ seenView: view, meetingId: meeting.id, changes: [{ kind: 'meeting.update', fields: { venue: 'Room 0' } }] });
    await core.flushAll();

    const saves = 20;
    const before = await bytesWrittenByThisProcess();
    for (let n = 1; n <= saves; n += 1) {
      await core.handlers['meetings.applyChanges']({
        seenView: view,
        meetingId: meeting.id,
        changes: [{ kind: 'meeting.update', fields: { venue: `Room ${n}` } }],
      });
      await core.flushAll();
    }
    const written = (await bytesWrittenByThisProcess()) - before;
    const fileSize = (await stat(join(temp.library, ...file.split('/')))).size;
    expect(written / saves / fileSize).toBeLessThanOrEqual(1.1);
  });
});
