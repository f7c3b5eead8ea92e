/** The house style's rules: how minute numbers, dates and times are written, committee overrides, and reading library.json's contents. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createLibrarySettings,
  DEFAULT_HOUSE_STYLE,
  formatDate,
  formatDateWithWeekday,
  formatMinuteNumber,
  formatTime,
  HouseStyle,
  MinuteNumberPattern,
  parseLibrarySettings,
  resolveHouseStyle,
  type DateFormat,
  type TimeFormat,
} from '../../main/domain/houseStyle';
import { createAgendaItem, createMeeting, type Meeting } from '../../main/domain/meeting';
import { styledMinuteNumber } from '../../main/domain/minuteNumbers';
import { formatClockTime, movementSentence } from '../../main/domain/wording';

describe('dates', () => {
  it('writes a date in each house format', () => {
    const formats: Record<DateFormat, string> = { '8 November 2022': '8 November 2022', '8 Nov 2022': '8 Nov 2022', '08/11/2022': '08/11/2022' };
    for (const [format, expected] of Object.entries(formats)) expect(formatDate('2022-11-08', format as DateFormat)).toBe(expected);
    expect(formatDate('2023-01-31', '08/11/2022')).toBe('31/01/2023');
    expect(formatDate('2023-09-05', '8 Nov 2022')).toBe('5 Sep 2023');
  });

  it('writes the long UK form unless told otherwise', () => {
    expect(formatDate('2022-11-08')).toBe('8 November 2022');
  });

  it('puts the weekday before the date', () => {
    expect(formatDateWithWeekday('2022-11-08')).toBe('Tuesday, 8 November 2022');
    expect(formatDateWithWeekday('2024-02-29', '08/11/2022')).toBe('Thursday, 29/02/2024');
    expect(formatDateWithWeekday('2023-01-01', '8 Nov 2022')).toBe('Sunday, 1 Jan 2023');
  });

  it('leaves anything that is not a date as it was typed', () => {
    expect(formatDate('next Tuesday', '08/11/2022')).toBe('next Tuesday');
    expect(formatDate('2022-13-01')).toBe('2022-13-01');
    expect(formatDateWithWeekday('')).toBe('');
  });
});

describe('times', () => {
  it('writes a time in each house format', () => {
    const cases: Array<[string, TimeFormat, string]> = [
      ['10:00', '10.00 am', '10.00 am'],
      ['14:05', '10.00 am', '2.05 pm'],
      ['14:05', '10:00 am', '2:05 pm'],
      ['14:05', '10:00', '14:05'],
      ['9:30', '10:00', '09:30'],
      ['00:15', '10.00 am', '12.15 am'],
      ['12:00', '10:00 am', '12:00 pm'],
    ];
    for (const [time, format, expected] of cases) expect(formatTime(time, format)).toBe(expected);
  });

  it('reads back to the same clock time in every format', () => {
    const twelveHour = /^(\d{1,2})[.:](\d{2}) (am|pm)$/;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom<TimeFormat>('10.00 am', '10:00 am', '10:00'),
        (hours, minutes, format) => {
          const time = `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
          const written = formatTime(time, format);
          const match = twelveHour.exec(written);
          const back = match
            ? ((Number(match[1]) % 12) + (match[3] === 'pm' ? 12 : 0)) * 60 + Number(match[2])
            : Number(written.slice(0, 2)) * 60 + Number(written.slice(3));
          expect(back).toBe(hours * 60 + minutes);
        },
      ),
    );
  });

  it('lets the minutes wording use the house time format, keeping the UK default', () => {
    expect(formatClockTime('11:05')).toBe('11.05 am');
    expect(formatClockTime('11:05', '10:00')).toBe('11:05');
    const meeting: Meeting = {
      ...createMeeting({ committee: 'Panel', title: '', date: '2022-11-08', startTime: '10:00', venue: '' }, new Date('2022-11-01T09:00:00Z')),
      firstMinuteNumber: 64,
    };
    const item = createAgendaItem('Report');
    const withItem = {
      ...meeting,
      agenda: [item],
      attendees: [{ id: 'cllr0001', name: 'Pat Green', displayName: 'Councillor Pat Green', category: 'councillor' as const, status: 'present' as const }],
    };
    const movement = { id: 'move0001', itemId: item.id, attendeeId: 'cllr0001', kind: 'left' as const, time: '15:05' };
    expect(movementSentence(withItem, movement)).toBe('Councillor Pat Green left the meeting at 3.05 pm during item 64.');
    expect(movementSentence(withItem, movement, '10:00 am')).toBe('Councillor Pat Green left the meeting at 3:05 pm during item 64.');
  });
});

describe('minute numbers', () => {
  it('writes the number as the pattern says', () => {
    expect(formatMinuteNumber('{n}', 63, '2022-11-08')).toBe('63');
    expect(formatMinuteNumber('{n}.', 63, '2022-11-08')).toBe('63.');
    expect(formatMinuteNumber('PDS/{yy}/{n}', 63, '2022-11-08')).toBe('PDS/22/63');
    expect(formatMinuteNumber('{yyyy}/{n}', 7, '2005-03-01')).toBe('2005/7');
    expect(formatMinuteNumber('C{yy}-{n}', 7, '2005-03-01')).toBe('C05-7');
  });

  it('numbers an item from the meeting’s first minute number in the house pattern', () => {
    const base = createMeeting({ committee: 'Panel', title: '', date: '2022-11-08', startTime: '10:00', venue: '' }, new Date('2022-11-01T09:00:00Z'));
    const [first, second] = [createAgendaItem('Apologies'), createAgendaItem('Report')];
    const meeting = { ...base, firstMinuteNumber: 63, agenda: [first, second] };
    expect(styledMinuteNumber(meeting, second.id, 'PDS/{yy}/{n}')).toBe('PDS/22/64');
    expect(styledMinuteNumber(meeting, first.id, '{n}.')).toBe('63.');
    expect(styledMinuteNumber(meeting, 'gone0001', '{n}.')).toBe('?');
  });

  it('accepts only patterns that hold the number and known year fields', () => {
    expect(MinuteNumberPattern.safeParse('PDS/{yy}/{n}').success).toBe(true);
    expect(MinuteNumberPattern.safeParse('PDS/{yy}').error?.issues[0]?.message).toBe('a minute number format must hold {n}, where the number goes');
    expect(MinuteNumberPattern.safeParse('{n}/{month}').error?.issues[0]?.message).toBe('a minute number format may only use {n}, {yy} and {yyyy}');
  });
});

describe('committee overrides', () => {
  it('lets a committee change some parts of the library’s style and keeps the rest', () => {
    const library: HouseStyle = { ...DEFAULT_HOUSE_STYLE, organisation: 'Pemberley District Council', fontFamily: 'Georgia' };
    const resolved = resolveHouseStyle(library, { minuteNumberPattern: 'PDS/{yy}/{n}', fontFamily: undefined });
    expect(resolved.minuteNumberPattern).toBe('PDS/{yy}/{n}');
    expect(resolved.fontFamily).toBe('Georgia');
    expect(resolved.organisation).toBe('Pemberley District Council');
    expect(resolveHouseStyle(library, undefined)).toEqual(library);
  });
});

describe('library settings', () => {
  it('reads complete settings as they are', () => {
    const settings = createLibrarySettings();
    settings.houseStyle.fontFamily = 'Georgia';
    expect(parseLibrarySettings(JSON.parse(JSON.stringify(settings)))).toEqual({ ok: true, settings });
  });

  it('reads the first library.json, with the organisation at the top, as the default style for that organisation', () => {
    const parsed = parseLibrarySettings({ format: 'minutebook.library', version: 1, organisation: 'Pemberley District Council' });
    expect(parsed).toEqual({
      ok: true,
      settings: { ...createLibrarySettings(), houseStyle: { ...DEFAULT_HOUSE_STYLE, organisation: 'Pemberley District Council' } },
    });
  });

  it('fills the parts of a hand-written house style that are missing from the defaults', () => {
    const parsed = parseLibrarySettings({ format: 'minutebook.library', version: 1, houseStyle: { fontFamily: 'Verdana' } });
    expect(parsed.ok && parsed.settings.houseStyle).toEqual({ ...DEFAULT_HOUSE_STYLE, fontFamily: 'Verdana' });
  });

  it('says which setting is wrong', () => {
    const colour = parseLibrarySettings({
      format: 'minutebook.library',
      version: 1,
      houseStyle: { headingStyle: { bold: true, allCaps: false, colour: 'navy' } },
    });
    expect(colour).toEqual({ ok: false, problem: 'houseStyle.headingStyle.colour: a colour is six hex digits, such as 1F3864' });
    const logo = parseLibrarySettings({
      format: 'minutebook.library',
      version: 1,
      houseStyle: { logo: { file: '../logo.png', altText: 'Logo', widthMm: 40 } },
    });
    expect(logo).toEqual({ ok: false, problem: 'houseStyle.logo.file: a house-style file must be inside the library folder' });
  });

  it('refuses a file that is not library settings, or is from a newer Minute Book', () => {
    expect(parseLibrarySettings([])).toEqual({ ok: false, problem: 'it does not hold library settings (a JSON object)' });
    expect(parseLibrarySettings({ format: 'minutebook.meeting', version: 1 })).toEqual({
      ok: false,
      problem: 'it is not a Minute Book library file (its format is "minutebook.meeting", not "minutebook.library")',
    });
    expect(parseLibrarySettings({ format: 'minutebook.library', version: 2 })).toEqual({
      ok: false,
      problem: 'it was written by a newer version of Minute Book (library version 2); update Minute Book to use this library',
    });
  });
});
