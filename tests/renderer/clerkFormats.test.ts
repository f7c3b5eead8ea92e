import { describe, expect, it, vi } from 'vitest';
import type { MeetingSummary } from '../../main/domain/meeting';
import { agendaItemLabel, dropIndex } from '../../renderer/agenda/agendaOrder';
import { announceSaveState, describeSaveState } from '../../renderer/app/saveStateText';
import { formatMeetingDate } from '../../main/domain/calendar';
import { newestMeetingsFirst } from '../../renderer/meetings/meetingDates';
import { createMinutesSaveSchedule } from '../../renderer/minutes/minutesSaveSchedule';

describe('what the clerk reads', () => {
  it('writes dates the UK way', () => {
    expect(formatMeetingDate('2022-11-08')).toBe('Tuesday 8 November 2022');
    expect(formatMeetingDate('2024-02-29')).toBe('Thursday 29 February 2024');
    expect(formatMeetingDate('soon')).toBe('soon');
  });

  it('names agenda items by number and title', () => {
    expect(agendaItemLabel(3, 'Director’s report')).toBe('3. Director’s report');
    expect(agendaItemLabel(4, '  ')).toBe('4. Untitled item');
  });

  it('never says changes are kept on this computer while they are only in this window', () => {
    const nextTryAt = new Date(2026, 10, 10, 10, 0, 8).toISOString();
    const held = { changes: 3, nextTryAt };
    for (const saveState of [
      undefined,
      { meetingId: 'm-001', state: 'saved', pendingChanges: 0 },
      { meetingId: 'm-001', state: 'unreachable', pendingChanges: 14 },
    ] as const) {
      expect(describeSaveState(saveState, true, held)).toBe(
        'Not saved: Minute Book’s background service is not responding — 3 changes are only in this window. Keep it open; trying again at 10:00:08.',
      );
      expect(announceSaveState(saveState, true, held)).toBe(
        'Not saved: Minute Book’s background service is not responding — your latest changes are only in this window. Keep it open.',
      );
    }
    expect(describeSaveState(undefined, true, { changes: 1, nextTryAt })).toContain('1 change is only in this window');
  });

  it('says one thing about saving', () => {
    const savedAt = new Date(2022, 10, 8, 10, 42, 13).toISOString();
    expect(describeSaveState({ meetingId: 'm-001', state: 'saved', savedAt, pendingChanges: 0 }, false)).toBe('Saved at 10:42:13');
    expect(describeSaveState({ meetingId: 'm-001', state: 'saved', savedAt, pendingChanges: 0 }, true)).toBe('Saving…');
    expect(describeSaveState({ meetingId: 'm-001', state: 'saving', pendingChanges: 2 }, false)).toBe('Saving…');
    expect(describeSaveState({ meetingId: 'm-001', state: 'unsaved', reason: 'the library folder is offline', pendingChanges: 2 }, true)).toBe(
      'Not saved to the library: the library folder is offline — kept on this computer',
    );
    expect(describeSaveState(undefined, false)).toBe('');
  });
});

describe('ordering', () => {
  it('puts the newest meeting first, by date then start time', () => {
    const summary = (date: string, startTime: string) => ({ date, startTime }) as MeetingSummary;
    const sorted = newestMeetingsFirst([summary('2022-11-08', '10:00'), summary('2023-01-12', '09:00'), summary('2023-01-12', '18:30')]);
    expect(sorted.map((meeting) => `${meeting.date} ${meeting.startTime}`)).toEqual(['2023-01-12 18:30', '2023-01-12 09:00', '2022-11-08 10:00']);
  });

  it('turns a drop before or after an item into the index item.move expects', () => {
    expect(dropIndex(0, 2, false)).toBe(2);
    expect(dropIndex(0, 2, true)).toBe(1);
    expect(dropIndex(3, 1, true)).toBe(1);
    expect(dropIndex(3, 1, false)).toBe(2);
    expect(dropIndex(1, 1, true)).toBe(1);
  });
});

describe('when typed minutes are sent', () => {
  it('waits for a pause, but never longer than the maximum while typing goes on', () => {
    vi.useFakeTimers();
    try {
      const save = vi.fn();
      const schedule = createMinutesSaveSchedule(save, 150, 500);
      for (let elapsed = 0; elapsed < 400; elapsed += 100) {
        schedule.request();
        vi.advanceTimersByTime(100);
      }
      schedule.request();
      vi.advanceTimersByTime(99);
      expect(save).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(save).toHaveBeenCalledTimes(1);
      schedule.request();
      vi.advanceTimersByTime(149);
      expect(save).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(1);
      expect(save).toHaveBeenCalledTimes(2);
      schedule.request();
      schedule.flush();
      expect(save).toHaveBeenCalledTimes(3);
      schedule.flush();
      expect(save).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
