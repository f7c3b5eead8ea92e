/**
 * The meeting model: what one meeting file holds, and the schemas that every file read from
 * disk and every change from the screen is checked against. Pure TypeScript, no I/O.
 */
import { z } from 'zod';

import { AttendanceGroupId } from './bodies';
import { CommitteeSlug, MemberRole, QuorumRule } from './committee';
import { ClockTime, EntityId, IsoDate, newId } from './ids';

export { EntityId, newId };

export const MEETING_FORMAT = 'minutebook.meeting';
export const MEETING_VERSION = 5;

export const Mark = z.enum(['bold', 'italic', 'underline']);
export type Mark = z.infer<typeof Mark>;

/** A run of text sharing the same marks. */
export const TextRun = z.object({
  text: z.string(),
  marks: z.array(Mark).optional(),
});
export type TextRun = z.infer<typeof TextRun>;

/** A table's cell: its text, as runs. */
export const TableCell = z.array(TextRun).max(200);
export type TableCell = z.infer<typeof TableCell>;

/**
 * One block of minutes: a paragraph, a sub-heading, an item of a bulleted or numbered list, or a
 * table. Consecutive list blocks of the same kind form one list; `level` is the nesting depth
 * (0 = top). A table keeps its cells in `rows` (row by row, cell by cell; the first `headerRows`
 * rows are its header) and no `runs` of its own.
 */
export const MinuteBlock = z.object({
  id: EntityId,
  type: z.enum(['paragraph', 'heading', 'bullet', 'numbered', 'table']),
  level: z.number().int().min(0).max(8).optional(),
  runs: z.array(TextRun),
  rows: z.array(z.array(TableCell).min(1).max(20)).max(500).optional(),
  headerRows: z.number().int().min(0).max(5).optional(),
});
export type MinuteBlock = z.infer<typeof MinuteBlock>;
export type MinuteBlockType = MinuteBlock['type'];

/**
 * Standard opening items whose minutes Minute Book writes from the record (attendance,
 * declarations) until the clerk edits them by hand.
 */
export const AgendaItemRole = z.enum(['standard', 'apologies', 'declarations', 'previous-minutes']);
export type AgendaItemRole = z.infer<typeof AgendaItemRole>;

/** Schedule 12A to the Local Government Act 1972, paragraphs 1–7: the grounds for excluding the public. */
export const ExemptParagraph = z.number().int().min(1, 'Schedule 12A has paragraphs 1 to 7').max(7, 'Schedule 12A has paragraphs 1 to 7');

/**
 * What an agenda entry is: a minute (absent: the usual), a lettered part of the minute before it
 * ("(a) Declarations of substitutes"), or a section heading between items ("PART ONE") that takes
 * no minute number and has no minutes.
 */
export const AgendaItemShape = z.enum(['sub-item', 'section']);
export type AgendaItemShape = z.infer<typeof AgendaItemShape>;

export const AgendaItem = z.object({
  id: EntityId,
  shape: AgendaItemShape.optional(),
  title: z.string().max(500, 'an agenda item title must be at most 500 characters'),
  background: z.string(),
  minutes: z.array(MinuteBlock),
  role: AgendaItemRole,
  /** Set once the clerk types in a generated item; from then on Minute Book leaves its text alone. */
  minutesEditedByHand: z.boolean(),
  /** Part 2: taken in private. The public version of the minutes shows the summary instead. */
  exempt: z.boolean(),
  exemptParagraph: ExemptParagraph.optional(),
  publicSummary: z.string().max(5000),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const AttendeeCategory = z.enum(['member', 'councillor', 'officer', 'guest']);
export type AttendeeCategory = z.infer<typeof AttendeeCategory>;

export const AttendanceStatus = z.enum(['present', 'apologies', 'absent', 'remote', 'substituted']);
export type AttendanceStatus = z.infer<typeof AttendanceStatus>;

/**
 * Everyone the minutes name as attending or absent. Committee members come from the roster;
 * a substitute is a member attendee with role "substitute" and `substituteFor` pointing at the
 * member (whose status is then "substituted"). Other councillors, officers and guests are added
 * on the fly.
 */
export const Attendee = z.object({
  id: EntityId,
  name: z.string().trim().min(1, 'an attendee needs a name').max(200),
  displayName: z.string().trim().min(1).max(250),
  category: AttendeeCategory,
  role: z.union([MemberRole, z.literal('substitute')]).optional(),
  /** Job title or capacity, printed after the name, for members too: "Non-Executive Director". */
  jobTitle: z.string().max(300).optional(),
  status: AttendanceStatus,
  substituteFor: EntityId.optional(),
  /** The attendance group the minutes list them in (an id of the house style's groups); absent: the default for who they are. */
  group: AttendanceGroupId.optional(),
  /** As the minutes mark them: "CW", printed "[CW]". */
  initials: z.string().trim().min(1).max(10).optional(),
  /** A category with a printed key (school governors: parent, staff, …): an id of the house style's member categories. */
  memberCategory: AttendanceGroupId.optional(),
  /** A role in the body's own words, printed instead of the role's usual name: "Joint Deputy Chair", "Standing Invitee". */
  roleLabel: z.string().trim().min(1).max(100).optional(),
  /** Apologies the body consented to (true) or did not (false); absent when it does not record consent. */
  apologiesConsented: z.boolean().optional(),
});
export type Attendee = z.infer<typeof Attendee>;

/** An arrival or departure, stamped with the time and the item under discussion. */
export const Movement = z.object({
  id: EntityId,
  attendeeId: EntityId,
  kind: z.enum(['arrived', 'left']),
  time: ClockTime,
  itemId: EntityId,
});
export type Movement = z.infer<typeof Movement>;

export const DeclarationKind = z.enum(['disclosable-pecuniary', 'other-registrable', 'non-registrable']);
export type DeclarationKind = z.infer<typeof DeclarationKind>;

export const Declaration = z.object({
  id: EntityId,
  itemId: EntityId,
  attendeeId: EntityId,
  kind: DeclarationKind,
  nature: z.string().max(2000),
  /** Left the room for the item: not counted for quorum and may not vote on it. */
  withdrew: z.boolean(),
});
export type Declaration = z.infer<typeof Declaration>;

export const DecisionKind = z.enum(['RESOLVED', 'RECOMMENDED', 'AGREED', 'NOTED']);
export type DecisionKind = z.infer<typeof DecisionKind>;

export const Vote = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('unanimous') }),
  z.object({
    kind: z.literal('counted'),
    for: z.number().int().min(0).max(1000),
    against: z.number().int().min(0).max(1000),
    abstentions: z.number().int().min(0).max(1000),
    /** When the votes are equal the Chair has a second, casting vote (Local Government Act 1972, Sch. 12 para 39). */
    castingVote: z.enum(['for', 'against']).optional(),
  }),
  z.object({
    kind: z.literal('recorded'),
    for: z.array(EntityId),
    against: z.array(EntityId),
    abstain: z.array(EntityId),
    castingVote: z.enum(['for', 'against']).optional(),
  }),
]);
export type Vote = z.infer<typeof Vote>;

export const Decision = z.object({
  id: EntityId,
  itemId: EntityId,
  kind: DecisionKind,
  points: z.array(z.object({ id: EntityId, text: z.string().max(5000) })),
  moverId: EntityId.optional(),
  seconderId: EntityId.optional(),
  vote: Vote.optional(),
  /** Where it stands among the item's minutes: after this paragraph; null before them all; absent after them all. */
  afterBlockId: EntityId.nullable().optional(),
});
export type Decision = z.infer<typeof Decision>;

export const ActionStatus = z.enum(['open', 'done', 'dropped']);
export type ActionStatus = z.infer<typeof ActionStatus>;

export const Action = z.object({
  id: EntityId,
  itemId: EntityId,
  /** Fixed when the action is recorded, so "64/2" stays "64/2" even if 64/1 is removed. */
  number: z.number().int().min(1).max(10_000).optional(),
  text: z.string().max(2000),
  /** An attendee, or anyone named in free text (ownerName). */
  ownerAttendeeId: EntityId.optional(),
  ownerName: z.string().max(250),
  due: IsoDate.optional(),
  status: ActionStatus,
});
export type Action = z.infer<typeof Action>;

/** The collections of entities a meeting holds besides its agenda, each keyed by stable id. */
export const MeetingCollection = z.enum(['attendees', 'movements', 'declarations', 'decisions', 'actions']);
export type MeetingCollection = z.infer<typeof MeetingCollection>;

/** Who saved one side of a conflict, when known (the display name from that computer's settings). */
const ConflictAuthor = z.string().trim().min(1).max(250).optional();

/** Fields of a conflict that do not depend on what it is about. */
const ConflictCommon = {
  /** Derived from what the conflict is about and the two versions, so two computers that find the same conflict give it the same id. */
  id: EntityId,
  /** Where it is, in the clerk's words, as it was when the conflict was found: "Item 64 Director's update, paragraph 3". */
  label: z.string().max(500),
  /** The later of the two versions' save times (updatedAt), so both computers record the same moment. */
  detectedAt: z.string(),
};

/**
 * The same paragraph of minutes changed differently on two computers. The `kept` version is in
 * the minutes; the `other` is held here until the clerk picks one or combines them.
 */
export const ParagraphConflict = z.object({
  ...ConflictCommon,
  kind: z.literal('paragraph'),
  itemId: EntityId,
  blockId: EntityId,
  /** The paragraph as both computers last had it; absent when both added it. */
  base: MinuteBlock.optional(),
  kept: z.object({ block: MinuteBlock, author: ConflictAuthor }),
  other: z.object({ block: MinuteBlock, author: ConflictAuthor }),
});
export type ParagraphConflict = z.infer<typeof ParagraphConflict>;

/**
 * The same field changed differently on two computers: a meeting detail (no itemId, no
 * collection), an agenda item's field (itemId), or a field of an attendee, movement, declaration,
 * decision or action (collection + entityId; pointId for the text of one point of a decision).
 * A value that is absent means the field was cleared.
 */
export const FieldConflict = z.object({
  ...ConflictCommon,
  kind: z.literal('field'),
  itemId: EntityId.optional(),
  collection: MeetingCollection.optional(),
  entityId: EntityId.optional(),
  pointId: EntityId.optional(),
  field: z.string().regex(/^[A-Za-z]{1,40}$/, 'a field name is letters only'),
  base: z.json().optional(),
  kept: z.object({ value: z.json().optional(), author: ConflictAuthor }),
  other: z.object({ value: z.json().optional(), author: ConflictAuthor }),
});
export type FieldConflict = z.infer<typeof FieldConflict>;

/** Something two computers changed differently, kept in the meeting file until the clerk resolves it. */
export const MeetingConflict = z.discriminatedUnion('kind', [ParagraphConflict, FieldConflict]);
export type MeetingConflict = z.infer<typeof MeetingConflict>;

export const MeetingStatus = z.enum(['draft', 'approved']);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

/** The details a clerk gives when setting up a meeting. */
export const MeetingDetails = z.object({
  committee: z.string().trim().min(1, 'the committee name is required').max(200),
  title: z.string().max(300),
  date: IsoDate,
  startTime: ClockTime,
  venue: z.string().max(300),
});
export type MeetingDetails = z.infer<typeof MeetingDetails>;

/** How many revisions a meeting file remembers in `sync.lineage`. */
export const LINEAGE_LIMIT = 100;

/**
 * Who wrote this version of the file, and which versions it descends from (docs/sync.md, "Lost
 * updates and lineage"). Written by the core on every save; never part of a merge or of the
 * clerk's changes. Absent in files written before sharing was supported.
 */
export const SyncStamp = z.object({
  /** A new random id for every write. */
  revision: EntityId,
  /** This revision, then the revisions of every version merged into it, most recent first (at most LINEAGE_LIMIT). */
  lineage: z.array(EntityId).max(1000),
  /** "Jane Smith on LAPTOP-12". */
  savedBy: z.string().max(500).optional(),
  /** ISO time of the write, by the writer's clock. */
  savedAt: z.string().max(40).optional(),
});
export type SyncStamp = z.infer<typeof SyncStamp>;

export const Meeting = MeetingDetails.extend({
  format: z.literal(MEETING_FORMAT),
  version: z.literal(MEETING_VERSION),
  id: EntityId,
  status: MeetingStatus,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The committee file this meeting was set up from (committees/<slug>.json), if any. */
  committeeSlug: CommitteeSlug.optional(),
  /** Minute number of the first agenda item; the rest follow in agenda order. */
  firstMinuteNumber: z.number().int().min(1).max(1_000_000),
  /** Copied from the committee when the meeting is set up, so the record stands on its own. */
  quorum: QuorumRule,
  remoteMembersCount: z.boolean(),
  endTime: ClockTime.optional(),
  agenda: z.array(AgendaItem),
  attendees: z.array(Attendee),
  movements: z.array(Movement),
  declarations: z.array(Declaration),
  decisions: z.array(Decision),
  actions: z.array(Action),
  /** Changes made on two computers that could not both stand; each keeps both versions until the clerk resolves it. */
  conflicts: z.array(MeetingConflict),
  /** Set by the core when it writes the file: revision, lineage and who saved it. */
  sync: SyncStamp.optional(),
});
export type Meeting = z.infer<typeof Meeting>;

/**
 * The meeting's fields that are not details of it: the file's format and version, its times, and
 * the agenda, collections and conflicts, which merge entry by entry. A merge never takes one of
 * them as a single value, and a conflict can never be settled by choosing one.
 */
export const MEETING_STRUCTURE_FIELDS: readonly string[] = ['format', 'version', 'createdAt', 'updatedAt', 'agenda', ...MeetingCollection.options, 'conflicts'];

/** What the meetings list shows, read from each file without holding every meeting in memory. */
export interface MeetingSummary {
  id: string;
  committee: string;
  title: string;
  date: string;
  startTime: string;
  venue: string;
  status: MeetingStatus;
  itemCount: number;
  /** Path relative to the library folder, with forward slashes. */
  file: string;
}

/** A file (or a year folder, a link, a pipe) in the library that could not be read as a meeting; shown to the clerk, never altered or opened. */
export interface UnreadableMeetingFile {
  file: string;
  problem: string;
}

export function createMeeting(details: MeetingDetails, now: Date): Meeting {
  const stamp = now.toISOString();
  return {
    format: MEETING_FORMAT,
    version: MEETING_VERSION,
    id: newId(),
    ...details,
    committee: details.committee.trim(),
    status: 'draft',
    createdAt: stamp,
    updatedAt: stamp,
    firstMinuteNumber: 1,
    quorum: { kind: 'fraction', numerator: 1, denominator: 3 },
    remoteMembersCount: false,
    agenda: [],
    attendees: [],
    movements: [],
    declarations: [],
    decisions: [],
    actions: [],
    conflicts: [],
  };
}

export function createAgendaItem(title: string, role: AgendaItemRole = 'standard'): AgendaItem {
  return { id: newId(), title, background: '', minutes: [], role, minutesEditedByHand: false, exempt: false, publicSummary: '' };
}

/** The line the meetings list shows for a meeting stored at `file`. */
export function summariseMeeting(meeting: Meeting, file: string): MeetingSummary {
  return {
    id: meeting.id,
    committee: meeting.committee,
    title: meeting.title,
    date: meeting.date,
    startTime: meeting.startTime,
    venue: meeting.venue,
    status: meeting.status,
    itemCount: meeting.agenda.length,
    file,
  };
}

/** Every word of an item's minutes, for summaries, search and tests. */
export function minutesText(blocks: readonly MinuteBlock[]): string {
  return blocks.map(blockText).join('\n');
}

/** A block's words: a table's cells, tab between cells, a line a row. */
export function blockText(block: MinuteBlock): string {
  if (block.type === 'table') return (block.rows ?? []).map((row) => row.map((cell) => cell.map((run) => run.text).join('')).join('\t')).join('\n');
  return block.runs.map((run) => run.text).join('');
}
