/**
 * Bringing the minutes on screen up to date with a version the core merged from someone else,
 * without losing what the clerk has typed and without moving the cursor. Pure: the blocks in,
 * the blocks (and the smallest edit to reach them) out, so every rule is tested without an editor.
 *
 * The rules follow the merge the core does (docs/sync.md), paragraph by paragraph through the
 * stable block ids, with `base` being the minutes as the core last told this window:
 * - a paragraph only the colleague changed takes their text; one only the clerk changed keeps the
 *   clerk's; one both changed keeps the clerk's (it is sent, and the core flags the conflict)
 *   unless the core has already flagged that very conflict and the clerk's text is one of its two
 *   versions, in which case the version the core kept in place is shown;
 * - paragraphs added on either side stay (the clerk's after the paragraph that precedes them on
 *   the clerk's side); an edit beats a deletion; a paragraph deleted on one side and untouched on
 *   the other goes.
 */
import type { MinuteBlock, ParagraphConflict, TableCell, TextRun } from '../../main/domain/meeting';

function sameRuns(a: readonly TextRun[], b: readonly TextRun[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((run, index) => {
    const other = b[index]!;
    const marks = run.marks ?? [];
    const otherMarks = other.marks ?? [];
    return run.text === other.text && marks.length === otherMarks.length && marks.every((mark, at) => mark === otherMarks[at]);
  });
}

/** A table's rows as the editor shows them: at least one row, every row as wide as the widest (empty cells added). */
function shownRows(block: MinuteBlock): TableCell[][] {
  const rows = block.rows && block.rows.length > 0 ? block.rows : [[[]]];
  const width = Math.max(...rows.map((row) => row.length));
  return rows.map((row) => Array.from({ length: width }, (_, index) => row[index] ?? []));
}

/** Same cells and header rows; a short row equals the same row filled out with empty cells. */
function sameTable(a: MinuteBlock, b: MinuteBlock): boolean {
  if ((a.headerRows ?? 0) !== (b.headerRows ?? 0)) return false;
  const rowsA = shownRows(a);
  const rowsB = shownRows(b);
  return (
    rowsA.length === rowsB.length &&
    rowsA.every((row, rowIndex) => row.length === rowsB[rowIndex]!.length && row.every((cell, cellIndex) => sameRuns(cell, rowsB[rowIndex]![cellIndex]!)))
  );
}

/** Same layout and same text (ids aside). */
export function sameBlock(a: MinuteBlock | undefined, b: MinuteBlock | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.type === 'table' || b.type === 'table') return a.type === b.type && sameTable(a, b);
  return a.type === b.type && (a.level ?? 0) === (b.level ?? 0) && sameRuns(a.runs, b.runs);
}

export function sameMinutes(a: readonly MinuteBlock[], b: readonly MinuteBlock[]): boolean {
  return a.length === b.length && a.every((block, index) => block.id === b[index]!.id && sameBlock(block, b[index]));
}

function byId(blocks: readonly MinuteBlock[]): Map<string, MinuteBlock> {
  return new Map(blocks.map((block) => [block.id, block]));
}

/**
 * The minutes to show: `incoming` (the core's) with the clerk's own unacknowledged edits in
 * `local` kept on top. `base` is what the core had last told this window about this item.
 */
export function reconcileMinutes(
  base: readonly MinuteBlock[],
  local: readonly MinuteBlock[],
  incoming: readonly MinuteBlock[],
  conflicts: readonly ParagraphConflict[] = [],
): MinuteBlock[] {
  const baseById = byId(base);
  const localById = byId(local);
  const incomingById = byId(incoming);
  const conflictByBlock = new Map(conflicts.map((conflict) => [conflict.blockId, conflict]));

  const result: MinuteBlock[] = [];
  for (const theirs of incoming) {
    const mine = localById.get(theirs.id);
    const before = baseById.get(theirs.id);
    if (!mine) {
      // Gone on the clerk's side: deleted here if the colleague left it as it was.
      if (before && sameBlock(before, theirs)) continue;
      result.push(theirs);
      continue;
    }
    const clerkChanged = !sameBlock(mine, before);
    if (!clerkChanged || sameBlock(mine, theirs)) {
      result.push(theirs);
      continue;
    }
    const conflict = conflictByBlock.get(theirs.id);
    if (conflict && (sameBlock(mine, conflict.kept.block) || sameBlock(mine, conflict.other.block))) {
      result.push(theirs);
      continue;
    }
    result.push(mine);
  }

  // The clerk's paragraphs the incoming version does not hold: added here, or edited here while
  // the colleague deleted them. Each goes after the paragraph that precedes it on the clerk's side.
  let previousId: string | undefined;
  for (const mine of local) {
    if (!incomingById.has(mine.id)) {
      const before = baseById.get(mine.id);
      const keep = !before || !sameBlock(before, mine);
      if (keep) {
        const anchor = previousId === undefined ? -1 : result.findIndex((block) => block.id === previousId);
        result.splice(anchor + 1, 0, mine);
      }
    }
    if (result.some((block) => block.id === mine.id)) previousId = mine.id;
  }
  return result;
}

/** The smallest edit that turns the editor's minutes into the target. */
export type MinutesUpdatePlan =
  | { kind: 'none' }
  /** Same paragraphs in the same order and layout: only the text of these changed. */
  | { kind: 'text'; blocks: MinuteBlock[] }
  /** Paragraphs added, removed, moved or re-laid out: the document is rebuilt. */
  | { kind: 'document' };

export function planMinutesUpdate(current: readonly MinuteBlock[], target: readonly MinuteBlock[]): MinutesUpdatePlan {
  const sameShape =
    current.length === target.length &&
    current.every((block, index) => {
      const other = target[index]!;
      return block.id === other.id && block.type === other.type && (block.level ?? 0) === (other.level ?? 0);
    });
  if (!sameShape) return { kind: 'document' };
  // A table's cells are not paragraphs with ids of their own: a changed table rebuilds the document.
  if (target.some((block, index) => block.type === 'table' && !sameBlock(block, current[index]))) return { kind: 'document' };
  const changed = target.filter((block, index) => !sameRuns(block.runs, current[index]!.runs));
  return changed.length === 0 ? { kind: 'none' } : { kind: 'text', blocks: changed };
}

/** Where a cursor sits, in the clerk's terms: this paragraph, this many characters in. */
export interface BlockOffset {
  blockId: string;
  offset: number;
}

export function blockTextLength(block: MinuteBlock): number {
  return block.runs.reduce((total, run) => total + run.text.length, 0);
}

/**
 * Where the cursor goes after the update: the same paragraph at the same offset, clamped to its
 * new length when the paragraph changed underneath; undefined when the paragraph is gone.
 */
export function cursorAfterUpdate(cursor: BlockOffset, target: readonly MinuteBlock[]): BlockOffset | undefined {
  const block = target.find((each) => each.id === cursor.blockId);
  if (!block) return undefined;
  return { blockId: block.id, offset: Math.min(Math.max(0, cursor.offset), blockTextLength(block)) };
}
