/**
 * Who attended, in the groups minutes list them: Present (with Chair, Vice-Chair, co-opted
 * members, substitutes and remote attendance marked), Also present, Officers, Apologies.
 */
import { Paragraph } from 'docx';
import type { Attendee, Meeting } from '../../../domain/meeting';
import { describeAttendee } from '../../../domain/wording';
import { textRun } from '../wordText';

function attends(attendee: Attendee): boolean {
  return attendee.status === 'present' || attendee.status === 'remote';
}

/** "Councillor A (Chair)", "Councillor C (substitute for Councillor D)", "Councillor E (remote)". */
function presentMemberLabel(meeting: Meeting, attendee: Attendee): string {
  const notes: string[] = [];
  if (attendee.role === 'chair') notes.push('(Chair)');
  if (attendee.role === 'vice-chair') notes.push('(Vice-Chair)');
  if (attendee.role === 'co-opted-voting') notes.push('(co-opted member)');
  if (attendee.role === 'co-opted-non-voting') notes.push('(co-opted member, non-voting)');
  if (attendee.role === 'substitute' && attendee.substituteFor) {
    const member = meeting.attendees.find((each) => each.id === attendee.substituteFor);
    if (member) notes.push(`(substitute for ${member.displayName})`);
  }
  if (attendee.status === 'remote') notes.push('(remote)');
  return [attendee.displayName, ...notes].join(' ');
}

function withRemoteMark(attendee: Attendee): string {
  return attendee.status === 'remote' ? `${describeAttendee(attendee)} (remote)` : describeAttendee(attendee);
}

function attendanceGroups(meeting: Meeting): Array<{ label: string; names: string[] }> {
  const { attendees } = meeting;
  return [
    { label: 'Present', names: attendees.filter((each) => each.category === 'member' && attends(each)).map((each) => presentMemberLabel(meeting, each)) },
    {
      label: 'Also present',
      names: attendees.filter((each) => (each.category === 'councillor' || each.category === 'guest') && attends(each)).map(withRemoteMark),
    },
    { label: 'Officers', names: attendees.filter((each) => each.category === 'officer' && attends(each)).map(withRemoteMark) },
    { label: 'Apologies', names: attendees.filter((each) => each.status === 'apologies' || each.status === 'substituted').map((each) => each.displayName) },
  ].filter((group) => group.names.length > 0);
}

export function attendance(meeting: Meeting): Paragraph[] {
  return attendanceGroups(meeting).flatMap((group) => [
    new Paragraph({ keepNext: true, spacing: { before: 240, after: 60 }, children: [textRun(group.label, ['bold'])] }),
    ...group.names.map((name) => new Paragraph({ indent: { left: 360 }, spacing: { after: 0 }, children: [textRun(name)] })),
  ]);
}
