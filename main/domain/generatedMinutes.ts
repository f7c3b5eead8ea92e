/**
 * Minutes Minute Book writes for the clerk: the Apologies item from the attendance, the
 * Declarations item from the declarations. They follow every change to the record until the
 * clerk edits the text by hand. Block ids are derived from the item id, so regenerating the same
 * text gives the same blocks (journal replay and merging stay idempotent).
 */
import type { AgendaItem, Meeting, MinuteBlock } from './meeting';
import { apologiesSentences, declarationSentences } from './wording';

function generatedBlocks(item: AgendaItem, sentences: readonly string[]): MinuteBlock[] {
  return sentences.map((text, index) => ({ id: `${item.id}-g${index + 1}`, type: 'paragraph', runs: [{ text }] }));
}

function sameText(a: readonly MinuteBlock[], b: readonly MinuteBlock[]): boolean {
  return a.length === b.length && a.every((block, index) => JSON.stringify(block) === JSON.stringify(b[index]));
}

export function refreshGeneratedMinutes(meeting: Meeting): Meeting {
  let changed = false;
  const agenda = meeting.agenda.map((item) => {
    if (item.minutesEditedByHand || (item.role !== 'apologies' && item.role !== 'declarations')) return item;
    const sentences = item.role === 'apologies' ? apologiesSentences(meeting) : declarationSentences(meeting);
    const minutes = generatedBlocks(item, sentences);
    if (sameText(item.minutes, minutes)) return item;
    changed = true;
    return { ...item, minutes };
  });
  return changed ? { ...meeting, agenda } : meeting;
}
