/**
 * Gives every paragraph, sub-heading, list item and table of the minutes a stable id, so the meeting file
 * can tell "this paragraph was edited" from "a paragraph was replaced" when merging and keeping
 * history. Ids are never taken from pasted HTML: pasted text is new text, and the paragraph it was
 * copied from keeps its own id.
 */
import { Extension } from '@tiptap/react';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { newId } from '../../main/domain/meeting';
import { BLOCK_ID_ATTRIBUTE } from './blocks';

const BLOCKS_WITH_IDS = ['paragraph', 'heading', 'listItem', 'table'];

export const blockIdPluginKey = new PluginKey('minutebookBlockIds');

/** A transaction that gives an id to each block lacking one or repeating an earlier one; null if none needs it. */
export function assignBlockIds(state: EditorState): Transaction | null {
  const seen = new Set<string>();
  let tr: Transaction | null = null;
  state.doc.descendants((node, pos) => {
    if (!BLOCKS_WITH_IDS.includes(node.type.name)) return !node.isTextblock;
    const id: unknown = node.attrs[BLOCK_ID_ATTRIBUTE];
    if (typeof id === 'string' && !seen.has(id)) {
      seen.add(id);
    } else {
      const fresh = newId();
      seen.add(fresh);
      tr = (tr ?? state.tr).setNodeAttribute(pos, BLOCK_ID_ATTRIBUTE, fresh);
    }
    // Text inside a textblock holds no blocks, and a table's cells are not blocks of the minutes;
    // skipping both keeps this walk cheap on long minutes.
    return !node.isTextblock && node.type.name !== 'table';
  });
  return tr;
}

export const BlockIds = Extension.create({
  name: 'blockIds',

  addGlobalAttributes() {
    return [
      {
        types: BLOCKS_WITH_IDS,
        attributes: {
          [BLOCK_ID_ATTRIBUTE]: {
            default: null,
            // Splitting a block must give the new half a new id rather than a copy of the old one.
            keepOnSplit: false,
            rendered: false,
            parseHTML: () => null,
          },
        },
      },
    ];
  },

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: blockIdPluginKey,
        appendTransaction: (transactions, _oldState, newState) =>
          transactions.some((transaction) => transaction.docChanged) ? assignBlockIds(newState) : null,
      }),
    ];
  },
});
