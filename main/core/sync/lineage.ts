/**
 * Lineage: which versions of a meeting descend from which, and the merge base two versions share
 * (docs/sync.md, "Lineage"). Every write stamps a new revision at the head of the lineage; the
 * base of a three-way merge is the most recent revision both lineages hold, looked up among the
 * versions this session remembers, then in the meeting's history folder. Two versions with no
 * common ancestor known here merge on `unrelatedBase`, so nothing can be taken for a deletion.
 */
import { createHash, randomBytes } from 'node:crypto';
import { LINEAGE_LIMIT, type Meeting } from '../../domain/meeting';
import { contentKey, same } from '../../domain/merge';
import { findVersionByRevision } from '../history/history';

/** How many versions (revision → meeting) a session remembers as possible merge bases. */
const REMEMBERED_VERSIONS = 64;
/** History is searched for at most this many common revisions before falling back. */
const HISTORY_LOOKUPS = 3;

/** A new revision for a version about to be written. */
export function newRevision(): string {
  return randomBytes(8).toString('hex');
}

/**
 * `meeting` as the next version to write: a new revision at the head of `lineage` (the revisions it
 * descends from), who saved it and when. `lineage` in the result is the stamped one.
 */
export function stampNewVersion(meeting: Meeting, lineage: readonly string[], savedBy: string, now: Date): { stamped: Meeting; lineage: string[] } {
  const revision = newRevision();
  const stampedLineage = unionLineage([revision], lineage);
  const { sync: _previous, ...content } = meeting;
  return { stamped: { ...content, sync: { revision, lineage: stampedLineage, savedBy, savedAt: now.toISOString() } }, lineage: stampedLineage };
}

/**
 * The revisions a version descends from, most recent first. A file written before lineage
 * existed gets a revision derived from its contents, which every computer derives alike.
 */
export function lineageOf(meeting: Meeting): string[] {
  const sync = meeting.sync;
  if (sync && sync.revision)
    return sync.lineage[0] === sync.revision ? sync.lineage : [sync.revision, ...sync.lineage.filter((each) => each !== sync.revision)];
  return [`c${createHash('sha256').update(contentKey(meeting)).digest('hex').slice(0, 15)}`];
}

/** Both lineages, alternating so the most recent of each come first, without repeats, at most LINEAGE_LIMIT. */
export function unionLineage(...lineages: ReadonlyArray<readonly string[]>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const longest = Math.max(0, ...lineages.map((each) => each.length));
  for (let at = 0; at < longest && out.length < LINEAGE_LIMIT; at += 1) {
    for (const lineage of lineages) {
      const revision = lineage[at];
      if (revision !== undefined && !seen.has(revision)) {
        seen.add(revision);
        out.push(revision);
      }
    }
  }
  return out.slice(0, LINEAGE_LIMIT);
}

/**
 * The base for two versions with no common ancestor known to this computer (docs/sync.md):
 * the meeting details both sides agree on and nothing else. Every paragraph, item and entry
 * then counts as added on the side that has it, so nothing can be taken for a deletion; the
 * same thing on both sides merges field by field and any difference becomes a conflict.
 */
export function unrelatedBase(mine: Meeting, theirs: Meeting): Meeting {
  const details: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(mine)) {
    if (same(value, (theirs as Record<string, unknown>)[key])) details[key] = value;
  }
  const { sync: _stamp, ...agreed } = details;
  return { ...agreed, agenda: [], attendees: [], movements: [], declarations: [], decisions: [], actions: [], conflicts: [] } as unknown as Meeting;
}

/** "Jane Smith on LAPTOP-12" as a merge names an author: trimmed, at most 250 characters. */
export function clipAuthor(author: string | undefined): string | undefined {
  const trimmed = author?.trim();
  if (!trimmed) return undefined;
  return trimmed.length <= 250 ? trimmed : `${trimmed.slice(0, 249)}…`;
}

/** The open meeting's lineage, and the versions seen or written that may serve as its merge bases. */
export class MeetingLineage {
  /** Revisions the current meeting descends from, most recent first. */
  revisions: string[] = [];
  /** Versions seen or written, by revision. Oldest forgotten first. */
  private readonly remembered = new Map<string, Meeting>();

  constructor(
    private readonly libraryRoot: string,
    private readonly meetingId: string,
  ) {}

  remember(meeting: Meeting): void {
    const revision = lineageOf(meeting)[0]!;
    this.remembered.delete(revision);
    this.remembered.set(revision, meeting);
    while (this.remembered.size > REMEMBERED_VERSIONS) this.remembered.delete(this.remembered.keys().next().value!);
  }

  /** The most recent version this computer knows that both lineages hold; undefined if none. */
  async findBase(theirLineage: readonly string[]): Promise<Meeting | undefined> {
    const theirs = new Set(theirLineage);
    let lookups = 0;
    for (const revision of this.revisions) {
      if (!theirs.has(revision)) continue;
      const known = this.remembered.get(revision);
      if (known) return known;
      if (lookups >= HISTORY_LOOKUPS) continue;
      lookups += 1;
      const kept = await findVersionByRevision(this.libraryRoot, this.meetingId, revision).catch(() => undefined);
      if (kept) {
        this.remember(kept);
        return kept;
      }
    }
    return undefined;
  }
}
