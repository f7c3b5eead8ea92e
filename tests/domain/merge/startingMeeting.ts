/**
 * The meeting two clerks start from on their two computers, and the edits they make to it: what
 * the merge tests in this folder share.
 */
import { applyMeetingChange, type MeetingChange } from '../../../main/domain/changes';
import { createMeeting, type Action, type AgendaItem, type Attendee, type Decision, type Meeting, type MinuteBlock } from '../../../main/domain/meeting';

export const at = new Date('2026-11-23T10:00:00Z');
export const janeSaves = new Date('2026-11-23T10:20:00Z');
export const tomSaves = new Date('2026-11-23T10:21:00Z');

export function para(id: string, text: string, type: MinuteBlock['type'] = 'paragraph'): MinuteBlock {
  return { id, type, runs: [{ text }] };
}

export function item(id: string, title: string, minutes: MinuteBlock[] = [], role: AgendaItem['role'] = 'standard'): AgendaItem {
  return { id, title, background: '', minutes, role, minutesEditedByHand: false, exempt: false, publicSummary: '' };
}

export function member(id: string, displayName: string): Attendee {
  return { id, name: displayName.replace('Councillor ', ''), displayName, category: 'member', role: 'member', status: 'present' };
}

/** The change a clerk's screen sends to set one member's attendance. */
export function attendanceSet(id: string, displayName: string, status: Attendee['status']): MeetingChange {
  return { kind: 'entity.put', collection: 'attendees', entity: { ...member(id, displayName), status } };
}

export const decision: Decision = {
  id: 'decision65',
  itemId: 'item0065',
  kind: 'RESOLVED',
  points: [
    { id: 'point001', text: 'to note the report' },
    { id: 'point002', text: 'to ask for a further report in March' },
  ],
  vote: { kind: 'unanimous' },
};

export const action: Action = { id: 'action641', itemId: 'item0064', number: 1, text: 'Circulate the dashboard', ownerName: 'Director', status: 'open' };

/** The meeting both clerks start from: minute 63 Apologies, 64 Director's update, 65 Budget. */
function startingMeeting(): Meeting {
  let meeting: Meeting = {
    ...createMeeting({ committee: 'Children, Adults, Health and Wellbeing Panel', title: '', date: '2026-11-23', startTime: '10:00', venue: 'Guildhall' }, at),
    id: 'meet0001',
    firstMinuteNumber: 63,
  };
  const changes: MeetingChange[] = [
    { kind: 'item.add', item: item('item0063', 'Apologies for absence', [], 'apologies'), index: 0 },
    {
      kind: 'item.add',
      item: item('item0064', 'Director’s update', [
        para('para0641', 'The Director introduced the report.'),
        para('para0642', 'Councillor Hardman asked about waiting times.'),
        para('para0643', 'The Panel thanked the Director.'),
      ]),
      index: 1,
    },
    { kind: 'item.add', item: item('item0065', 'Budget monitoring', [para('para0651', 'The Finance Officer presented the figures.')]), index: 2 },
    { kind: 'entity.put', collection: 'attendees', entity: member('att00001', 'Councillor Liz Hardman') },
    { kind: 'entity.put', collection: 'attendees', entity: member('att00002', 'Councillor Joe Bloggs') },
    { kind: 'entity.put', collection: 'attendees', entity: member('att00003', 'Councillor Sarah Moore') },
    { kind: 'entity.put', collection: 'decisions', entity: decision },
    { kind: 'entity.put', collection: 'actions', entity: action },
  ];
  for (const change of changes) meeting = applyMeetingChange(meeting, change, at);
  return meeting;
}

export function edit(meeting: Meeting, when: Date, ...changes: MeetingChange[]): Meeting {
  return changes.reduce((current, change) => applyMeetingChange(current, change, when), meeting);
}

export function minutesOf(meeting: Meeting, itemId: string): MinuteBlock[] {
  return meeting.agenda.find((each) => each.id === itemId)!.minutes;
}

export function withParagraph(meeting: Meeting, itemId: string, blockId: string, text: string): MeetingChange {
  return { kind: 'item.minutes', itemId, minutes: minutesOf(meeting, itemId).map((block) => (block.id === blockId ? para(blockId, text, block.type) : block)) };
}

export const base = startingMeeting();
