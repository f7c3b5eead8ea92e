/**
 * Conflicts the merge stores in the meeting file: read back, resolved, merged as a set, found
 * once by both computers, and described for the agenda as it is now.
 */
import { describe, expect, it } from 'vitest';
import { applyMeetingChange, ChangeNotApplicable, type MeetingChange } from '../../../main/domain/changes';
import { Meeting } from '../../../main/domain/meeting';
import { describeConflict } from '../../../main/domain/conflictLabels';
import { mergeMeetings } from '../../../main/domain/merge';
import { base, edit, janeSaves, minutesOf, para, tomSaves, withParagraph } from './startingMeeting';

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
