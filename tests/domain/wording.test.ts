/** The standard wording Minute Book writes into the minutes: times, names, apologies, declarations, decisions and votes. */
import { describe, expect, it } from 'vitest';
import { createAgendaItem, createMeeting, type Attendee, type Decision, type Meeting } from '../../main/domain/meeting';
import { shapeOfKind } from '../../main/domain/bodies';
import {
  actionOwnerName,
  apologiesSentences,
  decisionSentence,
  decisionWording,
  declarationSentences,
  formatClockTime,
  joinNames,
  movementSentence,
  namesWithSharedTitle,
  proposalVoteSentence,
  voteProblems,
  voteSentence,
} from '../../main/domain/wording';

function member(id: string, name: string, status: Attendee['status'] = 'present', extra: Partial<Attendee> = {}): Attendee {
  return { id, name, displayName: `Councillor ${name}`, category: 'member', role: 'member', status, ...extra };
}

function meetingWith(attendees: Attendee[], change: (meeting: Meeting) => Meeting = (meeting) => meeting): Meeting {
  const base = createMeeting(
    { committee: 'Scrutiny Panel', title: '', date: '2022-11-08', startTime: '10:00', venue: 'Guildhall' },
    new Date('2022-11-01T09:00:00Z'),
  );
  return change({
    ...base,
    firstMinuteNumber: 64,
    attendees,
    agenda: [
      { ...createAgendaItem('Apologies', 'apologies'), id: 'item-apologies' },
      { ...createAgendaItem('Report'), id: 'item-report' },
    ],
  });
}

function decision(fields: Partial<Decision> = {}): Decision {
  return { id: 'dec-0001', itemId: 'item-report', kind: 'RESOLVED', points: [], ...fields };
}

describe('times', () => {
  it('writes the time as a UK clerk does, with 12 noon and midnight the right way round', () => {
    expect(formatClockTime('10:17')).toBe('10.17 am');
    expect(formatClockTime('09:05')).toBe('9.05 am');
    expect(formatClockTime('12:00')).toBe('12.00 pm');
    expect(formatClockTime('12:59')).toBe('12.59 pm');
    expect(formatClockTime('13:00')).toBe('1.00 pm');
    expect(formatClockTime('00:00')).toBe('12.00 am');
    expect(formatClockTime('00:05')).toBe('12.05 am');
    expect(formatClockTime('11:59')).toBe('11.59 am');
    expect(formatClockTime('23:59')).toBe('11.59 pm');
  });
});

describe('names', () => {
  it('joins names with commas and a final "and"', () => {
    expect(joinNames([])).toBe('');
    expect(joinNames(['A'])).toBe('A');
    expect(joinNames(['A', 'B'])).toBe('A and B');
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C');
  });

  it('shares the title "Councillors" only when every name has it', () => {
    expect(namesWithSharedTitle(['Councillor Liz Hardman'])).toBe('Councillor Liz Hardman');
    expect(namesWithSharedTitle(['Councillor Liz Hardman', 'Councillor Joe Bloggs'])).toBe('Councillors Liz Hardman and Joe Bloggs');
    expect(namesWithSharedTitle(['Councillor A', 'Councillor B', 'Councillor C'])).toBe('Councillors A, B and C');
    expect(namesWithSharedTitle(['Councillor Liz Hardman', 'Mrs Jane Smith'])).toBe('Councillor Liz Hardman and Mrs Jane Smith');
  });
});

describe('apologies', () => {
  it('says there were none when everyone came', () => {
    expect(apologiesSentences(meetingWith([member('a1', 'Liz Hardman')]))).toEqual(['There were no apologies for absence.']);
  });

  it('names apologies, substitutes and remote attendance, and whether remote members voted', () => {
    const attendees = [
      member('a1', 'Liz Hardman', 'apologies'),
      member('a2', 'Joe Bloggs', 'substituted'),
      member('a3', 'Sam Patel', 'present', { role: 'substitute', substituteFor: 'a2' }),
      member('a4', 'Ann Reed', 'remote'),
      { id: 'o1', name: 'Mary Jones', displayName: 'Mary Jones', category: 'officer', status: 'apologies' } satisfies Attendee,
    ];
    expect(apologiesSentences(meetingWith(attendees))).toEqual([
      'Apologies for absence were received from Councillors Liz Hardman and Joe Bloggs.',
      'Councillor Sam Patel attended as a substitute for Councillor Joe Bloggs.',
      'Councillor Ann Reed attended remotely and did not vote.',
    ]);
    expect(apologiesSentences(meetingWith(attendees, (meeting) => ({ ...meeting, remoteMembersCount: true }))).at(-1)).toBe(
      'Councillor Ann Reed attended remotely.',
    );
  });
});

describe('declarations', () => {
  it('says "There were none." when nobody declared an interest', () => {
    expect(declarationSentences(meetingWith([member('a1', 'Liz Hardman')]))).toEqual(['There were none.']);
  });

  it('gives the member, the kind, the item number, the nature and whether they left', () => {
    const meeting = meetingWith([member('a1', 'Liz Hardman'), member('a2', 'Joe Bloggs')], (each) => ({
      ...each,
      declarations: [
        { id: 'dcl-0001', itemId: 'item-report', attendeeId: 'a1', kind: 'disclosable-pecuniary', nature: 'Owns land next to the site.', withdrew: true },
        { id: 'dcl-0002', itemId: 'item-report', attendeeId: 'a2', kind: 'non-registrable', nature: '', withdrew: false },
      ],
    }));
    expect(declarationSentences(meeting)).toEqual([
      'Councillor Liz Hardman declared a disclosable pecuniary interest in item 65 (Owns land next to the site) and left the meeting for that item.',
      'Councillor Joe Bloggs declared a non-registrable interest in item 65 and remained in the meeting.',
    ]);
  });
});

describe('decisions', () => {
  const meeting = meetingWith([member('a1', 'Liz Hardman'), member('a2', 'Joe Bloggs'), member('a3', 'Sam Patel')]);

  it('writes no points, one point and many points', () => {
    expect(decisionSentence(meeting, decision({ kind: 'NOTED' }))).toBe('NOTED.');
    expect(decisionSentence(meeting, decision({ points: [{ id: 'p1', text: 'the Panel notes the report.' }] }))).toBe(
      'RESOLVED that the Panel notes the report.',
    );
    expect(
      decisionSentence(
        meeting,
        decision({
          kind: 'RECOMMENDED',
          points: [
            { id: 'p1', text: 'the strategy be approved;' },
            { id: 'p2', text: '  ' },
            { id: 'p3', text: 'progress be reported in March.' },
          ],
        }),
      ),
    ).toBe('RECOMMENDED that: (1) the strategy be approved; (2) progress be reported in March.');
  });

  it('ends the decision with a full stop when the clerk did not type one', () => {
    expect(decisionSentence(meeting, decision({ points: [{ id: 'p1', text: 'the report be noted' }] }))).toBe('RESOLVED that the report be noted.');
    expect(
      decisionSentence(
        meeting,
        decision({
          points: [
            { id: 'p1', text: 'the report be noted;' },
            { id: 'p2', text: 'officers report back in March;' },
          ],
        }),
      ),
    ).toBe('RESOLVED that: (1) the report be noted; (2) officers report back in March.');
  });

  it('names the mover and the seconder', () => {
    const points = [{ id: 'p1', text: 'the report be noted.' }];
    expect(decisionSentence(meeting, decision({ points, moverId: 'a1' }))).toBe(
      'It was moved by Councillor Liz Hardman and RESOLVED that the report be noted.',
    );
    expect(decisionSentence(meeting, decision({ points, moverId: 'a1', seconderId: 'a2' }))).toBe(
      'It was moved by Councillor Liz Hardman, seconded by Councillor Joe Bloggs, and RESOLVED that the report be noted.',
    );
  });
});

describe('votes', () => {
  const meeting = meetingWith([member('a1', 'Liz Hardman'), member('a2', 'Joe Bloggs'), member('a3', 'Sam Patel')]);

  it('has no vote sentence without a vote', () => {
    expect(voteSentence(meeting, decision())).toBeUndefined();
  });

  it('writes unanimous, counted and recorded votes, carried or lost', () => {
    expect(voteSentence(meeting, decision({ vote: { kind: 'unanimous' } }))).toBe('On being put to the vote the motion was CARRIED unanimously.');
    expect(voteSentence(meeting, decision({ vote: { kind: 'counted', for: 2, against: 1, abstentions: 0 } }))).toBe(
      'On being put to the vote the motion was CARRIED (For 2, Against 1, Abstentions 0).',
    );
    expect(voteSentence(meeting, decision({ vote: { kind: 'counted', for: 1, against: 1, abstentions: 1 } }))).toBe(
      'On being put to the vote the motion was LOST (For 1, Against 1, Abstentions 1).',
    );
    expect(voteSentence(meeting, decision({ vote: { kind: 'recorded', for: ['a1'], against: ['a2', 'a3'], abstain: [] } }))).toBe(
      'A recorded vote was taken. For: Councillor Liz Hardman. Against: Councillors Joe Bloggs and Sam Patel. Abstained: none. The motion was LOST.',
    );
  });

  it('finds nothing wrong with a vote within the eligible members', () => {
    expect(voteProblems(meeting, decision({ vote: { kind: 'unanimous' } }))).toEqual([]);
    expect(voteProblems(meeting, decision({ vote: { kind: 'counted', for: 2, against: 1, abstentions: 0 } }))).toEqual([]);
    expect(voteProblems(meeting, decision())).toEqual([]);
  });

  it('warns when more votes are cast than members may vote, counting a withdrawal for the item', () => {
    expect(voteProblems(meeting, decision({ vote: { kind: 'counted', for: 3, against: 1, abstentions: 0 } }))).toEqual([
      '4 votes were recorded but only 3 members are eligible to vote on this item.',
    ]);
    const withdrawn: Meeting = {
      ...meeting,
      declarations: [{ id: 'dcl-0001', itemId: 'item-report', attendeeId: 'a1', kind: 'disclosable-pecuniary', nature: '', withdrew: true }],
    };
    expect(voteProblems(withdrawn, decision({ vote: { kind: 'counted', for: 2, against: 1, abstentions: 0 } }))).toEqual([
      '3 votes were recorded but only 2 members are eligible to vote on this item.',
    ]);
  });

  it('warns about a recorded vote by someone not eligible, or listed twice', () => {
    const withdrawn: Meeting = {
      ...meeting,
      declarations: [{ id: 'dcl-0001', itemId: 'item-report', attendeeId: 'a1', kind: 'disclosable-pecuniary', nature: '', withdrew: true }],
    };
    expect(voteProblems(withdrawn, decision({ vote: { kind: 'recorded', for: ['a1'], against: ['a2'], abstain: [] } }))).toEqual([
      'The votes are equal: record the Chair’s casting vote, or the motion falls.',
      'Councillor Liz Hardman may not vote on this item.',
    ]);
    expect(voteProblems(meeting, decision({ vote: { kind: 'recorded', for: ['a2'], against: ['a2'], abstain: [] } }))).toEqual([
      'The votes are equal: record the Chair’s casting vote, or the motion falls.',
      'Someone is listed under more than one way of voting.',
    ]);
  });
});

describe('a tied vote', () => {
  it('is decided by the Chair’s casting vote, and the clerk is asked for it', async () => {
    const { voteOutcome, isTied } = await import('../../main/domain/wording');
    const tied = { kind: 'counted' as const, for: 4, against: 4, abstentions: 1 };
    expect(isTied(tied, 9)).toBe(true);
    expect(voteOutcome(tied, 9)).toBe('LOST');
    expect(voteOutcome({ ...tied, castingVote: 'for' }, 9)).toBe('CARRIED');
    expect(voteOutcome({ ...tied, castingVote: 'against' }, 9)).toBe('LOST');
  });
});

describe('wording for each kind of body', () => {
  const governor = (id: string, name: string, status: Attendee['status'] = 'present'): Attendee => ({
    id,
    name,
    displayName: name,
    category: 'member',
    role: 'member',
    status,
  });
  const school = shapeOfKind('school-maintained');
  const nhs = shapeOfKind('nhs-trust-board');
  const council = shapeOfKind('principal-council');
  const other = shapeOfKind('other-board');
  const governors = meetingWith([governor('g1', 'Claire Wood'), governor('g2', 'Raj Mistry'), governor('g3', 'Ben Ola', 'apologies')]);
  const councillors = meetingWith([member('a1', 'Liz Hardman'), member('a2', 'Joe Bloggs'), member('a3', 'Sam Patel')]);
  const points = [
    { id: 'p1', text: 'That the budget be approved' },
    { id: 'p2', text: 'that the Headteacher reports back in March' },
  ];

  it('shares the member title the body uses, and none when it has none', () => {
    expect(namesWithSharedTitle(['Governor A', 'Governor B'], 'Governor')).toBe('Governors A and B');
    expect(namesWithSharedTitle(['Claire Wood', 'Raj Mistry'], '')).toBe('Claire Wood and Raj Mistry');
    expect(namesWithSharedTitle(['Councillor A', 'Councillor B'], '')).toBe('Councillor A and Councillor B');
    expect(apologiesSentences(governors, school)).toEqual(['Apologies for absence were received from Ben Ola.']);
  });

  it('tells consented apologies from those not consented where the body records it', () => {
    const meeting = meetingWith([
      { ...governor('g1', 'Claire Wood', 'apologies'), apologiesConsented: true },
      { ...governor('g2', 'Raj Mistry', 'apologies'), apologiesConsented: false },
      { ...governor('g3', 'Ben Ola', 'apologies'), apologiesConsented: true },
    ]);
    expect(apologiesSentences(meeting, school)).toEqual([
      'Apologies for absence from Claire Wood and Ben Ola were received and consented.',
      'Apologies for absence from Raj Mistry were received but not consented.',
    ]);
  });

  it('refers to minutes as the house style numbers them: "in minute FGB/19/26", "during minute …"; councils keep "item"', () => {
    const meeting = {
      ...governors,
      date: '2019-03-12',
      firstMinuteNumber: 25,
      declarations: [{ id: 'dcl-0001', itemId: 'item-report', attendeeId: 'g1', kind: 'non-registrable' as const, nature: '', withdrew: false }],
    };
    expect(declarationSentences(meeting, { shape: school, minuteNumberPattern: 'FGB/{yy}/{n}' })).toEqual([
      'Claire Wood declared a non-registrable interest in minute FGB/19/26 and remained in the meeting.',
    ]);
    const movement = { id: 'mov-0001', attendeeId: 'g2', kind: 'left' as const, time: '19:05', itemId: 'item-report' };
    expect(movementSentence(meeting, movement, '10.00 am', { shape: school, minuteNumberPattern: 'FGB/{yy}/{n}.' })).toBe(
      'Raj Mistry left the meeting at 7.05 pm during minute FGB/19/26.',
    );
    expect(movementSentence(meeting, movement, '10.00 am', { shape: council, minuteNumberPattern: 'PDS/{yy}/{n}' })).toBe(
      'Raj Mistry left the meeting at 7.05 pm during item PDS/19/26.',
    );
  });

  it('does not double a "That" the clerk typed, in either layout', () => {
    expect(decisionSentence(councillors, decision({ points: [{ id: 'p1', text: 'That the report be noted' }] }))).toBe('RESOLVED that the report be noted.');
    expect(decisionWording(councillors, decision({ points }), { ...council, decisionLayout: 'numbered-points' })).toEqual({
      lead: 'RESOLVED:',
      points: ['That the budget be approved;', 'That the Headteacher reports back in March.'],
    });
    expect(decisionWording(councillors, decision({ points }), council)).toEqual({
      lead: 'RESOLVED that: (1) the budget be approved (2) the Headteacher reports back in March.',
      points: [],
    });
  });

  it('prints the verbs the house style sets', () => {
    const verbs = { ...council.decisionVerbs, AGREED: 'AGREED by the Board' };
    expect(decisionWording(councillors, decision({ kind: 'AGREED', points: [points[0]!] }), { ...council, decisionVerbs: verbs }).lead).toBe(
      'AGREED by the Board that the budget be approved.',
    );
    expect(decisionWording(councillors, decision({ kind: 'NOTED' }), nhs).lead).toBe('NOTED.');
  });

  it('never prints a motion that falls under RESOLVED', () => {
    const lost = decisionWording(
      councillors,
      decision({ points: [{ id: 'p1', text: 'the scheme be approved' }], vote: { kind: 'counted', for: 3, against: 5, abstentions: 1 } }),
      council,
    );
    expect(lost).toEqual({ lead: 'The motion that the scheme be approved was put to the vote and was LOST (For 3, Against 5, Abstentions 1).', points: [] });
    expect(lost.lead).not.toContain('RESOLVED');
    const moved = decisionWording(
      councillors,
      decision({
        points: [{ id: 'p1', text: 'the scheme be approved' }],
        moverId: 'a1',
        seconderId: 'a2',
        vote: { kind: 'counted', for: 1, against: 2, abstentions: 0 },
      }),
      council,
    );
    expect(moved.lead).toBe(
      'The motion that the scheme be approved, moved by Councillor Liz Hardman and seconded by Councillor Joe Bloggs, was put to the vote and was LOST (For 1, Against 2, Abstentions 0).',
    );
    expect(decisionWording(councillors, decision({ points: [points[0]!], vote: { kind: 'counted', for: 2, against: 1, abstentions: 0 } }), council)).toEqual({
      lead: 'RESOLVED that the budget be approved.',
      points: [],
      vote: 'On being put to the vote the motion was CARRIED (For 2, Against 1, Abstentions 0).',
    });
  });

  it('words votes of governors and boards without motions', () => {
    const carried = decisionWording(governors, decision({ points: [points[0]!], vote: { kind: 'counted', for: 6, against: 1, abstentions: 0 } }), school);
    expect(carried).toEqual({
      lead: 'RESOLVED that the budget be approved.',
      points: [],
      vote: 'Governors voted on the proposal: For 6, Against 1, Abstentions 0; it was agreed.',
    });
    const notAgreed = decisionWording(governors, decision({ points: [points[0]!], vote: { kind: 'counted', for: 1, against: 6, abstentions: 0 } }), school);
    expect(notAgreed).toEqual({
      lead: 'Governors voted on the proposal that the budget be approved: For 1, Against 6, Abstentions 0; it was not agreed.',
      points: [],
    });
    expect(proposalVoteSentence(governors, decision({ vote: { kind: 'unanimous' } }), nhs)).toBe('The Board voted on the proposal and agreed it unanimously.');
    expect(proposalVoteSentence(governors, decision({ vote: { kind: 'counted', for: 4, against: 2, abstentions: 1 } }), other)).toBe(
      'Members voted on the proposal: For 4, Against 2, Abstentions 1; it was agreed.',
    );
    expect(proposalVoteSentence(governors, decision({ vote: { kind: 'recorded', for: ['g1'], against: ['g2'], abstain: [] } }), school)).toBe(
      'A recorded vote was taken on the proposal. For: Claire Wood. Against: Raj Mistry. Abstained: none. It was not agreed.',
    );
    for (const shape of [school, nhs, other]) {
      const wording = decisionWording(governors, decision({ points, vote: { kind: 'counted', for: 5, against: 1, abstentions: 0 } }), shape);
      expect(`${wording.lead} ${wording.points.join(' ')} ${wording.vote ?? ''}`).not.toMatch(/motion/i);
    }
  });
});

describe('wording the review of the three bodies found wrong', () => {
  const person = (id: string, name: string, initials: string): Attendee => ({
    id,
    name,
    displayName: name,
    initials,
    category: 'member',
    role: 'member',
    status: 'present',
  });
  const school = shapeOfKind('school-maintained');
  const nhs = shapeOfKind('nhs-trust-board');
  const council = shapeOfKind('principal-council');
  const people = meetingWith([person('g1', 'Catherine Wellbeloved', 'CW'), person('g2', 'Sunita Patel', 'SP')]);
  const councillors = meetingWith([member('a1', 'Liz Hardman'), member('a2', 'Joe Bloggs')]);

  it('does not put "NOTED that" before a point the clerk typed as a whole sentence, for each kind', () => {
    const noted = (text: string) => decision({ kind: 'NOTED', points: [{ id: 'p1', text }] });
    expect(decisionWording(people, noted('The Board noted the Month 7 performance'), nhs).lead).toBe('NOTED: The Board noted the Month 7 performance.');
    expect(decisionWording(people, noted('Governors noted the report'), school).lead).toBe('NOTED: Governors noted the report.');
    expect(decisionWording(people, decision({ kind: 'AGREED', points: [{ id: 'p1', text: 'Governors agreed the policy' }] }), school).lead).toBe(
      'AGREED: Governors agreed the policy.',
    );
    expect(decisionWording(councillors, noted('Members noted the update'), council).lead).toBe('NOTED: Members noted the update.');
    expect(decisionWording(councillors, noted('the report'), council).lead).toBe('NOTED that the report.');
    const both = decisionWording(
      people,
      decision({
        kind: 'NOTED',
        points: [
          { id: 'p1', text: 'The Board noted A' },
          { id: 'p2', text: 'The Board noted B' },
        ],
      }),
      {
        ...nhs,
        decisionLayout: 'numbered-points',
      },
    );
    expect(both.points).toEqual(['The Board noted A;', 'The Board noted B.']);
  });

  it('has boards and governors propose, not move, and councils still move', () => {
    const proposed = decision({ kind: 'AGREED', moverId: 'g1', seconderId: 'g2', points: [{ id: 'p1', text: 'the budget be approved' }] });
    expect(decisionWording(people, proposed, school).lead).toBe('Proposed by CW, seconded by SP, and AGREED that the budget be approved.');
    expect(decisionWording(people, proposed, nhs).lead).toBe(
      'Proposed by Catherine Wellbeloved, seconded by Sunita Patel, and AGREED that the budget be approved.',
    );
    expect(decisionWording(councillors, { ...proposed, moverId: 'a1', seconderId: 'a2' }, council).lead).toMatch(/^It was moved by Councillor Liz Hardman/);
  });

  it('names a school’s governors by their initials in declarations, movements and actions', () => {
    const meeting = {
      ...people,
      declarations: [{ id: 'dcl-0001', itemId: 'item-report', attendeeId: 'g1', kind: 'non-registrable' as const, nature: '', withdrew: false }],
    };
    expect(declarationSentences(meeting, { shape: school, minuteNumberPattern: '{n}' })[0]).toMatch(/^CW declared/);
    expect(declarationSentences(meeting, { shape: nhs, minuteNumberPattern: '{n}' })[0]).toMatch(/^Catherine Wellbeloved declared/);
    const movement = { id: 'mov-0001', attendeeId: 'g2', kind: 'arrived' as const, time: '18:25', itemId: 'item-report' };
    expect(movementSentence(meeting, movement, '10.00 am', { shape: school, minuteNumberPattern: '{n}' })).toMatch(/^SP arrived at 6.25 pm/);
    const action = { id: 'act-1', itemId: 'item-report', text: 'Circulate', ownerAttendeeId: 'g2', ownerName: '', status: 'open' as const };
    expect(actionOwnerName(meeting, action as never, school)).toBe('SP');
    expect(actionOwnerName(meeting, action as never, nhs)).toBe('Sunita Patel');
  });

  it('with no motion moved, a unanimous council vote reads "This was agreed unanimously."', () => {
    const agreed = decisionWording(
      councillors,
      decision({ kind: 'AGREED', points: [{ id: 'p1', text: 'the plan be approved' }], vote: { kind: 'unanimous' } }),
      council,
    );
    expect(agreed.vote).toBe('This was agreed unanimously.');
    const moved = decisionWording(
      councillors,
      decision({ moverId: 'a1', points: [{ id: 'p1', text: 'the plan be approved' }], vote: { kind: 'unanimous' } }),
      council,
    );
    expect(moved.vote).toBe('On being put to the vote the motion was CARRIED unanimously.');
  });
});
