/**
 * Who was in the room for an item, and whether the meeting was quorate then. Pure rules over
 * the meeting record: roster status, arrivals and departures (in agenda order), and withdrawals
 * for declared interests on that item.
 */
import { isVotingRole, quorumNeeded } from './committee';
import type { Attendee, Meeting } from './meeting';

/** Counts as a voting member of the committee: roster members with a vote, and their substitutes. */
export function isVotingMember(attendee: Attendee): boolean {
  if (attendee.category !== 'member' || !attendee.role) return false;
  return attendee.role === 'substitute' || isVotingRole(attendee.role);
}

/** Present at the start of the meeting in person (or remotely): the status, before any movement. */
function attends(attendee: Attendee): boolean {
  return attendee.status === 'present' || attendee.status === 'remote';
}

/**
 * Whether the attendee is in the room during the item: movements recorded at earlier items (in
 * agenda order) and at this item count; someone whose first movement is an arrival was not there
 * before it.
 */
export function isInRoomAt(meeting: Meeting, attendee: Attendee, itemId: string): boolean {
  if (!attends(attendee)) return false;
  const order = new Map(meeting.agenda.map((item, index) => [item.id, index]));
  const at = order.get(itemId) ?? meeting.agenda.length;
  const movements = meeting.movements
    .filter((movement) => movement.attendeeId === attendee.id && order.has(movement.itemId))
    .sort((a, b) => order.get(a.itemId)! - order.get(b.itemId)! || a.time.localeCompare(b.time));
  let inRoom = movements[0]?.kind !== 'arrived';
  for (const movement of movements) {
    if (order.get(movement.itemId)! > at) break;
    inRoom = movement.kind === 'arrived';
  }
  return inRoom;
}

export function hasWithdrawnFrom(meeting: Meeting, attendeeId: string, itemId: string): boolean {
  return meeting.declarations.some((declaration) => declaration.itemId === itemId && declaration.attendeeId === attendeeId && declaration.withdrew);
}

/** Voting members who count for quorum and may vote on the item. */
export function eligibleVoters(meeting: Meeting, itemId: string): Attendee[] {
  return meeting.attendees.filter(
    (attendee) =>
      isVotingMember(attendee) &&
      (attendee.status === 'present' || (attendee.status === 'remote' && meeting.remoteMembersCount)) &&
      isInRoomAt(meeting, attendee, itemId) &&
      !hasWithdrawnFrom(meeting, attendee.id, itemId),
  );
}

export interface QuorumState {
  present: number;
  needed: number;
  quorate: boolean;
  /** Voting members on the meeting's roster; with none, the quorum cannot be judged. */
  votingRoster: number;
}

export function quorumAt(meeting: Meeting, itemId: string): QuorumState {
  // The committee's size is its voting roster; a substitute stands in for a member, not in addition.
  const votingRoster = meeting.attendees.filter((attendee) => isVotingMember(attendee) && attendee.role !== 'substitute').length;
  const needed = quorumNeeded(meeting.quorum, votingRoster);
  const present = eligibleVoters(meeting, itemId).length;
  return { present, needed, quorate: present >= needed, votingRoster };
}

export function describeQuorum(state: QuorumState): string {
  if (state.votingRoster === 0) return 'Quorum not checked: this meeting has no voting members on its roster';
  const members = `${state.present} voting ${state.present === 1 ? 'member' : 'members'} present, ${state.needed} needed`;
  return state.quorate ? `Quorate: ${members}` : `Not quorate: ${members}`;
}
