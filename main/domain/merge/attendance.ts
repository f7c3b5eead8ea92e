/**
 * Attendance: who was there, merged entry by entry like the rest of the record, except that an
 * attendee one side removed stays if the other side recorded an arrival, departure or
 * declaration for them. So arrivals, departures and declarations merge first.
 */
import type { Attendee, Declaration, Meeting, Movement } from '../meeting';
import { byId, changedOn } from './lists';
import { mergeCollection } from './record';
import type { Merge, Side, Versions } from './threeWay';

/** What the merge kept of the record that names attendees. */
export interface RecordOfAttendees {
  movements: readonly Movement[];
  declarations: readonly Declaration[];
}

export function mergeAttendees(merge: Merge, versions: Versions<Meeting>, record: RecordOfAttendees): Attendee[] {
  const neededBy = attendeesRecordedFor(versions, record);
  return mergeCollection(merge, 'attendees', versions, { needed: (id, deletedOn) => neededBy[deletedOn === 'mine' ? 'theirs' : 'mine'].has(id) });
}

/** The attendees each side recorded something for since the base, among the movements and declarations the merge kept. */
function attendeesRecordedFor({ base, mine, theirs }: Versions<Meeting>, record: RecordOfAttendees): Record<Side, Set<string>> {
  const neededBy: Record<Side, Set<string>> = { mine: new Set(), theirs: new Set() };
  for (const collection of ['movements', 'declarations'] as const) {
    const was = byId<Movement | Declaration>(base[collection]);
    for (const [side, meeting] of [
      ['mine', mine],
      ['theirs', theirs],
    ] as const) {
      const sideVersion = byId<Movement | Declaration>(meeting[collection]);
      for (const entity of record[collection]) {
        const own = sideVersion.get(entity.id);
        if (own && changedOn(was, own)) neededBy[side].add(entity.attendeeId);
      }
    }
  }
  return neededBy;
}
