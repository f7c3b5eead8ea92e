/** Number boxes the clerk types in (quorum counts, minute numbers, font sizes): the number the text stands for, and back. */

/** The box's text as a number: NaN while the box is empty, so the schema reports it on saving. */
export function numberFrom(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

/** A number as its box shows it: empty for NaN. */
export function shownNumber(value: number): string {
  return Number.isNaN(value) ? '' : String(value);
}
