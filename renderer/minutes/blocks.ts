/**
 * Converts between the editor's document (TipTap JSON) and the minutes as the meeting file stores
 * them (MinuteBlock[]). Pure, so both directions can be tested without an editor: a round trip keeps
 * text, bold/italic/underline, list kind, nesting, tables (header rows, cell text) and every block id.
 */
import type { JSONContent } from '@tiptap/react';
import { newId, type Mark, type MinuteBlock, type TableCell, type TextRun } from '../../main/domain/meeting';

/** The attribute that carries a block's stable id on paragraphs, sub-headings and list items. */
export const BLOCK_ID_ATTRIBUTE = 'blockId';

/** The only sub-heading level minutes use; pasted h1–h6 all become this. */
export const SUB_HEADING_LEVEL = 3;

const MARK_ORDER: readonly Mark[] = ['bold', 'italic', 'underline'];

type ListKind = 'bullet' | 'numbered';

const LIST_NODE: Record<ListKind, string> = { bullet: 'bulletList', numbered: 'orderedList' };

function listKindOf(node: JSONContent): ListKind | undefined {
  if (node.type === 'bulletList') return 'bullet';
  if (node.type === 'orderedList') return 'numbered';
  return undefined;
}

function blockIdOf(node: JSONContent): string {
  const id: unknown = node.attrs?.[BLOCK_ID_ATTRIBUTE];
  // Every node gets an id from the editor's id plugin; a fresh one here only covers a document
  // serialised before its first transaction.
  return typeof id === 'string' && id.length >= 4 ? id : newId();
}

function marksOf(node: JSONContent): Mark[] {
  const names = new Set((node.marks ?? []).map((mark) => mark.type));
  return MARK_ORDER.filter((mark) => names.has(mark));
}

function sameMarks(a: readonly Mark[], b: readonly Mark[]): boolean {
  return a.length === b.length && a.every((mark, index) => mark === b[index]);
}

/** The runs of one textblock: adjacent text with identical marks merged, hard breaks as "\n". */
export function runsFromInline(content: readonly JSONContent[] | undefined): TextRun[] {
  const runs: { text: string; marks: Mark[] }[] = [];
  for (const node of content ?? []) {
    let text: string;
    if (node.type === 'text') text = node.text ?? '';
    else if (node.type === 'hardBreak') text = '\n';
    else continue;
    if (text === '') continue;
    const marks = marksOf(node);
    const last = runs[runs.length - 1];
    if (last && sameMarks(last.marks, marks)) last.text += text;
    else runs.push({ text, marks });
  }
  return runs.map(({ text, marks }) => (marks.length > 0 ? { text, marks } : { text }));
}

function inlineFromRuns(runs: readonly TextRun[]): JSONContent[] {
  const content: JSONContent[] = [];
  for (const run of runs) {
    const marks = (run.marks ?? []).map((mark) => ({ type: mark }));
    run.text.split('\n').forEach((line, index) => {
      if (index > 0) content.push({ type: 'hardBreak', ...(marks.length > 0 ? { marks } : {}) });
      if (line !== '') content.push({ type: 'text', text: line, ...(marks.length > 0 ? { marks } : {}) });
    });
  }
  return content;
}

function textblockToBlock(node: JSONContent, id: string, type: MinuteBlock['type'], level?: number): MinuteBlock {
  const block: MinuteBlock = { id, type, runs: runsFromInline(node.content) };
  if (level !== undefined) block.level = level;
  return block;
}

function listToBlocks(list: JSONContent, kind: ListKind, level: number, into: MinuteBlock[]): void {
  for (const listItem of list.content ?? []) {
    if (listItem.type !== 'listItem') continue;
    let itemIdUsed = false;
    for (const child of listItem.content ?? []) {
      const childKind = listKindOf(child);
      if (childKind) {
        listToBlocks(child, childKind, Math.min(level + 1, 8), into);
      } else if (child.type === 'table') {
        // A table inserted or pasted inside a list item is kept, as a table after the item.
        into.push(tableToBlock(child));
      } else if (child.type === 'paragraph' || child.type === 'heading') {
        // A list item's first paragraph is the item itself; any further paragraph (pasted from
        // elsewhere) becomes its own item at the same level, since minutes hold one line per item.
        const id = itemIdUsed ? blockIdOf(child) : blockIdOf(listItem);
        itemIdUsed = true;
        into.push(textblockToBlock(child, id, kind, level));
      }
    }
  }
}

/** The most cells a row and header rows a table may hold in the meeting file (main/domain/meeting.ts). */
export const TABLE_MAX_COLUMNS = 20;
export const TABLE_MAX_HEADER_ROWS = 5;

const TABLE_CELL_NODES = ['tableCell', 'tableHeader'];

/** Every textblock inside a node (a cell holds paragraphs; anything pasted deeper is flattened). */
function textblocksIn(node: JSONContent, into: JSONContent[] = []): JSONContent[] {
  for (const child of node.content ?? []) {
    if (child.type === 'paragraph' || child.type === 'heading') into.push(child);
    else textblocksIn(child, into);
  }
  return into;
}

/** A cell's text: its paragraphs joined by line breaks, as one list of runs. */
function cellFromNode(cell: JSONContent): TableCell {
  const inline: JSONContent[] = [];
  textblocksIn(cell).forEach((paragraph, index) => {
    if (index > 0) inline.push({ type: 'hardBreak' });
    inline.push(...(paragraph.content ?? []));
  });
  return runsFromInline(inline);
}

function tableToBlock(table: JSONContent): MinuteBlock {
  const rows: TableCell[][] = [];
  let headerRows = 0;
  let inHeader = true;
  for (const row of table.content ?? []) {
    if (row.type !== 'tableRow') continue;
    const cellNodes = (row.content ?? []).filter((cell) => TABLE_CELL_NODES.includes(cell.type ?? ''));
    const cells: TableCell[] = [];
    for (const cellNode of cellNodes) {
      cells.push(cellFromNode(cellNode));
      // A merged cell (pasted) keeps the columns after it in place with empty cells.
      const span: unknown = cellNode.attrs?.colspan;
      for (let extra = 1; extra < (typeof span === 'number' ? span : 1); extra++) cells.push([]);
    }
    if (cells.length === 0) continue;
    // The meeting file holds at most 20 cells a row: what is further right joins the last one, tab-separated.
    const overflow = cells.splice(TABLE_MAX_COLUMNS);
    if (overflow.length > 0)
      cells[TABLE_MAX_COLUMNS - 1] = overflow.reduce((joined, cell) => [...joined, { text: '\t' }, ...cell], cells[TABLE_MAX_COLUMNS - 1]!);
    inHeader = inHeader && cellNodes.every((cell) => cell.type === 'tableHeader');
    if (inHeader) headerRows++;
    rows.push(cells);
  }
  const block: MinuteBlock = { id: blockIdOf(table), type: 'table', runs: [], rows };
  if (headerRows > 0) block.headerRows = Math.min(headerRows, TABLE_MAX_HEADER_ROWS);
  return block;
}

/** The editor document as minute blocks. A document holding only one empty paragraph is no minutes. */
export function blocksFromDocument(doc: JSONContent): MinuteBlock[] {
  const blocks: MinuteBlock[] = [];
  for (const node of doc.content ?? []) {
    const kind = listKindOf(node);
    if (kind) listToBlocks(node, kind, 0, blocks);
    else if (node.type === 'paragraph') blocks.push(textblockToBlock(node, blockIdOf(node), 'paragraph'));
    else if (node.type === 'heading') blocks.push(textblockToBlock(node, blockIdOf(node), 'heading'));
    else if (node.type === 'table') blocks.push(tableToBlock(node));
  }
  const only = blocks[0];
  if (blocks.length === 1 && only && only.type === 'paragraph' && only.runs.length === 0) return [];
  return blocks;
}

interface OpenList {
  node: JSONContent & { content: JSONContent[] };
  kind: ListKind;
  level: number;
}

function newList(kind: ListKind): OpenList['node'] {
  return { type: LIST_NODE[kind], content: [] };
}

function listItemFor(block: MinuteBlock): JSONContent {
  return {
    type: 'listItem',
    attrs: { [BLOCK_ID_ATTRIBUTE]: block.id },
    content: [{ type: 'paragraph', content: inlineFromRuns(block.runs) }],
  };
}

/** Appends one list block to the open lists, nesting or closing lists to reach the block's level. */
function placeListBlock(block: MinuteBlock & { type: ListKind }, open: OpenList[], doc: JSONContent[]): void {
  const top = open[open.length - 1];
  // A list cannot skip a level (there is no item to hang it from), so deeper levels are clamped.
  const level = Math.min(block.level ?? 0, top ? top.level + 1 : 0);
  while (open.length > 0 && open[open.length - 1]!.level > level) open.pop();
  const current = open[open.length - 1];
  if (current && current.level === level && current.kind === block.type) {
    current.node.content.push(listItemFor(block));
    return;
  }
  if (current && current.level === level) open.pop();
  const list = newList(block.type);
  list.content.push(listItemFor(block));
  const parent = open[open.length - 1];
  if (parent) {
    const parentItem = parent.node.content[parent.node.content.length - 1];
    if (parentItem) (parentItem.content ??= []).push(list);
  } else {
    doc.push(list);
  }
  open.push({ node: list, kind: block.type, level });
}

function isListBlock(block: MinuteBlock): block is MinuteBlock & { type: ListKind } {
  return block.type === 'bullet' || block.type === 'numbered';
}

/** A table block as the editor's table; short rows are filled out with empty cells, as the Word export does. */
function tableNodeFor(block: MinuteBlock): JSONContent {
  // The editor cannot hold a table without a row; a rowless one shows as one empty cell (sameBlock counts them equal).
  const rows = block.rows && block.rows.length > 0 ? block.rows : [[[]]];
  const width = Math.max(1, ...rows.map((row) => row.length));
  const headerRows = block.headerRows ?? 0;
  return {
    type: 'table',
    attrs: { [BLOCK_ID_ATTRIBUTE]: block.id },
    content: rows.map((row, rowIndex) => ({
      type: 'tableRow',
      content: Array.from({ length: width }, (_, cellIndex) => ({
        type: rowIndex < headerRows ? 'tableHeader' : 'tableCell',
        content: [{ type: 'paragraph', content: inlineFromRuns(row[cellIndex] ?? []) }],
      })),
    })),
  };
}

/** Minute blocks as an editor document; consecutive list blocks rebuild (nested) lists. */
export function documentFromBlocks(blocks: readonly MinuteBlock[]): JSONContent {
  const content: JSONContent[] = [];
  let open: OpenList[] = [];
  for (const block of blocks) {
    if (isListBlock(block)) {
      placeListBlock(block, open, content);
      continue;
    }
    open = [];
    if (block.type === 'table') {
      content.push(tableNodeFor(block));
      continue;
    }
    const attrs: Record<string, string | number> = { [BLOCK_ID_ATTRIBUTE]: block.id };
    if (block.type === 'heading') attrs.level = SUB_HEADING_LEVEL;
    content.push({ type: block.type, attrs, content: inlineFromRuns(block.runs) });
  }
  if (content.length === 0) content.push({ type: 'paragraph' });
  return { type: 'doc', content };
}
