/**
 * A committee: its members and their roles, its quorum rule, the items every meeting opens
 * with, and the standard phrases its clerk uses. Stored as committees/<slug>.json in the library.
 */
import { z } from 'zod';
import { AttendanceGroupId } from './bodies';
import { HouseStyleOverride } from './houseStyle';
import { EntityId } from './ids';

export const COMMITTEE_FORMAT = 'minutebook.committee';
export const COMMITTEE_VERSION = 1;

export const MemberRole = z.enum(['chair', 'vice-chair', 'member', 'co-opted-voting', 'co-opted-non-voting']);
export type MemberRole = z.infer<typeof MemberRole>;

export const MEMBER_ROLE_LABELS: Record<MemberRole, string> = {
  chair: 'Chair',
  'vice-chair': 'Vice-Chair',
  member: 'Member',
  'co-opted-voting': 'Co-opted member (voting)',
  'co-opted-non-voting': 'Co-opted member (non-voting)',
};

export function isVotingRole(role: MemberRole): boolean {
  return role !== 'co-opted-non-voting';
}

export const CommitteeMember = z.object({
  id: EntityId,
  name: z.string().trim().min(1, 'a member needs a name').max(200),
  /** How the minutes name them, e.g. "Councillor Liz Hardman". */
  displayName: z.string().trim().min(1, 'a member needs a display name').max(250),
  role: MemberRole,
  /** What the attendee carries into each meeting (main/domain/meeting.ts, Attendee). */
  jobTitle: z.string().trim().max(300).optional(),
  initials: z.string().trim().min(1).max(10).optional(),
  memberCategory: AttendanceGroupId.optional(),
  roleLabel: z.string().trim().min(1).max(100).optional(),
  group: AttendanceGroupId.optional(),
});
export type CommitteeMember = z.infer<typeof CommitteeMember>;

/** A number of members, or a fraction of the voting members rounded up (e.g. one third). */
export const QuorumRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('count'), count: z.number().int().min(1).max(500) }),
  z.object({ kind: z.literal('fraction'), numerator: z.number().int().min(1).max(100), denominator: z.number().int().min(1).max(100) }),
]);
export type QuorumRule = z.infer<typeof QuorumRule>;

export const Snippet = z.object({
  id: EntityId,
  name: z.string().trim().min(1).max(100),
  /** May hold placeholders such as {previous meeting date}; see fillSnippet. */
  text: z.string().max(5000),
});
export type Snippet = z.infer<typeof Snippet>;

export const STANDARD_OPENING_ITEMS = ['Apologies for absence and substitutions', 'Declarations of interest', 'Minutes of the previous meeting'] as const;

export const CommitteeSlug = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a committee slug may only hold lower-case letters, digits and single hyphens');

export const Committee = z.object({
  format: z.literal(COMMITTEE_FORMAT),
  version: z.literal(COMMITTEE_VERSION),
  slug: CommitteeSlug,
  name: z.string().trim().min(1, 'the committee needs a name').max(200),
  members: z.array(CommitteeMember),
  defaultVenue: z.string().max(300),
  quorum: QuorumRule,
  /** Whether members attending remotely count towards the quorum and may vote. */
  remoteMembersCount: z.boolean(),
  standardItems: z.array(z.string().trim().min(1).max(500)),
  snippets: z.array(Snippet),
  /** The minute number the next meeting starts from. */
  nextMinuteNumber: z.number().int().min(1).max(1_000_000),
  /** Where this committee's minutes differ from the library's house style. */
  houseStyle: HouseStyleOverride.optional(),
});
export type Committee = z.infer<typeof Committee>;

export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'committee';
}

/**
 * A new committee; its opening items are those of the kind of body given (a council's when none
 * is), and whether remote members count as that kind has it (a council's "no" when none is given).
 */
export function createCommittee(name: string, standardItems: readonly string[] = STANDARD_OPENING_ITEMS, remoteMembersCount = false): Committee {
  return {
    format: COMMITTEE_FORMAT,
    version: COMMITTEE_VERSION,
    slug: slugify(name),
    name: name.trim(),
    members: [],
    defaultVenue: '',
    quorum: { kind: 'fraction', numerator: 1, denominator: 3 },
    remoteMembersCount,
    standardItems: [...standardItems],
    snippets: [
      {
        id: 'snippet-previous-minutes',
        name: 'Previous minutes approved',
        text: 'The minutes of the meeting held on {previous meeting date} were approved as a correct record and signed by the Chair.',
      },
      { id: 'snippet-report-noted', name: 'Report noted', text: 'The {committee} noted the report.' },
    ],
    nextMinuteNumber: 1,
  };
}

/** Committees in the order a clerk looks for them: by name, ignoring case and accents. */
export function byCommitteeName(a: Committee, b: Committee): number {
  return a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' });
}

/** How many voting members must be present under the rule, for a committee of this many voting members. */
export function quorumNeeded(rule: QuorumRule, votingMembers: number): number {
  if (rule.kind === 'count') return rule.count;
  return Math.max(1, Math.ceil((votingMembers * rule.numerator) / rule.denominator));
}

export function describeQuorumRule(rule: QuorumRule): string {
  return rule.kind === 'count' ? `${rule.count} voting members` : `${rule.numerator}/${rule.denominator} of the voting members, rounded up`;
}
