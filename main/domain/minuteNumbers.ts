/**
 * Minute numbers, paragraph numbers and action references, all derived from the agenda's order,
 * so they renumber themselves when items are moved, deleted or added. Minutes are numbered in
 * agenda order from the meeting's first minute number (which follows on from the committee's last
 * meeting); a section heading ("PART ONE") takes no number; a sub-item takes its minute's number
 * and a letter ("63(b)"). An action's reference follows the house style's pattern ("64/1").
 */
import { formatMinuteNumber } from './houseStyle';
import type { AgendaItem, Meeting } from './meeting';

/** Where an agenda entry stands in the numbering. */
export interface ItemNumber {
  /** The minute's number: its own, or for a sub-item its minute's; absent for a section or a sub-item before any minute. */
  number?: number;
  /** For a sub-item, its letter: "a", "b", … */
  letter?: string;
}

/** "a" … "z", then "aa", "ab", … */
export function letterOf(index: number): string {
  let letters = '';
  let rest = index;
  do {
    letters = String.fromCharCode(97 + (rest % 26)) + letters;
    rest = Math.floor(rest / 26) - 1;
  } while (rest >= 0);
  return letters;
}

/** The numbering of every agenda entry, by id, in one pass. */
export function agendaNumbering(meeting: Pick<Meeting, 'agenda' | 'firstMinuteNumber'>): Map<string, ItemNumber> {
  const numbering = new Map<string, ItemNumber>();
  let next = meeting.firstMinuteNumber;
  let current: number | undefined;
  let letters = 0;
  for (const item of meeting.agenda) {
    if (item.shape === 'section') {
      numbering.set(item.id, {});
    } else if (item.shape === 'sub-item') {
      numbering.set(item.id, current === undefined ? {} : { number: current, letter: letterOf(letters++) });
    } else {
      current = next++;
      letters = 0;
      numbering.set(item.id, { number: current });
    }
  }
  return numbering;
}

/** "63", "63(b)", "" for a section; "?" for an id not on the agenda. */
export function minuteNumberOf(meeting: Pick<Meeting, 'agenda' | 'firstMinuteNumber'>, itemId: string): number | string {
  const place = agendaNumbering(meeting).get(itemId);
  if (!place) return '?';
  if (place.number === undefined) return '';
  return place.letter === undefined ? place.number : `${place.number}(${place.letter})`;
}

/** The item's minute number as the house style writes it: "64", "64.", "PDS/22/64", "PDS/22/64(b)"; "" for a section. */
export function styledMinuteNumber(meeting: Pick<Meeting, 'agenda' | 'firstMinuteNumber' | 'date'>, itemId: string, pattern: string): string {
  const place = agendaNumbering(meeting).get(itemId);
  if (!place) return '?';
  if (place.number === undefined) return '';
  const styled = formatMinuteNumber(pattern, place.number, meeting.date);
  return place.letter === undefined ? styled : `${styled.replace(/[.:]$/, '')}(${place.letter})`;
}

/** Whether the entry is a section heading, which takes no number and holds no minutes. */
export function isSection(item: AgendaItem): boolean {
  return item.shape === 'section';
}

/** The pattern councils use when the house style names none: "64/1". */
export const DEFAULT_ACTION_REFERENCE = '{n}/{i}';

/**
 * The action's reference under the pattern ({n} minute number, {m} styled minute number, {i} its
 * number within the minute, {seq} within the meeting, {yy}/{yyyy} the year); "?" when unknown.
 */
export function actionReference(meeting: Meeting, actionId: string, pattern: string = DEFAULT_ACTION_REFERENCE, minuteNumberPattern = '{n}'): string {
  const action = meeting.actions.find((each) => each.id === actionId);
  if (!action) return '?';
  const siblings = meeting.actions.filter((each) => each.itemId === action.itemId);
  const numbering = agendaNumbering(meeting);
  const order = new Map(meeting.agenda.map((item, index) => [item.id, index]));
  const inMeeting = meeting.actions
    .filter((each) => order.has(each.itemId))
    .sort((a, b) => order.get(a.itemId)! - order.get(b.itemId)! || meeting.actions.indexOf(a) - meeting.actions.indexOf(b));
  const place = numbering.get(action.itemId);
  const minute = place?.number === undefined ? '?' : place.letter === undefined ? String(place.number) : `${place.number}(${place.letter})`;
  const styled = styledMinuteNumber(meeting, action.itemId, minuteNumberPattern) || '?';
  const year = /^(\d{4})-/.exec(meeting.date)?.[1] ?? '';
  return fillActionReference(pattern, {
    year,
    seq: String(inMeeting.indexOf(action) + 1 || '?'),
    i: String(action.number ?? siblings.indexOf(action) + 1),
    m: styled,
    n: minute,
  });
}

/** The pattern with its parts put in: also the house style screen's live example. */
export function fillActionReference(pattern: string, parts: { year: string; seq: string; i: string; m: string; n: string }): string {
  return pattern
    .replace(/\{yyyy\}/g, parts.year)
    .replace(/\{yy\}/g, parts.year.slice(2))
    .replace(/\{seq\}/g, parts.seq)
    .replace(/\{i\}/g, parts.i)
    .replace(/\{m\}/g, parts.m)
    .replace(/\{n\}/g, parts.n);
}

/** The number a new action on the item gets: one more than any the item has had. */
export function nextActionNumber(meeting: Meeting, itemId: string): number {
  const siblings = meeting.actions.filter((each) => each.itemId === itemId);
  return siblings.reduce((highest, each, index) => Math.max(highest, each.number ?? index + 1), 0) + 1;
}
