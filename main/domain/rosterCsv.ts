/**
 * Importing a committee roster from a spreadsheet saved as CSV: columns name, role, title
 * (header row optional), and with a header row also job title (or capacity), initials, category
 * and group. A role in the body's own words ("Joint Deputy Chair", "Standing Invitee") is kept as
 * printed, with the closest role Minute Book counts by. Every row is checked; bad rows are
 * reported with their line number and never half-imported. Parsing is papaparse, which copes with
 * quoted commas and Excel's BOM.
 */
import Papa from 'papaparse';
import { shapeOfKind, type AttendanceGroup, type MemberCategory } from './bodies';
import { MemberRole, type CommitteeMember } from './committee';
import { newId } from './ids';

export interface RosterRowProblem {
  line: number;
  problem: string;
}

export interface RosterImport {
  members: CommitteeMember[];
  problems: RosterRowProblem[];
}

const ROLE_WORDS: Record<string, MemberRole> = {
  chair: 'chair',
  chairman: 'chair',
  chairperson: 'chair',
  'vice-chair': 'vice-chair',
  'vice chair': 'vice-chair',
  vicechair: 'vice-chair',
  member: 'member',
  councillor: 'member',
  'co-opted': 'co-opted-voting',
  'co-opted member': 'co-opted-voting',
  'co-opted (voting)': 'co-opted-voting',
  'co-opted voting': 'co-opted-voting',
  'co-opted member (voting)': 'co-opted-voting',
  'co-opted (non-voting)': 'co-opted-non-voting',
  'co-opted non-voting': 'co-opted-non-voting',
  'co-opted member (non-voting)': 'co-opted-non-voting',
  'non-voting': 'co-opted-non-voting',
};

export function roleFromWords(words: string): MemberRole | undefined {
  const key = words.trim().toLowerCase().replace(/\s+/g, ' ');
  if (key === '') return 'member';
  return ROLE_WORDS[key] ?? ((MemberRole.options as readonly string[]).find((role) => role === key) as MemberRole | undefined);
}

/**
 * The role Minute Book counts a role in the body's own words as: a deputy or vice → Vice-Chair;
 * an interim or acting chair (any chair) → Chair; an invitee, observer or adviser → co-opted
 * without a vote; anyone else → Member.
 */
export function closestRole(words: string): MemberRole {
  const key = words.toLowerCase();
  if (/\b(deputy|vice)\b/.test(key)) return 'vice-chair';
  if (/\bchair(man|woman|person)?\b/.test(key)) return 'chair';
  if (/\b(invitee|observer|advis[eo]r)\b/.test(key)) return 'co-opted-non-voting';
  return 'member';
}

/** What the roster's categories and groups are checked against: the body's (MinutesShape); unset, a council's. */
export interface RosterChoices {
  memberCategories?: readonly MemberCategory[];
  attendanceGroups?: readonly AttendanceGroup[];
}

/** Header words for each column; the first three are also the columns of a file without a header. */
const HEADERS = {
  name: ['name'],
  role: ['role'],
  title: ['title'],
  jobTitle: ['job title', 'jobtitle', 'capacity', 'position'],
  initials: ['initials'],
  category: ['category', 'governor category'],
  group: ['group', 'attendance group'],
} as const;

function sameWords(a: string, b: string): boolean {
  return a.trim().toLowerCase().replace(/\s+/g, ' ') === b.trim().toLowerCase().replace(/\s+/g, ' ');
}

type Checked<T> = { value: T } | { problem: string };

function roleOf(words: string): Checked<Pick<CommitteeMember, 'role' | 'roleLabel'>> {
  const known = roleFromWords(words);
  if (known) return { value: { role: known } };
  const label = words.trim().replace(/\s+/g, ' ');
  if (label.length > 100) return { problem: 'the role is longer than 100 characters' };
  return { value: { role: closestRole(label), roleLabel: label } };
}

function categoryOf(words: string, categories: readonly MemberCategory[]): Checked<string> {
  const found = categories.find((category) => [category.id, category.label, category.abbreviation].some((each) => sameWords(each, words)));
  if (found) return { value: found.id };
  const known = categories.map((category) => `${category.label} (${category.abbreviation})`).join(', ');
  return { problem: known ? `“${words.trim()}” is not a category of this body (use ${known})` : `“${words.trim()}”: this body keeps no member categories` };
}

function groupOfWords(words: string, groups: readonly AttendanceGroup[]): Checked<string> {
  const attending = groups.filter((group) => group.lists === 'attending');
  const found = attending.find((group) => sameWords(group.id, words) || sameWords(group.label, words));
  if (found) return { value: found.id };
  return { problem: `“${words.trim()}” is not an attendance group of this body (use ${attending.map((group) => group.label).join(', ')})` };
}

export function parseRosterCsv(text: string, choices: RosterChoices = {}): RosterImport {
  // Blank lines are kept (and skipped below) so that a row's index is its line number in the file.
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  const rows = parsed.data;
  const members: CommitteeMember[] = [];
  // A file with one column has no delimiter to detect; papaparse then uses a comma, which is right.
  const problems: RosterRowProblem[] = parsed.errors
    .filter((error) => error.type !== 'Delimiter')
    .map((error) => ({ line: (error.row ?? 0) + 1, problem: error.message }));
  const isBlank = (row: readonly string[]) => row.every((cell) => cell.trim() === '');
  const firstIndex = rows.findIndex((row) => !isBlank(row));
  const first = rows[firstIndex]?.map((cell) => cell.trim().toLowerCase().replace(/\s+/g, ' ')) ?? [];
  const hasHeader = first.includes('name');
  const column = (name: keyof typeof HEADERS, fallback: number) =>
    hasHeader ? first.findIndex((cell) => (HEADERS[name] as readonly string[]).includes(cell)) : fallback;
  const at = {
    name: column('name', 0),
    role: column('role', 1),
    title: column('title', 2),
    jobTitle: column('jobTitle', -1),
    initials: column('initials', -1),
    category: column('category', -1),
    group: column('group', -1),
  };
  const cell = (row: readonly string[], index: number) => (index >= 0 ? (row[index] ?? '').trim() : '');
  rows.forEach((row, index) => {
    if ((hasHeader && index === firstIndex) || isBlank(row)) return;
    const line = index + 1;
    const fail = (problem: string) => void problems.push({ line, problem });
    const name = cell(row, at.name);
    const title = cell(row, at.title);
    const jobTitle = cell(row, at.jobTitle);
    // "[CW]", as the minutes print them, is read as CW.
    const initials = cell(row, at.initials)
      .replace(/^\[(.*)\]$/, '$1')
      .trim();
    const categoryWords = cell(row, at.category);
    const groupWords = cell(row, at.group);
    if (!name) return fail('the name is empty');
    if (name.length > 200) return fail('the name is longer than 200 characters');
    const role = roleOf(at.role >= 0 ? (row[at.role] ?? '') : '');
    if ('problem' in role) return fail(role.problem);
    if (jobTitle.length > 300) return fail('the job title is longer than 300 characters');
    if (initials.length > 10) return fail(`the initials “${initials}” are longer than 10 characters`);
    const category = categoryWords ? categoryOf(categoryWords, choices.memberCategories ?? []) : undefined;
    if (category && 'problem' in category) return fail(category.problem);
    const group = groupWords ? groupOfWords(groupWords, choices.attendanceGroups ?? shapeOfKind('principal-council').attendanceGroups) : undefined;
    if (group && 'problem' in group) return fail(group.problem);
    const member: CommitteeMember = { id: newId(), name, displayName: title ? `${title} ${name}` : name, ...role.value };
    if (jobTitle) member.jobTitle = jobTitle;
    if (initials) member.initials = initials;
    if (category) member.memberCategory = category.value;
    if (group) member.group = group.value;
    members.push(member);
  });
  problems.sort((a, b) => a.line - b.line);
  return { members, problems };
}
