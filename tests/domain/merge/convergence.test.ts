/**
 * Two clerks, two computers, one meeting: both computers write the same file, and no word typed
 * on either is lost, in a worked example and over random editing sessions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMeetingChange, type MeetingChange } from '../../../main/domain/changes';
import { Meeting } from '../../../main/domain/meeting';
import { mergeMeetings } from '../../../main/domain/merge';
import { at, attendanceSet, base, edit, item, janeSaves, member, para, tomSaves, withParagraph } from './startingMeeting';

describe('two computers merging each other’s versions write the same file', () => {
  it('is byte for byte the same whichever computer merges, conflicts, authors and order included', () => {
    const jane = edit(
      base,
      janeSaves,
      withParagraph(base, 'item0064', 'para0642', 'Councillor Hardman asked about waiting times for assessments.'),
      { kind: 'item.add', item: item('itemJane1', 'Petition'), index: 1 },
      attendanceSet('att00002', 'Councillor Joe Bloggs', 'remote'),
    );
    const tom = edit(
      base,
      tomSaves,
      withParagraph(base, 'item0064', 'para0642', 'Cllr Hardman asked about waiting times.'),
      { kind: 'item.add', item: item('itemTom01', 'Ofsted'), index: 1 },
      { kind: 'item.move', itemId: 'item0065', toIndex: 0 },
      attendanceSet('att00002', 'Councillor Joe Bloggs', 'apologies'),
    );
    const onJanes = mergeMeetings(base, jane, tom, { mineAuthor: 'Jane Smith', theirsAuthor: 'Tom Jones' });
    const onToms = mergeMeetings(base, tom, jane, { mineAuthor: 'Tom Jones', theirsAuthor: 'Jane Smith' });
    expect(JSON.stringify(onToms.meeting)).toBe(JSON.stringify(onJanes.meeting));
    expect(onJanes.meeting.conflicts).toHaveLength(2);
    // What differs is only what each computer is told.
    expect(onToms.conflicts).toEqual(onJanes.conflicts);
    // Jane's takes Tom's new item and his move; Tom's takes Jane's new item.
    expect([onJanes.automatic, onToms.automatic]).toEqual([2, 1]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over random editing sessions on two computers.

type Op = { op: (typeof OPS)[number]; a: number; b: number; c: number };
const OPS = [
  'appendToParagraph',
  'replaceParagraph',
  'insertParagraph',
  'deleteParagraph',
  'makeBullet',
  'moveParagraph',
  'addItem',
  'deleteItem',
  'moveItem',
  'retitleItem',
  'setVenue',
  'setAttendance',
  'addAttendee',
  'removeAttendee',
  'recordArrival',
  'addAction',
  'editAction',
  'removeAction',
  'rewordPoint',
  'setVote',
  'declare',
  'typeInApologies',
  'resolveConflict',
] as const;

/** Paragraph edits are what two clerks most often collide on, so they come up more often. */
const opArbitrary: fc.Arbitrary<Op> = fc.record({
  op: fc.oneof(
    { arbitrary: fc.constantFrom<Op['op']>('appendToParagraph', 'replaceParagraph', 'insertParagraph', 'deleteParagraph'), weight: 2 },
    { arbitrary: fc.constantFrom(...OPS), weight: 3 },
  ),
  a: fc.nat(30),
  b: fc.nat(30),
  c: fc.nat(5),
});

/** Turns a random operation into the change a clerk's screen would send; each adds a unique marker. */
function clerkChange(meeting: Meeting, { op, a, b, c }: Op, marker: string, serial: string): MeetingChange | undefined {
  const pick = <T>(list: readonly T[], index: number) => (list.length > 0 ? list[index % list.length] : undefined);
  const target = pick(meeting.agenda, a);
  const blocks = target?.minutes ?? [];
  const block = pick(blocks, b);
  const person = pick(meeting.attendees, b);
  const onAgenda = (each: { itemId: string }) => meeting.agenda.some((agendaItem) => agendaItem.id === each.itemId);
  switch (op) {
    case 'appendToParagraph':
      return (
        target &&
        block && {
          kind: 'item.minutes',
          itemId: target.id,
          minutes: blocks.map((each) => (each === block ? { ...each, runs: [...each.runs, { text: ` ${marker}` }] } : each)),
        }
      );
    case 'replaceParagraph':
      return target && block && { kind: 'item.minutes', itemId: target.id, minutes: blocks.map((each) => (each === block ? para(each.id, marker) : each)) };
    case 'insertParagraph': {
      if (!target) return undefined;
      const minutes = blocks.slice();
      minutes.splice(b % (blocks.length + 1), 0, para(`p${serial}`, marker));
      return { kind: 'item.minutes', itemId: target.id, minutes };
    }
    case 'deleteParagraph':
      return target && block && { kind: 'item.minutes', itemId: target.id, minutes: blocks.filter((each) => each !== block) };
    case 'makeBullet':
      return (
        target &&
        block && { kind: 'item.minutes', itemId: target.id, minutes: blocks.map((each) => (each === block ? { ...each, type: 'bullet' as const } : each)) }
      );
    case 'moveParagraph': {
      if (!target || !block) return undefined;
      const minutes = blocks.filter((each) => each !== block);
      minutes.splice(c % (minutes.length + 1), 0, block);
      return { kind: 'item.minutes', itemId: target.id, minutes };
    }
    case 'addItem':
      return {
        kind: 'item.add',
        item: item(`i${serial}`, `Item ${marker}`, b % 2 ? [para(`q${serial}`, `Notes ${marker}`)] : []),
        index: a % (meeting.agenda.length + 1),
      };
    case 'deleteItem':
      return target && { kind: 'item.delete', itemId: target.id };
    case 'moveItem':
      return target && { kind: 'item.move', itemId: target.id, toIndex: b % meeting.agenda.length };
    case 'retitleItem':
      return target && { kind: 'item.update', itemId: target.id, fields: { title: `${target.title.slice(0, 40)} ${marker}` } };
    case 'setVenue':
      return { kind: 'meeting.update', fields: { venue: `Room ${marker}` } };
    case 'setAttendance':
      return (
        person && {
          kind: 'entity.put',
          collection: 'attendees',
          entity: { ...person, status: (['present', 'apologies', 'absent', 'remote'] as const)[c % 4]! },
        }
      );
    case 'addAttendee':
      return { kind: 'entity.put', collection: 'attendees', entity: member(`a${serial}`, `Councillor ${marker}`) };
    case 'removeAttendee':
      return person && { kind: 'entity.remove', collection: 'attendees', id: person.id };
    case 'recordArrival':
      return (
        person &&
        target && {
          kind: 'entity.put',
          collection: 'movements',
          entity: { id: `m${serial}`, attendeeId: person.id, kind: 'arrived', time: `1${c}:0${c}`, itemId: target.id },
        }
      );
    case 'addAction':
      return (
        target && {
          kind: 'entity.put',
          collection: 'actions',
          entity: { id: `x${serial}`, itemId: target.id, text: `Do ${marker}`, ownerName: '', status: 'open' },
        }
      );
    case 'editAction': {
      const existing = pick(meeting.actions.filter(onAgenda), b);
      return existing && { kind: 'entity.put', collection: 'actions', entity: { ...existing, text: `${existing.text.slice(0, 60)} ${marker}` } };
    }
    case 'removeAction': {
      const existing = pick(meeting.actions.filter(onAgenda), b);
      return existing && { kind: 'entity.remove', collection: 'actions', id: existing.id };
    }
    case 'rewordPoint': {
      const existing = pick(meeting.decisions.filter(onAgenda), 0);
      const point = existing && pick(existing.points, b);
      return (
        existing &&
        point && {
          kind: 'entity.put',
          collection: 'decisions',
          entity: { ...existing, points: existing.points.map((each) => (each === point ? { ...each, text: `${each.text.slice(0, 60)} ${marker}` } : each)) },
        }
      );
    }
    case 'setVote': {
      const existing = pick(meeting.decisions.filter(onAgenda), 0);
      return (
        existing && { kind: 'entity.put', collection: 'decisions', entity: { ...existing, vote: { kind: 'counted', for: a, against: b, abstentions: c } } }
      );
    }
    case 'declare':
      return (
        person &&
        target && {
          kind: 'entity.put',
          collection: 'declarations',
          entity: {
            id: `d${serial}`,
            itemId: target.id,
            attendeeId: person.id,
            kind: 'other-registrable',
            nature: `Governor ${marker}`,
            withdrew: c % 2 === 0,
          },
        }
      );
    case 'typeInApologies': {
      const apologies = meeting.agenda.find((each) => each.role === 'apologies');
      return apologies && { kind: 'item.minutes', itemId: apologies.id, minutes: [...apologies.minutes, para(`t${serial}`, `Also ${marker}`)] };
    }
    case 'resolveConflict': {
      const conflict = pick(meeting.conflicts, a);
      return conflict && { kind: 'conflict.resolve', conflictId: conflict.id, resolution: (['kept', 'other'] as const)[c % 2]! };
    }
  }
}

function session(start: Meeting, ops: readonly Op[], side: string, when: Date): Meeting {
  let meeting = start;
  ops.forEach((op, index) => {
    const change = clerkChange(meeting, op, `⟦${side}${index}⟧`, `${side}${index}${start.updatedAt.replace(/\D/g, '').slice(-6)}`);
    if (change) meeting = applyMeetingChange(meeting, change, when);
  });
  return meeting;
}

/** What the clerk can see: details, the agenda, the record for items on it, and flagged conflicts. */
function visibleText(meeting: Meeting): string {
  const onAgenda = new Set(meeting.agenda.map((each) => each.id));
  const { agenda, attendees, conflicts, movements: _m, declarations, decisions, actions, ...details } = meeting;
  return JSON.stringify([
    details,
    agenda,
    attendees,
    declarations.filter((each) => onAgenda.has(each.itemId)),
    decisions.filter((each) => onAgenda.has(each.itemId)),
    actions.filter((each) => onAgenda.has(each.itemId)),
    conflicts,
  ]);
}

function markers(meeting: Meeting): string[] {
  return visibleText(meeting).match(/⟦[A-Z]\d+⟧/g) ?? [];
}

/** Markers a side added since the version the merge starts from: the ones that must not be lost. */
function added(since: Meeting, ...sides: Meeting[]): string[] {
  const before = new Set(JSON.stringify(since).match(/⟦[A-Z]\d+⟧/g));
  return sides.flatMap(markers).filter((marker) => !before.has(marker));
}

const sessions = fc.record({
  shared: fc.array(opArbitrary, { maxLength: 8 }),
  a: fc.array(opArbitrary, { maxLength: 12 }),
  b: fc.array(opArbitrary, { maxLength: 12 }),
  sameSaveTime: fc.boolean(),
});

function play({ shared, a, b, sameSaveTime }: { shared: Op[]; a: Op[]; b: Op[]; sameSaveTime: boolean }) {
  const common = session(base, shared, 'S', at);
  const mine = session(common, a, 'A', janeSaves);
  const theirs = session(common, b, 'B', sameSaveTime ? janeSaves : tomSaves);
  return { common, mine, theirs };
}

describe('merging random editing sessions', () => {
  it('loses no word typed on either computer: each is in the merged minutes or in a flagged conflict', () => {
    fc.assert(
      fc.property(sessions, (run) => {
        const { common, mine, theirs } = play(run);
        const merged = mergeMeetings(common, mine, theirs).meeting;
        const text = visibleText(merged);
        for (const marker of added(common, mine, theirs)) expect(text).toContain(marker);
        expect(Meeting.safeParse(merged).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same file on both computers', () => {
    fc.assert(
      fc.property(sessions, (run) => {
        const { common, mine, theirs } = play(run);
        const onMine = mergeMeetings(common, mine, theirs, { mineAuthor: 'Jane', theirsAuthor: 'Tom' }).meeting;
        const onTheirs = mergeMeetings(common, theirs, mine, { mineAuthor: 'Tom', theirsAuthor: 'Jane' }).meeting;
        expect(JSON.stringify(onTheirs)).toBe(JSON.stringify(onMine));
      }),
      { numRuns: 300 },
    );
  });

  it('changes nothing when both computers hold the same version, and fast-forwards when only one changed', () => {
    fc.assert(
      fc.property(sessions, (run) => {
        const { common, mine, theirs } = play(run);
        expect(mergeMeetings(common, mine, mine).meeting).toEqual(mine);
        expect(mergeMeetings(common, common, theirs).meeting).toEqual(theirs);
        expect(mergeMeetings(common, mine, common)).toMatchObject({ meeting: mine, automatic: 0, conflicts: [] });
      }),
      { numRuns: 200 },
    );
  });

  it('loses nothing when one computer kept typing while the other merged', () => {
    fc.assert(
      fc.property(sessions, fc.array(opArbitrary, { maxLength: 8 }), (run, more) => {
        const { common, mine, theirs } = play(run);
        const written = mergeMeetings(common, mine, theirs).meeting;
        const stillTyping = session(theirs, more, 'C', new Date('2026-11-23T10:40:00Z'));
        const next = mergeMeetings(theirs, stillTyping, written).meeting;
        const text = visibleText(next);
        for (const marker of added(theirs, stillTyping, written)) expect(text).toContain(marker);
        // The first computer, which typed nothing more, takes the result as it is.
        expect(mergeMeetings(written, written, next).meeting).toEqual(next);
      }),
      { numRuns: 200 },
    );
  });
});
