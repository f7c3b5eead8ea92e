import { describe, expect, it } from 'vitest';
import type { MinuteBlock, ParagraphConflict } from '../../main/domain/meeting';
import { cursorAfterUpdate, planMinutesUpdate, reconcileMinutes } from '../../renderer/minutes/minutesReconcile';

function para(id: string, text: string): MinuteBlock {
  return { id, type: 'paragraph', runs: text ? [{ text }] : [] };
}

function texts(blocks: readonly MinuteBlock[]): string[] {
  return blocks.map((block) => `${block.id}:${block.runs.map((run) => run.text).join('')}`);
}

const base = [para('aaaa1', 'The Chair welcomed everyone.'), para('bbbb2', 'Apologies were noted.'), para('cccc3', 'The minutes were agreed.')];

describe('bringing the minutes on screen up to date with a colleague’s changes', () => {
  it('takes a paragraph only the colleague changed and keeps one only the clerk is typing in', () => {
    const local = [base[0]!, base[1]!, para('cccc3', 'The minutes were agreed as a true rec')];
    const incoming = [para('aaaa1', 'The Chair welcomed everyone, including two guests.'), base[1]!, base[2]!];
    expect(texts(reconcileMinutes(base, local, incoming))).toEqual([
      'aaaa1:The Chair welcomed everyone, including two guests.',
      'bbbb2:Apologies were noted.',
      'cccc3:The minutes were agreed as a true rec',
    ]);
  });

  it('keeps what the clerk typed in a paragraph the colleague also changed (the core flags the conflict when it arrives)', () => {
    const local = [base[0]!, para('bbbb2', 'Apologies were noted from Cllr Hale.'), base[2]!];
    const incoming = [base[0]!, para('bbbb2', 'Apologies were received.'), base[2]!];
    expect(texts(reconcileMinutes(base, local, incoming))[1]).toBe('bbbb2:Apologies were noted from Cllr Hale.');
  });

  it('shows the version the core kept once it has flagged the conflict, when the clerk’s text is one of its two versions', () => {
    const mine = para('bbbb2', 'Apologies were noted from Cllr Hale.');
    const theirs = para('bbbb2', 'Apologies were received.');
    const conflict: ParagraphConflict = {
      id: 'conflict-0123456789abcdef',
      kind: 'paragraph',
      label: 'Item 1, paragraph 2',
      detectedAt: '2022-11-08T10:00:00.000Z',
      itemId: 'item1',
      blockId: 'bbbb2',
      base: base[1]!,
      kept: { block: mine, author: 'Priya Clerk' },
      other: { block: theirs, author: 'Jane Smith' },
    };
    // The core put the longer text in place and holds the other; the screen follows the core.
    expect(texts(reconcileMinutes(base, [base[0]!, theirs, base[2]!], [base[0]!, mine, base[2]!], [conflict]))[1]).toBe(
      'bbbb2:Apologies were noted from Cllr Hale.',
    );
    // Typed on since: the new words are kept (they are sent as an edit of the version in place).
    const typedOn = para('bbbb2', 'Apologies were received from Cllr Hale and Cllr Ward.');
    expect(texts(reconcileMinutes(base, [base[0]!, typedOn, base[2]!], [base[0]!, mine, base[2]!], [conflict]))[1]).toBe(
      'bbbb2:Apologies were received from Cllr Hale and Cllr Ward.',
    );
  });

  it('keeps paragraphs added on either side, the clerk’s after the paragraph before them', () => {
    const local = [base[0]!, para('new-mine', 'A new point from the floor.'), base[1]!, base[2]!];
    const incoming = [...base, para('new-theirs', 'The meeting ended at 11.30 am.')];
    expect(texts(reconcileMinutes(base, local, incoming)).map((line) => line.split(':')[0])).toEqual(['aaaa1', 'new-mine', 'bbbb2', 'cccc3', 'new-theirs']);
  });

  it('deletes a paragraph removed on one side and untouched on the other, but an edit beats a deletion', () => {
    // The clerk deleted paragraph 2; the colleague left it alone: gone.
    expect(texts(reconcileMinutes(base, [base[0]!, base[2]!], base)).map((line) => line.split(':')[0])).toEqual(['aaaa1', 'cccc3']);
    // The colleague deleted paragraph 3 while the clerk was editing it: kept with the clerk's edit.
    const local = [base[0]!, base[1]!, para('cccc3', 'The minutes were agreed and signed.')];
    expect(texts(reconcileMinutes(base, local, [base[0]!, base[1]!]))).toEqual([
      'aaaa1:The Chair welcomed everyone.',
      'bbbb2:Apologies were noted.',
      'cccc3:The minutes were agreed and signed.',
    ]);
    // The clerk deleted paragraph 1 while the colleague edited it: kept with the colleague's edit.
    const edited = para('aaaa1', 'The Chair welcomed everyone to Keynsham.');
    expect(texts(reconcileMinutes(base, [base[1]!, base[2]!], [edited, base[1]!, base[2]!]))[0]).toBe('aaaa1:The Chair welcomed everyone to Keynsham.');
  });

  it('changes nothing when the incoming version is the clerk’s own, acknowledged', () => {
    const local = [base[0]!, para('bbbb2', 'Apologies were noted from Cllr Hale.'), base[2]!];
    expect(reconcileMinutes(base, local, local)).toEqual(local);
  });
});

describe('the smallest edit to the editor', () => {
  it('touches only the paragraphs whose text changed when nothing moved', () => {
    const target = [base[0]!, para('bbbb2', 'Apologies were received.'), base[2]!];
    expect(planMinutesUpdate(base, target)).toEqual({ kind: 'text', blocks: [target[1]] });
    expect(
      planMinutesUpdate(
        base,
        base.map((block) => ({ ...block })),
      ),
    ).toEqual({ kind: 'none' });
  });

  it('rebuilds the document when paragraphs are added, removed or change layout', () => {
    expect(planMinutesUpdate(base, [...base, para('dddd4', 'More.')]).kind).toBe('document');
    expect(planMinutesUpdate(base, [base[0]!, { ...base[1]!, type: 'bullet', level: 0 }, base[2]!]).kind).toBe('document');
  });

  it('keeps the cursor in its paragraph at the same offset, clamped when the paragraph got shorter', () => {
    const target = [base[0]!, para('bbbb2', 'Noted.'), base[2]!];
    expect(cursorAfterUpdate({ blockId: 'aaaa1', offset: 10 }, target)).toEqual({ blockId: 'aaaa1', offset: 10 });
    expect(cursorAfterUpdate({ blockId: 'bbbb2', offset: 15 }, target)).toEqual({ blockId: 'bbbb2', offset: 6 });
    expect(cursorAfterUpdate({ blockId: 'gone', offset: 3 }, target)).toBeUndefined();
  });
});
