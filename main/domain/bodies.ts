/**
 * Kinds of body, and the shape of the minutes each writes: the words for its members, its
 * attendance groups and their labels, its decision verbs and vote wording, the law it cites for
 * private business, its standard opening items, its paragraph numbering. A kind supplies the
 * defaults; the house style (library, then committee) overrides them one by one
 * (`resolveMinutesShape`). Pure: no I/O, no DOM.
 */
import { z } from 'zod';

/**
 * - principal-council: a county, district, unitary, metropolitan or London borough council;
 * - parish-council: a town, parish or community council;
 * - school-maintained / school-academy: a governing board of a maintained school, or an academy trust's board or local governing body;
 * - nhs-trust-board: an NHS trust or foundation trust board meeting in public; nhs-board-committee: one of its committees;
 * - other-board: charities, companies, associations and other boards or committees.
 */
export const BodyKind = z.enum([
  'principal-council',
  'parish-council',
  'school-maintained',
  'school-academy',
  'nhs-trust-board',
  'nhs-board-committee',
  'other-board',
]);
export type BodyKind = z.infer<typeof BodyKind>;

export const BODY_KIND_LABELS: Record<BodyKind, string> = {
  'principal-council': 'Local authority (principal council)',
  'parish-council': 'Town or parish council',
  'school-maintained': 'School governing board (maintained school)',
  'school-academy': 'School governing board (academy trust)',
  'nhs-trust-board': 'NHS board (trust board in public)',
  'nhs-board-committee': 'NHS board committee',
  'other-board': 'Other board or committee (charity, company, association)',
};

/** An attendance group's id: what an attendee's `group` names. */
export const AttendanceGroupId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'an attendance group id is lower-case letters, digits and hyphens, such as "in-attendance"');

/**
 * Which people a group prints: `attending` lists the group's own people who are present or remote;
 * the others list everyone, from any group, with that attendance.
 */
export const GroupListing = z.enum(['attending', 'apologies', 'apologies-consented', 'apologies-not-consented', 'absent']);
export type GroupListing = z.infer<typeof GroupListing>;

export const AttendanceGroup = z.object({
  id: AttendanceGroupId,
  label: z.string().trim().min(1, 'an attendance group needs a label').max(100),
  lists: GroupListing,
});
export type AttendanceGroup = z.infer<typeof AttendanceGroup>;

/** A category of member the minutes mark with a printed key, e.g. school governors: P = Parent governor. */
export const MemberCategory = z.object({
  id: AttendanceGroupId,
  label: z.string().trim().min(1).max(100),
  abbreviation: z.string().trim().min(1).max(10),
});
export type MemberCategory = z.infer<typeof MemberCategory>;

/** The law (or none) the minutes cite for business taken in private. */
export const PrivateBusinessLaw = z.enum(['schedule-12a', 'admission-act-1960', 'school-part-two', 'confidential']);
export type PrivateBusinessLaw = z.infer<typeof PrivateBusinessLaw>;

/** Paragraphs within a minute: none, or numbered after the minute (63.1, 63.2). */
export const ParagraphNumbering = z.enum(['none', 'decimal']);
export type ParagraphNumbering = z.infer<typeof ParagraphNumbering>;

/** A decision of several points: one numbered paragraph a point, or the points run into one sentence. */
export const DecisionLayout = z.enum(['numbered-points', 'run-in']);
export type DecisionLayout = z.infer<typeof DecisionLayout>;

/** Councils put motions and vote on them; boards and governors approve proposals. */
export const VotingStyle = z.enum(['motion', 'proposal']);
export type VotingStyle = z.infer<typeof VotingStyle>;

/** Where "The meeting was quorate" is printed: nowhere, or after the attendance. */
export const QuorumStatement = z.enum(['none', 'after-attendance']);
export type QuorumStatement = z.infer<typeof QuorumStatement>;

/** The verbs a decision is printed under, by its kind in the record. */
export const DecisionVerbs = z.object({
  RESOLVED: z.string().trim().min(1).max(60),
  RECOMMENDED: z.string().trim().min(1).max(60),
  AGREED: z.string().trim().min(1).max(60),
  NOTED: z.string().trim().min(1).max(60),
});
export type DecisionVerbs = z.infer<typeof DecisionVerbs>;

/**
 * An action's reference: {n} the minute's number, {m} the minute number as the house style writes
 * it, {i} the action's number within its minute, {seq} its number within the meeting, {yy}/{yyyy}
 * the meeting's year. "{n}/{i}" → "64/2"; "TB{yyyy}.{seq}" → "TB2026.7".
 */
export const ActionReferencePattern = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .refine((pattern) => /\{(i|seq)\}/.test(pattern), 'an action reference format must hold {i} or {seq}, so that two actions differ')
  .refine(
    (pattern) => !/\{(?!n\}|m\}|i\}|seq\}|yy\}|yyyy\})[^}]*\}/.test(pattern),
    'an action reference format may only use {n}, {m}, {i}, {seq}, {yy} and {yyyy}',
  );

/** The shape of the minutes, every part set: what the screen, the wording and the export follow. */
export interface MinutesShape {
  bodyKind: BodyKind;
  /** Put before a member's name in generated text where the body does so: "Councillor"; empty for none. */
  memberTitle: string;
  /** The body's members in a sentence: "Members", "Governors", "Directors". */
  membersWord: string;
  attendanceGroups: AttendanceGroup[];
  /** The group a person goes in when none is chosen, by who they are in the record. */
  defaultGroups: { member: string; councillor: string; officer: string; guest: string };
  memberCategories: MemberCategory[];
  /** Printed after a person attending by video: "(remote)". */
  remoteMark: string;
  privateBusinessLaw: PrivateBusinessLaw;
  decisionVerbs: DecisionVerbs;
  decisionLayout: DecisionLayout;
  votingStyle: VotingStyle;
  /**
   * Whether members attending remotely count towards the quorum and vote, for a new meeting or
   * committee: not on a council (the law wants them in the room), yes on a board or governing body.
   */
  remoteMembersCount: boolean;
  paragraphNumbering: ParagraphNumbering;
  actionReferencePattern: string;
  quorumStatement: QuorumStatement;
  standardItems: string[];
}

/** What the house style may set of the shape; anything unset comes from the kind of body. */
export const MinutesShapeOverride = z.object({
  memberTitle: z.string().trim().max(40).optional(),
  membersWord: z.string().trim().min(1).max(40).optional(),
  attendanceGroups: z
    .array(AttendanceGroup)
    .min(1)
    .max(20)
    .refine((groups) => new Set(groups.map((group) => group.id)).size === groups.length, 'two attendance groups have the same id')
    .optional(),
  memberCategories: z.array(MemberCategory).max(20).optional(),
  remoteMark: z.string().trim().max(40).optional(),
  privateBusinessLaw: PrivateBusinessLaw.optional(),
  decisionVerbs: DecisionVerbs.partial().optional(),
  decisionLayout: DecisionLayout.optional(),
  votingStyle: VotingStyle.optional(),
  remoteMembersCount: z.boolean().optional(),
  paragraphNumbering: ParagraphNumbering.optional(),
  actionReferencePattern: ActionReferencePattern.optional(),
  quorumStatement: QuorumStatement.optional(),
});
export type MinutesShapeOverride = z.infer<typeof MinutesShapeOverride>;

const group = (id: string, label: string, lists: GroupListing = 'attending'): AttendanceGroup => ({ id, label, lists });

const COUNCIL_VERBS: DecisionVerbs = { RESOLVED: 'RESOLVED', RECOMMENDED: 'RECOMMENDED', AGREED: 'AGREED', NOTED: 'NOTED' };

const COUNCIL: MinutesShape = {
  bodyKind: 'principal-council',
  memberTitle: 'Councillor',
  membersWord: 'Members',
  attendanceGroups: [
    group('members', 'Present'),
    group('also-present', 'Also present'),
    group('officers', 'Officers'),
    group('apologies', 'Apologies', 'apologies'),
    group('absent', 'Absent', 'absent'),
  ],
  defaultGroups: { member: 'members', councillor: 'also-present', officer: 'officers', guest: 'also-present' },
  memberCategories: [],
  remoteMark: '(remote)',
  privateBusinessLaw: 'schedule-12a',
  decisionVerbs: COUNCIL_VERBS,
  // Councils' minutes have always run a decision's points into one sentence; a house style may number them instead.
  decisionLayout: 'run-in',
  votingStyle: 'motion',
  remoteMembersCount: false,
  paragraphNumbering: 'none',
  actionReferencePattern: '{n}/{i}',
  quorumStatement: 'none',
  standardItems: ['Apologies for absence and substitutions', 'Declarations of interest', 'Minutes of the previous meeting'],
};

const PARISH: MinutesShape = {
  ...COUNCIL,
  bodyKind: 'parish-council',
  privateBusinessLaw: 'admission-act-1960',
  standardItems: [
    'Apologies for absence',
    'Declarations of interest and requests for dispensations',
    'Public participation',
    'Minutes of the previous meeting',
  ],
};

const SCHOOL_CATEGORIES: MemberCategory[] = [
  { id: 'headteacher', label: 'Headteacher', abbreviation: 'HT' },
  { id: 'parent', label: 'Parent governor', abbreviation: 'P' },
  { id: 'staff', label: 'Staff governor', abbreviation: 'S' },
  { id: 'local-authority', label: 'Local authority governor', abbreviation: 'LA' },
  { id: 'co-opted', label: 'Co-opted governor', abbreviation: 'C' },
  { id: 'foundation', label: 'Foundation governor', abbreviation: 'F' },
];

/** A school's groups: its governors (or trustees) present, others, the clerk, apologies with the board's consent or not, the absent. */
function schoolGroups(members: string, consented: string): AttendanceGroup[] {
  return [
    group('members', `${members} present`),
    group('in-attendance', 'Also in attendance'),
    group('clerk', 'Clerk'),
    group('apologies-consented', `Apologies received and ${consented}`, 'apologies-consented'),
    group('apologies-not-consented', `Apologies received and not ${consented}`, 'apologies-not-consented'),
    group('absent', 'Absent', 'absent'),
  ];
}

const SCHOOL: MinutesShape = {
  bodyKind: 'school-maintained',
  memberTitle: '',
  membersWord: 'Governors',
  attendanceGroups: schoolGroups('Governors', 'consented'),
  defaultGroups: { member: 'members', councillor: 'in-attendance', officer: 'in-attendance', guest: 'in-attendance' },
  memberCategories: SCHOOL_CATEGORIES,
  remoteMark: '(remote)',
  privateBusinessLaw: 'school-part-two',
  decisionVerbs: { RESOLVED: 'RESOLVED', RECOMMENDED: 'RECOMMENDED', AGREED: 'AGREED', NOTED: 'NOTED' },
  decisionLayout: 'numbered-points',
  votingStyle: 'proposal',
  remoteMembersCount: true,
  paragraphNumbering: 'decimal',
  actionReferencePattern: '{n}/{i}',
  quorumStatement: 'after-attendance',
  standardItems: [
    'Welcome and apologies for absence',
    'Declarations of business and pecuniary interests',
    'Minutes of the previous meeting and matters arising',
  ],
};

const ACADEMY: MinutesShape = {
  ...SCHOOL,
  bodyKind: 'school-academy',
  membersWord: 'Trustees',
  attendanceGroups: schoolGroups('Trustees', 'accepted'),
  memberCategories: [
    { id: 'ceo', label: 'Chief Executive Officer', abbreviation: 'CEO' },
    { id: 'member-appointed', label: 'Member-appointed trustee', abbreviation: 'M' },
    { id: 'parent', label: 'Parent trustee', abbreviation: 'P' },
    { id: 'co-opted', label: 'Co-opted trustee', abbreviation: 'C' },
    { id: 'foundation', label: 'Foundation trustee', abbreviation: 'F' },
  ],
};

const NHS_BOARD: MinutesShape = {
  bodyKind: 'nhs-trust-board',
  memberTitle: '',
  membersWord: 'the Board',
  attendanceGroups: [
    group('members', 'Members'),
    group('in-attendance', 'In attendance'),
    group('observers', 'Present'),
    group('secretariat', 'Secretariat'),
    group('apologies', 'Apologies', 'apologies'),
  ],
  defaultGroups: { member: 'members', councillor: 'observers', officer: 'in-attendance', guest: 'observers' },
  memberCategories: [],
  remoteMark: '(by video)',
  privateBusinessLaw: 'admission-act-1960',
  decisionVerbs: { RESOLVED: 'RESOLVED', RECOMMENDED: 'RECOMMENDED', AGREED: 'AGREED', NOTED: 'NOTED' },
  decisionLayout: 'numbered-points',
  votingStyle: 'proposal',
  remoteMembersCount: true,
  paragraphNumbering: 'none',
  actionReferencePattern: '{n}/{i}',
  quorumStatement: 'after-attendance',
  standardItems: ['Welcome and apologies for absence', 'Declarations of interest', 'Minutes of the previous meeting', 'Action log and matters arising'],
};

const NHS_COMMITTEE: MinutesShape = { ...NHS_BOARD, bodyKind: 'nhs-board-committee', membersWord: 'the Committee' };

const OTHER: MinutesShape = {
  ...COUNCIL,
  bodyKind: 'other-board',
  memberTitle: '',
  membersWord: 'Members',
  attendanceGroups: [
    group('members', 'Present'),
    group('in-attendance', 'In attendance'),
    group('apologies', 'Apologies', 'apologies'),
    group('absent', 'Absent', 'absent'),
  ],
  defaultGroups: { member: 'members', councillor: 'in-attendance', officer: 'in-attendance', guest: 'in-attendance' },
  privateBusinessLaw: 'confidential',
  votingStyle: 'proposal',
  standardItems: ['Apologies for absence', 'Declarations of interest', 'Minutes of the previous meeting'],
};

const SHAPES: Record<BodyKind, MinutesShape> = {
  'principal-council': COUNCIL,
  'parish-council': PARISH,
  'school-maintained': SCHOOL,
  'school-academy': ACADEMY,
  'nhs-trust-board': NHS_BOARD,
  'nhs-board-committee': NHS_COMMITTEE,
  'other-board': OTHER,
};

/** A deep copy of plain data (the domain has neither Node's nor the page's structuredClone). */
function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The kind's own shape, a fresh copy the caller may change. */
export function shapeOfKind(kind: BodyKind): MinutesShape {
  return clone(SHAPES[kind]);
}

/** The kind's shape with the house style's overrides laid over it, one part at a time. */
export function resolveMinutesShape(kind: BodyKind, override: MinutesShapeOverride = {}): MinutesShape {
  const shape = shapeOfKind(kind);
  const { decisionVerbs, ...rest } = override;
  const defined = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)) as Partial<MinutesShape>;
  return {
    ...shape,
    ...clone(defined),
    decisionVerbs: { ...shape.decisionVerbs, ...Object.fromEntries(Object.entries(decisionVerbs ?? {}).filter(([, value]) => value !== undefined)) },
  };
}

/** Whether the kind's minutes keep Part II business in a separate document, never in the public one. */
export function keepsPrivateBusinessApart(shape: MinutesShape): boolean {
  return shape.privateBusinessLaw === 'school-part-two';
}
