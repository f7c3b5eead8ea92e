import { describe, expect, it } from 'vitest';
import { clockTime, clockTimeWithSeconds, formatMeetingDate, localIsoDate, readInstant } from '../../main/domain/calendar';

describe('the clock and the calendar', () => {
  it('writes the time by this computer’s clock, two digits each', () => {
    expect(clockTime(new Date(2026, 10, 10, 9, 5, 7))).toBe('09:05');
    expect(clockTime(new Date(2026, 10, 10, 23, 59, 59))).toBe('23:59');
    expect(clockTimeWithSeconds(new Date(2026, 10, 10, 9, 5, 7))).toBe('09:05:07');
    expect(clockTimeWithSeconds(new Date(2022, 10, 8, 10, 42, 13))).toBe('10:42:13');
  });

  it('writes the day by this computer’s clock, not UTC’s', () => {
    expect(localIsoDate(new Date(2026, 0, 2, 0, 5))).toBe('2026-01-02');
    expect(localIsoDate(new Date(2025, 11, 31, 23, 55))).toBe('2025-12-31');
  });

  it('reads an ISO time, or says it cannot', () => {
    expect(readInstant('2026-11-10T10:00:08.000Z')?.getTime()).toBe(Date.UTC(2026, 10, 10, 10, 0, 8));
    expect(readInstant('soon')).toBeUndefined();
  });

  it('writes a meeting date in full, as a calendar date', () => {
    expect(formatMeetingDate('2022-11-08')).toBe('Tuesday 8 November 2022');
    expect(formatMeetingDate('2024-02-29')).toBe('Thursday 29 February 2024');
    expect(formatMeetingDate('2024-13-01')).toBe('2024-13-01');
    expect(formatMeetingDate('soon')).toBe('soon');
  });
});
