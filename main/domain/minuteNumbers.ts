/**
 * Minute numbers and action references. Items are numbered in agenda order from the meeting's
 * first minute number (which follows on from the committee's last meeting); an action's
 * reference is its item's number and its place among that item's actions, e.g. "64/1".
 */
import { formatMinuteNumber } from './houseStyle';
import type { Meeting } from './meeting';

export function minuteNumberOf(meeting: Meeting, itemId: string): number | string {
  const index = meeting.agenda.findIndex((item) => item.id === itemId);
  return index < 0 ? '?' : meeting.firstMinuteNumber + index;
}

/** The item's minute number as the house style writes it in the item's heading: "64", "64." or "PDS/22/64". */
export function styledMinuteNumber(meeting: Meeting, itemId: string, pattern: string): string {
  const number = minuteNumberOf(meeting, itemId);
  return number === '?' ? number : formatMinuteNumber(pattern, number, meeting.date);
}

export function actionReference(meeting: Meeting, actionId: string): string {
  const action = meeting.actions.find((each) => each.id === actionId);
  if (!action) return '?';
  const siblings = meeting.actions.filter((each) => each.itemId === action.itemId);
  return `${minuteNumberOf(meeting, action.itemId)}/${action.number ?? siblings.indexOf(action) + 1}`;
}

/** The number a new action on the item gets: one more than any the item has had. */
export function nextActionNumber(meeting: Meeting, itemId: string): number {
  const siblings = meeting.actions.filter((each) => each.itemId === itemId);
  return siblings.reduce((highest, each, index) => Math.max(highest, each.number ?? index + 1), 0) + 1;
}
