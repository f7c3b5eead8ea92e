/** The changes a clerk makes, applied to a meeting: order, idempotency (safe journal replay), clear refusals. */
import { describe, expect, it } from 'vitest';
import { applyMeetingChange, ChangeNotApplicable, MeetingChange } from '../../main/domain/changes';
import { createAgendaItem, createMeeting, Meeting } from '../../main/domain/meeting';

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
    const result = MeetingChange.safeParse({ kind: 'item.minutes', itemId: 'abcd1234', minutes: [{ id: 'p1xx', type: 'table', runs: [] }] });
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
