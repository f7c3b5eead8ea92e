/**
 * A long meeting in the shape of real council minutes (our own words, not the seeds'): items
 * with sub-headings, narrative paragraphs, bullet lists of questions and numbered decisions,
 * curly quotes, en dashes and ampersands. Used by the benchmarks and load tests.
 */
import {
  createAgendaItem,
  createMeeting,
  newId,
  type Action,
  type AgendaItem,
  type Attendee,
  type Decision,
  type Declaration,
  type Meeting,
  type MinuteBlock,
} from '../../main/domain/meeting';

const SUBJECTS = [
  'The Director',
  'Councillor Hardwick',
  'The Chair',
  'Councillor Ní Bhriain',
  'The Head of Finance',
  'A co-opted member',
  'Councillor O’Neill',
];
const VERBS = ['explained that', 'asked whether', 'noted that', 'reported that', 'questioned how', 'welcomed the fact that', 'confirmed that'];
const CLAUSES = [
  'the fostering recruitment campaign had exceeded its target for the quarter',
  'caseloads in the assessment teams remained above the agreed level',
  'the Virtual School now supported every child open to a social worker',
  'the budget for home-to-school transport was under “significant pressure”',
  'B&NES was in line with its statistical neighbours on care leavers in education',
  'the recruitment of newly qualified social workers would continue into 2027–28',
  'the youth justice partnership had renamed itself following consultation',
  'further detail would be provided to the Panel at its next meeting',
];

function sentence(seed: number): string {
  const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;
  return `${pick(SUBJECTS, seed)} ${pick(VERBS, seed * 7 + 3)} ${pick(CLAUSES, seed * 13 + 5)}.`;
}

/** Minutes of roughly `words` words: a sub-heading, paragraphs, a bullet list, a numbered decision. */
export function longMinutes(words: number, seed = 1): MinuteBlock[] {
  const blocks: MinuteBlock[] = [{ id: newId(), type: 'heading', runs: [{ text: 'Questions from members' }] }];
  let count = 3;
  let n = seed;
  while (count < words) {
    const kind = n % 9;
    const text = `${sentence(n)} ${sentence(n + 1)}`;
    if (kind === 4 || kind === 5) {
      blocks.push({ id: newId(), type: 'bullet', runs: [{ text: `In response to a query – ${text}` }] });
    } else if (kind === 8) {
      blocks.push({ id: newId(), type: 'numbered', runs: [{ text: 'RESOLVED', marks: ['bold'] }, { text: ` that ${text}` }] });
    } else {
      blocks.push({ id: newId(), type: 'paragraph', runs: [{ text }] });
    }
    count += text.split(' ').length;
    n += 2;
  }
  return blocks;
}

export function longMeeting(items: number, wordsPerItem: number): Meeting {
  const meeting = createMeeting(
    {
      committee: 'Children, Adults, Health & Wellbeing Scrutiny Panel',
      title: 'Budget meeting',
      date: '2026-11-10',
      startTime: '10:00',
      venue: 'Council Chamber, Guildhall',
    },
    new Date('2026-11-10T09:00:00Z'),
  );
  const agenda: AgendaItem[] = Array.from({ length: items }, (_, index) => ({
    ...createAgendaItem(`Item ${index + 1} – Director’s report on services for children & families`),
    background: 'Report of the Director of Children’s Services & Education (Appendix A).',
    minutes: longMinutes(wordsPerItem, index + 1),
  }));
  return { ...meeting, agenda };
}

const SURNAMES = [
  'Hardman',
  'Ní Bhriain',
  'O’Neill',
  'Davies',
  'Patel',
  'Okafor',
  'Jones',
  'Ball',
  'Kowalski',
  'Evans',
  'Singh',
  'Roberts',
  'Ahmed',
  'Clarke',
  'Wright',
  'Hughes',
  'Lewis',
  'Price',
  'Morgan',
  'Khan',
];

/**
 * A full meeting as the live-capture screens see it: 30 attendees (members, a substitute,
 * officers, guests), 20 items with minutes, declarations, decisions with counted and recorded
 * votes, and actions.
 */
export function fullMeeting(): Meeting {
  const base = longMeeting(20, 400);
  const attendees: Attendee[] = [];
  SURNAMES.slice(0, 12).forEach((surname, index) => {
    attendees.push({
      id: newId(),
      name: `Alex ${surname}`,
      displayName: `Councillor Alex ${surname}`,
      category: 'member',
      role: index === 0 ? 'chair' : index === 1 ? 'vice-chair' : index === 11 ? 'co-opted-non-voting' : 'member',
      status: index === 3 ? 'apologies' : index === 4 ? 'substituted' : 'present',
    });
  });
  attendees.push({
    id: newId(),
    name: 'Sam Quinn',
    displayName: 'Councillor Sam Quinn',
    category: 'member',
    role: 'substitute',
    status: 'present',
    substituteFor: attendees[4]!.id,
  });
  SURNAMES.slice(12).forEach((surname) =>
    attendees.push({ id: newId(), name: `Jo ${surname}`, displayName: `Jo ${surname}`, category: 'officer', jobTitle: 'Head of Service', status: 'present' }),
  );
  while (attendees.length < 30)
    attendees.push({ id: newId(), name: `Guest ${attendees.length}`, displayName: `Guest ${attendees.length}`, category: 'guest', status: 'present' });
  const voters = attendees.filter((attendee) => attendee.category === 'member' && attendee.status === 'present' && attendee.role !== 'co-opted-non-voting');
  const decisions: Decision[] = [];
  const actions: Action[] = [];
  const declarations: Declaration[] = [];
  base.agenda.forEach((item, index) => {
    decisions.push({
      id: newId(),
      itemId: item.id,
      kind: index % 2 ? 'RESOLVED' : 'RECOMMENDED',
      points: [
        { id: newId(), text: 'the Panel notes the report;' },
        { id: newId(), text: 'a further report comes to the next meeting.' },
      ],
      vote:
        index % 3 === 0
          ? { kind: 'recorded', for: voters.slice(0, 6).map((voter) => voter.id), against: voters.slice(6, 8).map((voter) => voter.id), abstain: [] }
          : { kind: 'counted', for: 7, against: 2, abstentions: 1 },
    });
    actions.push({
      id: newId(),
      itemId: item.id,
      text: 'Circulate the projected budget to the Panel',
      ownerAttendeeId: attendees[13]!.id,
      ownerName: attendees[13]!.displayName,
      due: '2026-12-01',
      status: 'open',
    });
    if (index % 5 === 0)
      declarations.push({
        id: newId(),
        itemId: item.id,
        attendeeId: voters[2]!.id,
        kind: 'other-registrable',
        nature: 'Governor of a local school',
        withdrew: index % 10 === 0,
      });
  });
  return { ...base, attendees, decisions, actions, declarations, quorum: { kind: 'fraction', numerator: 1, denominator: 3 } };
}
