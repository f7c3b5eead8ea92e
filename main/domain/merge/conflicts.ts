/**
 * Conflicts in the meeting file: the ones a merge found, labelled against the merged meeting and
 * stored in the order of the document, each with an id derived from what it is about and its two
 * versions (so two computers that find the same conflict store it once); and the stored
 * conflicts of both sides merged as a set.
 */
import { describeConflict } from '../conflictLabels';
import type { FieldConflict, Meeting, MeetingConflict, MinuteBlock, ParagraphConflict } from '../meeting';
import { canonical, sortKeys } from './canonical';
import { byId, mergeList } from './lists';
import { Merge, SECTION_ORDER, type Draft, type Side, type Target } from './threeWay';

export interface MergeAuthors {
  /** Display name of whoever saved "mine", stored with that side's version in any conflict. */
  mineAuthor?: string;
  /** Display name of whoever saved "theirs". */
  theirsAuthor?: string;
}

/** Of two records of the same conflict, the one both computers will keep. */
function smaller(a: MeetingConflict, b: MeetingConflict): MeetingConflict {
  return canonical(a) <= canonical(b) ? a : b;
}

/**
 * Conflicts merge as a set by id: one flagged on one side only is kept; one resolved (removed)
 * on either side is gone; two records of the same conflict become the one that sorts first.
 */
export function mergeConflictLists(base: readonly MeetingConflict[], mine: readonly MeetingConflict[], theirs: readonly MeetingConflict[]): MeetingConflict[] {
  const theirsById = byId(theirs);
  return mergeList<MeetingConflict>(new Merge(), base, mine, theirs, {
    both: (_was, ours) => smaller(ours, theirsById.get(ours.id) ?? ours),
    edited: () => false,
  });
}

/**
 * The merged meeting with the conflicts this merge found added, labelled against it, in the order
 * of the document; a conflict already stored (found by the other computer too) is stored once.
 * `fresh` are the ones not stored before.
 */
export function withFoundConflicts(
  merged: Meeting,
  drafts: readonly Draft[],
  detectedAt: string,
  authors: MergeAuthors,
): { meeting: Meeting; fresh: MeetingConflict[] } {
  const found = drafts
    .map((draft, index) => ({ draft, index }))
    .sort((a, b) => SECTION_ORDER.indexOf(a.draft.section) - SECTION_ORDER.indexOf(b.draft.section) || a.index - b.index)
    .map(({ draft }) => storedConflict(merged, draft, detectedAt, authors));
  const stored = new Map(merged.conflicts.map((conflict, index) => [conflict.id, index]));
  const conflicts = merged.conflicts.slice();
  const fresh: MeetingConflict[] = [];
  for (const conflict of found) {
    const at = stored.get(conflict.id);
    if (at === undefined) {
      stored.set(conflict.id, conflicts.length);
      conflicts.push(conflict);
      fresh.push(conflict);
    } else {
      conflicts[at] = smaller(conflicts[at]!, conflict);
    }
  }
  return { meeting: { ...merged, conflicts }, fresh };
}

/** 64 bits of a string hash (two 32-bit lanes), as 16 hex digits: enough to tell conflicts apart. */
function hash64(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

function targetKey(target: Target): string {
  return canonical(target);
}

function storedConflict(meeting: Meeting, draft: Draft, detectedAt: string, authors: MergeAuthors): MeetingConflict {
  const author = (side: Side) => {
    const name = (side === 'mine' ? authors.mineAuthor : authors.theirsAuthor)?.trim();
    return name ? { author: name.slice(0, 250) } : {};
  };
  const id = `conflict-${hash64(`${targetKey(draft.target)}|${canonical(draft.kept.value)}|${canonical(draft.other.value)}`)}`;
  const target = draft.target;
  if (target.kind === 'paragraph') {
    const conflict: ParagraphConflict = {
      id,
      kind: 'paragraph',
      label: '',
      detectedAt,
      itemId: target.itemId,
      blockId: target.blockId,
      kept: { block: draft.kept.value as MinuteBlock, ...author(draft.kept.side) },
      other: { block: draft.other.value as MinuteBlock, ...author(draft.other.side) },
    };
    if (draft.base !== undefined) conflict.base = draft.base as MinuteBlock;
    return { ...conflict, label: describeConflict(meeting, conflict) };
  }
  const conflict: FieldConflict = {
    id,
    kind: 'field',
    label: '',
    detectedAt,
    field: target.field,
    kept: { ...(draft.kept.value === undefined ? {} : { value: sortKeys(draft.kept.value) as FieldConflict['base'] }), ...author(draft.kept.side) },
    other: { ...(draft.other.value === undefined ? {} : { value: sortKeys(draft.other.value) as FieldConflict['base'] }), ...author(draft.other.side) },
  };
  if (target.itemId !== undefined) conflict.itemId = target.itemId;
  if (target.collection !== undefined) conflict.collection = target.collection;
  if (target.entityId !== undefined) conflict.entityId = target.entityId;
  if (target.pointId !== undefined) conflict.pointId = target.pointId;
  if (draft.base !== undefined) conflict.base = sortKeys(draft.base) as FieldConflict['base'];
  return { ...conflict, label: describeConflict(meeting, conflict) };
}
