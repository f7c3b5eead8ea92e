/**
 * Importing a committee roster from a spreadsheet saved as CSV: columns name, role, title
 * (header row optional). Every row is checked; bad rows are reported with their line number and
 * never half-imported. Parsing is papaparse, which copes with quoted commas and Excel's BOM.
 */
import Papa from 'papaparse';
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

export function parseRosterCsv(text: string): RosterImport {
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
  const first = rows[firstIndex]?.map((cell) => cell.trim().toLowerCase()) ?? [];
  const hasHeader = first.includes('name');
  const column = (name: string, fallback: number) => (hasHeader ? first.indexOf(name) : fallback);
  const nameAt = column('name', 0);
  const roleAt = column('role', 1);
  const titleAt = column('title', 2);
  rows.forEach((row, index) => {
    if ((hasHeader && index === firstIndex) || isBlank(row)) return;
    const line = index + 1;
    const name = (row[nameAt] ?? '').trim();
    const roleWords = roleAt >= 0 ? (row[roleAt] ?? '') : '';
    const title = titleAt >= 0 ? (row[titleAt] ?? '').trim() : '';
    if (!name) return void problems.push({ line, problem: 'the name is empty' });
    if (name.length > 200) return void problems.push({ line, problem: 'the name is longer than 200 characters' });
    const role = roleFromWords(roleWords);
    if (!role) {
      return void problems.push({
        line,
        problem: `“${roleWords.trim()}” is not a role Minute Book knows (use Chair, Vice-Chair, Member, Co-opted (voting) or Co-opted (non-voting))`,
      });
    }
    members.push({ id: newId(), name, displayName: title ? `${title} ${name}` : name, role });
  });
  problems.sort((a, b) => a.line - b.line);
  return { members, problems };
}
