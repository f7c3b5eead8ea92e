/**
 * The standard wording of minutes, generated from the record: times ("10.17 am"), apologies and
 * substitutions, declarations, arrivals and departures, decisions and votes. UK council style.
 */
import { eligibleVoters } from './attendance';
import { formatTime, type TimeFormat } from './houseStyle';
import type { Action, ActionStatus, Attendee, Decision, DeclarationKind, Meeting, Movement, Vote } from './meeting';
import { minuteNumberOf } from './minuteNumbers';

/**
 * "10:17" → "10.17 am", "12:00" → "12.00 pm", "00:05" → "12.05 am"; the house style may choose
 * "10:17 am" or "10:17" instead.
 */
export function formatClockTime(time: string, format: TimeFormat = '10.00 am'): string {
  return formatTime(time, format);
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** "Councillors Liz Hardman and Joe Bloggs" when every name starts "Councillor ", else the names joined. */
export function namesWithSharedTitle(displayNames: readonly string[]): string {
  const title = 'Councillor ';
  if (displayNames.length > 1 && displayNames.every((name) => name.startsWith(title))) {
    return `Councillors ${joinNames(displayNames.map((name) => name.slice(title.length)))}`;
  }
  return joinNames(displayNames);
}

function attendeeName(meeting: Meeting, id: string | undefined): string {
  return meeting.attendees.find((attendee) => attendee.id === id)?.displayName ?? 'an attendee no longer listed';
}

export function apologiesSentences(meeting: Meeting): string[] {
  const members = meeting.attendees.filter((attendee) => attendee.category === 'member');
  const apologies = members.filter((attendee) => attendee.status === 'apologies' || attendee.status === 'substituted');
  const sentences: string[] = [];
  if (apologies.length > 0)
    sentences.push(`Apologies for absence were received from ${namesWithSharedTitle(apologies.map((attendee) => attendee.displayName))}.`);
  for (const substitute of members.filter((attendee) => attendee.role === 'substitute' && attendee.substituteFor)) {
    sentences.push(`${substitute.displayName} attended as a substitute for ${attendeeName(meeting, substitute.substituteFor)}.`);
  }
  const remote = members.filter((attendee) => attendee.status === 'remote');
  if (remote.length > 0) {
    sentences.push(
      `${namesWithSharedTitle(remote.map((attendee) => attendee.displayName))} attended remotely${meeting.remoteMembersCount ? '' : ' and did not vote'}.`,
    );
  }
  return sentences.length > 0 ? sentences : ['There were no apologies for absence.'];
}

export const DECLARATION_KIND_LABELS: Record<DeclarationKind, string> = {
  'disclosable-pecuniary': 'a disclosable pecuniary interest',
  'other-registrable': 'an other registrable interest',
  'non-registrable': 'a non-registrable interest',
};

export function declarationSentences(meeting: Meeting): string[] {
  const sentences: string[] = [];
  for (const item of meeting.agenda) {
    for (const declaration of meeting.declarations.filter((each) => each.itemId === item.id)) {
      const nature = declaration.nature.trim() ? ` (${declaration.nature.trim().replace(/[.]$/, '')})` : '';
      const left = declaration.withdrew ? ' and left the meeting for that item' : ' and remained in the meeting';
      sentences.push(
        `${attendeeName(meeting, declaration.attendeeId)} declared ${DECLARATION_KIND_LABELS[declaration.kind]} in item ${minuteNumberOf(meeting, item.id)}${nature}${left}.`,
      );
    }
  }
  return sentences.length > 0 ? sentences : ['There were none.'];
}

/** "Councillor X left the meeting at 11.05 am during item 64.", the time as the house style writes it. */
export function movementSentence(meeting: Meeting, movement: Movement, timeFormat: TimeFormat = '10.00 am'): string {
  const verb = movement.kind === 'arrived' ? 'arrived' : 'left the meeting';
  return `${attendeeName(meeting, movement.attendeeId)} ${verb} at ${formatClockTime(movement.time, timeFormat)} during item ${minuteNumberOf(meeting, movement.itemId)}.`;
}

export type VoteOutcome = 'CARRIED' | 'LOST';

/** Votes equal: the Chair's casting vote decides; without one recorded the motion falls. */
export function isTied(vote: Vote, eligible: number): boolean {
  if (vote.kind === 'unanimous') return false;
  const totals = voteTotals(vote, eligible);
  return totals.for === totals.against;
}

export function voteTotals(vote: Vote, eligible: number): { for: number; against: number; abstentions: number } {
  switch (vote.kind) {
    case 'unanimous':
      return { for: eligible, against: 0, abstentions: 0 };
    case 'counted':
      return { for: vote.for, against: vote.against, abstentions: vote.abstentions };
    case 'recorded':
      return { for: vote.for.length, against: vote.against.length, abstentions: vote.abstain.length };
  }
}

export function voteOutcome(vote: Vote, eligible: number): VoteOutcome {
  const totals = voteTotals(vote, eligible);
  if (vote.kind !== 'unanimous' && totals.for === totals.against) return vote.castingVote === 'for' ? 'CARRIED' : 'LOST';
  return totals.for > totals.against ? 'CARRIED' : 'LOST';
}

function castingVoteClause(vote: Vote, eligible: number): string {
  if (vote.kind === 'unanimous' || !isTied(vote, eligible) || !vote.castingVote) return '';
  return `, the votes being equal, the Chair used their casting vote ${vote.castingVote} the motion`;
}

export function voteSentence(meeting: Meeting, decision: Decision): string | undefined {
  const vote = decision.vote;
  if (!vote) return undefined;
  const eligible = eligibleVoters(meeting, decision.itemId).length;
  const outcome = voteOutcome(vote, eligible);
  switch (vote.kind) {
    case 'unanimous':
      return 'On being put to the vote the motion was CARRIED unanimously.';
    case 'counted': {
      const casting = castingVoteClause(vote, eligible);
      return casting
        ? `On being put to the vote (For ${vote.for}, Against ${vote.against}, Abstentions ${vote.abstentions})${casting}, and it was ${outcome}.`
        : `On being put to the vote the motion was ${outcome} (For ${vote.for}, Against ${vote.against}, Abstentions ${vote.abstentions}).`;
    }
    case 'recorded': {
      const list = (ids: readonly string[]) => (ids.length > 0 ? namesWithSharedTitle(ids.map((id) => attendeeName(meeting, id))) : 'none');
      const casting = castingVoteClause(vote, eligible);
      const verdict = casting
        ? `The votes being equal, the Chair used their casting vote ${vote.castingVote} the motion, which was ${outcome}.`
        : `The motion was ${outcome}.`;
      return `A recorded vote was taken. For: ${list(vote.for)}. Against: ${list(vote.against)}. Abstained: ${list(vote.abstain)}. ${verdict}`;
    }
  }
}

/** Problems the clerk should see before moving on, e.g. more votes than members eligible to vote. */
export function voteProblems(meeting: Meeting, decision: Decision): string[] {
  const vote = decision.vote;
  if (!vote || vote.kind === 'unanimous') return [];
  const eligible = eligibleVoters(meeting, decision.itemId);
  const problems: string[] = [];
  const totals = voteTotals(vote, eligible.length);
  const cast = totals.for + totals.against + totals.abstentions;
  if (cast > eligible.length) {
    problems.push(
      `${cast} votes were recorded but only ${eligible.length} ${eligible.length === 1 ? 'member is' : 'members are'} eligible to vote on this item.`,
    );
  }
  if (isTied(vote, eligible.length) && !vote.castingVote) {
    problems.push('The votes are equal: record the Chair’s casting vote, or the motion falls.');
  }
  if (vote.kind === 'recorded') {
    const eligibleIds = new Set(eligible.map((attendee) => attendee.id));
    const all = [...vote.for, ...vote.against, ...vote.abstain];
    const ineligible = all.filter((id) => !eligibleIds.has(id));
    if (ineligible.length > 0) problems.push(`${joinNames(ineligible.map((id) => attendeeName(meeting, id)))} may not vote on this item.`);
    if (new Set(all).size !== all.length) problems.push('Someone is listed under more than one way of voting.');
  }
  return problems;
}

/** "RESOLVED that: (1) … (2) …", or "RESOLVED that the Panel notes the report." for one point. */
export function decisionSentence(meeting: Meeting, decision: Decision): string {
  const points = decision.points.map((point) => point.text.trim()).filter(Boolean);
  const moved =
    decision.moverId && decision.seconderId
      ? `It was moved by ${attendeeName(meeting, decision.moverId)}, seconded by ${attendeeName(meeting, decision.seconderId)}, and `
      : decision.moverId
        ? `It was moved by ${attendeeName(meeting, decision.moverId)} and `
        : '';
  const head = moved ? `${moved}${decision.kind}` : decision.kind;
  if (points.length === 0) return `${head}.`;
  // The decision is a sentence: end it even when the clerk did not type the full stop.
  const ended = (text: string) => (/[.!?]$/.test(text) ? text : `${text.replace(/[;,:]$/, '')}.`);
  if (points.length === 1) return `${head} that ${ended(points[0]!)}`;
  return `${head} that: ${points.map((point, index) => `(${index + 1}) ${index === points.length - 1 ? ended(point) : point}`).join(' ')}`;
}

export function describeAttendee(attendee: Attendee): string {
  return attendee.jobTitle ? `${attendee.displayName}, ${attendee.jobTitle}` : attendee.displayName;
}

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = { open: 'Open', done: 'Done', dropped: 'Dropped' };

/** Who an action is for: the attendee's display name when it was given to someone present, else the name as typed. */
export function actionOwnerName(meeting: Meeting, action: Action): string {
  const attendee = meeting.attendees.find((each) => each.id === action.ownerAttendeeId);
  return attendee?.displayName ?? action.ownerName.trim();
}
