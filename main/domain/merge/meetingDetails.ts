/**
 * The meeting's own details (committee, title, date, venue, status, quorum, …) field by field,
 * and its times: created when the earlier side was, updated when the later side was.
 */
import { Meeting, MEETING_STRUCTURE_FIELDS, type MeetingCollection } from '../meeting';
import { fieldsOf, mergeFields } from './lists';
import type { Merge, Versions } from './threeWay';

/** What merges field by field here. Revision and lineage (`sync`) describe a written file, not the meeting: the core stamps each write. */
const MEETING_FIELDS = fieldsOf(Meeting.shape, [...MEETING_STRUCTURE_FIELDS, 'sync']);

export type MeetingDetailFields = Omit<Meeting, 'format' | 'version' | 'createdAt' | 'updatedAt' | 'agenda' | MeetingCollection | 'conflicts'>;

export function mergeDetails(merge: Merge, { base, mine, theirs }: Versions<Meeting>): MeetingDetailFields {
  merge.section = 'meeting';
  return mergeFields(merge, MEETING_FIELDS, base, mine, theirs, (field) => ({ kind: 'field', field })) as MeetingDetailFields;
}

/** The earlier of the two creation times and the later of the two save times. */
export function mergedTimes(mine: Meeting, theirs: Meeting): Pick<Meeting, 'createdAt' | 'updatedAt'> {
  return { createdAt: [mine.createdAt, theirs.createdAt].sort()[0]!, updatedAt: [mine.updatedAt, theirs.updatedAt].sort()[1]! };
}
