/**
 * An item's minutes, paragraph by paragraph through the block ids. A paragraph's type and level
 * merge apart from its text, so one clerk making a paragraph a bullet while another corrects its
 * wording is no conflict; the same paragraph reworded on both sides is one.
 */
import type { AgendaItem, MinuteBlock } from '../meeting';
import { same } from './canonical';
import { mergeList } from './lists';
import { Merge } from './threeWay';

/** The Apologies and Declarations items, whose minutes Minute Book writes from the record until the clerk edits them. */
export function isGenerated(role: AgendaItem['role']): boolean {
  return role === 'apologies' || role === 'declarations';
}

/** Whether a side's minutes are Minute Book's own text (written from the record), not the clerk's. */
export function writtenFromRecord(item: AgendaItem): boolean {
  return isGenerated(item.role) && !item.minutesEditedByHand;
}

/** A table's rows and header rows (nothing for other blocks). */
function cellsOf(block: MinuteBlock | undefined): Pick<MinuteBlock, 'rows' | 'headerRows'> | undefined {
  if (!block || (block.rows === undefined && block.headerRows === undefined)) return undefined;
  return { ...(block.rows === undefined ? {} : { rows: block.rows }), ...(block.headerRows === undefined ? {} : { headerRows: block.headerRows }) };
}

export function mergeBlocks(
  merge: Merge,
  itemId: string,
  base: readonly MinuteBlock[],
  mine: readonly MinuteBlock[],
  theirs: readonly MinuteBlock[],
): MinuteBlock[] {
  return mergeList<MinuteBlock>(merge, base, mine, theirs, {
    both: (was, ours, other) => {
      if (same(ours, other)) return ours;
      const shape = (block: MinuteBlock | undefined) => (block ? { type: block.type, level: block.level } : undefined);
      // Type and level, and the text, merge separately: one clerk making a paragraph a bullet
      // while another corrects its wording is no conflict.
      const probe = new Merge();
      const layout = probe.value(shape(was), shape(ours), shape(other), { kind: 'paragraph', itemId, blockId: ours.id });
      const runs = probe.value(was?.runs, ours.runs, other.runs, { kind: 'paragraph', itemId, blockId: ours.id });
      // A table's cells merge as one value, like a paragraph's text: both sides changing it is a conflict.
      const table = probe.value(cellsOf(was), cellsOf(ours), cellsOf(other), { kind: 'paragraph', itemId, blockId: ours.id });
      if (probe.drafts.length > 0) {
        return merge.conflict(was, ours, other, { kind: 'paragraph', itemId, blockId: ours.id })!;
      }
      merge.automatic += probe.automatic;
      const block: MinuteBlock = { id: ours.id, type: layout!.type, runs: runs! };
      if (layout!.level !== undefined) block.level = layout!.level;
      if (table?.rows !== undefined) block.rows = table.rows;
      if (table?.headerRows !== undefined) block.headerRows = table.headerRows;
      return block;
    },
  });
}
