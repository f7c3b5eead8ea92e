/**
 * The awkward days: a power cut mid-append, a journal left behind for another library, a
 * history folder that cannot be written, two files holding one meeting. None loses a word.
 */
import { appendFile, copyFile, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAgendaItem } from '../../main/domain/meeting';
import { parseMeetingData } from '../../main/domain/migrations';
import { dispatchOperation } from '../../main/core/dispatch';
import { makeTempLibrary, sampleDetails, type TempLibrary } from '../support/tempLibrary';

let temp: TempLibrary;
beforeEach(async () => {
  temp = await makeTempLibrary();
});
afterEach(() => temp.remove());

const FILE = 'meetings/2026/2026-11-10 children-s-services-scrutiny-panel.json';

async function readLibraryMeeting(file = FILE) {
  const parsed = parseMeetingData(JSON.parse(await readFile(join(temp.library, ...file.split('/')), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.meeting;
}

describe('recovery', () => {
  it('cuts off half a journal line left by a power cut, so the next change is kept', async () => {
    const first = temp.startCore();
    const { meeting } = await first.handlers['meetings.create'](sampleDetails);
    await first.close();
    await appendFile(join(temp.data, 'journal', `${meeting.id}.jsonl`), '{"seq":99,"at":"2026-11-10T10:00:00.000Z","libr'); // torn

    const second = temp.startCore();
    const { view } = await second.handlers['meetings.open']({ meetingId: meeting.id });
    const item = createAgendaItem('Declarations of interest');
    await second.handlers['meetings.applyChanges']({ seenView: view, meetingId: meeting.id, changes: [{ kind: 'item.add', item, index: 0 }] });
    // Power cut before the library write: the change is only in the journal.
    const journal = await readFile(join(temp.data, 'journal', `${meeting.id}.jsonl`), 'utf8');
    expect(journal).not.toContain('"libr{');
    expect(
      journal
        .split('\n')
        .filter(Boolean)
        .every((line) => JSON.parse(line)),
    ).toBe(true);
    await second.close();
    expect((await readLibraryMeeting()).agenda.map((each) => each.title)).toEqual(['Declarations of interest']);
  });

  /**
   * Jane types three changes while the library is away (so they live only in the journal), then the
   * journal is damaged between the first and the second; the library comes back and she starts again.
   */
  async function damagedBetweenChanges(damage: (entry: { seq: number; at: string; library: string; file: string }) => string) {
    const first = temp.startCore();
    const { meeting, view } = await first.handlers['meetings.create'](sampleDetails);
    await first.flushAll();
    await rename(temp.library, `${temp.library}-away`);
    const venues = ['Room 1', 'Room 2', 'Room 3'];
    const item = createAgendaItem('Declarations of interest');
    await first.handlers['meetings.applyChanges']({ seenView: view, meetingId: meeting.id, changes: [{ kind: 'item.add', item, index: 0 }] });
    for (const venue of venues.slice(1))
      await first.handlers['meetings.applyChanges']({ seenView: view, meetingId: meeting.id, changes: [{ kind: 'meeting.update', fields: { venue } }] });
    await first.handlers['meetings.applyChanges']({
      seenView: view,
      meetingId: meeting.id,
      changes: [{ kind: 'meeting.update', fields: { title: 'Extraordinary meeting' } }],
    });
    await first.close();
    const path = join(temp.data, 'journal', `${meeting.id}.jsonl`);
    const lines = (await readFile(path, 'utf8')).split('\n').filter(Boolean);
    const at = lines.findIndex((line) => line.includes('"item.add"'));
    const { seq: _seq, change: _change, ...where } = JSON.parse(lines[at]!) as { seq: number; at: string; library: string; file: string; change: unknown };
    lines.splice(at + 1, 0, damage({ ...where, seq: 1000 }));
    await writeFile(path, lines.join('\n') + '\n');
    await rename(`${temp.library}-away`, temp.library);
    const second = temp.startCore();
    const opened = await second.handlers['meetings.open']({ meetingId: meeting.id });
    await second.close();
    return opened;
  }

  it('reports a damaged line in the middle of the journal, and still replays every entry after it', async () => {
    const opened = await damagedBetweenChanges((entry) =>
      JSON.stringify({ ...entry, change: { kind: 'meeting.update', fields: { venue: 'Lost' } } }).slice(0, 90),
    );
    expect(opened.meeting.agenda.map((each) => each.title)).toEqual(['Declarations of interest']);
    expect(opened.meeting.venue).toBe('Room 3');
    expect(opened.meeting.title).toBe('Extraordinary meeting');
    expect(opened.notices).toContainEqual(expect.stringMatching(/^1 entry of the changes kept on this computer could not be read and was left out/));
  });

  it('skips and reports a journal entry with a bad field, and the meeting still opens with the rest', async () => {
    const opened = await damagedBetweenChanges((entry) =>
      JSON.stringify({ ...entry, change: { kind: 'meeting.update', fields: { venue: 42, startTime: '25:99' } } }),
    );
    expect(opened.meeting.agenda.map((each) => each.title)).toEqual(['Declarations of interest']);
    expect(opened.meeting.venue).toBe('Room 3');
    expect(opened.meeting.title).toBe('Extraordinary meeting');
    expect(opened.notices).toContainEqual(expect.stringMatching(/^1 entry of the changes kept on this computer could not be read and was left out/));
  });

  it('replays changes on the meeting they were made on, never on an older replay base left beside the journal', async () => {
    const first = temp.startCore({ saveDelayMs: 20 });
    const { meeting, view } = await first.handlers['meetings.create'](sampleDetails);
    await first.flushAll();
    const asCreated = await readLibraryMeeting();
    const item = createAgendaItem('Director’s update');
    await first.handlers['meetings.applyChanges']({ seenView: view, meetingId: meeting.id, changes: [{ kind: 'item.add', item, index: 0 }] });
    await first.flushAll(); // the item is in the library file
    await rename(temp.library, `${temp.library}-away`);
    const minutes = [{ id: 'blk00001', type: 'paragraph' as const, runs: [{ text: 'The Director introduced the report.' }] }];
    await first.handlers['meetings.applyChanges']({ seenView: view, meetingId: meeting.id, changes: [{ kind: 'item.minutes', itemId: item.id, minutes }] });
    await first.close();
    // What a crash just before the replay base's rename left: a base from before the item was added.
    await writeFile(join(temp.data, 'journal', `${meeting.id}.base.json`), JSON.stringify({ format: 'minutebook.journalBase', seq: 1, meeting: asCreated }));
    await rename(`${temp.library}-away`, temp.library);

    const second = temp.startCore();
    const opened = await second.handlers['meetings.open']({ meetingId: meeting.id });
    await second.close();
    expect(opened.meeting.agenda.map((each) => each.minutes.map((block) => block.runs[0]!.text))).toEqual([['The Director introduced the report.']]);
    expect((await readLibraryMeeting()).agenda[0]!.minutes).toEqual(minutes);
  });

  it('never replays one meeting’s journal into another meeting’s file', async () => {
    const core = temp.startCore();
    const a = (await core.handlers['meetings.create'](sampleDetails)).meeting;
    await core.handlers['meetings.close']({ meetingId: a.id });
    // Meeting B ends up at the path A's journal points to (another library, same date and committee).
    await rm(join(temp.library, ...FILE.split('/')));
    const b = (await core.handlers['meetings.create'](sampleDetails)).meeting;
    await core.handlers['meetings.close']({ meetingId: b.id });
    const bBefore = await readFile(join(temp.library, ...FILE.split('/')), 'utf8');
    await appendFile(
      join(temp.data, 'journal', `${a.id}.jsonl`),
      JSON.stringify({
        seq: 50,
        at: new Date().toISOString(),
        library: temp.library,
        file: FILE,
        change: { kind: 'meeting.update', fields: { venue: 'Meeting A venue' } },
      }) + '\n',
    );
    const reply = await dispatchOperation(core.handlers, 'meetings.open', { meetingId: a.id });
    expect(reply).toMatchObject({ ok: false, error: { code: 'wrong-meeting', message: expect.stringContaining('holds a different meeting') } });
    const later = temp.startCore();
    await later.handlers['meetings.list']({});
    await later.close();
    expect(await readFile(join(temp.library, ...FILE.split('/')), 'utf8')).toBe(bBefore);
    expect(await readFile(join(temp.data, 'journal', `${a.id}.jsonl`), 'utf8')).toContain('Meeting A venue');
  });

  it('saves the meeting even when the history folder cannot be written', async () => {
    const core = temp.startCore({ saveDelayMs: 20 });
    const { meeting, view } = await core.handlers['meetings.create'](sampleDetails);
    await mkdir(join(temp.library, '.minutebook', 'history'), { recursive: true });
    await rm(join(temp.library, '.minutebook', 'history', meeting.id), { recursive: true, force: true });
    await writeFile(join(temp.library, '.minutebook', 'history', meeting.id), 'a file where a folder should be');
    await core.handlers['meetings.applyChanges']({
      seenView: view,
      meetingId: meeting.id,
      changes: [{ kind: 'meeting.update', fields: { venue: 'Guildhall' } }],
    });
    const state = await core.handlers['meetings.close']({ meetingId: meeting.id });
    expect(state.state).toBe('saved');
    expect((await readLibraryMeeting()).venue).toBe('Guildhall');
  });

  it('lists a second file holding the same meeting as a copy instead of working on both', async () => {
    const core = temp.startCore();
    const { meeting } = await core.handlers['meetings.create'](sampleDetails);
    await core.handlers['meetings.close']({ meetingId: meeting.id }); // an open meeting would merge the copy at once
    const copy = FILE.replace('.json', '.sync-conflict-20261110-101500-ABCDEFG.json');
    await copyFile(join(temp.library, ...FILE.split('/')), join(temp.library, ...copy.split('/')));
    const listing = await core.handlers['meetings.list']({});
    expect(listing.meetings.map((each) => each.id)).toEqual([meeting.id]);
    expect(listing.unreadable).toEqual([{ file: copy, problem: expect.stringContaining(`the same meeting as “${FILE}”`) }]);
    expect((await readdir(join(temp.library, 'meetings', '2026'))).filter((name) => name.endsWith('.json'))).toHaveLength(2);
  });

  it('refuses a library folder that is not a full path', async () => {
    const core = temp.startCore();
    const reply = await dispatchOperation(core.handlers, 'settings.update', { libraryPath: 'Minutes' });
    expect(reply).toMatchObject({ ok: false, error: { message: expect.stringContaining('must be a full path') } });
  });
});
