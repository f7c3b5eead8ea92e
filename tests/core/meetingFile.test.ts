/** Meeting files on disk: faithful round trip, readable JSON, and bad files reported but left alone. */
import { readFile, stat, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryFileError, openMeetingDb, readMeetingFile } from '../../main/core/meetingFile';
import { applyMeetingChange } from '../../main/domain/changes';
import { createAgendaItem, createMeeting, type Meeting } from '../../main/domain/meeting';
import { makeTempLibrary, sampleDetails, type TempLibrary } from '../support/tempLibrary';

let temp: TempLibrary;
beforeEach(async () => {
  temp = await makeTempLibrary();
  await mkdir(temp.library, { recursive: true });
});
afterEach(() => temp.remove());

function richMeeting(): Meeting {
  const at = new Date('2026-11-10T10:00:00Z');
  let meeting = createMeeting(sampleDetails, at);
  const item = { ...createAgendaItem('Director’s update – Children’s Services'), background: 'Report of the Director (Appendix 1 & 2).' };
  meeting = applyMeetingChange(meeting, { kind: 'item.add', item, index: 0 }, at);
  return applyMeetingChange(
    meeting,
    {
      kind: 'item.minutes',
      itemId: item.id,
      minutes: [
        { id: 'blk00001', type: 'heading', runs: [{ text: 'Virtual School' }] },
        {
          id: 'blk00002',
          type: 'paragraph',
          runs: [{ text: 'Councillor Ní Bhriain asked ' }, { text: '“what next?”', marks: ['bold', 'italic'] }, { text: ' 👍 — שלום' }],
        },
        { id: 'blk00003', type: 'numbered', runs: [{ text: 'noted the report;' }] },
        { id: 'blk00004', type: 'bullet', level: 1, runs: [{ text: 'B&NES figures', marks: ['underline'] }] },
      ],
    },
    at,
  );
}

describe('a meeting file', () => {
  it('reads back exactly what was written, every mark, list and character', async () => {
    const path = join(temp.library, 'meeting.json');
    const meeting = richMeeting();
    const { db } = await (async () => {
      await writeFile(path, JSON.stringify(createMeeting(sampleDetails, new Date())));
      return openMeetingDb(path);
    })();
    db.data = meeting;
    await db.write();
    expect((await readMeetingFile(path)).meeting).toEqual(meeting);
  });

  it('is written as indented JSON a person can read, one field a line', async () => {
    const path = join(temp.library, 'meeting.json');
    await writeFile(path, JSON.stringify(createMeeting(sampleDetails, new Date())));
    const { db } = await openMeetingDb(path);
    db.data = richMeeting();
    await db.write();
    const text = await readFile(path, 'utf8');
    expect(text).toContain('\n\t"committee": "Children’s Services Scrutiny Panel",\n');
    expect(text).toContain('"text": "Councillor Ní Bhriain asked "');
  });

  it.each([
    ['empty.json', '', 'the file is empty'],
    ['torn.json', '{"format":"minutebook.meeting","version":2,"id":"ab', 'it is not valid JSON'],
    ['wrong.json', JSON.stringify({ format: 'minutebook.meeting', version: 2, id: 'x' }), 'committee: Invalid input: expected string, received undefined'],
  ])('reports %s with its path and problem, and leaves it untouched', async (name, contents, problem) => {
    const path = join(temp.library, name);
    await writeFile(path, contents);
    const before = await stat(path);
    const error = await readMeetingFile(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LibraryFileError);
    expect((error as LibraryFileError).message).toContain(path);
    expect((error as LibraryFileError).message).toContain(problem);
    expect((error as LibraryFileError).message).toContain('The file has not been changed.');
    expect(await readFile(path, 'utf8')).toBe(contents);
    expect((await stat(path)).mtimeMs).toBe(before.mtimeMs);
  });
});
