/**
 * The standard wording of minutes, generated from the record: times ("10.17 am"), apologies and
 * substitutions, declarations, arrivals and departures, decisions and votes. Each follows the
 * shape of the body's minutes (its member title, decision verbs, vote wording and minute
 * numbers); without one, a principal council's, as before kinds of body.
 */
import { eligibleVoters } from './attendance';
import { shapeOfKind, type MinutesShape } from './bodies';
import { formatTime, type TimeFormat } from './houseStyle';
import type { Action, ActionStatus, Attendee, Decision, DeclarationKind, Meeting, Movement, Vote } from './meeting';
import { styledMinuteNumber } from './minuteNumbers';

/** The shape wording follows when the caller names none: a principal council's. */
export const COUNCIL_SHAPE: MinutesShape = shapeOfKind('principal-council');

/** How references to a minute read: the shape, and the house style's minute-number pattern ("{n}", "FGB/{yy}/{n}"). */
export interface MinuteReferences {
  shape: MinutesShape;
  minuteNumberPattern: string;
}

const COUNCIL_REFERENCES: MinuteReferences = { shape: COUNCIL_SHAPE, minuteNumberPattern: '{n}' };

/** Councils refer to "item 64", as they always have; other bodies to "minute FGB/19/26". */
function minuteWord(shape: MinutesShape): string {
  return shape.bodyKind === 'principal-council' || shape.bodyKind === 'parish-council' ? 'item' : 'minute';
}

/** "item 64", "minute FGB/19/26", "minute 63(b)": the item's number as the house style writes it, without a closing full stop. */
export function minuteReference(meeting: Meeting, itemId: string, references: MinuteReferences = COUNCIL_REFERENCES): string {
  const number = styledMinuteNumber(meeting, itemId, references.minuteNumberPattern).replace(/[.:]$/, '');
  return `${minuteWord(references.shape)} ${number || '?'}`;
}

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

/**
 * "Councillors Liz Hardman and Joe Bloggs" when every name starts with the member title
 * ("Councillor "), else the names joined; with no title (governors, directors), the names joined.
 */
export function namesWithSharedTitle(displayNames: readonly string[], memberTitle = 'Councillor'): string {
  const title = `${memberTitle.trim()} `;
  if (title.trim() && displayNames.length > 1 && displayNames.every((name) => name.startsWith(title))) {
    return `${title.trim()}s ${joinNames(displayNames.map((name) => name.slice(title.length)))}`;
  }
  return joinNames(displayNames);
}

function attendeeName(meeting: Meeting, id: string | undefined): string {
  return meeting.attendees.find((attendee) => attendee.id === id)?.displayName ?? 'an attendee no longer listed';
}

/** Schools write their governors by initials once they are recorded ("CW declared …"); other bodies by name. */
function usesInitials(shape: MinutesShape): boolean {
  return shape.bodyKind === 'school-maintained' || shape.bodyKind === 'school-academy';
}

/** Someone as the body's generated text names them: a school's initials where recorded, else the display name. */
function nameInText(meeting: Meeting, id: string | undefined, shape: MinutesShape): string {
  const attendee = meeting.attendees.find((each) => each.id === id);
  const initials = attendee?.initials?.trim();
  return usesInitials(shape) && initials ? initials : attendeeName(meeting, id);
}

export function apologiesSentences(meeting: Meeting, shape: MinutesShape = COUNCIL_SHAPE): string[] {
  const names = (attendees: readonly Attendee[]) =>
    namesWithSharedTitle(
      attendees.map((attendee) => attendee.displayName),
      shape.memberTitle,
    );
  const members = meeting.attendees.filter((attendee) => attendee.category === 'member');
  const apologies = members.filter((attendee) => attendee.status === 'apologies' || attendee.status === 'substituted');
  const sentences: string[] = [];
  // Where the body records consent (schools), the apologies consented and those not are told apart.
  const consent = (value: boolean | undefined) => apologies.filter((attendee) => attendee.apologiesConsented === value);
  const [unstated, consented, refused] = [consent(undefined), consent(true), consent(false)];
  if (unstated.length > 0) sentences.push(`Apologies for absence were received from ${names(unstated)}.`);
  if (consented.length > 0) sentences.push(`Apologies for absence from ${names(consented)} were received and consented.`);
  if (refused.length > 0) sentences.push(`Apologies for absence from ${names(refused)} were received but not consented.`);
  for (const substitute of members.filter((attendee) => attendee.role === 'substitute' && attendee.substituteFor)) {
    sentences.push(`${substitute.displayName} attended as a substitute for ${attendeeName(meeting, substitute.substituteFor)}.`);
  }
  const remote = members.filter((attendee) => attendee.status === 'remote');
  if (remote.length > 0) {
    sentences.push(`${names(remote)} attended remotely${meeting.remoteMembersCount ? '' : ' and did not vote'}.`);
  }
  return sentences.length > 0 ? sentences : ['There were no apologies for absence.'];
}

export const DECLARATION_KIND_LABELS: Record<DeclarationKind, string> = {
  'disclosable-pecuniary': 'a disclosable pecuniary interest',
  'other-registrable': 'an other registrable interest',
  'non-registrable': 'a non-registrable interest',
};

/** "… declared an other registrable interest in item 64 …", or "in minute FGB/19/26" as the body refers to its minutes. */
export function declarationSentences(meeting: Meeting, references: MinuteReferences = COUNCIL_REFERENCES): string[] {
  const sentences: string[] = [];
  for (const item of meeting.agenda) {
    for (const declaration of meeting.declarations.filter((each) => each.itemId === item.id)) {
      const nature = declaration.nature.trim() ? ` (${declaration.nature.trim().replace(/[.]$/, '')})` : '';
      const left = declaration.withdrew ? ' and left the meeting for that item' : ' and remained in the meeting';
      sentences.push(
        `${nameInText(meeting, declaration.attendeeId, references.shape)} declared ${DECLARATION_KIND_LABELS[declaration.kind]} in ${minuteReference(meeting, item.id, references)}${nature}${left}.`,
      );
    }
  }
  return sentences.length > 0 ? sentences : ['There were none.'];
}

/** "Councillor X left the meeting at 11.05 am during item 64." ("during minute FGB/19/26"), the time as the house style writes it. */
export function movementSentence(
  meeting: Meeting,
  movement: Movement,
  timeFormat: TimeFormat = '10.00 am',
  references: MinuteReferences = COUNCIL_REFERENCES,
): string {
  const verb = movement.kind === 'arrived' ? 'arrived' : 'left the meeting';
  return `${nameInText(meeting, movement.attendeeId, references.shape)} ${verb} at ${formatClockTime(movement.time, timeFormat)} during ${minuteReference(meeting, movement.itemId, references)}.`;
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

/** A point as the clerk typed it, without a leading "That"/"that" the wording supplies itself. */
function pointText(text: string): string {
  return text.trim().replace(/^that\s+/i, '');
}

/** The decision is a sentence: end it even when the clerk did not type the full stop. */
function ended(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text.replace(/[;,:]$/, '')}.`;
}

function decisionPoints(decision: Decision): string[] {
  return decision.points.map((point) => pointText(point.text)).filter(Boolean);
}

/**
 * "It was moved by A, seconded by B, and " (or "It was moved by A and "), or nothing; boards and
 * governors do not move motions: "Proposed by CW, seconded by SP, and ".
 */
function movedClause(meeting: Meeting, decision: Decision, shape: MinutesShape): string {
  const lead = shape.votingStyle === 'proposal' ? 'Proposed by' : 'It was moved by';
  const name = (id: string) => nameInText(meeting, id, shape);
  if (decision.moverId && decision.seconderId) return `${lead} ${name(decision.moverId)}, seconded by ${name(decision.seconderId)}, and `;
  if (decision.moverId) return `${lead} ${name(decision.moverId)} and `;
  return '';
}

/**
 * Whether the clerk typed the point as a whole sentence with its own subject and verb ("The Board
 * noted the report", "Governors agreed …"): it is then printed as typed after "NOTED:", never as
 * "NOTED that The Board noted …".
 */
function isWholeSentence(point: string, verb: string, shape: MinutesShape): boolean {
  if (!/^[A-Z]/.test(point)) return false;
  const verbWord = verb.trim().split(/\s+/)[0]!.toLowerCase();
  const subjects = [membersAtStart(shape), 'The Board', 'The Committee', 'Governors', 'Members', 'Trustees', 'Directors'];
  const startsWithSubject = subjects.some((subject) => point.toLowerCase().startsWith(`${subject.toLowerCase()} `));
  return startsWithSubject || new RegExp(`\\b${verbWord}\\b`, 'i').test(point.slice(1));
}

/** "the report be noted", "(1) the strategy be approved; (2) progress be reported in March" */
function pointsRunIn(points: readonly string[]): string {
  if (points.length === 1) return points[0]!;
  return points.map((point, index) => `(${index + 1}) ${point}`).join(' ');
}

/**
 * "RESOLVED that: (1) … (2) …", or "RESOLVED that the Panel notes the report." for one point; the
 * verb as the body prints it. A "That" the clerk typed is not doubled.
 */
export function decisionSentence(meeting: Meeting, decision: Decision, shape: MinutesShape = COUNCIL_SHAPE): string {
  const points = decisionPoints(decision);
  const verb = shape.decisionVerbs[decision.kind];
  const moved = movedClause(meeting, decision, shape);
  const head = moved ? `${moved}${verb}` : verb;
  const link = points.length > 0 && points.every((point) => isWholeSentence(point, verb, shape)) ? '' : ' that';
  if (points.length === 0) return `${head}.`;
  if (points.length === 1) return `${head}${link || ':'} ${ended(points[0]!)}`;
  return `${head}${link}: ${points.map((point, index) => `(${index + 1}) ${index === points.length - 1 ? ended(point) : point}`).join(' ')}`;
}

/** "Governors", "The Board": the body's members at the start of a sentence. */
function membersAtStart(shape: MinutesShape): string {
  const word = shape.membersWord.trim() || 'Members';
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function tally(meeting: Meeting, decision: Decision, vote: Vote): string {
  const totals = voteTotals(vote, eligibleVoters(meeting, decision.itemId).length);
  return `For ${totals.for}, Against ${totals.against}, Abstentions ${totals.abstentions}`;
}

function recordedNames(meeting: Meeting, vote: Extract<Vote, { kind: 'recorded' }>, shape: MinutesShape): string {
  const list = (ids: readonly string[]) =>
    ids.length > 0
      ? namesWithSharedTitle(
          ids.map((id) => attendeeName(meeting, id)),
          shape.memberTitle,
        )
      : 'none';
  return `For: ${list(vote.for)}. Against: ${list(vote.against)}. Abstained: ${list(vote.abstain)}.`;
}

/** "Governors voted on the proposal: For 6, Against 1, Abstentions 0; it was agreed." — for bodies that do not put motions. */
export function proposalVoteSentence(meeting: Meeting, decision: Decision, shape: MinutesShape): string | undefined {
  const vote = decision.vote;
  if (!vote) return undefined;
  const eligible = eligibleVoters(meeting, decision.itemId).length;
  const agreed = voteOutcome(vote, eligible) === 'CARRIED' ? 'it was agreed' : 'it was not agreed';
  const casting =
    vote.kind !== 'unanimous' && isTied(vote, eligible) && vote.castingVote
      ? `; the votes being equal, the Chair used their casting vote ${vote.castingVote} the proposal`
      : '';
  const members = membersAtStart(shape);
  switch (vote.kind) {
    case 'unanimous':
      return `${members} voted on the proposal and agreed it unanimously.`;
    case 'counted':
      return `${members} voted on the proposal: ${tally(meeting, decision, vote)}${casting}; ${agreed}.`;
    case 'recorded':
      return `A recorded vote was taken on the proposal. ${recordedNames(meeting, vote, shape)}${casting ? ` The votes being equal, the Chair used their casting vote ${vote.castingVote} the proposal.` : ''} ${agreed.charAt(0).toUpperCase()}${agreed.slice(1)}.`;
  }
}

/**
 * A decision as the minutes print it: the lead sentence, the points when the house style prints
 * one numbered paragraph a point ("RESOLVED:" then "That …" each), and the vote. A motion that
 * falls is never printed under RESOLVED: "The motion that … was put to the vote and was LOST".
 */
export interface DecisionWording {
  lead: string;
  /** One a numbered paragraph, each "That …"; empty when the points are run into the lead. */
  points: string[];
  vote?: string;
}

export function decisionWording(meeting: Meeting, decision: Decision, shape: MinutesShape = COUNCIL_SHAPE): DecisionWording {
  const vote = decision.vote;
  const points = decisionPoints(decision);
  const lost = vote !== undefined && voteOutcome(vote, eligibleVoters(meeting, decision.itemId).length) === 'LOST';
  if (lost && shape.votingStyle === 'proposal') {
    const members = membersAtStart(shape);
    const proposal = points.length > 0 ? `the proposal that ${pointsRunIn(points).replace(/[.;,:]$/, '')}` : 'the proposal';
    const sentence = proposalVoteSentence(meeting, decision, shape)!;
    if (vote.kind === 'counted') return { lead: sentence.replace(`${members} voted on the proposal`, `${members} voted on ${proposal}`), points: [] };
    return { lead: `${ended(`${members} considered ${proposal}`)} ${sentence}`, points: [] };
  }
  if (lost) {
    const motion = points.length > 0 ? `The motion that ${pointsRunIn(points).replace(/[.;,:]$/, '')}` : 'The motion';
    const movedBy =
      decision.moverId && decision.seconderId
        ? `, moved by ${attendeeName(meeting, decision.moverId)} and seconded by ${attendeeName(meeting, decision.seconderId)},`
        : decision.moverId
          ? `, moved by ${attendeeName(meeting, decision.moverId)},`
          : '';
    const eligible = eligibleVoters(meeting, decision.itemId).length;
    if (vote.kind === 'recorded')
      return { lead: `${motion}${movedBy} was put to a recorded vote and was LOST. ${recordedNames(meeting, vote, shape)}`, points: [] };
    const casting =
      vote.kind === 'counted' && isTied(vote, eligible) && vote.castingVote === 'against'
        ? '; the votes being equal, the Chair used their casting vote against the motion'
        : '';
    return { lead: `${motion}${movedBy} was put to the vote and was LOST (${tally(meeting, decision, vote)})${casting}.`, points: [] };
  }
  // No motion was moved: a unanimous vote agreed it, and the minutes do not speak of a motion.
  const unmoved = vote?.kind === 'unanimous' && !decision.moverId && shape.votingStyle === 'motion';
  const voteText = unmoved
    ? 'This was agreed unanimously.'
    : shape.votingStyle === 'proposal'
      ? proposalVoteSentence(meeting, decision, shape)
      : voteSentence(meeting, decision);
  const withVote = (wording: Omit<DecisionWording, 'vote'>): DecisionWording => (voteText ? { ...wording, vote: voteText } : wording);
  if (shape.decisionLayout === 'numbered-points' && points.length > 1) {
    const moved = movedClause(meeting, decision, shape);
    const verb = shape.decisionVerbs[decision.kind];
    return withVote({
      lead: `${moved ? `${moved}${verb}` : verb}:`,
      points: points.map((point, index) => {
        const text = isWholeSentence(point, verb, shape) ? point : `That ${point}`;
        return index === points.length - 1 ? ended(text) : /[;.]$/.test(text) ? text : `${text};`;
      }),
    });
  }
  return withVote({ lead: decisionSentence(meeting, decision, shape), points: [] });
}

export function describeAttendee(attendee: Attendee): string {
  return attendee.jobTitle ? `${attendee.displayName}, ${attendee.jobTitle}` : attendee.displayName;
}

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = { open: 'Open', done: 'Done', dropped: 'Dropped' };

/** Who an action is for: the attendee's display name (a school's initials) when it was given to someone present, else the name as typed. */
export function actionOwnerName(meeting: Meeting, action: Action, shape: MinutesShape = COUNCIL_SHAPE): string {
  const attendee = meeting.attendees.find((each) => each.id === action.ownerAttendeeId);
  return attendee ? nameInText(meeting, attendee.id, shape) : action.ownerName.trim();
}
