/**
 * The changes the attendance controls send: a member's status (with or without a substitute),
 * someone else added as present, and arrivals and departures stamped with the time and the
 * current item (and their times corrected), and what the body prints of a person: job title,
 * initials, category, role in its own words, group, consent to apologies. Pure functions of the
 * meeting, so the panel, the roll call and the arrival dialog agree.
 */
import { isInRoomAt } from '../../main/domain/attendance';
import { groupOf } from '../../main/domain/attendanceGroups';
import type { AttendanceGroup, MinutesShape } from '../../main/domain/bodies';
import type { MeetingChange } from '../../main/domain/changes';
import { newId, type AttendanceStatus, type Attendee, type AttendeeCategory, type Meeting, type Movement } from '../../main/domain/meeting';

function putAttendee(entity: Attendee): MeetingChange {
  return { kind: 'entity.put', collection: 'attendees', entity };
}

function removeAttendee(id: string): MeetingChange {
  return { kind: 'entity.remove', collection: 'attendees', id };
}

/** Everyone but substitutes (shown with the member they stand in for), in the record's order. */
export function peopleListed(meeting: Meeting): Attendee[] {
  return meeting.attendees.filter((attendee) => attendee.role !== 'substitute');
}

export interface PanelGroup {
  group: AttendanceGroup;
  people: Attendee[];
}

/**
 * The house style's own groups (those that list their people while they attend), in its order,
 * each with its people whatever their attendance today, so the clerk finds everyone where the
 * minutes will print them. A group with nobody in it is left out.
 */
export function panelGroups(meeting: Meeting, shape: MinutesShape): PanelGroup[] {
  const people = peopleListed(meeting);
  return shape.attendanceGroups
    .filter((group) => group.lists === 'attending')
    .map((group) => ({ group, people: people.filter((attendee) => groupOf(attendee, shape) === group.id) }))
    .filter((entry) => entry.people.length > 0);
}

/** Roster members, in roster order; substitutes are shown with the member they stand in for. */
export function rosterMembers(meeting: Meeting): Attendee[] {
  return meeting.attendees.filter((attendee) => attendee.category === 'member' && attendee.role !== 'substitute');
}

export function substitutesFor(meeting: Meeting, memberId: string): Attendee[] {
  return meeting.attendees.filter((attendee) => attendee.role === 'substitute' && attendee.substituteFor === memberId);
}

/** A new status for anyone; a member leaving "substituted" loses the substitute. */
export function statusChanges(meeting: Meeting, member: Attendee, status: Exclude<AttendanceStatus, 'substituted'>): MeetingChange[] {
  const changes: MeetingChange[] = substitutesFor(meeting, member.id).map((substitute) => removeAttendee(substitute.id));
  if (member.status !== status) changes.push(putAttendee({ ...member, status }));
  return changes;
}

/**
 * Someone attends in the member's place: they count instead, and the member's apologies are
 * recorded. Correcting the substitute's name keeps the same person (same id), so what is recorded
 * about them (declarations, arrivals, votes) stays theirs.
 */
export function substituteChanges(meeting: Meeting, member: Attendee, substituteName: string): MeetingChange[] {
  const name = substituteName.trim();
  const [current, ...others] = substitutesFor(meeting, member.id);
  const changes: MeetingChange[] = others.map((substitute) => removeAttendee(substitute.id));
  changes.push(
    current
      ? putAttendee({ ...current, name, displayName: name })
      : putAttendee({ id: newId(), name, displayName: name, category: 'member', role: 'substitute', substituteFor: member.id, status: 'present' }),
  );
  if (member.status !== 'substituted') changes.push(putAttendee({ ...member, status: 'substituted' }));
  return changes;
}

/** Whether anything is recorded about the attendee that removing them would lose or leave dangling. */
export function hasRecordsOf(meeting: Meeting, attendeeId: string): boolean {
  return (
    meeting.declarations.some((declaration) => declaration.attendeeId === attendeeId) ||
    meeting.movements.some((movement) => movement.attendeeId === attendeeId) ||
    meeting.decisions.some(
      (decision) =>
        decision.moverId === attendeeId ||
        decision.seconderId === attendeeId ||
        (decision.vote?.kind === 'recorded' && [...decision.vote.for, ...decision.vote.against, ...decision.vote.abstain].includes(attendeeId)),
    )
  );
}

export function addPresentChange(name: string, category: Exclude<AttendeeCategory, 'member'>, jobTitle: string): MeetingChange {
  const trimmed = name.trim();
  const title = jobTitle.trim();
  return putAttendee({ id: newId(), name: trimmed, displayName: trimmed, category, status: 'present', ...(title ? { jobTitle: title } : {}) });
}

export function removeAttendeeChange(attendee: Attendee): MeetingChange {
  return removeAttendee(attendee.id);
}

export interface PossibleMovement {
  attendee: Attendee;
  /** What marking them now records: an arrival if they are not in the room, else a departure. */
  kind: Movement['kind'];
}

/**
 * Everyone whose arrival or departure the clerk can record at the item: those attending, and
 * members recorded as absent or with apologies who turn up late.
 */
export function possibleMovements(meeting: Meeting, itemId: string): PossibleMovement[] {
  return meeting.attendees
    .filter(
      (attendee) => attendee.status !== 'substituted' && !(attendee.category !== 'member' && attendee.status !== 'present' && attendee.status !== 'remote'),
    )
    .map((attendee) => ({ attendee, kind: isInRoomAt(meeting, attendee, itemId) ? 'left' : 'arrived' }));
}

/**
 * Stamps an arrival or departure at the item. A member who was recorded as absent or with
 * apologies and then arrives is present from that item on (their first movement is the arrival).
 */
export function movementChanges(attendee: Attendee, kind: Movement['kind'], itemId: string, time: string): MeetingChange[] {
  const changes: MeetingChange[] = [];
  if (kind === 'arrived' && attendee.status !== 'present' && attendee.status !== 'remote') {
    changes.push(putAttendee({ ...attendee, status: 'present' }));
  }
  changes.push({ kind: 'entity.put', collection: 'movements', entity: { id: newId(), attendeeId: attendee.id, kind, time, itemId } });
  return changes;
}

/** What the body prints of a person, as typed: blank boxes leave the part out. */
export interface PersonDetails {
  jobTitle: string;
  initials: string;
  memberCategory: string;
  roleLabel: string;
  group: string;
}

export function detailsOf(attendee: Attendee): PersonDetails {
  return {
    jobTitle: attendee.jobTitle ?? '',
    initials: attendee.initials ?? '',
    memberCategory: attendee.memberCategory ?? '',
    roleLabel: attendee.roleLabel ?? '',
    group: attendee.group ?? '',
  };
}

/** The person with these details; nothing sent when nothing changed. */
export function detailsChanges(attendee: Attendee, details: PersonDetails): MeetingChange[] {
  const { jobTitle: _j, initials: _i, memberCategory: _c, roleLabel: _r, group: _g, ...rest } = attendee;
  const next: Attendee = { ...rest };
  const keys = Object.keys(details) as (keyof PersonDetails)[];
  for (const key of keys) {
    const value = details[key].trim();
    if (value) next[key] = value;
  }
  const same = keys.every((key) => (attendee[key] ?? '') === (next[key] ?? ''));
  return same ? [] : [putAttendee(next)];
}

/** Apologies the body consented to, or did not (schools). */
export function consentChange(attendee: Attendee, consented: boolean): MeetingChange {
  return putAttendee({ ...attendee, apologiesConsented: consented });
}

/** A movement's time corrected after the fact (a clerk writing up from notes). */
export function movementTimeChange(movement: Movement, time: string): MeetingChange {
  return { kind: 'entity.put', collection: 'movements', entity: { ...movement, time } };
}

/** Changes to send, and the changes that take them back (the roll call's undo). */
export interface UndoableChanges {
  changes: MeetingChange[];
  undo: MeetingChange[];
}

/** The changes with their undo: every attendee they touch put back as it was, or removed if they added it. */
export function withUndo(meeting: Meeting, changes: MeetingChange[]): UndoableChanges {
  const touched = new Set<string>();
  for (const change of changes) {
    if (change.kind === 'entity.put' && change.collection === 'attendees') touched.add(change.entity.id);
    if (change.kind === 'entity.remove' && change.collection === 'attendees') touched.add(change.id);
  }
  const undo = [...touched].map((id) => {
    const before = meeting.attendees.find((attendee) => attendee.id === id);
    return before ? putAttendee(before) : removeAttendee(id);
  });
  return { changes, undo };
}
