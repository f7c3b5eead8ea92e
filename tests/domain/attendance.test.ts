/**
 * Quorum and who is in the room for an item: the fraction rule rounds up, substitutes count
 * instead of the member, remote members count only when the committee allows it, movements
 * follow agenda order, and withdrawal for a declared interest affects that item only.
 */
import { describe, expect, it } from 'vitest';
import { describeQuorum, eligibleVoters, isInRoomAt, quorumAt } from '../../main/domain/attendance';
import { applyMeetingChange, type MeetingChange } from '../../main/domain/changes';
import { createCommittee, type Committee, type MemberRole } from '../../main/domain/committee';
import { createAgendaItem, createMeeting, type Attendee, type Meeting } from '../../main/domain/meeting';
import { createMeetingForCommittee } from '../../main/domain/meetingSetup';

const NOW = new Date('2022-11-08T10:00:00Z');

function committeeOf(count: number, extra: Partial<Committee> = {}, roles: MemberRole[] = []): Committee {
  const committee = createCommittee('Children’s Scrutiny Panel');
  const members = Array.from({ length: count }, (_, index) => ({
    id: `member-${index + 1}`,
    name: `Member ${index + 1}`,
    displayName: `Councillor Member ${index + 1}`,
    role: roles[index] ?? ('member' as MemberRole),
  }));
  return { ...committee, members, ...extra };
}

function meetingFor(committee: Committee): Meeting {
  const meeting = createMeetingForCommittee({ committee: committee.name, title: '', date: '2022-11-08', startTime: '10:00', venue: '' }, committee, NOW);
  // Four items after the three standard ones, so there is room to arrive and leave.
  return ['Item A', 'Item B', 'Item C', 'Item D'].reduce(
    (current, title, index) =>
      applyMeetingChange(
        current,
        {
          kind: 'item.add',
          index: 3 + index,
          item: {
            id: `item-${title.slice(-1).toLowerCase()}-x`,
            title,
            background: '',
            minutes: [],
            role: 'standard',
            minutesEditedByHand: false,
            exempt: false,
            publicSummary: '',
          },
        },
        NOW,
      ),
    meeting,
  );
}

function apply(meeting: Meeting, ...changes: MeetingChange[]): Meeting {
  return changes.reduce((current, change) => applyMeetingChange(current, change, NOW), meeting);
}

function attendee(meeting: Meeting, displayName: string): Attendee {
  const found = meeting.attendees.find((each) => each.displayName === displayName);
  if (!found) throw new Error(`no ${displayName}`);
  return found;
}

function withStatus(meeting: Meeting, displayName: string, status: Attendee['status']): Meeting {
  return apply(meeting, { kind: 'entity.put', collection: 'attendees', entity: { ...attendee(meeting, displayName), status } });
}

const itemA = 'item-a-x';
const itemB = 'item-b-x';
const itemC = 'item-c-x';
const itemD = 'item-d-x';

describe('the quorum', () => {
  it('needs a fraction of the voting members, rounded up; non-voting co-optees do not count', () => {
    // 10 voting members and one non-voting co-optee: one third of 10 is 3.33, so 4 are needed.
    const roles: MemberRole[] = ['chair', 'vice-chair', ...Array<MemberRole>(8).fill('member'), 'co-opted-non-voting'];
    let meeting = meetingFor(committeeOf(11, { quorum: { kind: 'fraction', numerator: 1, denominator: 3 } }, roles));
    expect(quorumAt(meeting, itemA)).toMatchObject({ present: 10, needed: 4, quorate: true });
    for (const n of [1, 2, 3, 4, 5, 6]) meeting = withStatus(meeting, `Councillor Member ${n}`, 'apologies');
    expect(quorumAt(meeting, itemA)).toMatchObject({ present: 4, needed: 4, quorate: true });
    meeting = withStatus(meeting, 'Councillor Member 7', 'absent');
    expect(quorumAt(meeting, itemA)).toMatchObject({ present: 3, needed: 4, quorate: false });
    expect(describeQuorum(quorumAt(meeting, itemA))).toBe('Not quorate: 3 voting members present, 4 needed');
  });

  it('rounds only when the fraction does not divide exactly: half of 8 is 4, half of 9 is 5', () => {
    const half = { quorum: { kind: 'fraction', numerator: 1, denominator: 2 } } as const;
    expect(quorumAt(meetingFor(committeeOf(8, half)), itemA).needed).toBe(4);
    expect(quorumAt(meetingFor(committeeOf(9, half)), itemA).needed).toBe(5);
  });

  it('counts a substitute instead of the member, without making the committee larger', () => {
    let meeting = meetingFor(committeeOf(6, { quorum: { kind: 'count', count: 6 } }));
    const member = attendee(meeting, 'Councillor Member 2');
    meeting = apply(
      meeting,
      { kind: 'entity.put', collection: 'attendees', entity: { ...member, status: 'substituted' } },
      {
        kind: 'entity.put',
        collection: 'attendees',
        entity: {
          id: 'substitute-1',
          name: 'Sam Sub',
          displayName: 'Councillor Sam Sub',
          category: 'member',
          role: 'substitute',
          substituteFor: member.id,
          status: 'present',
        },
      },
    );
    expect(quorumAt(meeting, itemA)).toMatchObject({ present: 6, needed: 6, quorate: true });
    expect(eligibleVoters(meeting, itemA).map((each) => each.displayName)).toContain('Councillor Sam Sub');
    expect(eligibleVoters(meeting, itemA).map((each) => each.displayName)).not.toContain('Councillor Member 2');
    const fraction = apply(meeting, { kind: 'meeting.update', fields: { quorum: { kind: 'fraction', numerator: 1, denominator: 2 } } });
    expect(quorumAt(fraction, itemA).needed).toBe(3);
  });

  it('counts remote members only when the committee allows it', () => {
    let meeting = meetingFor(committeeOf(4, { quorum: { kind: 'count', count: 4 } }));
    meeting = withStatus(meeting, 'Councillor Member 4', 'remote');
    expect(quorumAt(meeting, itemA)).toMatchObject({ present: 3, needed: 4, quorate: false });
    meeting = apply(meeting, { kind: 'meeting.update', fields: { remoteMembersCount: true } });
    expect(quorumAt(meeting, itemA)).toMatchObject({ present: 4, needed: 4, quorate: true });
  });
});

describe('who is in the room', () => {
  it('counts a late arrival from the item they arrived in, in agenda order', () => {
    let meeting = meetingFor(committeeOf(3, { quorum: { kind: 'count', count: 3 } }));
    const late = attendee(meeting, 'Councillor Member 3');
    meeting = apply(meeting, {
      kind: 'entity.put',
      collection: 'movements',
      entity: { id: 'move-1', attendeeId: late.id, kind: 'arrived', time: '10:17', itemId: itemB },
    });
    expect(isInRoomAt(meeting, late, itemA)).toBe(false);
    expect(isInRoomAt(meeting, late, itemB)).toBe(true);
    expect(isInRoomAt(meeting, late, itemD)).toBe(true);
    expect(quorumAt(meeting, itemA).quorate).toBe(false);
    expect(quorumAt(meeting, itemB).quorate).toBe(true);

    // Item B taken after item D: agenda order, not the clock, decides.
    meeting = apply(meeting, { kind: 'item.move', itemId: itemB, toIndex: 6 });
    expect(isInRoomAt(meeting, late, itemD)).toBe(false);
    expect(isInRoomAt(meeting, late, itemB)).toBe(true);
  });

  it('stops counting someone from the item they left in, and again after they return', () => {
    let meeting = meetingFor(committeeOf(3));
    const leaver = attendee(meeting, 'Councillor Member 1');
    meeting = apply(
      meeting,
      { kind: 'entity.put', collection: 'movements', entity: { id: 'move-1', attendeeId: leaver.id, kind: 'left', time: '11:02', itemId: itemB } },
      { kind: 'entity.put', collection: 'movements', entity: { id: 'move-2', attendeeId: leaver.id, kind: 'arrived', time: '11:40', itemId: itemD } },
    );
    expect([itemA, itemB, itemC, itemD].map((item) => isInRoomAt(meeting, leaver, item))).toEqual([true, false, false, true]);
  });

  it('excludes a member who withdrew for a declared interest from that item only', () => {
    let meeting = meetingFor(committeeOf(4, { quorum: { kind: 'count', count: 4 } }));
    const declarer = attendee(meeting, 'Councillor Member 2');
    meeting = apply(meeting, {
      kind: 'entity.put',
      collection: 'declarations',
      entity: {
        id: 'declaration-1',
        itemId: itemC,
        attendeeId: declarer.id,
        kind: 'disclosable-pecuniary',
        nature: 'Owns land next to the site',
        withdrew: true,
      },
    });
    expect(quorumAt(meeting, itemB)).toMatchObject({ present: 4, needed: 4, quorate: true });
    expect(quorumAt(meeting, itemC)).toMatchObject({ present: 3, needed: 4, quorate: false });
    expect(quorumAt(meeting, itemD)).toMatchObject({ present: 4, needed: 4, quorate: true });
    expect(eligibleVoters(meeting, itemC).map((each) => each.id)).not.toContain(declarer.id);

    const stayed = apply(meeting, {
      kind: 'entity.put',
      collection: 'declarations',
      entity: { id: 'declaration-1', itemId: itemC, attendeeId: declarer.id, kind: 'non-registrable', nature: '', withdrew: false },
    });
    expect(quorumAt(stayed, itemC).quorate).toBe(true);
  });
});

describe('a meeting without a roster', () => {
  it('does not claim to be inquorate when there is no one to count', () => {
    const item = createAgendaItem('Apologies');
    const meeting = {
      ...createMeeting({ committee: 'Ad hoc working group', title: '', date: '2026-11-10', startTime: '10:00', venue: '' }, new Date()),
      agenda: [item],
    };
    const state = quorumAt(meeting, item.id);
    expect(state.votingRoster).toBe(0);
    expect(describeQuorum(state)).toBe('Quorum not checked: this meeting has no voting members on its roster');
  });
});
