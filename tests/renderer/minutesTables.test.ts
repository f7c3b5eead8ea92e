// @vitest-environment jsdom
import { Editor, type JSONContent } from '@tiptap/react';
import { describe, expect, it } from 'vitest';
import type { MinuteBlock, ParagraphConflict } from '../../main/domain/meeting';
import { canCombine } from '../../renderer/conflicts/conflictText';
import { blocksFromDocument, documentFromBlocks } from '../../renderer/minutes/blocks';
import { minutesChanges } from '../../renderer/minutes/minutesChanges';
import { minutesExtensions } from '../../renderer/minutes/minutesExtensions';
import { planMinutesUpdate, sameBlock } from '../../renderer/minutes/minutesReconcile';

/** A school's Minute / Item / Lead table between two paragraphs. */
const withTable: MinuteBlock[] = [
  { id: 'blk-before-01', type: 'paragraph', runs: [{ text: 'Governors reviewed the actions from the last meeting.' }] },
  {
    id: 'blk-table-001',
    type: 'table',
    runs: [],
    headerRows: 1,
    rows: [
      [[{ text: 'Min', marks: ['bold'] }], [{ text: 'Item', marks: ['bold'] }], [{ text: 'Lead', marks: ['bold'] }]],
      [[{ text: '14.2' }], [{ text: 'Review the ' }, { text: 'attendance', marks: ['italic'] }, { text: ' policy' }], [{ text: 'HT', marks: ['underline'] }]],
      [[{ text: '15.1' }], [{ text: 'Visit the nursery\nand report back' }], []],
    ],
  },
  { id: 'blk-after-001', type: 'paragraph', runs: [{ text: 'All actions were complete.' }] },
];

function editorWith(blocks: readonly MinuteBlock[]): Editor {
  return new Editor({ extensions: minutesExtensions, content: documentFromBlocks(blocks) });
}

describe('a table in the minutes', () => {
  it('round-trips exactly: block id, header rows, cell text and marks', () => {
    expect(blocksFromDocument(documentFromBlocks(withTable))).toEqual(withTable);
  });

  it('survives a trip through the real editor schema, header cells and all', () => {
    const editor = editorWith(withTable);
    expect(blocksFromDocument(editor.getJSON())).toEqual(withTable);
    const table: JSONContent | undefined = editor.getJSON().content?.[1];
    expect(table?.content?.[0]?.content?.map((cell) => cell.type)).toEqual(['tableHeader', 'tableHeader', 'tableHeader']);
    expect(table?.content?.[1]?.content?.map((cell) => cell.type)).toEqual(['tableCell', 'tableCell', 'tableCell']);
    editor.destroy();
  });

  it('is sent as nothing when the clerk types in the paragraphs around it', () => {
    const editor = editorWith(withTable);
    const end = editor.state.doc.content.size - 1;
    editor.chain().setTextSelection(end).insertContent(' Thanks were recorded.').run();
    editor.chain().setTextSelection(2).insertContent('The ').run();
    const after = blocksFromDocument(editor.getJSON());
    const changes = minutesChanges('item-1', withTable, after);
    expect(changes.map((change) => change.kind)).toEqual(['block.put', 'block.put']);
    expect(changes.some((change) => change.kind === 'block.put' && change.block.id === 'blk-table-001')).toBe(false);
    expect(after[1]).toEqual(withTable[1]);
    editor.destroy();
  });

  it('keeps a short row, as stored, without sending it filled out', () => {
    const ragged: MinuteBlock[] = [
      {
        id: 'blk-ragged-01',
        type: 'table',
        runs: [],
        rows: [[[{ text: 'Budget line' }], [{ text: '£' }]], [[{ text: 'Total' }]]],
      },
    ];
    const editor = editorWith(ragged);
    const shown = blocksFromDocument(editor.getJSON());
    expect(shown[0]?.rows?.[1]).toEqual([[{ text: 'Total' }], []]);
    expect(minutesChanges('item-1', ragged, shown)).toEqual([]);
    expect(planMinutesUpdate(shown, ragged)).toEqual({ kind: 'none' });
    editor.destroy();
  });

  it('is one block: a changed cell puts the whole table, and a colleague’s change rebuilds it on screen', () => {
    const edited = structuredClone(withTable);
    edited[1]!.rows![2]![2] = [{ text: 'Chair' }];
    expect(sameBlock(withTable[1], edited[1])).toBe(false);
    expect(minutesChanges('item-1', withTable, edited)).toEqual([{ kind: 'block.put', itemId: 'item-1', block: edited[1], after: 'blk-before-01' }]);
    expect(planMinutesUpdate(withTable, edited)).toEqual({ kind: 'document' });
    const noHeader = structuredClone(withTable);
    delete noHeader[1]!.headerRows;
    expect(sameBlock(withTable[1], noHeader[1])).toBe(false);
  });

  it('reads a pasted table’s merged cell as that many columns, and a cell’s paragraphs as its lines', () => {
    const blocks = blocksFromDocument({
      type: 'doc',
      content: [
        {
          type: 'table',
          attrs: { blockId: 'blk-pasted-01' },
          content: [
            {
              type: 'tableRow',
              content: [{ type: 'tableCell', attrs: { colspan: 2 }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Both' }] }] }],
            },
            {
              type: 'tableRow',
              content: [
                {
                  type: 'tableCell',
                  content: [
                    { type: 'paragraph', content: [{ type: 'text', text: 'One' }] },
                    { type: 'paragraph', content: [{ type: 'text', text: 'Two', marks: [{ type: 'bold' }] }] },
                  ],
                },
                { type: 'tableCell', content: [{ type: 'paragraph' }] },
              ],
            },
          ],
        },
      ],
    });
    expect(blocks).toEqual([
      {
        id: 'blk-pasted-01',
        type: 'table',
        runs: [],
        rows: [
          [[{ text: 'Both' }], []],
          [[{ text: 'One\n' }, { text: 'Two', marks: ['bold'] }], []],
        ],
      },
    ]);
  });

  it('in conflict is kept or replaced whole, never combined into a paragraph’s text (which would drop its cells)', () => {
    const theirs = structuredClone(withTable[1]!);
    theirs.rows![1]![2] = [{ text: 'Chair' }];
    const conflict: ParagraphConflict = {
      id: 'conflict-table-000001',
      kind: 'paragraph',
      label: 'Item 5 Actions, paragraph 2',
      detectedAt: '2026-11-24T15:00:00.000Z',
      itemId: 'item-actions',
      blockId: 'blk-table-001',
      kept: { block: withTable[1]!, author: 'Jane Smith' },
      other: { block: theirs, author: 'Tom Jones' },
    };
    expect(canCombine(conflict)).toBe(false);
    expect(canCombine({ ...conflict, kept: { block: withTable[0]!, author: 'Jane Smith' }, other: { block: withTable[2]!, author: 'Tom Jones' } })).toBe(true);
  });
});
