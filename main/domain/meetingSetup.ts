/**
 * Setting up a meeting for a committee: attendance prefilled from the roster (everyone present
 * until the clerk says otherwise), the committee's standard opening items, its quorum rule and
 * the next minute number.
 */
import type { Committee, CommitteeMember } from './committee';
import { newId } from './ids';
import { createAgendaItem, createMeeting, type AgendaItemRole, type Attendee, type Meeting, type MeetingDetails } from './meeting';
import { refreshGeneratedMinutes } from './generatedMinutes';

/** Recognises the standard opening items by their usual titles, whatever the committee calls them exactly. */
export function roleForStandardItem(title: string): AgendaItemRole {
  const lower = title.toLowerCase();
  if (lower.includes('apologies')) return 'apologies';
  if (lower.includes('declaration')) return 'declarations';
  if (lower.includes('minutes of the previous') || lower.includes('previous minutes')) return 'previous-minutes';
  return 'standard';
}

/** What a member's roster entry prints, carried onto their attendance. */
function carried(member: CommitteeMember): Partial<Attendee> {
  const fields: Partial<Attendee> = {};
  if (member.jobTitle) fields.jobTitle = member.jobTitle;
  if (member.initials) fields.initials = member.initials;
  if (member.memberCategory) fields.memberCategory = member.memberCategory;
  if (member.roleLabel) fields.roleLabel = member.roleLabel;
  if (member.group) fields.group = member.group;
  return fields;
}

export function createMeetingForCommittee(details: MeetingDetails, committee: Committee, now: Date): Meeting {
  const meeting = createMeeting({ ...details, committee: committee.name, venue: details.venue.trim() || committee.defaultVenue }, now);
  const attendees: Attendee[] = committee.members.map((member) => ({
    id: newId(),
    name: member.name,
    displayName: member.displayName,
    category: 'member',
    role: member.role,
    status: 'present',
    ...carried(member),
  }));
  return refreshGeneratedMinutes({
    ...meeting,
    committeeSlug: committee.slug,
    firstMinuteNumber: committee.nextMinuteNumber,
    quorum: committee.quorum,
    remoteMembersCount: committee.remoteMembersCount,
    attendees,
    agenda: committee.standardItems.map((title) => createAgendaItem(title, roleForStandardItem(title))),
  });
}
