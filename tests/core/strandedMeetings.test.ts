/**
 * The drive goes away mid-meeting, Minute Book is killed while the clerk types on into the journal,
 * and the library folder comes back empty. This computer still holds the whole meeting and the
 * changes the library never received: the Meetings list says so, and the meeting can be put back
 * into the library (never over another file) or saved as a copy.
 */
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchOperation } from '../../main/core/dispatch';
import { rebuildFromJournal } from '../../main/core/journal/replay';
import { minutesText } from '../../main/domain/meeting';
import { parseMeetingData } from '../../main/domain/migrations';
import { startClerkProcess, type KilledClerk } from '../support/killedClerk';
import { makeTempLibrary, type TempLibrary } from '../support/tempLibrary';

let temp: TempLibrary;
let clerk: KilledClerk | undefined;
beforeEach(async () => {
  temp = await makeTempLibrary();
});
afterEach(async () => {
  await clerk?.kill();
  clerk = undefined;
  await temp.remove();
});

const FILE = 'meetings/2026/2026-11-10 children-s-services-scrutiny-panel.json';
const MARKERS = ['marker-1', 'marker-2', 'marker-3', 'marker-4', 'marker-5', 'marker-6'];

/** Types one paragraph online, five more with the library gone, is killed; the folder comes back empty. */
async function strandMeeting(): Promise<string> {
  clerk = startClerkProcess(temp.library, temp.data, join(temp.root, 'clerk.log'), 'offline');
  const meetingId = (await clerk.waitForLine('ready ')).split(' ')[1]!;
  await rm(temp.library, { recursive: true, force: true });
  await clerk.waitForLine('offline');
  await clerk.kill();
  await mkdir(temp.library);
  return meetingId;
}

async function libraryFileText(file: string): Promise<string> {
  return readFile(join(temp.library, ...file.split('/')), 'utf8');
}

describe('a meeting kept only on this computer', () => {
  it('is found after the library came back empty, put back, and opens with every change', async () => {
    const meetingId = await strandMeeting();
    const core = temp.startCore();
    expect((await core.handlers['meetings.list']({})).meetings).toEqual([]);
    expect(await dispatchOperation(core.handlers, 'meetings.open', { meetingId })).toMatchObject({ ok: false });

    const { stranded } = await core.handlers['meetings.stranded.list']({});
    expect(stranded).toEqual([
      expect.objectContaining({ meetingId, file: FILE, committee: 'Children’s Services Scrutiny Panel', date: '2026-11-10', pendingChanges: 5, whole: true }),
    ]);

    const put = await core.handlers['meetings.stranded.putBack']({ meetingId });
    expect(put).toEqual({ meetingId, file: FILE, renamed: false });
    const listed = await core.handlers['meetings.list']({});
    expect(listed.meetings.map((each) => each.id)).toEqual([meetingId]);
    expect((await core.handlers['meetings.stranded.list']({})).stranded).toEqual([]);
    const opened = await core.handlers['meetings.open']({ meetingId });
    expect(minutesText(opened.meeting.agenda[0]!.minutes).split('\n')).toEqual(MARKERS);
    expect(opened.saveState.pendingChanges).toBe(0);
    await core.handlers['meetings.close']({ meetingId });
    const parsed = parseMeetingData(JSON.parse(await libraryFileText(FILE)));
    expect(parsed.ok && minutesText(parsed.meeting.agenda[0]!.minutes).split('\n')).toEqual(MARKERS);
  });

  it('is put back at a free name when another file now stands at its place, which is left as it was', async () => {
    const meetingId = await strandMeeting();
    await mkdir(join(temp.library, 'meetings', '2026'), { recursive: true });
    await writeFile(join(temp.library, ...FILE.split('/')), 'a file someone else put here');
    const core = temp.startCore();
    const put = await core.handlers['meetings.stranded.putBack']({ meetingId });
    expect(put.renamed).toBe(true);
    expect(put.file).not.toBe(FILE);
    expect(await libraryFileText(FILE)).toBe('a file someone else put here');
    const opened = await core.handlers['meetings.open']({ meetingId });
    expect(minutesText(opened.meeting.agenda[0]!.minutes).split('\n')).toEqual(MARKERS);
  });

  it('is saved as a copy where the clerk says, never over an existing file', async () => {
    const meetingId = await strandMeeting();
    const core = temp.startCore();
    const target = join(temp.root, 'rescued.json');
    await writeFile(target, 'already here');
    const refused = await dispatchOperation(core.handlers, 'meetings.stranded.saveCopy', { meetingId, target });
    expect(refused).toMatchObject({ ok: false, error: { code: 'copy-target-exists', suggestedPath: join(temp.root, 'rescued (2).json') } });
    expect(await readFile(target, 'utf8')).toBe('already here');
    const saved = await core.handlers['meetings.stranded.saveCopy']({ meetingId, target: join(temp.root, 'rescued (2).json') });
    const parsed = parseMeetingData(JSON.parse(await readFile(saved.path, 'utf8')));
    expect(parsed.ok && parsed.meeting.id).toBe(meetingId);
    expect(parsed.ok && minutesText(parsed.meeting.agenda[0]!.minutes).split('\n')).toEqual(MARKERS);
    // Still kept here, still listed: a copy elsewhere is not the library.
    expect((await core.handlers['meetings.stranded.list']({})).stranded).toHaveLength(1);
  });

  it('says honestly when only the changes are kept, not the meeting', async () => {
    const meetingId = await strandMeeting();
    await rm(join(temp.data, 'journal', `${meetingId}.base.json`), { force: true });
    // No whole meeting is left in the journal (as for a meeting set up on another computer whose epoch base was lost).
    const journal = join(temp.data, 'journal', `${meetingId}.jsonl`);
    const lines = (await readFile(journal, 'utf8')).split('\n').filter((line) => line && !/"(snapshot|base|merged)":/.test(line));
    await writeFile(journal, lines.join('\n') + '\n');
    expect(await rebuildFromJournal(join(temp.data, 'journal'), meetingId)).toBeUndefined();

    const core = temp.startCore();
    const { stranded } = await core.handlers['meetings.stranded.list']({});
    expect(stranded).toEqual([expect.objectContaining({ meetingId, whole: false, pendingChanges: 5, date: '2026-11-10' })]);
    const refused = await dispatchOperation(core.handlers, 'meetings.stranded.putBack', { meetingId });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'not-whole', message: expect.stringContaining('keeps 5 changes to this meeting, but not the meeting itself') },
    });
    expect((await readdir(temp.library)).filter((name) => name !== 'library.json' && name !== 'meetings')).toEqual([]);
  });
});
