/** Reading meeting files of every version: migration forward and clear messages for bad files. */
import { describe, expect, it } from 'vitest';
import { createAgendaItem, createMeeting, MEETING_VERSION, minutesText } from '../../main/domain/meeting';
import { parseMeetingData } from '../../main/domain/migrations';

const version1 = {
  format: 'minutebook.meeting',
  version: 1,
  id: 'meet0001',
  committee: 'Children, Adults, Health and Wellbeing Panel',
  title: 'Ordinary meeting',
  date: '2022-11-08',
  time: '10:00',
  venue: 'Council Chamber, Guildhall',
  items: [
    { id: 'item0063', title: 'Director’s six-month update', notes: 'The Director introduced the report.\n\nCouncillor Hardman asked about B&NES figures.' },
  ],
};

describe('meeting file versions', () => {
  it('migrates a version 1 file, keeping ids and turning each line of notes into a paragraph', () => {
    const result = parseMeetingData(version1);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBe(1);
    expect(result.meeting.version).toBe(MEETING_VERSION);
    expect(result.meeting.startTime).toBe('10:00');
    expect(result.meeting.agenda[0]!.id).toBe('item0063');
    expect(result.meeting.agenda[0]!.minutes.map((block) => block.type)).toEqual(['paragraph', 'paragraph']);
    expect(minutesText(result.meeting.agenda[0]!.minutes)).toBe('The Director introduced the report.\nCouncillor Hardman asked about B&NES figures.');
    expect(new Set(result.meeting.agenda[0]!.minutes.map((block) => block.id)).size).toBe(2);
  });

  it('migrates a version 3 file to one with no conflicts, keeping everything else', () => {
    const current = createMeeting({ committee: 'Schools Forum', title: '', date: '2026-01-14', startTime: '16:30', venue: 'Guildhall' }, new Date());
    const { conflicts: _none, ...rest } = current;
    const result = parseMeetingData({ ...rest, version: 3 });
    expect(result).toEqual({ ok: true, meeting: current, migratedFrom: 3 });
  });

  it('opens a version 4 meeting (before kinds of body) as it was: nothing in it changes but the version', () => {
    const current = createMeeting({ committee: 'Planning Committee', title: '', date: '2026-01-14', startTime: '16:30', venue: 'Guildhall' }, new Date());
    const item = {
      ...createAgendaItem('Land at Mill Lane'),
      minutes: [{ id: 'para0001', type: 'paragraph' as const, runs: [{ text: 'The Panel noted the report.' }] }],
    };
    const withRecord = {
      ...current,
      agenda: [item],
      attendees: [
        {
          id: 'att00001',
          name: 'Liz Hardman',
          displayName: 'Councillor Liz Hardman',
          category: 'member' as const,
          role: 'chair' as const,
          status: 'present' as const,
        },
      ],
      decisions: [{ id: 'dec00001', itemId: item.id, kind: 'RESOLVED' as const, points: [{ id: 'pt000001', text: 'to approve the application' }] }],
    };
    const version4 = JSON.parse(JSON.stringify({ ...withRecord, version: 4 }));
    const result = parseMeetingData(version4);
    expect(result).toEqual({ ok: true, meeting: withRecord, migratedFrom: 4 });
  });

  it('reads the parts version 5 added: tables, sub-items and sections, attendance groups, initials, categories and consent, decisions placed among the minutes', () => {
    const current = createMeeting(
      { committee: 'Full Governing Board', title: '', date: '2026-01-14', startTime: '18:00', venue: 'School library' },
      new Date(),
    );
    const table = {
      id: 'tab00001',
      type: 'table' as const,
      runs: [],
      headerRows: 1,
      rows: [
        [[{ text: 'Minute' }], [{ text: 'Lead' }]],
        [[{ text: 'FGB/26/3' }], [{ text: 'CW' }]],
      ],
    };
    const meeting = {
      ...current,
      agenda: [
        { ...createAgendaItem('PART ONE'), shape: 'section' as const },
        { ...createAgendaItem('Procedural business'), minutes: [table] },
        { ...createAgendaItem('Declarations of substitutes'), shape: 'sub-item' as const },
      ],
      attendees: [
        {
          id: 'att00001',
          name: 'Claire Wood',
          displayName: 'Claire Wood',
          category: 'member' as const,
          status: 'apologies' as const,
          initials: 'CW',
          memberCategory: 'parent',
          apologiesConsented: true,
          roleLabel: 'Joint Deputy Chair',
          group: 'members',
        },
      ],
      decisions: [{ id: 'dec00001', itemId: 'x0000001', kind: 'AGREED' as const, points: [], afterBlockId: 'tab00001' }],
    };
    expect(parseMeetingData(JSON.parse(JSON.stringify(meeting)))).toEqual({ ok: true, meeting });
  });

  it('reads a current file unchanged', () => {
    const meeting = createMeeting({ committee: 'Schools Forum', title: '', date: '2026-01-14', startTime: '16:30', venue: '' }, new Date());
    expect(parseMeetingData(JSON.parse(JSON.stringify(meeting)))).toEqual({ ok: true, meeting });
  });

  it.each([
    [[], 'the file does not hold a meeting (expected a JSON object)'],
    [{ format: 'something.else', version: 2 }, 'this is not a Minute Book meeting file (format is "something.else")'],
    [{ format: 'minutebook.meeting' }, 'the file has no format version number'],
    [
      { format: 'minutebook.meeting', version: 99 },
      'the file was written by a newer Minute Book (format version 99; this copy reads up to 5). Update Minute Book to open it.',
    ],
    [{ ...version1, items: [{ id: 'item0063' }] }, 'items[0].title: Invalid input: expected string, received undefined'],
  ])('explains what is wrong with %j', (data, problem) => {
    expect(parseMeetingData(data)).toEqual({ ok: false, problem });
  });

  it('names the exact field in a damaged current file', () => {
    const meeting = createMeeting({ committee: 'Schools Forum', title: '', date: '2026-01-14', startTime: '16:30', venue: '' }, new Date());
    const damaged = {
      ...meeting,
      agenda: [{ id: 'item0001', title: 'Apologies', background: '', minutes: [{ id: 'p0000001', type: 'paragraph', runs: [{ text: 7 }] }] }],
    };
    expect(parseMeetingData(damaged)).toEqual({ ok: false, problem: 'agenda[0].minutes[0].runs[0].text: Invalid input: expected string, received number' });
  });
});
