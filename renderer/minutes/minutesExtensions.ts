/**
 * What the minutes editor can hold: paragraphs, one level of sub-heading, bold/italic/underline,
 * bulleted and numbered lists, line breaks, undo/redo. Everything else (strike, code, quotes, rules,
 * links) is left out so the editor never holds what the meeting file and the Word export cannot.
 */
import StarterKit from '@tiptap/starter-kit';
import { BlockIds } from './blockIds';
import { SUB_HEADING_LEVEL } from './blocks';

export const minutesExtensions = [
  StarterKit.configure({
    heading: { levels: [SUB_HEADING_LEVEL] },
    strike: false,
    code: false,
    codeBlock: false,
    blockquote: false,
    horizontalRule: false,
    link: false,
    // An automatic empty paragraph after a final list would appear in the minutes as a stray block.
    trailingNode: false,
  }),
  BlockIds,
];
