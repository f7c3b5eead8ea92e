/** The changes a clerk makes, applied to a meeting: order, idempotency (safe journal replay), clear refusals. */
import { describe, expect, it } from 'vitest';
import { applyMeetingChange, ChangeNotApplicable, MeetingChange } from '../../main/domain/changes';
import { createAgendaItem, createMeeting, Meeting, type MinuteBlock } from '../../main/domain/meeting';

const at = new Date('2026-11-23T10:42:13Z');
const details = { committee: 'Corporate Parenting Board', title: '', date: '2026-11-23', startTime: '10:00', venue: 'Town Hall' };

function meetingWithItems(...titles: string[]): Meeting {
  let meeting = createMeeting(details, at);
  titles.forEach((title, index) => {
    meeting = applyMeetingChange(meeting, { kind: 'item.add', item: createAgendaItem(title), index }, at);
  });
  return meeting;
}

describe('agenda changes', () => {
  it('adds, reorders and deletes items by their stable ids', () => {
    let meeting = meetingWithItems('Apologies', 'Declarations of interest', 'Minutes of the previous meeting');
    const [first, , third] = meeting.agenda;
    meeting = applyMeetingChange(meeting, { kind: 'item.move', itemId: third!.id, toIndex: 0 }, at);
    expect(meeting.agenda.map((item) => item.title)).toEqual(['Minutes of the previous meeting', 'Apologies', 'Declarations of interest']);
    meeting = applyMeetingChange(meeting, { kind: 'item.delete', itemId: first!.id }, at);
    expect(meeting.agenda.map((item) => item.id)).toEqual([third!.id, meeting.agenda[1]!.id]);
  });

  it('makes an item a sub-item or a section heading and back, through item.update with a shape (null: a plain item)', () => {
    let meeting = meetingWithItems('Procedural business', 'Declarations of substitutes', 'PART ONE');
    const [, second, third] = meeting.agenda;
    meeting = applyMeetingChange(meeting, { kind: 'item.update', itemId: second!.id, fields: { shape: 'sub-item' } }, at);
    meeting = applyMeetingChange(meeting, { kind: 'item.update', itemId: third!.id, fields: { shape: 'section' } }, at);
    expect(meeting.agenda.map((item) => item.shape)).toEqual([undefined, 'sub-item', 'section']);
    expect(Meeting.parse(meeting).agenda[2]?.shape).toBe('section');
    const wire = MeetingChange.parse(JSON.parse(JSON.stringify({ kind: 'item.update', itemId: second!.id, fields: { shape: null } })));
    meeting = applyMeetingChange(meeting, wire, at);
    expect('shape' in meeting.agenda[1]!).toBe(false);
    expect(Meeting.parse(meeting).agenda[1]?.shape).toBeUndefined();
    expect(MeetingChange.safeParse({ kind: 'item.update', itemId: second!.id, fields: { shape: 'chapter' } }).success).toBe(false);
  });

  it('gives the same meeting when a change is replayed twice, so journal replay is safe', () => {
    const meeting = meetingWithItems('Apologies', 'Declarations of interest');
    const item = meeting.agenda[1]!;
    const changes: MeetingChange[] = [
      { kind: 'item.add', item: createAgendaItem('Any other business'), index: 1 },
      { kind: 'item.move', itemId: item.id, toIndex: 0 },
      { kind: 'item.update', itemId: item.id, fields: { title: 'Declarations of interest – none' } },
      { kind: 'item.minutes', itemId: item.id, minutes: [{ id: 'para0001', type: 'paragraph', runs: [{ text: 'There were none.' }] }] },
      { kind: 'meeting.update', fields: { venue: 'Guildhall, Bath' } },
      { kind: 'item.delete', itemId: meeting.agenda[0]!.id },
    ];
    const once = changes.reduce((current, change) => applyMeetingChange(current, change, at), meeting);
    const twice = changes.reduce((current, change) => applyMeetingChange(current, change, at), once);
    expect(twice).toEqual(once);
  });

  it('refuses a change to an item that is no longer there, naming it', () => {
    const meeting = meetingWithItems('Apologies');
    expect(() => applyMeetingChange(meeting, { kind: 'item.update', itemId: 'gone0001', fields: { title: 'x' } }, at)).toThrow(ChangeNotApplicable);
    expect(() => applyMeetingChange(meeting, { kind: 'item.move', itemId: 'gone0001', toIndex: 0 }, at)).toThrow(/gone0001/);
  });

  it('rejects malformed changes at the boundary with the field that is wrong', () => {
    const result = MeetingChange.safeParse({ kind: 'item.minutes', itemId: 'abcd1234', minutes: [{ id: 'p1xx', type: 'picture', runs: [] }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['minutes', 0, 'type']);
  });

  it('does not modify the meeting it was given', () => {
    const meeting = meetingWithItems('Apologies');
    const copy = structuredClone(meeting);
    applyMeetingChange(meeting, { kind: 'item.update', itemId: meeting.agenda[0]!.id, fields: { title: 'Apologies for absence' } }, at);
    expect(meeting).toEqual(copy);
  });
});

describe('minutes changes paragraph by paragraph', () => {
  const para = (id: string, text: string): MinuteBlock => ({ id, type: 'paragraph', runs: [{ text }] });
  const ids = (meeting: Meeting) => meeting.agenda[0]!.minutes.map((block) => block.id);
  const texts = (meeting: Meeting) => meeting.agenda[0]!.minutes.map((block) => block.runs.map((run) => run.text).join(''));

  function meetingWithMinutes(...blocks: MinuteBlock[]): Meeting {
    const meeting = meetingWithItems('Director’s update');
    return applyMeetingChange(meeting, { kind: 'item.minutes', itemId: meeting.agenda[0]!.id, minutes: blocks }, at);
  }

  it('puts a new paragraph after the one it follows, or at the start', () => {
    let meeting = meetingWithMinutes(para('blk00001', 'One.'), para('blk00003', 'Three.'));
    const itemId = meeting.agenda[0]!.id;
    meeting = applyMeetingChange(meeting, { kind: 'block.put', itemId, block: para('blk00002', 'Two.'), after: 'blk00001' }, at);
    meeting = applyMeetingChange(meeting, { kind: 'block.put', itemId, block: para('blk00000', 'Zero.'), after: null }, at);
    expect(ids(meeting)).toEqual(['blk00000', 'blk00001', 'blk00002', 'blk00003']);
  });

  it('replaces an existing paragraph where it stands, whatever it was said to follow', () => {
    let meeting = meetingWithMinutes(para('blk00001', 'One.'), para('blk00002', 'Two.'), para('blk00003', 'Three.'));
    const itemId = meeting.agenda[0]!.id;
    meeting = applyMeetingChange(
      meeting,
      {
        kind: 'block.put',
        itemId,
        block: { id: 'blk00003', type: 'bullet', level: 1, runs: [{ text: 'Three, ' }, { text: 'edited', marks: ['bold'] }] },
        after: null,
      },
      at,
    );
    expect(ids(meeting)).toEqual(['blk00001', 'blk00002', 'blk00003']);
    expect(meeting.agenda[0]!.minutes[2]).toEqual({
      id: 'blk00003',
      type: 'bullet',
      level: 1,
      runs: [{ text: 'Three, ' }, { text: 'edited', marks: ['bold'] }],
    });
  });

  it('keeps a new paragraph whose neighbour has gone, at the end, so typed text is never lost', () => {
    let meeting = meetingWithMinutes(para('blk00001', 'One.'));
    const itemId = meeting.agenda[0]!.id;
    meeting = applyMeetingChange(meeting, { kind: 'block.put', itemId, block: para('blk00009', 'Typed after a deleted paragraph.'), after: 'gone0001' }, at);
    expect(texts(meeting)).toEqual(['One.', 'Typed after a deleted paragraph.']);
  });

  it('removes a paragraph by id; removing one already gone changes nothing', () => {
    let meeting = meetingWithMinutes(para('blk00001', 'One.'), para('blk00002', 'Two.'));
    const itemId = meeting.agenda[0]!.id;
    meeting = applyMeetingChange(meeting, { kind: 'block.remove', itemId, blockId: 'blk00001' }, at);
    expect(ids(meeting)).toEqual(['blk00002']);
    expect(applyMeetingChange(meeting, { kind: 'block.remove', itemId, blockId: 'blk00001' }, at)).toBe(meeting);
  });

  it('moves a paragraph after another, or to the start', () => {
    let meeting = meetingWithMinutes(para('blk00001', 'One.'), para('blk00002', 'Two.'), para('blk00003', 'Three.'));
    const itemId = meeting.agenda[0]!.id;
    meeting = applyMeetingChange(meeting, { kind: 'block.move', itemId, blockId: 'blk00001', after: 'blk00003' }, at);
    expect(ids(meeting)).toEqual(['blk00002', 'blk00003', 'blk00001']);
    meeting = applyMeetingChange(meeting, { kind: 'block.move', itemId, blockId: 'blk00003', after: null }, at);
    expect(ids(meeting)).toEqual(['blk00003', 'blk00002', 'blk00001']);
  });

  it('refuses, naming it, a move of a paragraph that is not there, a move after one that is not there, and a paragraph placed after itself', () => {
    const meeting = meetingWithMinutes(para('blk00001', 'One.'), para('blk00002', 'Two.'));
    const itemId = meeting.agenda[0]!.id;
    expect(() => applyMeetingChange(meeting, { kind: 'block.move', itemId, blockId: 'gone0001', after: null }, at)).toThrow(ChangeNotApplicable);
    expect(() => applyMeetingChange(meeting, { kind: 'block.move', itemId, blockId: 'gone0001', after: null }, at)).toThrow(/gone0001/);
    expect(() => applyMeetingChange(meeting, { kind: 'block.move', itemId, blockId: 'blk00001', after: 'gone0002' }, at)).toThrow(/gone0002/);
    expect(() => applyMeetingChange(meeting, { kind: 'block.move', itemId, blockId: 'blk00001', after: 'blk00001' }, at)).toThrow(ChangeNotApplicable);
    expect(() => applyMeetingChange(meeting, { kind: 'block.put', itemId, block: para('blk00003', 'x'), after: 'blk00003' }, at)).toThrow(ChangeNotApplicable);
    for (const change of [
      { kind: 'block.put', itemId: 'gone0003', block: para('blk00003', 'x'), after: null },
      { kind: 'block.remove', itemId: 'gone0003', blockId: 'blk00001' },
      { kind: 'block.move', itemId: 'gone0003', blockId: 'blk00001', after: null },
    ] satisfies MeetingChange[]) {
      expect(() => applyMeetingChange(meeting, change, at)).toThrow(/gone0003/);
    }
  });

  it('gives the same meeting when paragraph changes are replayed twice', () => {
    const meeting = meetingWithMinutes(para('blk00001', 'One.'), para('blk00002', 'Two.'));
    const itemId = meeting.agenda[0]!.id;
    const changes: MeetingChange[] = [
      { kind: 'block.put', itemId, block: para('blk00003', 'Three.'), after: 'blk00001' },
      { kind: 'block.put', itemId, block: para('blk00001', 'One, edited.'), after: null },
      { kind: 'block.move', itemId, blockId: 'blk00002', after: null },
      { kind: 'block.remove', itemId, blockId: 'blk00003' },
    ];
    const once = changes.reduce((current, change) => applyMeetingChange(current, change, at), meeting);
    const twice = changes.reduce((current, change) => applyMeetingChange(current, change, at), once);
    expect(texts(once)).toEqual(['Two.', 'One, edited.']);
    expect(twice).toEqual(once);
  });

  it('makes typing in a generated item (apologies) the clerk’s own text, as a whole-item change does', () => {
    let meeting = createMeeting(details, at);
    meeting = applyMeetingChange(meeting, { kind: 'item.add', item: createAgendaItem('Apologies', 'apologies'), index: 0 }, at);
    const itemId = meeting.agenda[0]!.id;
    meeting = applyMeetingChange(meeting, { kind: 'block.put', itemId, block: para('own00001', 'Apologies were received.'), after: null }, at);
    expect(meeting.agenda[0]!.minutesEditedByHand).toBe(true);
    expect(texts(meeting)).toContain('Apologies were received.');
  });

  it('rejects a malformed paragraph change at the boundary', () => {
    expect(
      MeetingChange.safeParse({ kind: 'block.put', itemId: 'abcd1234', block: { id: 'p1xx', type: 'picture', runs: [] }, after: null }).error?.issues[0]?.path,
    ).toEqual(['block', 'type']);
    expect(MeetingChange.safeParse({ kind: 'block.put', itemId: 'abcd1234', block: { id: 'p1xx', type: 'paragraph', runs: [] } }).success).toBe(false);
    expect(MeetingChange.safeParse({ kind: 'block.remove', itemId: 'abcd1234' }).success).toBe(false);
    expect(MeetingChange.safeParse({ kind: 'block.move', itemId: 'abcd1234', blockId: 'p1xxxxxx', after: 5 }).success).toBe(false);
  });
});
