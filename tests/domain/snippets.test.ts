/** Standard phrases with placeholders filled from the meeting. */
import { describe, expect, it } from 'vitest';
import { createMeeting, type Meeting } from '../../main/domain/meeting';
import { fillSnippet, formatUkDate } from '../../main/domain/snippets';

const meeting: Meeting = {
  ...createMeeting(
    { committee: 'Scrutiny Panel', title: '', date: '2022-11-08', startTime: '10:00', venue: 'Brunswick Room, Guildhall' },
    new Date('2022-11-01T09:00:00Z'),
  ),
  attendees: [{ id: 'a1', name: 'Liz Hardman', displayName: 'Councillor Liz Hardman', category: 'member', role: 'chair', status: 'present' }],
};
const now = new Date(2022, 10, 8, 14, 7);

describe('UK dates', () => {
  it('writes the day without a leading zero and the month in full', () => {
    expect(formatUkDate('2022-11-08')).toBe('8 November 2022');
    expect(formatUkDate('2023-01-31')).toBe('31 January 2023');
  });
});

describe('filling a standard phrase', () => {
  it('fills the previous meeting date', () => {
    expect(
      fillSnippet('The minutes of the meeting held on {previous meeting date} were approved as a correct record.', {
        meeting,
        previousMeetingDate: '2022-10-11',
        now,
      }),
    ).toBe('The minutes of the meeting held on 11 October 2022 were approved as a correct record.');
  });

  it('fills every placeholder from the meeting, whatever the case and spacing', () => {
    expect(fillSnippet('{Committee} met on {date} at {time} in {venue}; {chair} chaired; it is now { NOW }.', { meeting, now })).toBe(
      'Scrutiny Panel met on 8 November 2022 at 10.00 am in Brunswick Room, Guildhall; Councillor Liz Hardman chaired; it is now 2.07 pm.',
    );
  });

  it('leaves a placeholder it cannot fill as typed, so the clerk sees it', () => {
    expect(fillSnippet('Held on {previous meeting date}.', { meeting, now })).toBe('Held on {previous meeting date}.');
    expect(fillSnippet('{chair}', { meeting: { ...meeting, attendees: [] }, now })).toBe('{chair}');
    expect(fillSnippet('{mover} and {constructor} and {toString}', { meeting, now })).toBe('{mover} and {constructor} and {toString}');
  });
});
