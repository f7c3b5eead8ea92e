/**
 * Checks a committee with the same schema the core uses and names the first problem in the
 * clerk's words: which field, which roster row, what to do.
 */
import { Committee } from '../../main/domain/committee';
import { houseStyleProblem } from '../houseStyle/houseStyleText';

function sentence(message: string): string {
  const trimmed = message.trim();
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

const FIELD_NAMES: Record<string, string> = {
  name: 'Committee name',
  defaultVenue: 'Default venue',
  nextMinuteNumber: 'Next minute number',
  slug: 'The committee’s file name',
};

const NUMBER_RULES: Record<string, string> = {
  nextMinuteNumber: 'must be a whole number from 1 upwards',
  'quorum.count': 'must be a whole number from 1 to 500',
  'quorum.numerator': 'must be a whole number from 1 to 100',
  'quorum.denominator': 'must be a whole number from 1 to 100',
};

const QUORUM_NAMES: Record<string, string> = { count: 'Members needed', numerator: 'Numerator', denominator: 'Denominator' };
const MEMBER_FIELDS: Record<string, string> = { name: 'name', displayName: 'display name', role: 'role' };

/** Where the problem is, as the clerk sees it on the screen. */
function placeOf(path: readonly PropertyKey[]): string {
  const [first, index, field] = path.map(String);
  const position = Number(index) + 1;
  if (first === 'members') return `Roster, member ${position}${field ? ` (${MEMBER_FIELDS[field] ?? field})` : ''}`;
  if (first === 'standardItems') return `Standard item ${position}`;
  if (first === 'snippets') return `Standard phrase ${position}${field ? ` (${field === 'name' ? 'name' : 'text'})` : ''}`;
  if (first === 'quorum') return `Quorum rule${index ? `, ${QUORUM_NAMES[index] ?? index}` : ''}`;
  return FIELD_NAMES[first ?? ''] ?? (first || 'The committee');
}

/** The order the fields appear on the screen, so "the first problem" is the first the clerk meets. */
const SCREEN_ORDER = ['slug', 'name', 'defaultVenue', 'quorum', 'remoteMembersCount', 'nextMinuteNumber', 'standardItems', 'snippets', 'members', 'houseStyle'];

function screenPosition(path: readonly PropertyKey[]): number {
  const at = SCREEN_ORDER.indexOf(String(path[0]));
  return at < 0 ? SCREEN_ORDER.length : at;
}

/** The first problem with the committee, or undefined when it can be saved. */
export function firstCommitteeProblem(committee: unknown): string | undefined {
  const parsed = Committee.safeParse(committee);
  if (parsed.success) return undefined;
  const issue = [...parsed.error.issues].sort((a, b) => screenPosition(a.path) - screenPosition(b.path))[0];
  if (!issue) return 'This committee cannot be saved.';
  if (issue.path[0] === 'houseStyle') return houseStyleProblem({ ...issue, path: issue.path.slice(1) }, 'House style, ');
  const path = issue.path.map(String).join('.');
  const numberRule = NUMBER_RULES[path];
  const message = numberRule && (issue.code === 'invalid_type' || issue.code === 'too_small' || issue.code === 'too_big') ? numberRule : issue.message;
  return sentence(`${placeOf(issue.path)}: ${message}`);
}
