/**
 * Who attended, in the house style's groups and order (a council's Present / Also present /
 * Officers / Apologies / Absent, a board's Members / In attendance / …, a school's Governors
 * present / … / Apologies consented or not), each group left out when empty; people with their
 * initials, category, job title or capacity, their role in the body's words, substitutes and
 * remote attendance marked; the key to the categories used; and, where the house style wants
 * it, whether the meeting was quorate.
 */
import { Paragraph } from 'docx';
import { quorumAt } from '../../../domain/attendance';
import { attendanceListing, categoryKey } from '../../../domain/attendanceGroups';
import type { AttendanceGroup, MinutesShape } from '../../../domain/bodies';
import type { Attendee, Meeting } from '../../../domain/meeting';
import { isSection, styledMinuteNumber } from '../../../domain/minuteNumbers';
import { textRun } from '../wordText';
import type { Layout } from './layout';

const ROLE_NAMES: Partial<Record<NonNullable<Attendee['role']>, string>> = {
  chair: 'Chair',
  'vice-chair': 'Vice-Chair',
  'co-opted-voting': 'co-opted member',
  'co-opted-non-voting': 'co-opted member, non-voting',
};

/** Only councils have co-opted members in law; other bodies say only that a member does not vote. */
function roleName(attendee: Attendee, shape: MinutesShape): string | undefined {
  const label = attendee.roleLabel?.trim();
  if (label) return label;
  const council = shape.bodyKind === 'principal-council' || shape.bodyKind === 'parish-council';
  if (!council && attendee.role === 'co-opted-non-voting') return 'non-voting';
  if (!council && attendee.role === 'co-opted-voting') return undefined;
  return attendee.role ? ROLE_NAMES[attendee.role] : undefined;
}

const same = (a: string | undefined, b: string | undefined) => !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * "Claire Wood [CW] (P), Non-Executive Director": the name with what the body prints beside it; a
 * job title that only repeats the category ("(HT), Headteacher") is printed once.
 */
function personLabel(attendee: Attendee, shape: MinutesShape): string {
  const category = shape.memberCategories.find((each) => each.id === attendee.memberCategory);
  const initials = attendee.initials ? ` [${attendee.initials}]` : '';
  const abbreviation = category ? ` (${category.abbreviation})` : '';
  const title = attendee.jobTitle?.trim();
  const capacity = title && !same(title, category?.label) ? `, ${title}` : '';
  return `${attendee.displayName}${initials}${abbreviation}${capacity}`;
}

/**
 * "… (Chair)", "… (Joint Deputy Chair)", "… (substitute for Councillor D)", "… (remote)": how
 * someone attending is marked; a role their job title already says ("…, Chair") is not repeated.
 */
function attendingLabel(meeting: Meeting, attendee: Attendee, shape: MinutesShape): string {
  const notes: string[] = [];
  const role = roleName(attendee, shape);
  if (role && !same(role, attendee.jobTitle)) notes.push(`(${role})`);
  if (attendee.role === 'substitute' && attendee.substituteFor) {
    const member = meeting.attendees.find((each) => each.id === attendee.substituteFor);
    if (member) notes.push(`(substitute for ${member.displayName})`);
  }
  if (attendee.status === 'remote' && shape.remoteMark.trim()) notes.push(shape.remoteMark.trim());
  return [personLabel(attendee, shape), ...notes].join(' ');
}

function groupNames(meeting: Meeting, group: AttendanceGroup, people: readonly Attendee[], shape: MinutesShape): string[] {
  return people.map((person) => (group.lists === 'attending' ? attendingLabel(meeting, person, shape) : personLabel(person, shape)));
}

/** "The meeting was quorate." or "The meeting was not quorate from minute 66 (Budget monitoring)."; nothing when it cannot be judged. */
export function quorumStatement(layout: Layout): string | undefined {
  const { meeting, house } = layout;
  const minutes = meeting.agenda.filter((item) => !isSection(item));
  if (minutes.length === 0 || quorumAt(meeting, minutes[0]!.id).votingRoster === 0) return undefined;
  const first = minutes.find((item) => !quorumAt(meeting, item.id).quorate);
  if (!first) return 'The meeting was quorate.';
  const number = styledMinuteNumber(meeting, first.id, house.minuteNumberPattern).replace(/[.:]$/, '');
  return `The meeting was not quorate from minute ${number} (${first.title.trim()}).`;
}

export function attendance(layout: Layout): Paragraph[] {
  const { meeting, shape } = layout;
  const paragraphs = attendanceListing(meeting.attendees, shape).flatMap(({ group, people }) => [
    new Paragraph({ keepNext: true, spacing: { before: 240, after: 60 }, children: [textRun(group.label, ['bold'])] }),
    ...groupNames(meeting, group, people, shape).map((name) => new Paragraph({ indent: { left: 360 }, spacing: { after: 0 }, children: [textRun(name)] })),
  ]);
  const key = categoryKey(meeting.attendees, shape);
  if (key) paragraphs.push(new Paragraph({ spacing: { before: 120 }, children: [textRun(`Key: ${key}`, ['italic'])] }));
  const quorum = shape.quorumStatement === 'after-attendance' ? quorumStatement(layout) : undefined;
  if (quorum) paragraphs.push(new Paragraph({ spacing: { before: 240 }, children: [textRun(quorum)] }));
  return paragraphs;
}
