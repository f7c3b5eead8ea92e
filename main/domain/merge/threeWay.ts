/**
 * The three-way rule for one value, and the conflicts it finds before they are labelled and
 * stored: one side changed → that side; both the same → it; both differently → a conflict, with
 * one version left in place by a rule that never depends on which computer is merging.
 */
import type { MeetingCollection, MinuteBlock } from '../meeting';
import { canonical, same } from './canonical';

export type Side = 'mine' | 'theirs';

/** The three versions of what is merged: the one both started from, this computer's and the library's. */
export interface Versions<T> {
  base: T;
  mine: T;
  theirs: T;
}

/** What a conflict is about: a paragraph of an item's minutes, or one field of the meeting, an item, an entry or a decision's point. */
export type Target =
  | { kind: 'paragraph'; itemId: string; blockId: string }
  | { kind: 'field'; itemId?: string; collection?: MeetingCollection; entityId?: string; pointId?: string; field: string };

/** The part of the meeting a conflict is in, so stored conflicts read in the order of the document. */
export const SECTION_ORDER = ['meeting', 'agenda', 'attendees', 'movements', 'declarations', 'decisions', 'actions'] as const;
export type Section = (typeof SECTION_ORDER)[number];

/** A conflict as the merge found it: where, the base, the version left in place and the other. */
export interface Draft {
  section: Section;
  target: Target;
  base: unknown;
  kept: { value: unknown; side: Side };
  other: { value: unknown; side: Side };
}

/** How much of a paragraph or value there is: the longer version is the one left in place. */
function weight(value: unknown): number {
  if (value !== null && typeof value === 'object' && 'runs' in value && Array.isArray((value as MinuteBlock).runs)) {
    return (value as MinuteBlock).runs.reduce((sum, run) => sum + run.text.length, 0);
  }
  return canonical(value).length;
}

/**
 * Which of two differing versions stays in place. It depends only on the two versions (never on
 * which computer is merging), so every computer that meets the same conflict makes the same
 * choice and writes the same file: the version with more text, then the one whose canonical form
 * sorts first.
 */
function keepsFirst(a: unknown, b: unknown): boolean {
  const wa = weight(a);
  const wb = weight(b);
  if (wa !== wb) return wa > wb;
  return canonical(a) <= canonical(b);
}

/** One merge under way: what it took from theirs, the conflicts it found, and which section it is in. */
export class Merge {
  automatic = 0;
  readonly drafts: Draft[] = [];
  section: Section = 'meeting';

  /** Whether theirs was saved after mine (undefined: at the same moment); it settles moves made on both sides. */
  constructor(readonly theirsSavedLater?: boolean) {}

  /** The three-way rule for one value: one side changed → that side; both the same → it; both differently → conflict. */
  value<T>(base: T | undefined, mine: T | undefined, theirs: T | undefined, target: Target): T | undefined {
    if (same(mine, theirs)) return mine;
    if (same(base, mine)) {
      this.automatic++;
      return theirs;
    }
    if (same(base, theirs)) return mine;
    return this.conflict(base, mine, theirs, target);
  }

  conflict<T>(base: T | undefined, mine: T | undefined, theirs: T | undefined, target: Target): T | undefined {
    const mineKept = keepsFirst(mine, theirs);
    this.drafts.push({
      section: this.section,
      target,
      base,
      kept: mineKept ? { value: mine, side: 'mine' } : { value: theirs, side: 'theirs' },
      other: mineKept ? { value: theirs, side: 'theirs' } : { value: mine, side: 'mine' },
    });
    return mineKept ? mine : theirs;
  }
}
