/**
 * Two clerks, two computers, one meeting: the three-way merge keeps every word, merges what does
 * not collide, flags what does, and gives both computers the same file.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMeetingChange, ChangeNotApplicable, type MeetingChange } from '../../main/domain/changes';
import {
  createMeeting,
  Meeting,
  minutesText,
  type Action,
  type AgendaItem,
  type Attendee,
  type Decision,
  type MinuteBlock,
  type ParagraphConflict,
} from '../../main/domain/meeting';
import { describeConflict } from '../../main/domain/conflictLabels';
import { mergeMeetings } from '../../main/domain/merge';

const at = new Date('2026-11-23T10:00:00Z');
const janeSaves = new Date('2026-11-23T10:20:00Z');
const tomSaves = new Date('2026-11-23T10:21:00Z');

function para(id: string, text: string, type: MinuteBlock['type'] = 'paragraph'): MinuteBlock {
  return { id, type, runs: [{ text }] };
}

function item(id: string, title: string, minutes: MinuteBlock[] = [], role: AgendaItem['role'] = 'standard'): AgendaItem {
  return { id, title, background: '', minutes, role, minutesEditedByHand: false, exempt: false, publicSummary: '' };
}

function member(id: string, displayName: string): Attendee {
  return { id, name: displayName.replace('Councillor ', ''), displayName, category: 'member', role: 'member', status: 'present' };
}

const decision: Decision = {
  id: 'decision65',
  itemId: 'item0065',
  kind: 'RESOLVED',
  points: [
    { id: 'point001', text: 'to note the report' },
    { id: 'point002', text: 'to ask for a further report in March' },
  ],
  vote: { kind: 'unanimous' },
};

const action: Action = { id: 'action641', itemId: 'item0064', number: 1, text: 'Circulate the dashboard', ownerName: 'Director', status: 'open' };

/** The meeting both clerks start from: minute 63 Apologies, 64 Director's update, 65 Budget. */
function startingMeeting(): Meeting {
  let meeting: Meeting = {
    ...createMeeting({ committee: 'Children, Adults, Health and Wellbeing Panel', title: '', date: '2026-11-23', startTime: '10:00', venue: 'Guildhall' }, at),
    id: 'meet0001',
    firstMinuteNumber: 63,
  };
  const changes: MeetingChange[] = [
    { kind: 'item.add', item: item('item0063', 'Apologies for absence', [], 'apologies'), index: 0 },
    {
      kind: 'item.add',
      item: item('item0064', 'Director’s update', [
        para('para0641', 'The Director introduced the report.'),
        para('para0642', 'Councillor Hardman asked about waiting times.'),
        para('para0643', 'The Panel thanked the Director.'),
      ]),
      index: 1,
    },
    { kind: 'item.add', item: item('item0065', 'Budget monitoring', [para('para0651', 'The Finance Officer presented the figures.')]), index: 2 },
    { kind: 'entity.put', collection: 'attendees', entity: member('att00001', 'Councillor Liz Hardman') },
    { kind: 'entity.put', collection: 'attendees', entity: member('att00002', 'Councillor Joe Bloggs') },
    { kind: 'entity.put', collection: 'attendees', entity: member('att00003', 'Councillor Sarah Moore') },
    { kind: 'entity.put', collection: 'decisions', entity: decision },
    { kind: 'entity.put', collection: 'actions', entity: action },
  ];
  for (const change of changes) meeting = applyMeetingChange(meeting, change, at);
  return meeting;
}

function edit(meeting: Meeting, when: Date, ...changes: MeetingChange[]): Meeting {
  return changes.reduce((current, change) => applyMeetingChange(current, change, when), meeting);
}

function minutesOf(meeting: Meeting, itemId: string): MinuteBlock[] {
  return meeting.agenda.find((each) => each.id === itemId)!.minutes;
}

function withParagraph(meeting: Meeting, itemId: string, blockId: string, text: string): MeetingChange {
  return { kind: 'item.minutes', itemId, minutes: minutesOf(meeting, itemId).map((block) => (block.id === blockId ? para(blockId, text, block.type) : block)) };
}

const base = startingMeeting();

describe('changes to different things merge without asking', () => {
  it('takes Jane’s and Tom’s edits to different paragraphs, details and entries, and counts what came from the other computer', () => {
    const jane = edit(base, janeSaves, withParagraph(base, 'item0064', 'para0641', 'The Director of Children’s Services introduced the report.'));
    const tom = edit(
      base,
      tomSaves,
      withParagraph(base, 'item0064', 'para0643', 'The Panel thanked the Director for a clear report.'),
      { kind: 'meeting.update', fields: { venue: 'Council Chamber, Guildhall' } },
      { kind: 'entity.put', collection: 'actions', entity: { ...action, id: 'action652', itemId: 'item0065', text: 'Report the forecast to Cabinet' } },
    );

    const { meeting, automatic, conflicts } = mergeMeetings(base, jane, tom);

    expect(conflicts).toEqual([]);
    expect(meeting.conflicts).toEqual([]);
    expect(minutesText(minutesOf(meeting, 'item0064'))).toBe(
      'The Director of Children’s Services introduced the report.\nCouncillor Hardman asked about waiting times.\nThe Panel thanked the Director for a clear report.',
    );
    expect(meeting.venue).toBe('Council Chamber, Guildhall');
    expect(meeting.actions.map((each) => each.text)).toEqual(['Circulate the dashboard', 'Report the forecast to Cabinet']);
    // Tom's paragraph, the venue and the new action.
    expect(automatic).toBe(3);
    // Tom's computer, merging the file Jane's wrote, takes only her paragraph.
    expect(mergeMeetings(base, tom, meeting).automatic).toBe(1);
    expect(meeting.updatedAt).toBe(tomSaves.toISOString());
  });

  it('merges attendance changed for different people, and writes the Apologies item afresh from the merged record', () => {
    const jane = edit(base, janeSaves, {
      kind: 'entity.put',
      collection: 'attendees',
      entity: { ...member('att00001', 'Councillor Liz Hardman'), status: 'apologies' },
    });
    const tom = edit(base, tomSaves, {
      kind: 'entity.put',
      collection: 'attendees',
      entity: { ...member('att00003', 'Councillor Sarah Moore'), status: 'apologies' },
    });
    expect(minutesText(minutesOf(jane, 'item0063'))).toBe('Apologies for absence were received from Councillor Liz Hardman.');

    const { meeting, conflicts } = mergeMeetings(base, jane, tom);

    expect(conflicts).toEqual([]);
    expect(meeting.attendees.map((each) => each.status)).toEqual(['apologies', 'present', 'apologies']);
    expect(minutesText(minutesOf(meeting, 'item0063'))).toBe('Apologies for absence were received from Councillors Liz Hardman and Sarah Moore.');
  });

  it('keeps the text a clerk typed in the Apologies item although the other computer changed the attendance', () => {
    const typed = [para('item0063-g1', 'Apologies were received from Councillor Liz Hardman, who was unwell.')];
    const jane = edit(
      base,
      janeSaves,
      { kind: 'entity.put', collection: 'attendees', entity: { ...member('att00001', 'Councillor Liz Hardman'), status: 'apologies' } },
      { kind: 'item.minutes', itemId: 'item0063', minutes: typed },
    );
    const tom = edit(base, tomSaves, {
      kind: 'entity.put',
      collection: 'attendees',
      entity: { ...member('att00003', 'Councillor Sarah Moore'), status: 'apologies' },
    });

    const { meeting, conflicts } = mergeMeetings(base, jane, tom);

    expect(conflicts).toEqual([]);
    expect(minutesOf(meeting, 'item0063')).toEqual(typed);
    expect(meeting.agenda[0]!.minutesEditedByHand).toBe(true);
  });

  it('applies a move on one computer and an edit of the moved item on the other', () => {
    const jane = edit(base, janeSaves, { kind: 'item.move', itemId: 'item0065', toIndex: 1 });
    const tom = edit(base, tomSaves, { kind: 'item.update', itemId: 'item0065', fields: { title: 'Budget monitoring – quarter 2' } });

    const { meeting, conflicts } = mergeMeetings(base, jane, tom);

    expect(conflicts).toEqual([]);
    expect(meeting.agenda.map((each) => each.title)).toEqual(['Apologies for absence', 'Budget monitoring – quarter 2', 'Director’s update']);
  });

  it('applies moves made on both computers to different items', () => {
    const withFour = edit(base, at, { kind: 'item.add', item: item('item0066', 'Work programme'), index: 3 });
    const jane = edit(withFour, janeSaves, { kind: 'item.move', itemId: 'item0064', toIndex: 0 });
    const tom = edit(withFour, tomSaves, { kind: 'item.move', itemId: 'item0066', toIndex: 2 });

    const { meeting } = mergeMeetings(withFour, jane, tom);

    expect(meeting.agenda.map((each) => each.id)).toEqual(['item0064', 'item0063', 'item0066', 'item0065']);
  });

  it('keeps items both clerks added at the same place, in the same order on both computers', () => {
    const jane = edit(base, janeSaves, { kind: 'item.add', item: item('itemJane1', 'Petition on school transport'), index: 2 });
    const tom = edit(base, tomSaves, { kind: 'item.add', item: item('itemTom01', 'Ofsted inspection outcome'), index: 2 });

    const onJanes = mergeMeetings(base, jane, tom).meeting;
    const onToms = mergeMeetings(base, tom, jane).meeting;

    expect(onJanes.agenda.map((each) => each.id)).toEqual(['item0063', 'item0064', 'itemJane1', 'itemTom01', 'item0065']);
    expect(onToms.agenda).toEqual(onJanes.agenda);
  });

  it('keeps paragraphs both clerks added, each after the paragraph it followed', () => {
    const jane = edit(base, janeSaves, {
      kind: 'item.minutes',
      itemId: 'item0064',
      minutes: [...minutesOf(base, 'item0064').slice(0, 1), para('paraJane', 'Jane’s note.'), ...minutesOf(base, 'item0064').slice(1)],
    });
    const tom = edit(base, tomSaves, { kind: 'item.minutes', itemId: 'item0064', minutes: [...minutesOf(base, 'item0064'), para('paraTom1', 'Tom’s note.')] });

    const { meeting } = mergeMeetings(base, jane, tom);

    expect(minutesOf(meeting, 'item0064').map((block) => block.id)).toEqual(['para0641', 'paraJane', 'para0642', 'para0643', 'paraTom1']);
  });

  it('gives a second action recorded on the same item on each computer its own number', () => {
    const jane = edit(base, janeSaves, {
      kind: 'entity.put',
      collection: 'actions',
      entity: { ...action, id: 'actionJane', number: 2, text: 'Book the venue' },
    });
    const tom = edit(base, tomSaves, {
      kind: 'entity.put',
      collection: 'actions',
      entity: { ...action, id: 'actionTom1', number: 2, text: 'Write to the school' },
    });

    const onJanes = mergeMeetings(base, jane, tom).meeting;

    expect(onJanes.actions.map((each) => [each.text, each.number])).toEqual([
      ['Circulate the dashboard', 1],
      ['Book the venue', 2],
      ['Write to the school', 3],
    ]);
    expect(mergeMeetings(base, tom, jane).meeting.actions).toEqual(onJanes.actions);
  });
});

describe('the same thing changed on both computers', () => {
  it('keeps both versions of a paragraph: one in the minutes, the other in a conflict with the base and who wrote it', () => {
    const jane = edit(base, janeSaves, withParagraph(base, 'item0064', 'para0642', 'Councillor Hardman asked about waiting times for assessments.'));
    const tom = edit(base, tomSaves, withParagraph(base, 'item0064', 'para0642', 'Cllr Hardman asked about waiting times.'));

    const { meeting, conflicts } = mergeMeetings(base, jane, tom, { mineAuthor: 'Jane Smith', theirsAuthor: 'Tom Jones' });

    expect(conflicts).toHaveLength(1);
    expect(meeting.conflicts).toEqual(conflicts);
    const conflict = conflicts[0] as ParagraphConflict;
    expect(conflict).toMatchObject({
      kind: 'paragraph',
      itemId: 'item0064',
      blockId: 'para0642',
      label: 'Item 64 Director’s update, paragraph 2',
      base: para('para0642', 'Councillor Hardman asked about waiting times.'),
      // The longer version stays in the minutes, whoever wrote it.
      kept: { block: para('para0642', 'Councillor Hardman asked about waiting times for assessments.'), author: 'Jane Smith' },
      other: { block: para('para0642', 'Cllr Hardman asked about waiting times.'), author: 'Tom Jones' },
      detectedAt: tomSaves.toISOString(),
    });
    expect(minutesOf(meeting, 'item0064')[1]).toEqual(conflict.kept.block);
    // The rest of the item is untouched.
    expect(minutesOf(meeting, 'item0064').map((block) => block.id)).toEqual(['para0641', 'para0642', 'para0643']);
  });

  it('takes the same change made on both computers once, with no conflict', () => {
    const change = withParagraph(base, 'item0064', 'para0642', 'Councillor Hardman asked about waiting times for assessments.');
    const { meeting, conflicts, automatic } = mergeMeetings(base, edit(base, janeSaves, change), edit(base, tomSaves, change));
    expect(conflicts).toEqual([]);
    expect(automatic).toBe(0);
    expect(minutesOf(meeting, 'item0064')[1]!.runs[0]!.text).toBe('Councillor Hardman asked about waiting times for assessments.');
  });

  it('merges a paragraph made a bullet on one computer and reworded on the other', () => {
    const jane = edit(base, janeSaves, {
      kind: 'item.minutes',
      itemId: 'item0064',
      minutes: minutesOf(base, 'item0064').map((block) => (block.id === 'para0642' ? { ...block, type: 'bullet' as const } : block)),
    });
    const tom = edit(base, tomSaves, withParagraph(base, 'item0064', 'para0642', 'Councillor Hardman asked about waiting lists.'));
    const { meeting, conflicts } = mergeMeetings(base, jane, tom);
    expect(conflicts).toEqual([]);
    expect(minutesOf(meeting, 'item0064')[1]).toEqual(para('para0642', 'Councillor Hardman asked about waiting lists.', 'bullet'));
  });

  it('flags a vote recorded differently on the two computers, keeping both', () => {
    const jane = edit(base, janeSaves, {
      kind: 'entity.put',
      collection: 'decisions',
      entity: { ...decision, vote: { kind: 'counted', for: 5, against: 2, abstentions: 0 } },
    });
    const tom = edit(base, tomSaves, {
      kind: 'entity.put',
      collection: 'decisions',
      entity: { ...decision, vote: { kind: 'counted', for: 5, against: 1, abstentions: 1 } },
    });

    const { meeting, conflicts } = mergeMeetings(base, jane, tom);

    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      kind: 'field',
      collection: 'decisions',
      entityId: 'decision65',
      field: 'vote',
      label: 'Decision on item 65: vote',
      base: { kind: 'unanimous' },
    });
    const versions = [conflicts[0]!.kind === 'field' && conflicts[0]!.kept.value, conflicts[0]!.kind === 'field' && conflicts[0]!.other.value];
    expect(versions).toEqual(expect.arrayContaining([jane.decisions[0]!.vote, tom.decisions[0]!.vote]));
    expect(meeting.decisions[0]!.vote).toEqual(conflicts[0]!.kind === 'field' && conflicts[0]!.kept.value);
  });

  it('flags the same attendee’s attendance set differently, naming them', () => {
    const jane = edit(base, janeSaves, {
      kind: 'entity.put',
      collection: 'attendees',
      entity: { ...member('att00002', 'Councillor Joe Bloggs'), status: 'remote' },
    });
    const tom = edit(base, tomSaves, {
      kind: 'entity.put',
      collection: 'attendees',
      entity: { ...member('att00002', 'Councillor Joe Bloggs'), status: 'absent' },
    });
    const { conflicts } = mergeMeetings(base, jane, tom);
    expect(conflicts.map((conflict) => conflict.label)).toEqual(['Attendance of Councillor Joe Bloggs']);
  });

  it('flags the text of one point of a decision reworded on both computers, and merges points added on each', () => {
    const jane = edit(base, janeSaves, {
      kind: 'entity.put',
      collection: 'decisions',
      entity: {
        ...decision,
        points: [{ id: 'point001', text: 'to note the report and the appendix' }, decision.points[1]!, { id: 'pointJane', text: 'to thank the officers' }],
      },
    });
    const tom = edit(base, tomSaves, {
      kind: 'entity.put',
      collection: 'decisions',
      entity: { ...decision, points: [{ id: 'point001', text: 'to note the update' }, decision.points[1]!] },
    });

    const { meeting, conflicts } = mergeMeetings(base, jane, tom);

    expect(conflicts.map((conflict) => conflict.label)).toEqual(['Decision on item 65, point 1']);
    expect(meeting.decisions[0]!.points.map((point) => point.id)).toEqual(['point001', 'point002', 'pointJane']);
  });
});

describe('an edit beats a deletion', () => {
  it('keeps a paragraph one clerk deleted and the other corrected; drops one deleted and left alone', () => {
    const jane = edit(base, janeSaves, {
      kind: 'item.minutes',
      itemId: 'item0064',
      minutes: minutesOf(base, 'item0064').filter((block) => block.id === 'para0641'),
    });
    const tom = edit(base, tomSaves, withParagraph(base, 'item0064', 'para0642', 'Councillor Hardman asked about waiting times in Bath.'));

    const { meeting, conflicts } = mergeMeetings(base, jane, tom);

    expect(conflicts).toEqual([]);
    expect(minutesText(minutesOf(meeting, 'item0064'))).toBe('The Director introduced the report.\nCouncillor Hardman asked about waiting times in Bath.');
  });

  it('keeps an agenda item deleted on one computer if the other wrote in it or recorded an action on it', () => {
    const jane = edit(base, janeSaves, { kind: 'item.delete', itemId: 'item0065' }, { kind: 'item.delete', itemId: 'item0064' });
    const tom = edit(base, tomSaves, withParagraph(base, 'item0065', 'para0651', 'The Finance Officer presented the quarter 2 figures.'), {
      kind: 'entity.put',
      collection: 'actions',
      entity: { ...action, id: 'action642', number: 2, text: 'Send the dashboard to members' },
    });

    const { meeting } = mergeMeetings(base, jane, tom);

    expect(meeting.agenda.map((each) => each.id)).toEqual(['item0063', 'item0064', 'item0065']);
    expect(mergeMeetings(base, jane, base).meeting.agenda.map((each) => each.id)).toEqual(['item0063']);
  });

  it('keeps an attendee removed on one computer when the other recorded them leaving', () => {
    const jane = edit(base, janeSaves, { kind: 'entity.remove', collection: 'attendees', id: 'att00002' });
    const tom = edit(base, tomSaves, {
      kind: 'entity.put',
      collection: 'movements',
      entity: { id: 'move0001', attendeeId: 'att00002', kind: 'left', time: '11:05', itemId: 'item0065' },
    });

    const { meeting } = mergeMeetings(base, jane, tom);

    expect(meeting.attendees.map((each) => each.id)).toContain('att00002');
    expect(meeting.movements).toHaveLength(1);
    expect(
      mergeMeetings(base, jane, edit(base, tomSaves, { kind: 'meeting.update', fields: { venue: 'Bath' } })).meeting.attendees.map((each) => each.id),
    ).not.toContain('att00002');
  });

  it('removes what both deleted, and what one deleted and the other left alone', () => {
    const jane = edit(
      base,
      janeSaves,
      { kind: 'entity.remove', collection: 'actions', id: 'action641' },
      { kind: 'entity.remove', collection: 'decisions', id: 'decision65' },
    );
    const tom = edit(base, tomSaves, { kind: 'entity.remove', collection: 'actions', id: 'action641' });
    const { meeting, automatic } = mergeMeetings(base, jane, tom);
    expect(meeting.actions).toEqual([]);
    expect(meeting.decisions).toEqual([]);
    expect(automatic).toBe(0);
    expect(mergeMeetings(base, tom, jane).automatic).toBe(1);
  });
});

describe('conflicts kept in the meeting file', () => {
  const jane = edit(base, janeSaves, withParagraph(base, 'item0064', 'para0642', 'Councillor Hardman asked about waiting times for assessments.'), {
    kind: 'meeting.update',
    fields: { venue: 'Council Chamber' },
  });
  const tom = edit(base, tomSaves, withParagraph(base, 'item0064', 'para0642', 'Cllr Hardman asked about waiting times.'), {
    kind: 'meeting.update',
    fields: { venue: 'Banqueting Room' },
  });
  const merged = mergeMeetings(base, jane, tom, { mineAuthor: 'Jane Smith', theirsAuthor: 'Tom Jones' }).meeting;
  const paragraph = merged.conflicts.find((conflict) => conflict.kind === 'paragraph')!;
  const venue = merged.conflicts.find((conflict) => conflict.kind === 'field')!;

  it('survives being written and read back', () => {
    expect(Meeting.parse(JSON.parse(JSON.stringify(merged)))).toEqual(merged);
    expect(merged.conflicts.map((conflict) => conflict.label)).toEqual(['Meeting details: venue', 'Item 64 Director’s update, paragraph 2']);
  });

  it('is resolved by picking the other version, once, however often the change is replayed', () => {
    const resolve: MeetingChange = { kind: 'conflict.resolve', conflictId: paragraph.id, resolution: 'other' };
    const once = applyMeetingChange(merged, resolve, tomSaves);
    expect(minutesOf(once, 'item0064')[1]!.runs[0]!.text).toBe('Cllr Hardman asked about waiting times.');
    expect(once.conflicts.map((conflict) => conflict.id)).toEqual([venue.id]);
    expect(applyMeetingChange(once, resolve, tomSaves)).toBe(once);
  });

  it('is resolved by keeping the version in place, or by the clerk’s combined text', () => {
    const kept = applyMeetingChange(merged, { kind: 'conflict.resolve', conflictId: paragraph.id, resolution: 'kept' }, tomSaves);
    expect(minutesOf(kept, 'item0064')).toEqual(minutesOf(merged, 'item0064'));
    expect(kept.conflicts).toHaveLength(1);

    const combined = applyMeetingChange(
      merged,
      {
        kind: 'conflict.resolve',
        conflictId: paragraph.id,
        resolution: { block: para('whatever', 'Cllr Hardman asked about waiting times for assessments.', 'bullet') },
      },
      tomSaves,
    );
    expect(minutesOf(combined, 'item0064')[1]).toEqual(para('para0642', 'Cllr Hardman asked about waiting times for assessments.', 'bullet'));

    const venueChosen = applyMeetingChange(
      merged,
      { kind: 'conflict.resolve', conflictId: venue.id, resolution: { value: 'Council Chamber, Guildhall' } },
      tomSaves,
    );
    expect(venueChosen.venue).toBe('Council Chamber, Guildhall');
  });

  it('refuses a value the field cannot hold, saying where', () => {
    expect(() => applyMeetingChange(merged, { kind: 'conflict.resolve', conflictId: venue.id, resolution: { value: 42 } }, tomSaves)).toThrow(
      ChangeNotApplicable,
    );
    expect(() => applyMeetingChange(merged, { kind: 'conflict.resolve', conflictId: venue.id, resolution: { value: 42 } }, tomSaves)).toThrow(
      /Meeting details: venue/,
    );
    expect(() => applyMeetingChange(merged, { kind: 'conflict.resolve', conflictId: paragraph.id, resolution: { value: 'x' } }, tomSaves)).toThrow(/paragraph/);
  });

  it('merges like everything else: kept when on one side, gone when resolved on either, one when on both', () => {
    const resolvedByTom = applyMeetingChange(merged, { kind: 'conflict.resolve', conflictId: venue.id, resolution: 'kept' }, new Date('2026-11-23T10:30:00Z'));
    const janeTyping = applyMeetingChange(merged, { kind: 'meeting.update', fields: { endTime: '12:30' } }, new Date('2026-11-23T10:31:00Z'));
    const together = mergeMeetings(merged, janeTyping, resolvedByTom).meeting;
    expect(together.conflicts.map((conflict) => conflict.id)).toEqual([paragraph.id]);
    expect(together.endTime).toBe('12:30');

    expect(mergeMeetings(base, merged, base).meeting.conflicts).toEqual(merged.conflicts);
    expect(mergeMeetings(base, merged, merged).meeting.conflicts).toEqual(merged.conflicts);
  });

  it('is found once when the other computer finds it too', () => {
    // Tom's computer merged first and wrote the file; Jane's merges that file with her version.
    const onToms = mergeMeetings(base, tom, jane, { mineAuthor: 'Tom Jones', theirsAuthor: 'Jane Smith' }).meeting;
    const onJanes = mergeMeetings(base, jane, onToms, { mineAuthor: 'Jane Smith', theirsAuthor: 'Tom Jones' });
    expect(onJanes.conflicts).toEqual([]);
    expect(onJanes.meeting.conflicts.map((conflict) => conflict.id)).toEqual(merged.conflicts.map((conflict) => conflict.id));
  });

  it('is described for the agenda as it is now', () => {
    const moved = edit(merged, tomSaves, { kind: 'item.move', itemId: 'item0064', toIndex: 2 });
    expect(describeConflict(moved, paragraph)).toBe('Item 65 Director’s update, paragraph 2');
  });
});

describe('two computers merging each other’s versions write the same file', () => {
  it('is byte for byte the same whichever computer merges, conflicts, authors and order included', () => {
    const jane = edit(
      base,
      janeSaves,
      withParagraph(base, 'item0064', 'para0642', 'Councillor Hardman asked about waiting times for assessments.'),
      { kind: 'item.add', item: item('itemJane1', 'Petition'), index: 1 },
      { kind: 'entity.put', collection: 'attendees', entity: { ...member('att00002', 'Councillor Joe Bloggs'), status: 'remote' } },
    );
    const tom = edit(
      base,
      tomSaves,
      withParagraph(base, 'item0064', 'para0642', 'Cllr Hardman asked about waiting times.'),
      { kind: 'item.add', item: item('itemTom01', 'Ofsted'), index: 1 },
      { kind: 'item.move', itemId: 'item0065', toIndex: 0 },
      { kind: 'entity.put', collection: 'attendees', entity: { ...member('att00002', 'Councillor Joe Bloggs'), status: 'apologies' } },
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
