/**
 * A table in the minutes through the three-way merge: a table is one block, its cells one value.
 * One side's change to the cells is taken whole; both sides changing them is a conflict.
 */
import { describe, expect, it } from 'vitest';
import type { MinuteBlock } from '../../../main/domain/meeting';
import { mergeMeetings } from '../../../main/domain/merge';
import { base, edit, janeSaves, minutesOf, para, tomSaves } from './startingMeeting';

function budgetTable(lead: string): MinuteBlock {
  return {
    id: 'tabl0651',
    type: 'table',
    runs: [],
    headerRows: 1,
    rows: [
      [[{ text: 'Line', marks: ['bold'] }], [{ text: 'Forecast', marks: ['bold'] }]],
      [[{ text: 'Home to school transport' }], [{ text: lead }]],
    ],
  };
}

const withTable = edit(base, janeSaves, {
  kind: 'item.minutes',
  itemId: 'item0065',
  minutes: [para('para0651', 'The Finance Officer presented the figures.'), budgetTable('£1.2m')],
});

describe('a table through the merge', () => {
  it('keeps the cells one side changed while the other edited a paragraph', () => {
    const jane = edit(withTable, janeSaves, { kind: 'block.put', itemId: 'item0065', block: budgetTable('£1.4m'), after: 'para0651' });
    const tom = edit(withTable, tomSaves, {
      kind: 'block.put',
      itemId: 'item0065',
      block: para('para0651', 'The Finance Officer presented the month 7 figures.'),
      after: null,
    });

    const { meeting, conflicts } = mergeMeetings(withTable, jane, tom);

    expect(conflicts).toEqual([]);
    expect(minutesOf(meeting, 'item0065')).toEqual([para('para0651', 'The Finance Officer presented the month 7 figures.'), budgetTable('£1.4m')]);
    expect(mergeMeetings(withTable, tom, jane).meeting.agenda[2]!.minutes).toEqual(minutesOf(meeting, 'item0065'));
  });

  it('flags the table when both sides changed its cells, keeping both versions', () => {
    const jane = edit(withTable, janeSaves, { kind: 'block.put', itemId: 'item0065', block: budgetTable('£1.4m'), after: 'para0651' });
    const tom = edit(withTable, tomSaves, { kind: 'block.put', itemId: 'item0065', block: budgetTable('£1.35m'), after: 'para0651' });

    const { meeting } = mergeMeetings(withTable, jane, tom);

    expect(meeting.conflicts).toHaveLength(1);
    const conflict = meeting.conflicts[0]!;
    const versions = conflict.kind === 'paragraph' ? [conflict.kept.block, conflict.other.block] : [];
    expect(versions).toEqual(expect.arrayContaining([budgetTable('£1.4m'), budgetTable('£1.35m')]));
    expect(minutesOf(meeting, 'item0065')[1]?.rows).toBeDefined();
  });
});
