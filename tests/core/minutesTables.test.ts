/** A table typed or pasted into the minutes is a real Word table, its header row repeated on each page. */
import { describe, expect, it } from 'vitest';
import { minutesDocx } from '../../main/core/export/minutesDocument';
import { createAgendaItem, createMeeting, type MinuteBlock } from '../../main/domain/meeting';
import { openDocx } from '../support/openDocx';

describe('tables in the minutes', () => {
  it('are exported as Word tables with header rows, in their place among the paragraphs', async () => {
    const meeting = createMeeting({ committee: 'Full Governing Board', title: '', date: '2026-03-12', startTime: '18:00', venue: '' }, new Date(0));
    const table: MinuteBlock = {
      id: 'tab00001',
      type: 'table',
      runs: [],
      headerRows: 1,
      rows: [
        [[{ text: 'Minute' }], [{ text: 'Item' }], [{ text: 'Lead' }]],
        [[{ text: 'FGB/26/4' }], [{ text: 'Update the pupil premium strategy & publish it' }], [{ text: 'HT' }]],
        [[{ text: 'FGB/26/7' }], [{ text: 'Book “Safer recruitment” training' }]],
      ],
    };
    const item = {
      ...createAgendaItem('Actions from the last meeting'),
      minutes: [
        { id: 'para0001', type: 'paragraph' as const, runs: [{ text: 'Governors reviewed the actions:' }] },
        table,
        { id: 'para0002', type: 'paragraph' as const, runs: [{ text: 'All other actions were complete.' }] },
      ],
    };
    const docx = await minutesDocx({ ...meeting, agenda: [item] }, { version: 'public' });
    const body = await (await openDocx(docx)).part(/word\/document\.xml/);
    const tables = body.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    const minutesTable = tables.find((each) => each.includes('pupil premium'));
    expect(minutesTable).toBeDefined();
    expect(minutesTable!.match(/<w:tr>|<w:tr /g)).toHaveLength(3);
    expect(minutesTable!.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(minutesTable).toContain('Update the pupil premium strategy &amp; publish it');
    // The short row is filled out to the table's three columns.
    expect(minutesTable!.match(/<w:tc>/g)).toHaveLength(9);
    expect(body.indexOf('Governors reviewed the actions:')).toBeLessThan(body.indexOf('pupil premium'));
    expect(body.indexOf('pupil premium')).toBeLessThan(body.indexOf('All other actions were complete.'));
  });
});
