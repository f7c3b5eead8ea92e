/**
 * Two clerks, two computers, one meeting: the three-way merge's rules. What does not collide
 * merges without asking, the same thing changed on both sides is flagged with both versions,
 * and an edit beats a deletion.
 */
import { describe, expect, it } from 'vitest';
import { minutesText, type ParagraphConflict } from '../../../main/domain/meeting';
import { mergeMeetings } from '../../../main/domain/merge';
import { action, at, attendanceSet, base, decision, edit, item, janeSaves, minutesOf, para, tomSaves, withParagraph } from './startingMeeting';

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
    const jane = edit(base, janeSaves, attendanceSet('att00001', 'Councillor Liz Hardman', 'apologies'));
    const tom = edit(base, tomSaves, attendanceSet('att00003', 'Councillor Sarah Moore', 'apologies'));
    expect(minutesText(minutesOf(jane, 'item0063'))).toBe('Apologies for absence were received from Councillor Liz Hardman.');

    const { meeting, conflicts } = mergeMeetings(base, jane, tom);

    expect(conflicts).toEqual([]);
    expect(meeting.attendees.map((each) => each.status)).toEqual(['apologies', 'present', 'apologies']);
    expect(minutesText(minutesOf(meeting, 'item0063'))).toBe('Apologies for absence were received from Councillors Liz Hardman and Sarah Moore.');
  });

  it('keeps the text a clerk typed in the Apologies item although the other computer changed the attendance', () => {
    const typed = [para('item0063-g1', 'Apologies were received from Councillor Liz Hardman, who was unwell.')];
    const jane = edit(base, janeSaves, attendanceSet('att00001', 'Councillor Liz Hardman', 'apologies'), {
      kind: 'item.minutes',
      itemId: 'item0063',
      minutes: typed,
    });
    const tom = edit(base, tomSaves, attendanceSet('att00003', 'Councillor Sarah Moore', 'apologies'));

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
    const jane = edit(base, janeSaves, attendanceSet('att00002', 'Councillor Joe Bloggs', 'remote'));
    const tom = edit(base, tomSaves, attendanceSet('att00002', 'Councillor Joe Bloggs', 'absent'));
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
