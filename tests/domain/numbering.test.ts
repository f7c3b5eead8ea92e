/** Minute numbers, sub-item letters and action references follow the agenda as it is now. */
import { describe, expect, it } from 'vitest';
import { createAgendaItem, createMeeting, type AgendaItem, type Meeting } from '../../main/domain/meeting';
import { actionReference, minuteNumberOf, styledMinuteNumber } from '../../main/domain/minuteNumbers';

function meetingWith(agenda: AgendaItem[]): Meeting {
  const meeting = createMeeting({ committee: 'Full Governing Board', title: '', date: '2019-03-12', startTime: '18:00', venue: '' }, new Date(0));
  return { ...meeting, agenda, firstMinuteNumber: 24 };
}

describe('numbering that maintains itself', () => {
  const partOne = { ...createAgendaItem('PART ONE'), shape: 'section' as const };
  const procedural = createAgendaItem('Procedural business');
  const substitutes = { ...createAgendaItem('Declarations of substitutes'), shape: 'sub-item' as const };
  const interests = { ...createAgendaItem('Declarations of interest'), shape: 'sub-item' as const };
  const budget = createAgendaItem('Budget monitoring');
  const partTwo = { ...createAgendaItem('PART TWO'), shape: 'section' as const };
  const staffing = createAgendaItem('Staffing');

  it('gives sections no number, sub-items their minute’s number and a letter, and minutes the numbers in order', () => {
    const meeting = meetingWith([partOne, procedural, substitutes, interests, budget, partTwo, staffing]);
    expect(meeting.agenda.map((item) => minuteNumberOf(meeting, item.id))).toEqual(['', 24, '24(a)', '24(b)', 25, '', 26]);
    expect(styledMinuteNumber(meeting, interests.id, 'FGB/{yy}/{n}')).toBe('FGB/19/24(b)');
    expect(styledMinuteNumber(meeting, partTwo.id, 'FGB/{yy}/{n}')).toBe('');
  });

  it('renumbers when an item is moved or deleted', () => {
    const moved = meetingWith([partOne, budget, procedural, substitutes, interests, partTwo, staffing]);
    expect(moved.agenda.map((item) => minuteNumberOf(moved, item.id))).toEqual(['', 24, 25, '25(a)', '25(b)', '', 26]);
    const deleted = meetingWith([partOne, procedural, interests, partTwo, staffing]);
    expect(deleted.agenda.map((item) => minuteNumberOf(deleted, item.id))).toEqual(['', 24, '24(a)', '', 25]);
  });

  it('writes action references in the house style’s pattern, and they follow a move', () => {
    const meeting = {
      ...meetingWith([procedural, budget, staffing]),
      actions: [
        { id: 'act00001', itemId: budget.id, text: 'Circulate the forecast', ownerName: 'CW', status: 'open' as const, number: 1 },
        { id: 'act00002', itemId: staffing.id, text: 'Advertise the post', ownerName: 'HT', status: 'open' as const, number: 1 },
        { id: 'act00003', itemId: budget.id, text: 'Check the reserves', ownerName: 'CW', status: 'open' as const, number: 2 },
      ],
    };
    expect(meeting.actions.map((action) => actionReference(meeting, action.id))).toEqual(['25/1', '26/1', '25/2']);
    expect(meeting.actions.map((action) => actionReference(meeting, action.id, 'TB{yyyy}.{seq}'))).toEqual(['TB2019.1', 'TB2019.3', 'TB2019.2']);
    expect(actionReference(meeting, 'act00002', '{m}-{i}', 'FGB/{yy}/{n}')).toBe('FGB/19/26-1');
    const reordered = { ...meeting, agenda: [staffing, procedural, budget] };
    expect(reordered.actions.map((action) => actionReference(reordered, action.id))).toEqual(['26/1', '24/1', '26/2']);
  });
});
