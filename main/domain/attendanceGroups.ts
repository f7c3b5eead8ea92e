/**
 * Who the minutes list under which heading, in the house style's groups and order: each person's
 * own group (Members, In attendance, Secretariat, …) while they attend, and the apologies and
 * absent groups from everyone with that attendance. A group with nobody in it is left out.
 */
import type { AttendanceGroup, MinutesShape } from './bodies';
import type { Attendee } from './meeting';

/** The group a person is listed in while they attend: their own if the house style has it, else the default for who they are. */
export function groupOf(attendee: Attendee, shape: MinutesShape): string {
  const attending = shape.attendanceGroups.filter((group) => group.lists === 'attending');
  if (attendee.group && attending.some((group) => group.id === attendee.group)) return attendee.group;
  const fallback = shape.defaultGroups[attendee.category];
  if (attending.some((group) => group.id === fallback)) return fallback;
  return attending[0]?.id ?? fallback;
}

function attends(attendee: Attendee): boolean {
  return attendee.status === 'present' || attendee.status === 'remote';
}

/** Sent apologies: a member stood in for by a substitute sent apologies too. */
export function sentApologies(attendee: Attendee): boolean {
  return attendee.status === 'apologies' || attendee.status === 'substituted';
}

function listed(group: AttendanceGroup, attendee: Attendee, shape: MinutesShape): boolean {
  switch (group.lists) {
    case 'attending':
      return attends(attendee) && groupOf(attendee, shape) === group.id;
    case 'apologies':
      return sentApologies(attendee);
    case 'apologies-consented':
      return sentApologies(attendee) && attendee.apologiesConsented !== false;
    case 'apologies-not-consented':
      return sentApologies(attendee) && attendee.apologiesConsented === false;
    case 'absent':
      return attendee.status === 'absent';
  }
}

export interface ListedGroup {
  group: AttendanceGroup;
  people: Attendee[];
}

/**
 * The groups as the minutes print them, in the house style's order, each with its people in the
 * record's order; empty groups left out. Someone no group lists (for example apologies where the
 * house style has no apologies group) is not printed.
 */
export function attendanceListing(attendees: readonly Attendee[], shape: MinutesShape): ListedGroup[] {
  return shape.attendanceGroups
    .map((group) => ({ group, people: attendees.filter((attendee) => listed(group, attendee, shape)) }))
    .filter((entry) => entry.people.length > 0);
}

/** The key printed under the attendance for the categories used: "HT = Headteacher; P = Parent governor". */
export function categoryKey(attendees: readonly Attendee[], shape: MinutesShape): string {
  const used = new Set(attendees.map((attendee) => attendee.memberCategory).filter(Boolean));
  return shape.memberCategories
    .filter((category) => used.has(category.id))
    .map((category) => `${category.abbreviation} = ${category.label}`)
    .join('; ');
}
