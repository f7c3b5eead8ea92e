/**
 * The journal's own promises, on real files: the whole meeting can be rebuilt from the journal
 * alone (for a meeting whose library file has gone), a journal written before epochs (with the old
 * replay base beside it) is replayed whole and carried forward on upgrade, a fully flushed journal
 * is not pending, and closing a meeting whose changes are all in the library removes its journal.
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findPendingJournals } from '../../main/core/journal/journal';
import { rebuildFromJournal } from '../../main/core/journal/replay';
import { contentKey } from '../../main/domain/merge';
import { createAgendaItem, minutesText, type Meeting } from '../../main/domain/meeting';
import { parseMeetingData } from '../../main/domain/migrations';
import { makeTempLibrary, sampleDetails, type TempLibrary } from '../support/tempLibrary';

let temp: TempLibrary;
beforeEach(async () => {
  temp = await makeTempLibrary();
});
afterEach(() => temp.remove());

const FILE = 'meetings/2026/2026-11-10 children-s-services-scrutiny-panel.json';
const journalDir = () => join(temp.data, 'journal');
const paragraph = (id: string, text: string) => ({ id, type: 'paragraph' as const, runs: [{ text }] });

async function libraryMeeting(): Promise<Meeting> {
  const parsed = parseMeetingData(JSON.parse(await readFile(join(temp.library, ...FILE.split('/')), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.meeting;
}

describe('rebuildFromJournal', () => {
  it('gives the whole meeting as this computer has it, saved changes and pending ones, with no library file', async () => {
    const core = temp.startCore({ saveDelayMs: 10 });
    const { meeting, view } = await core.handlers['meetings.create'](sampleDetails);
    const item = createAgendaItem('Director’s update');
    await core.handlers['meetings.applyChanges']({ seenView: view, meetingId: meeting.id, changes: [{ kind: 'item.add', item, index: 0 }] });
    await core.flushAll();
    await core.handlers['meetings.applyChanges']({
      seenView: view,
      meetingId: meeting.id,
      changes: [{ kind: 'item.minutes', itemId: item.id, minutes: [paragraph('blk00001', 'Saved to the library.')] }],
    });
    await core.flushAll();
    await rename(temp.library, `${temp.library}-away`);
    await core.handlers['meetings.applyChanges']({
      seenView: view,
      meetingId: meeting.id,
      changes: [
        { kind: 'item.minutes', itemId: item.id, minutes: [paragraph('blk00001', 'Saved to the library.'), paragraph('blk00002', 'Only on this computer.')] },
      ],
    });
    await core.handlers['meetings.applyChanges']({ seenView: view, meetingId: meeting.id, changes: [{ kind: 'meeting.update', fields: { venue: 'Room 2' } }] });
    const current = (await core.handlers['meetings.open']({ meetingId: meeting.id })).meeting;
    await core.close();
    await rm(`${temp.library}-away`, { recursive: true }); // the library file is gone for good

    const rebuilt = await rebuildFromJournal(journalDir(), meeting.id);
    expect(rebuilt).toMatchObject({ library: temp.library, file: FILE, pendingChanges: 2 });
    expect(contentKey(rebuilt!.meeting)).toBe(contentKey(current));
    expect(minutesText(rebuilt!.meeting.agenda[0]!.minutes)).toContain('Only on this computer.');
  });

  it('gives nothing for a meeting it holds no journal of', async () => {
    expect(await rebuildFromJournal(journalDir(), '0123456789abcdef')).toBeUndefined();
  });
});

describe('a journal written before epochs', () => {
  it('is replayed from the old replay base with every entry after it (flushed or not), and carried forward', async () => {
    const core = temp.startCore();
    const { meeting } = await core.handlers['meetings.create'](sampleDetails);
    await core.close();
    const asCreated = await libraryMeeting();
    const item = createAgendaItem('Director’s update');
    const where = { at: '2026-11-10T10:00:00.000Z', library: temp.library, file: FILE };
    // The old format: changes and markers only. The replay base beside it is from before entry 2 and was left stale by a
    // crash, so the file never got entries 2–3 although the marker says so (the old replay skipped them, and entry 4 with them).
    const lines = [
      { seq: 2, ...where, change: { kind: 'item.add', item, index: 0 } },
      { seq: 3, ...where, change: { kind: 'meeting.update', fields: { venue: 'Room 3' } } },
      { flushedThrough: 3 },
      { seq: 4, ...where, change: { kind: 'item.minutes', itemId: item.id, minutes: [paragraph('blk00001', 'Pending when the old version stopped.')] } },
    ];
    await writeFile(join(journalDir(), `${meeting.id}.jsonl`), lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
    await writeFile(join(journalDir(), `${meeting.id}.base.json`), JSON.stringify({ format: 'minutebook.journalBase', seq: 1, meeting: asCreated }));
    expect((await findPendingJournals(journalDir())).map((each) => each.meetingId)).toEqual([meeting.id]);

    const again = temp.startCore();
    const opened = await again.handlers['meetings.open']({ meetingId: meeting.id });
    expect(opened.meeting.venue).toBe('Room 3');
    expect(minutesText(opened.meeting.agenda[0]!.minutes)).toBe('Pending when the old version stopped.');
    await again.close();
    expect(minutesText((await libraryMeeting()).agenda[0]!.minutes)).toBe('Pending when the old version stopped.');
    // Everything reached the library: the journal and the old base file are gone.
    expect(await findPendingJournals(journalDir())).toEqual([]);
    await expect(readFile(join(journalDir(), `${meeting.id}.base.json`))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(readFile(join(journalDir(), `${meeting.id}.jsonl`))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
