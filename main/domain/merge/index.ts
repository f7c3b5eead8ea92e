/**
 * Three-way merge of a meeting: the last version this computer saw (base), this computer's
 * version (mine) and the version found in the library (theirs). Pure and total: it never throws
 * on valid meetings and never drops a word. The rules are in docs/sync.md; in short:
 *
 * - meeting details field by field; attendees, movements, declarations, decisions (and their
 *   points), actions, agenda items and each item's paragraphs entity by entity through their
 *   stable ids, then field by field;
 * - a change made on one side only is taken; the same change on both sides is taken once;
 * - different changes to the same field or paragraph: one version stays in place and a conflict
 *   holding both is stored in the meeting (`conflicts`) until the clerk resolves it;
 * - an edit beats a deletion; a deletion of something the other side left alone stands;
 * - orders (agenda, paragraphs, every list) are merged as sequences of ids: moves on either side
 *   apply, inserts on both sides are kept;
 * - the generated minutes of the Apologies and Declarations items are written afresh from the
 *   merged record rather than merged.
 *
 * The result depends only on the three versions and never on which side is "mine": two computers
 * that merge each other's versions write the same file (see `mergeMeetings`).
 */
import { refreshGeneratedMinutes } from '../generatedMinutes';
import { Meeting, MEETING_FORMAT, MEETING_VERSION, type MeetingConflict } from '../meeting';
import { mergeAgenda } from './agenda';
import { mergeAttendees } from './attendance';
import { mergeConflictLists, withFoundConflicts, type MergeAuthors } from './conflicts';
import { mergedTimes, mergeDetails } from './meetingDetails';
import { mergeActions, mergeCollection, mergeDecisions } from './record';
import { Merge, type Versions } from './threeWay';

export { canonical, contentKey, same } from './canonical';
export type { MergeAuthors } from './conflicts';

export interface MergeResult {
  meeting: Meeting;
  /**
   * Changes from theirs taken into mine without a conflict: fields, paragraphs and entries
   * changed, added or removed, and agenda items or paragraphs moved. Zero means the merged
   * meeting says nothing mine did not already say (apart from conflicts).
   */
  automatic: number;
  /** Conflicts this merge found that neither side had flagged before (also in `meeting.conflicts`). */
  conflicts: MeetingConflict[];
}

/**
 * Merges mine and theirs, given the version both started from.
 *
 * Convergence: the merged meeting depends on mine and theirs as a pair, not on which is which.
 * `mergeMeetings(base, a, b)` and `mergeMeetings(base, b, a)` give the same meeting, byte for byte
 * once written with JSON.stringify (the authors given for each side follow their side); only
 * `automatic` and the returned list of new conflicts are told from mine's point of view. So two
 * computers that each merge the other's version write identical files.
 *
 * The merged meeting has no `sync` stamp: revision and lineage belong to a written file, and the
 * caller (the core) stamps the merge when it writes it.
 */
export function mergeMeetings(base: Meeting, mine: Meeting, theirs: Meeting, authors: MergeAuthors = {}): MergeResult {
  const versions: Versions<Meeting> = { base, mine, theirs };
  const merge = new Merge(mine.updatedAt === theirs.updatedAt ? undefined : theirs.updatedAt > mine.updatedAt);

  const details = mergeDetails(merge, versions);
  const { createdAt, updatedAt } = mergedTimes(mine, theirs);

  // The record. Movements and declarations first: an attendee one side removed stays if the other
  // side recorded an arrival, departure or declaration for them.
  const movements = mergeCollection(merge, 'movements', versions);
  const declarations = mergeCollection(merge, 'declarations', versions);
  const attendees = mergeAttendees(merge, versions, { movements, declarations });
  const decisions = mergeDecisions(merge, versions);
  const actions = mergeActions(merge, versions);

  // The agenda: items by id, their fields, and their minutes paragraph by paragraph.
  const agenda = mergeAgenda(merge, versions);

  const merged = refreshGeneratedMinutes({
    format: MEETING_FORMAT,
    version: MEETING_VERSION,
    ...details,
    createdAt,
    updatedAt,
    agenda,
    attendees,
    movements,
    declarations,
    decisions,
    actions,
    conflicts: mergeConflictLists(base.conflicts, mine.conflicts, theirs.conflicts),
  });

  // New conflicts, labelled against the merged meeting, in the order of the document.
  const { meeting, fresh } = withFoundConflicts(merged, merge.drafts, updatedAt, authors);

  // One form for the file: the schema's key order, whatever order each side's objects had.
  const normalised = Meeting.safeParse(meeting);
  return { meeting: normalised.success ? normalised.data : meeting, automatic: merge.automatic, conflicts: fresh };
}
