/**
 * Column widths of a table in the minutes, by what the columns hold: a column is at least as wide
 * as its longest word (or its longest cell, where a cell must not wrap, such as a due date), and
 * the rest of the width goes to the columns with more text ("Item" wide, "Lead" narrow).
 */

/** Portrait A4 between docx's default 1-inch margins, in twentieths of a point. */
export const PORTRAIT_TEXT_WIDTH_TWIPS = 11906 - 2 * 1440;
/** An average character of an 11 or 12 pt font, wide enough for a bold header such as "Owner", in twips; and a cell's left and right padding. */
const CHARACTER_TWIPS = 140;
const CELL_PADDING_TWIPS = 280;
/** No column narrower than four characters, and a long cell counts no more than this many. */
const MINIMUM_CHARACTERS = 4;
const LONGEST_COUNTED = 60;

const longestWord = (text: string) => Math.max(0, ...text.split(/\s+/).map((word) => word.length));

/**
 * Widths in twips, summing to `total`, for columns given as their cells' texts (header included);
 * `unbroken` marks columns whose cells must each stay on one line.
 */
export function columnWidthsByContent(
  columns: ReadonlyArray<readonly string[]>,
  total = PORTRAIT_TEXT_WIDTH_TWIPS,
  unbroken: ReadonlySet<number> = new Set(),
): number[] {
  if (columns.length === 0) return [];
  const twips = (characters: number) => Math.max(characters, MINIMUM_CHARACTERS) * CHARACTER_TWIPS + CELL_PADDING_TWIPS;
  const minimum = columns.map((cells, index) => twips(Math.max(0, ...cells.map((cell) => (unbroken.has(index) ? cell.trim().length : longestWord(cell))))));
  const wanted = columns.map((cells, index) =>
    Math.max(minimum[index]!, twips(Math.min(LONGEST_COUNTED, Math.max(0, ...cells.map((cell) => cell.trim().length))))),
  );
  const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
  let widths: number[];
  if (sum(wanted) <= total) widths = wanted.map((width) => (width * total) / sum(wanted));
  else if (sum(minimum) >= total) widths = minimum.map((width) => (width * total) / sum(minimum));
  else {
    const spare = total - sum(minimum);
    const extra = wanted.map((width, index) => width - minimum[index]!);
    widths = minimum.map((width, index) => width + (spare * extra[index]!) / sum(extra));
  }
  const rounded = widths.map(Math.floor);
  rounded[rounded.length - 1]! += total - sum(rounded);
  return rounded;
}
