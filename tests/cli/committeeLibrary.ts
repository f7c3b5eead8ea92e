/**
 * A library on disk with real meeting files of one committee (and one of another), made with the
 * domain's own changes, for the action log and the command line tests.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { applyMeetingChange, type MeetingChange } from '../../main/domain/changes';
import { createCommittee } from '../../main/domain/committee';
import { createAgendaItem, createMeeting, type Action, type Attendee, type Meeting } from '../../main/domain/meeting';
import { prepareLibrary, saveCommittee } from '../../main/core/library';
import { serializeLibraryFile } from '../../main/core/meetingFile';

const at = new Date('2022-11-08T10:00:00Z');

export const COMMITTEE_NAME = 'Planning Panel';
export const COMMITTEE_SLUG = 'planning-panel';
export const EXEMPT_MINUTES = 'The Panel examined the tender prices of Acme Ltd in detail.';
export const EXEMPT_ACTION = 'Notify the unsuccessful bidders';
export const PUBLIC_SUMMARY = 'The Panel approved the award of the contract.';

function action(itemId: string, fields: Partial<Action> & Pick<Action, 'id' | 'text'>): MeetingChange {
  return { kind: 'entity.put', collection: 'actions', entity: { itemId, ownerName: '', status: 'open', ...fields } };
}

function meetingWith(
  details: { date: string; startTime?: string; committee?: string; firstMinuteNumber: number },
  build: (meeting: Meeting, change: (each: MeetingChange) => void) => void,
): Meeting {
  let meeting = createMeeting(
    {
      committee: details.committee ?? COMMITTEE_NAME,
      title: 'Ordinary meeting',
      date: details.date,
      startTime: details.startTime ?? '10:00',
      venue: 'Guildhall',
    },
    at,
  );
  const change = (each: MeetingChange) => {
    meeting = applyMeetingChange(meeting, each, at);
  };
  change({ kind: 'meeting.update', fields: { firstMinuteNumber: details.firstMinuteNumber } });
  build(meeting, change);
  return meeting;
}

/** 8 November 2022: items 63–65; 65 is Part 2. Actions recorded out of reference order. */
export function novemberMeeting(): Meeting {
  const meeting = meetingWith({ date: '2022-11-08', firstMinuteNumber: 63 }, (_meeting, change) => {
    const apologies = createAgendaItem('Apologies for absence', 'apologies');
    const report = createAgendaItem('Director’s update – Siân’s report');
    const tender = { ...createAgendaItem('Highways maintenance contract'), exempt: true, exemptParagraph: 3, publicSummary: PUBLIC_SUMMARY };
    [apologies, report, tender].forEach((item, index) => change({ kind: 'item.add', item, index }));
    const officer: Attendee = { id: 'offi0001', name: 'Jane Smith', displayName: 'Jane Smith', category: 'officer', jobTitle: 'Director', status: 'present' };
    change({ kind: 'entity.put', collection: 'attendees', entity: officer });
    change(action(report.id, { id: 'actn0002', number: 2, text: 'Publish the figures on the website', ownerName: 'Communications team', due: '2022-12-15' }));
    change(
      action(report.id, {
        id: 'actn0001',
        number: 1,
        text: 'Circulate the attendance figures',
        ownerAttendeeId: 'offi0001',
        ownerName: 'Jane',
        due: '2022-12-01',
      }),
    );
    change({ kind: 'item.minutes', itemId: tender.id, minutes: [{ id: 'blk00010', type: 'paragraph', runs: [{ text: EXEMPT_MINUTES }] }] });
    change(action(tender.id, { id: 'actn0003', text: EXEMPT_ACTION, ownerName: 'Head of Procurement' }));
    // An action of an item since removed stays in the file for Undo, but is no longer in the meeting.
    change(action('gone0001', { id: 'actn0009', text: 'An action of a removed item' }));
  });
  return { ...meeting, committeeSlug: COMMITTEE_SLUG };
}

/** 13 September 2022: item 41 with a done action. */
export function septemberMeeting(): Meeting {
  const meeting = meetingWith({ date: '2022-09-13', firstMinuteNumber: 40 }, (_meeting, change) => {
    const minutes = createAgendaItem('Minutes of the previous meeting', 'previous-minutes');
    const budget = createAgendaItem('Budget monitoring');
    [minutes, budget].forEach((item, index) => change({ kind: 'item.add', item, index }));
    change(action(budget.id, { id: 'actn0101', text: '=HYPERLINK("http://example.invalid","Budget")', ownerName: '@Finance', status: 'done' }));
  });
  return { ...meeting, committeeSlug: COMMITTEE_SLUG, status: 'approved' };
}

/** 11 October 2022, set up ad hoc (no committee file) under the committee's name. */
export function adHocMeeting(): Meeting {
  return meetingWith({ date: '2022-10-11', startTime: '18:30', firstMinuteNumber: 50 }, (_meeting, change) => {
    const item = createAgendaItem('Site visit');
    change({ kind: 'item.add', item, index: 0 });
    change(action(item.id, { id: 'actn0201', text: '-5% on the estimate\nto be checked', ownerName: 'Siân Ní Bhriain', status: 'dropped' }));
  });
}

export function otherCommitteeMeeting(): Meeting {
  const meeting = meetingWith({ date: '2022-11-01', committee: 'Licensing Committee', firstMinuteNumber: 7 }, (_meeting, change) => {
    const item = createAgendaItem('Taxi licence');
    change({ kind: 'item.add', item, index: 0 });
    change(action(item.id, { id: 'actn0301', text: 'Licensing action', ownerName: 'Licensing officer' }));
  });
  return { ...meeting, committeeSlug: 'licensing' };
}

export function meetingFilePath(library: string, meeting: Meeting, slug: string): string {
  return join(library, 'meetings', meeting.date.slice(0, 4), `${meeting.date} ${slug}.json`);
}

export async function writeMeeting(library: string, meeting: Meeting, slug = meeting.committeeSlug ?? COMMITTEE_SLUG, fileName?: string): Promise<string> {
  const path = fileName ? join(library, 'meetings', meeting.date.slice(0, 4), fileName) : meetingFilePath(library, meeting, slug);
  await mkdir(join(library, 'meetings', meeting.date.slice(0, 4)), { recursive: true });
  await writeFile(path, serializeLibraryFile(meeting));
  return path;
}

/** The library with the committee file, its three meetings, another committee's meeting and a damaged file. */
export async function makeCommitteeLibrary(library: string): Promise<{ november: string; september: string; damaged: string }> {
  await prepareLibrary(library);
  await saveCommittee(library, { ...createCommittee(COMMITTEE_NAME), slug: COMMITTEE_SLUG });
  const november = await writeMeeting(library, novemberMeeting());
  // Renamed by hand, so the files are not listed in date order.
  const september = await writeMeeting(library, septemberMeeting(), COMMITTEE_SLUG, `Copy of 2022-09-13 ${COMMITTEE_SLUG}.json`);
  await writeMeeting(library, adHocMeeting(), COMMITTEE_SLUG);
  await writeMeeting(library, otherCommitteeMeeting());
  const damaged = join(library, 'meetings', '2022', `2022-10-25 ${COMMITTEE_SLUG}.json`);
  await writeFile(damaged, '{ "format": "minutebook.meeting", ');
  return { november, september, damaged };
}
