/**
 * Minutes Minute Book writes for the clerk: the Apologies item from the attendance, the
 * Declarations item from the declarations. They follow every change to the record until the
 * clerk edits the text by hand. Block ids are derived from the item id, so regenerating the same
 * text gives the same blocks (journal replay and merging stay idempotent).
 */
import type { AgendaItem, Meeting, MinuteBlock } from './meeting';
import { apologiesSentences, COUNCIL_SHAPE, declarationSentences, type MinuteReferences } from './wording';

function generatedBlocks(item: AgendaItem, sentences: readonly string[]): MinuteBlock[] {
  return sentences.map((text, index) => ({ id: `${item.id}-g${index + 1}`, type: 'paragraph', runs: [{ text }] }));
}

function sameText(a: readonly MinuteBlock[], b: readonly MinuteBlock[]): boolean {
  return a.length === b.length && a.every((block, index) => JSON.stringify(block) === JSON.stringify(b[index]));
}

/** Whether Minute Book writes this item's minutes from the record: an Apologies or Declarations item the clerk has not edited. */
export function writesItsOwnMinutes(item: AgendaItem): boolean {
  return !item.minutesEditedByHand && (item.role === 'apologies' || item.role === 'declarations');
}

/**
 * The item's minutes as Minute Book writes them, in the body's own wording (its member title, the
 * house style's minute numbers); the item's stored minutes when the clerk has edited them or it
 * is not a generated item. The stored text is the council's wording; the export asks for the body's.
 */
export function generatedMinutesOf(meeting: Meeting, item: AgendaItem, references?: MinuteReferences): MinuteBlock[] {
  if (!writesItsOwnMinutes(item)) return item.minutes;
  const shape = references?.shape ?? COUNCIL_SHAPE;
  const sentences = item.role === 'apologies' ? apologiesSentences(meeting, shape) : declarationSentences(meeting, references);
  return generatedBlocks(item, sentences);
}

export function refreshGeneratedMinutes(meeting: Meeting): Meeting {
  let changed = false;
  const agenda = meeting.agenda.map((item) => {
    if (!writesItsOwnMinutes(item)) return item;
    const minutes = generatedMinutesOf(meeting, item);
    if (sameText(item.minutes, minutes)) return item;
    changed = true;
    return { ...item, minutes };
  });
  return changed ? { ...meeting, agenda } : meeting;
}
