/**
 * What the minutes editor can hold: paragraphs, one level of sub-heading, bold/italic/underline,
 * bulleted and numbered lists, tables of plain cells (header rows, text with bold/italic/underline),
 * line breaks, undo/redo. Everything else (strike, code, quotes, rules, links, lists or headings
 * inside a cell) is left out so the editor never holds what the meeting file and the Word export cannot.
 */
import StarterKit from '@tiptap/starter-kit';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
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
  // Column widths are Word's business: no resize handles, which would also need inline styles the page's policy forbids.
  Table.configure({ resizable: false }),
  TableRow,
  // A cell of the minutes is text: one or more paragraphs (read back as lines of one cell).
  TableHeader.extend({ content: 'paragraph+' }),
  TableCell.extend({ content: 'paragraph+' }),
  BlockIds,
];
