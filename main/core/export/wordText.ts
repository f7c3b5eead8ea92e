/**
 * What the Word documents (the minutes and the action log) write their text with: runs with only
 * the characters XML allows, a table cell of one line, and the lines at the top and foot of every
 * page.
 */
import { AlignmentType, PageNumber, Paragraph, TableCell, TextRun, type ITableWidthProperties } from 'docx';
import type { Mark } from '../../domain/meeting';

/**
 * Drops the characters XML 1.0 forbids: C0 controls other than tab, newline and carriage
 * return, U+FFFE and U+FFFF, and lone surrogates. Pasted text carries them, and Word refuses
 * a file that holds even one.
 */
export function xmlSafe(text: string): string {
  // With the u flag a surrogate pair is one code point, so only lone surrogates match \uD800-\uDFFF.
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/gu, '');
}

export function textRun(text: string, marks: readonly Mark[] = []): TextRun {
  return new TextRun({
    text: xmlSafe(text),
    bold: marks.includes('bold') || undefined,
    italics: marks.includes('italic') || undefined,
    underline: marks.includes('underline') ? {} : undefined,
  });
}

/** One line of text in a table cell of the given width; bold for a header row. */
export function tableCell(text: string, width: ITableWidthProperties, bold = false): TableCell {
  return new TableCell({
    width,
    children: [new Paragraph({ spacing: { after: 0 }, children: [textRun(text, bold ? ['bold'] : [])] })],
  });
}

/** A line of the page header, on the right. */
export function headerLine(text: string, bold = false): Paragraph {
  return new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 0 }, children: [textRun(text, bold ? ['bold'] : [])] });
}

/** "Page 2 of 5", centred in the footer. */
export function pageNumberLine(): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 0 },
    children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
  });
}
