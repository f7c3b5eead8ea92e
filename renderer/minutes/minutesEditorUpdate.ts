/**
 * Turns "show these minutes" into one ProseMirror transaction on the editor's state: only the
 * paragraphs that changed are touched, the clerk's selection stays in the same paragraph at the
 * same offset (clamped when that paragraph got shorter), and the update is kept out of undo, so
 * Ctrl+Z never takes back a colleague's words.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Selection, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import type { MinuteBlock } from '../../main/domain/meeting';
import { BLOCK_ID_ATTRIBUTE, documentFromBlocks } from './blocks';
import { cursorAfterUpdate, planMinutesUpdate, type BlockOffset } from './minutesReconcile';

interface PlacedTextblock {
  /** Position just before the textblock. */
  pos: number;
  node: ProseMirrorNode;
}

/**
 * The block id that the minutes give a textblock: its own, or for the first paragraph of a list
 * item, the list item's (as blocksFromDocument reads it).
 */
function blockIdOfTextblock(node: ProseMirrorNode, parent: ProseMirrorNode | null, index: number): string | undefined {
  const carrier = parent && parent.type.name === 'listItem' && index === 0 ? parent : node;
  const id: unknown = carrier.attrs[BLOCK_ID_ATTRIBUTE];
  return typeof id === 'string' ? id : undefined;
}

/** Every textblock of the document by the id of the minute block it holds. */
export function textblocksById(doc: ProseMirrorNode): Map<string, PlacedTextblock> {
  const found = new Map<string, PlacedTextblock>();
  doc.descendants((node, pos, parent, index) => {
    if (!node.isTextblock) return true;
    const id = blockIdOfTextblock(node, parent, index);
    if (id !== undefined && !found.has(id)) found.set(id, { pos, node });
    return false;
  });
  return found;
}

/** The paragraph and offset of a position in the document; undefined outside any textblock with an id. */
export function blockOffsetAt(doc: ProseMirrorNode, position: number): BlockOffset | undefined {
  const resolved = doc.resolve(position);
  if (!resolved.parent.isTextblock || resolved.depth === 0) return undefined;
  const parent = resolved.node(resolved.depth - 1);
  const id = blockIdOfTextblock(resolved.parent, parent, resolved.index(resolved.depth - 1));
  return id === undefined ? undefined : { blockId: id, offset: resolved.parentOffset };
}

/**
 * The id of the minute block a position is in: the table round a cell, the list item or paragraph;
 * undefined outside any block with an id.
 */
export function blockIdAt(doc: ProseMirrorNode, position: number): string | undefined {
  const resolved = doc.resolve(position);
  for (let depth = resolved.depth; depth > 0; depth--) {
    const node = resolved.node(depth);
    const id: unknown = node.attrs[BLOCK_ID_ATTRIBUTE];
    if (node.type.name === 'table') return typeof id === 'string' ? id : undefined;
  }
  return blockOffsetAt(doc, position)?.blockId;
}

function inlineContent(state: EditorState, block: MinuteBlock) {
  const paragraph = documentFromBlocks([{ ...block, type: 'paragraph' }]).content?.[0];
  return state.schema.nodeFromJSON(paragraph ?? { type: 'paragraph' }).content;
}

/**
 * The transaction that shows `target` in the editor, or null when it already does. `current` is
 * the editor's minutes as blocks (blocksFromDocument of its document).
 */
export function minutesUpdateTransaction(state: EditorState, current: readonly MinuteBlock[], target: readonly MinuteBlock[]): Transaction | null {
  const plan = planMinutesUpdate(current, target);
  if (plan.kind === 'none') return null;
  const { selection } = state;
  const anchor = blockOffsetAt(state.doc, selection.anchor);
  const head = blockOffsetAt(state.doc, selection.head);
  const tr = state.tr;

  if (plan.kind === 'text') {
    const placed = textblocksById(state.doc);
    // From the end backwards, so earlier positions stay valid.
    const edits = plan.blocks
      .map((block) => ({ block, at: placed.get(block.id) }))
      .filter((edit): edit is { block: MinuteBlock; at: PlacedTextblock } => edit.at !== undefined)
      .sort((a, b) => b.at.pos - a.at.pos);
    for (const { block, at } of edits) tr.replaceWith(at.pos + 1, at.pos + 1 + at.node.content.size, inlineContent(state, block));
  } else {
    tr.replaceWith(0, state.doc.content.size, state.schema.nodeFromJSON(documentFromBlocks(target)).content);
  }

  const placedAfter = textblocksById(tr.doc);
  const positionOf = (cursor: BlockOffset | undefined, before: number): number => {
    const kept = cursor ? cursorAfterUpdate(cursor, target) : undefined;
    const at = kept ? placedAfter.get(kept.blockId) : undefined;
    if (kept && at) return at.pos + 1 + Math.min(kept.offset, at.node.content.size);
    return tr.mapping.map(before);
  };
  const nextAnchor = positionOf(anchor, selection.anchor);
  const nextHead = positionOf(head, selection.head);
  try {
    tr.setSelection(TextSelection.create(tr.doc, nextAnchor, nextHead));
  } catch {
    tr.setSelection(Selection.near(tr.doc.resolve(Math.min(nextHead, tr.doc.content.size))));
  }
  tr.setMeta('addToHistory', false);
  // Not the clerk's typing: nothing to send back.
  tr.setMeta('preventUpdate', true);
  return tr;
}
