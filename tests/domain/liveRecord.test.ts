/**
 * The live record of a meeting: setting it up from a committee, entities put and removed by id,
 * the Apologies and Declarations items written from the record until the clerk edits them.
 */
import { describe, expect, it } from 'vitest';
import { applyMeetingChange, MeetingChange } from '../../main/domain/changes';
import { createCommittee, type Committee } from '../../main/domain/committee';
import { MEETING_VERSION, minutesText, type Meeting } from '../../main/domain/meeting';
import { createMeetingForCommittee } from '../../main/domain/meetingSetup';
import { parseMeetingData } from '../../main/domain/migrations';

const at = new Date('2026-11-10T10:00:00Z');

function panel(): Committee {
  return {
    ...createCommittee('Children’s Services Scrutiny Panel'),
    defaultVenue: 'Guildhall, Bath',
    nextMinuteNumber: 63,
    quorum: { kind: 'count', count: 3 },
    members: [
      { id: 'mem-hardman', name: 'Liz Hardman', displayName: 'Councillor Liz Hardman', role: 'chair' },
      { id: 'mem-ball', name: 'Joe Ball', displayName: 'Councillor Joe Ball', role: 'member' },
      { id: 'mem-davies', name: 'Rhian Davies', displayName: 'Councillor Rhian Davies', role: 'member' },
      { id: 'mem-okafor', name: 'Ada Okafor', displayName: 'Ada Okafor', role: 'co-opted-non-voting' },
    ],
  };
}

function setUp(): Meeting {
  return createMeetingForCommittee({ committee: '', title: 'Ordinary meeting', date: '2026-11-10', startTime: '10:00', venue: '' }, panel(), at);
}

function apply(meeting: Meeting, ...changes: MeetingChange[]): Meeting {
  return changes.reduce((current, change) => applyMeetingChange(current, MeetingChange.parse(change), at), meeting);
}

const item = (meeting: Meeting, role: string) => meeting.agenda.find((each) => each.role === role)!;

describe('a meeting set up for a committee', () => {
  it('takes attendance, opening items, quorum, venue and minute numbers from the committee', () => {
    const meeting = setUp();
    expect(meeting.committee).toBe('Children’s Services Scrutiny Panel');
    expect(meeting.venue).toBe('Guildhall, Bath');
    expect(meeting.firstMinuteNumber).toBe(63);
    expect(meeting.quorum).toEqual({ kind: 'count', count: 3 });
    expect(meeting.attendees.map((each) => [each.displayName, each.status, each.role])).toEqual([
      ['Councillor Liz Hardman', 'present', 'chair'],
      ['Councillor Joe Ball', 'present', 'member'],
      ['Councillor Rhian Davies', 'present', 'member'],
      ['Ada Okafor', 'present', 'co-opted-non-voting'],
    ]);
    expect(meeting.agenda.map((each) => [each.title, each.role])).toEqual([
      ['Apologies for absence and substitutions', 'apologies'],
      ['Declarations of interest', 'declarations'],
      ['Minutes of the previous meeting', 'previous-minutes'],
    ]);
    expect(minutesText(item(meeting, 'apologies').minutes)).toBe('There were no apologies for absence.');
    expect(minutesText(item(meeting, 'declarations').minutes)).toBe('There were none.');
  });
});

describe('the record written into the minutes', () => {
  it('keeps the Apologies item in step with attendance, substitutes included', () => {
    let meeting = setUp();
    const [, ball, davies] = meeting.attendees;
    meeting = apply(
      meeting,
      { kind: 'entity.put', collection: 'attendees', entity: { ...ball!, status: 'apologies' } },
      { kind: 'entity.put', collection: 'attendees', entity: { ...davies!, status: 'substituted' } },
      {
        kind: 'entity.put',
        collection: 'attendees',
        entity: {
          id: 'sub-quinn',
          name: 'Sam Quinn',
          displayName: 'Councillor Sam Quinn',
          category: 'member',
          role: 'substitute',
          status: 'present',
          substituteFor: davies!.id,
        },
      },
    );
    expect(minutesText(item(meeting, 'apologies').minutes)).toBe(
      'Apologies for absence were received from Councillors Joe Ball and Rhian Davies.\nCouncillor Sam Quinn attended as a substitute for Councillor Rhian Davies.',
    );
  });

  it('stops rewriting an item the clerk has edited, until asked to write it from the record again', () => {
    let meeting = setUp();
    const apologies = item(meeting, 'apologies');
    meeting = apply(meeting, {
      kind: 'item.minutes',
      itemId: apologies.id,
      minutes: [{ id: 'own00001', type: 'paragraph', runs: [{ text: 'Apologies were received from the Chair’s office.' }] }],
    });
    meeting = apply(meeting, { kind: 'entity.put', collection: 'attendees', entity: { ...meeting.attendees[1]!, status: 'apologies' } });
    expect(minutesText(item(meeting, 'apologies').minutes)).toBe('Apologies were received from the Chair’s office.');
    meeting = apply(meeting, { kind: 'item.update', itemId: apologies.id, fields: { minutesEditedByHand: false } });
    expect(minutesText(item(meeting, 'apologies').minutes)).toBe('Apologies for absence were received from Councillor Joe Ball.');
  });

  it('lists declarations with the item number and whether the member left', () => {
    let meeting = setUp();
    const previous = item(meeting, 'previous-minutes');
    meeting = apply(meeting, {
      kind: 'entity.put',
      collection: 'declarations',
      entity: {
        id: 'decl0001',
        itemId: previous.id,
        attendeeId: meeting.attendees[1]!.id,
        kind: 'disclosable-pecuniary',
        nature: 'Owns land next to the site.',
        withdrew: true,
      },
    });
    expect(minutesText(item(meeting, 'declarations').minutes)).toBe(
      'Councillor Joe Ball declared a disclosable pecuniary interest in item 65 (Owns land next to the site) and left the meeting for that item.',
    );
  });

  it('puts and removes entities by id, idempotently, and removing an attendee removes their movements and declarations', () => {
    let meeting = setUp();
    const ball = meeting.attendees[1]!;
    const itemId = meeting.agenda[0]!.id;
    const arrive: MeetingChange = {
      kind: 'entity.put',
      collection: 'movements',
      entity: { id: 'move0001', attendeeId: ball.id, kind: 'arrived', time: '10:17', itemId },
    };
    meeting = apply(meeting, arrive, arrive);
    expect(meeting.movements).toHaveLength(1);
    meeting = apply(meeting, {
      kind: 'entity.put',
      collection: 'movements',
      entity: { id: 'move0001', attendeeId: ball.id, kind: 'arrived', time: '10:19', itemId },
    });
    expect(meeting.movements[0]!.time).toBe('10:19');
    meeting = apply(meeting, { kind: 'entity.remove', collection: 'attendees', id: ball.id });
    expect(meeting.movements).toEqual([]);
    expect(meeting.attendees.map((each) => each.id)).not.toContain(ball.id);
  });
});

describe('files from before live capture', () => {
  it('migrates a version 2 file: empty record, plain agenda items, minute numbers from 1', () => {
    const v2 = {
      format: 'minutebook.meeting',
      version: 2,
      id: 'meet0002',
      committee: 'Schools Forum',
      title: '',
      date: '2026-01-14',
      startTime: '16:30',
      venue: '',
      status: 'draft',
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
      agenda: [{ id: 'item0001', title: 'Apologies', background: '', minutes: [] }],
    };
    const result = parseMeetingData(v2);
    expect(result.ok && result.migratedFrom).toBe(2);
    if (!result.ok) return;
    expect(result.meeting.agenda[0]).toMatchObject({ id: 'item0001', role: 'standard', exempt: false, minutesEditedByHand: false });
    expect(result.meeting).toMatchObject({ version: MEETING_VERSION, firstMinuteNumber: 1, attendees: [], decisions: [], actions: [], conflicts: [] });
  });
});
