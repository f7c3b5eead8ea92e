// @vitest-environment jsdom
import { Editor } from '@tiptap/react';
import { describe, expect, it } from 'vitest';
import type { MinuteBlock } from '../../main/domain/meeting';
import { blocksFromDocument, documentFromBlocks } from '../../renderer/minutes/blocks';
import { minutesExtensions } from '../../renderer/minutes/minutesExtensions';

const item63: MinuteBlock[] = [
  { id: 'blk-heading-1', type: 'heading', runs: [{ text: 'Questions from members' }] },
  {
    id: 'blk-para-0001',
    type: 'paragraph',
    runs: [
      { text: 'Councillor Hale', marks: ['bold'] },
      { text: ' asked whether the B&NES “edge of care” figures – published in ' },
      { text: 'October', marks: ['italic', 'underline'] },
      { text: ' – included agency staff.\nThe Director replied that they did.' },
    ],
  },
  { id: 'blk-bullet-01', type: 'bullet', level: 0, runs: [{ text: 'Recruitment had improved' }] },
  { id: 'blk-bullet-02', type: 'bullet', level: 1, runs: [{ text: '“Grow your own” – 12 trainees' }] },
  { id: 'blk-number-01', type: 'numbered', level: 2, runs: [{ text: 'first cohort', marks: ['bold'] }] },
  { id: 'blk-bullet-03', type: 'bullet', level: 1, runs: [{ text: 'Retention still a concern' }] },
  { id: 'blk-bullet-04', type: 'bullet', level: 0, runs: [{ text: 'Caseloads averaged 18' }] },
  { id: 'blk-para-0002', type: 'paragraph', runs: [{ text: 'It was agreed:' }] },
  { id: 'blk-number-02', type: 'numbered', level: 0, runs: [{ text: 'To note the report.' }] },
  {
    id: 'blk-number-03',
    type: 'numbered',
    level: 0,
    runs: [{ text: 'That the Director provide the projected budget. ' }, { text: 'ACTION.', marks: ['bold'] }],
  },
  { id: 'blk-bullet-05', type: 'bullet', level: 0, runs: [{ text: 'A separate bulleted list after the numbers' }] },
  { id: 'blk-para-0003', type: 'paragraph', runs: [] },
];

describe('minute blocks and the editor document', () => {
  it('round-trips text, marks, list kinds, nesting and ids', () => {
    expect(blocksFromDocument(documentFromBlocks(item63))).toEqual(item63);
  });

  it('rebuilds consecutive list blocks as nested lists', () => {
    const doc = documentFromBlocks(item63);
    const types = doc.content?.map((node) => node.type);
    expect(types).toEqual(['heading', 'paragraph', 'bulletList', 'paragraph', 'orderedList', 'bulletList', 'paragraph']);
    const bulletList = doc.content?.[2];
    expect(bulletList?.content).toHaveLength(2);
    const nested = bulletList?.content?.[0]?.content?.[1];
    expect(nested?.type).toBe('bulletList');
    expect(nested?.content?.[0]?.content?.[1]?.type).toBe('orderedList');
  });

  it('survives a trip through the real editor schema', () => {
    const editor = new Editor({ extensions: minutesExtensions, content: documentFromBlocks(item63) });
    expect(blocksFromDocument(editor.getJSON())).toEqual(item63);
    editor.destroy();
  });

  it('writes hard breaks as new lines and merges runs with the same marks', () => {
    const blocks = blocksFromDocument({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          attrs: { blockId: 'blk-merge-01' },
          content: [
            { type: 'text', text: 'Apologies ', marks: [{ type: 'bold' }] },
            { type: 'text', text: 'were received', marks: [{ type: 'bold' }, { type: 'link', attrs: { href: 'x' } }] },
            { type: 'hardBreak' },
            { type: 'text', text: 'from Cllr Reed & Cllr Obi.' },
          ],
        },
      ],
    });
    expect(blocks).toEqual([
      {
        id: 'blk-merge-01',
        type: 'paragraph',
        runs: [{ text: 'Apologies were received', marks: ['bold'] }, { text: '\nfrom Cllr Reed & Cllr Obi.' }],
      },
    ]);
  });

  it('treats a lone empty paragraph as no minutes, and no minutes as one empty paragraph', () => {
    expect(blocksFromDocument({ type: 'doc', content: [{ type: 'paragraph' }] })).toEqual([]);
    expect(documentFromBlocks([])).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
  });

  it('keeps a list item that holds a second paragraph as two items at the same level', () => {
    const blocks = blocksFromDocument({
      type: 'doc',
      content: [
        {
          type: 'orderedList',
          content: [
            {
              type: 'listItem',
              attrs: { blockId: 'blk-item-001' },
              content: [
                { type: 'paragraph', attrs: { blockId: 'blk-para-in-1' }, content: [{ type: 'text', text: 'One' }] },
                { type: 'paragraph', attrs: { blockId: 'blk-para-in-2' }, content: [{ type: 'text', text: 'More' }] },
              ],
            },
          ],
        },
      ],
    });
    expect(blocks.map((block) => [block.id, block.type, block.level])).toEqual([
      ['blk-item-001', 'numbered', 0],
      ['blk-para-in-2', 'numbered', 0],
    ]);
  });
});
