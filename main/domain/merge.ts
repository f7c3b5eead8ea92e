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
import { refreshGeneratedMinutes } from './generatedMinutes';
import {
  Action,
  AgendaItem,
  Attendee,
  Decision,
  Declaration,
  Meeting,
  MEETING_FORMAT,
  MEETING_VERSION,
  Movement,
  type FieldConflict,
  type MeetingCollection,
  type MeetingConflict,
  type MinuteBlock,
  type ParagraphConflict,
} from './meeting';
import { describeConflict } from './conflictLabels';
import { unmoved } from './keptOrder';

export interface MergeAuthors {
  /** Display name of whoever saved "mine", stored with that side's version in any conflict. */
  mineAuthor?: string;
  /** Display name of whoever saved "theirs". */
  theirsAuthor?: string;
}

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

// ---------------------------------------------------------------------------------------------
// Values: canonical form, equality, a stable hash.

/** Plain data with object keys sorted and undefined properties left out, so equal data has one form. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record).sort()) {
      if (record[key] !== undefined) out[key] = sortKeys(record[key]);
    }
    return out;
  }
  return value;
}

/** One text per value: object keys sorted, undefined properties left out; equal data gives equal text. */
export function canonical(value: unknown): string {
  return value === undefined ? '~' : JSON.stringify(sortKeys(value));
}

/** Whether two values are equal as data (key order and undefined properties aside). */
export function same(a: unknown, b: unknown): boolean {
  return a === b || canonical(a) === canonical(b);
}

/** The meeting without its sync stamp, in one canonical form: equal meetings give equal keys. */
export function contentKey(meeting: Meeting): string {
  const { sync: _stamp, ...content } = meeting;
  return canonical(content);
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

type Side = 'mine' | 'theirs';

// ---------------------------------------------------------------------------------------------
// Conflicts found during the merge, before they are labelled and stored.

type Target =
  | { kind: 'paragraph'; itemId: string; blockId: string }
  | { kind: 'field'; itemId?: string; collection?: MeetingCollection; entityId?: string; pointId?: string; field: string };

/** The part of the meeting a conflict is in, so stored conflicts read in the order of the document. */
const SECTION_ORDER = ['meeting', 'agenda', 'attendees', 'movements', 'declarations', 'decisions', 'actions'] as const;
type Section = (typeof SECTION_ORDER)[number];

interface Draft {
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

class Merge {
  automatic = 0;
  readonly drafts: Draft[] = [];
  section: Section = 'meeting';

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

// ---------------------------------------------------------------------------------------------
// Lists of entities with ids: which survive, in what order.

interface WithId {
  id: string;
}

/** A list with every id once: a repeated id (never written by Minute Book) gets a derived id rather than being dropped. */
function uniqueIds<T extends WithId>(list: readonly T[]): readonly T[] {
  const all = new Set(list.map((each) => each.id));
  if (all.size === list.length) return list;
  const seen = new Set<string>();
  return list.map((each) => {
    if (!seen.has(each.id)) {
      seen.add(each.id);
      return each;
    }
    let n = 2;
    let id = `${each.id.slice(0, 56)}-${n}`;
    while (all.has(id) || seen.has(id)) id = `${each.id.slice(0, 56)}-${++n}`;
    seen.add(id);
    return { ...each, id };
  });
}

function byId<T extends WithId>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((each) => [each.id, each]));
}

const START = '';

/**
 * Three-way merge of an order. Elements neither side moved keep their base order (the skeleton).
 * Every element a side inserted or moved is placed right after the element that precedes it on
 * that side, skipping elements only the other side moved (its anchor); elements with the same anchor follow it in id order, each followed by
 * whatever is anchored to it. When both sides moved the same element to different places, the
 * side saved later wins (then the anchor that sorts first). Depends only on the three orders and
 * the two save times, never on which side is mine.
 */
function mergeOrder(
  base: readonly string[],
  mine: readonly string[],
  theirs: readonly string[],
  keep: ReadonlySet<string>,
  theirsSavedLater: boolean | undefined,
): { order: string[]; movedByTheirs: number } {
  const baseSet = new Set(base);
  const lists: Record<Side, readonly string[]> = { mine, theirs };
  const positions: Record<Side, Map<string, number>> = {
    mine: new Map(mine.map((id, index) => [id, index])),
    theirs: new Map(theirs.map((id, index) => [id, index])),
  };
  const stable: Record<Side, Set<string>> = { mine: unmoved(base, mine), theirs: unmoved(base, theirs) };
  const placedBy = (side: Side, id: string) => positions[side].has(id) && !stable[side].has(id);

  const skeleton = base.filter((id) => keep.has(id) && !placedBy('mine', id) && !placedBy('theirs', id));
  const skeletonSet = new Set(skeleton);
  const placed = [...keep].filter((id) => !skeletonSet.has(id)).sort();

  const anchorOn = (side: Side, id: string, acceptable: (candidate: string) => boolean): string => {
    const list = lists[side];
    for (let index = positions[side].get(id)! - 1; index >= 0; index--) {
      if (acceptable(list[index]!)) return list[index]!;
    }
    return START;
  };
  const anchors = new Map<string, string>();
  const owner = new Map<string, Side>();
  let movedByTheirs = 0;
  for (const id of placed) {
    // Where an element sits among what the other side moved says nothing: that side's view of
    // those elements is out of date. So the anchor is the nearest element before it that is
    // unmoved, or that this same side placed.
    const onMine = placedBy('mine', id) ? anchorOn('mine', id, (each) => keep.has(each) && (skeletonSet.has(each) || placedBy('mine', each))) : undefined;
    const onTheirs = placedBy('theirs', id)
      ? anchorOn('theirs', id, (each) => keep.has(each) && (skeletonSet.has(each) || placedBy('theirs', each)))
      : undefined;
    let side: Side = onMine === undefined ? 'theirs' : 'mine';
    if (onMine !== undefined && onTheirs !== undefined && onMine !== onTheirs) {
      side = (theirsSavedLater ?? onTheirs < onMine) ? 'theirs' : 'mine';
    }
    anchors.set(id, side === 'mine' ? onMine! : onTheirs!);
    owner.set(id, side);
    if (side === 'theirs' && baseSet.has(id) && positions.mine.has(id) && onMine !== onTheirs) movedByTheirs++;
  }

  // Both sides' moves can point at each other (a after b here, b after a there): break each such
  // cycle at its smallest id by anchoring it to the nearest unmoved element instead.
  const state = new Map<string, 'visiting' | 'done'>();
  for (const id of placed) {
    const path: string[] = [];
    let current = id;
    while (anchors.has(current) && !state.has(current)) {
      state.set(current, 'visiting');
      path.push(current);
      current = anchors.get(current)!;
    }
    if (state.get(current) === 'visiting') {
      const cycle = path.slice(path.indexOf(current)).sort();
      const breaker = cycle[0]!;
      anchors.set(
        breaker,
        anchorOn(owner.get(breaker)!, breaker, (each) => skeletonSet.has(each)),
      );
    }
    for (const each of path) state.set(each, 'done');
  }

  const children = new Map<string, string[]>();
  for (const id of placed) {
    const anchor = anchors.get(id)!;
    const list = children.get(anchor);
    if (list) list.push(id);
    else children.set(anchor, [id]);
  }
  const order: string[] = [];
  const emitAfter = (root: string) => {
    const stack = [...(children.get(root) ?? [])].reverse();
    while (stack.length > 0) {
      const id = stack.pop()!;
      order.push(id);
      const kids = children.get(id);
      if (kids) for (let index = kids.length - 1; index >= 0; index--) stack.push(kids[index]!);
    }
  };
  emitAfter(START);
  for (const id of skeleton) {
    order.push(id);
    emitAfter(id);
  }
  return { order, movedByTheirs };
}

interface ListRules<T> {
  /** Both sides have it: merge field by field. */
  both(base: T | undefined, mine: T, theirs: T): T;
  /** Whether a side changed it since the base (an edit beats the other side's deletion). */
  edited?(base: T, side: T, which: Side): boolean;
  /** Kept although one side deleted it and the other did not edit it (something the other side added needs it). */
  needed?(id: string, deletedOn: Side): boolean;
}

function mergeList<T extends WithId>(
  merge: Merge,
  baseList: readonly T[],
  mineList: readonly T[],
  theirsList: readonly T[],
  rules: ListRules<T>,
  theirsSavedLater: boolean | undefined,
): T[] {
  const [b, m, t] = [uniqueIds(baseList), uniqueIds(mineList), uniqueIds(theirsList)];
  const base = byId(b);
  const mine = byId(m);
  const theirs = byId(t);
  const edited = rules.edited ?? ((was: T, now: T) => !same(was, now));
  const needed = rules.needed ?? (() => false);
  const onOneSide = new Map<string, T>();
  const keep = new Set<string>();
  for (const id of new Set([...m.map((each) => each.id), ...t.map((each) => each.id)])) {
    const was = base.get(id);
    const ours = mine.get(id);
    const other = theirs.get(id);
    if (ours && other) {
      keep.add(id);
    } else if (ours) {
      if (!was || edited(was, ours, 'mine') || needed(id, 'theirs')) {
        keep.add(id);
        onOneSide.set(id, ours);
      } else {
        merge.automatic++; // deleted on theirs
      }
    } else if (other) {
      if (!was || edited(was, other, 'theirs') || needed(id, 'mine')) {
        keep.add(id);
        onOneSide.set(id, other);
        merge.automatic++;
      }
    }
  }
  const { order, movedByTheirs } = mergeOrder(
    b.map((each) => each.id),
    m.map((each) => each.id),
    t.map((each) => each.id),
    keep,
    theirsSavedLater,
  );
  merge.automatic += movedByTheirs;
  return order.map((id) => onOneSide.get(id) ?? rules.both(base.get(id), mine.get(id)!, theirs.get(id)!));
}

// ---------------------------------------------------------------------------------------------
// Records field by field.

function fieldsOf(shape: object, except: readonly string[]): string[] {
  return Object.keys(shape).filter((key) => !except.includes(key));
}

const ATTENDEE_FIELDS = fieldsOf(Attendee.shape, ['id']);
const MOVEMENT_FIELDS = fieldsOf(Movement.shape, ['id']);
const DECLARATION_FIELDS = fieldsOf(Declaration.shape, ['id']);
const DECISION_FIELDS = fieldsOf(Decision.shape, ['id', 'points']);
const ACTION_FIELDS = fieldsOf(Action.shape, ['id']);
const ITEM_FIELDS = fieldsOf(AgendaItem.shape, ['id', 'minutes']);
const MEETING_FIELDS = fieldsOf(Meeting.shape, [
  'format',
  'version',
  'createdAt',
  'updatedAt',
  'agenda',
  'attendees',
  'movements',
  'declarations',
  'decisions',
  'actions',
  'conflicts',
  // Revision and lineage describe a written file, not the meeting: the core stamps each write.
  'sync',
]);

function mergeFields<T extends object>(
  merge: Merge,
  fields: readonly string[],
  base: T | undefined,
  mine: T,
  theirs: T,
  target: (field: string) => Target,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const was = base as Record<string, unknown> | undefined;
  const ours = mine as Record<string, unknown>;
  const other = theirs as Record<string, unknown>;
  for (const field of fields) {
    const value = merge.value(was?.[field], ours[field], other[field], target(field));
    if (value !== undefined) out[field] = value;
  }
  return out;
}

function entityRules<T extends WithId>(merge: Merge, collection: MeetingCollection, fields: readonly string[]): ListRules<T> {
  return {
    both: (base, mine, theirs) =>
      ({
        id: mine.id,
        ...mergeFields(merge, fields, base, mine, theirs, (field) => ({ kind: 'field', collection, entityId: mine.id, field })),
      }) as unknown as T,
  };
}

// ---------------------------------------------------------------------------------------------
// Minutes and agenda items.

function isGenerated(role: AgendaItem['role']): boolean {
  return role === 'apologies' || role === 'declarations';
}

/** Whether a side's minutes are Minute Book's own text (written from the record), not the clerk's. */
function writtenFromRecord(item: AgendaItem): boolean {
  return isGenerated(item.role) && !item.minutesEditedByHand;
}

function mergeBlocks(
  merge: Merge,
  itemId: string,
  base: readonly MinuteBlock[],
  mine: readonly MinuteBlock[],
  theirs: readonly MinuteBlock[],
  theirsSavedLater: boolean | undefined,
): MinuteBlock[] {
  return mergeList<MinuteBlock>(
    merge,
    base,
    mine,
    theirs,
    {
      both: (was, ours, other) => {
        if (same(ours, other)) return ours;
        const shape = (block: MinuteBlock | undefined) => (block ? { type: block.type, level: block.level } : undefined);
        // Type and level, and the text, merge separately: one clerk making a paragraph a bullet
        // while another corrects its wording is no conflict.
        const probe = new Merge();
        const layout = probe.value(shape(was), shape(ours), shape(other), { kind: 'paragraph', itemId, blockId: ours.id });
        const runs = probe.value(was?.runs, ours.runs, other.runs, { kind: 'paragraph', itemId, blockId: ours.id });
        if (probe.drafts.length > 0) {
          return merge.conflict(was, ours, other, { kind: 'paragraph', itemId, blockId: ours.id })!;
        }
        merge.automatic += probe.automatic;
        const block: MinuteBlock = { id: ours.id, type: layout!.type, runs: runs! };
        if (layout!.level !== undefined) block.level = layout!.level;
        return block;
      },
    },
    theirsSavedLater,
  );
}

// ---------------------------------------------------------------------------------------------
// The meeting.

function changedOn<T extends WithId>(base: ReadonlyMap<string, T>, entity: T): boolean {
  const was = base.get(entity.id);
  return !was || !same(was, entity);
}

/** Agenda items a side touched through the record: declarations, decisions, actions or movements added or changed on it. */
function itemsTouched(base: Meeting, side: Meeting): Set<string> {
  const touched = new Set<string>();
  for (const collection of ['movements', 'declarations', 'decisions', 'actions'] as const) {
    const was = byId<{ id: string; itemId: string }>(base[collection]);
    for (const entity of side[collection] as ReadonlyArray<{ id: string; itemId: string }>) {
      if (changedOn(was, entity)) touched.add(entity.itemId);
    }
  }
  return touched;
}

/** Action numbers are fixed when recorded; two actions recorded on one item on two computers can get the same one. */
function renumberClashingActions(actions: Action[], base: Meeting, mine: Meeting, theirs: Meeting): Action[] {
  const inBase = new Set(base.actions.map((action) => action.id));
  const inMine = new Set(mine.actions.map((action) => action.id));
  const inTheirs = new Set(theirs.actions.map((action) => action.id));
  const newOn = (id: string): Side | undefined => (inBase.has(id) || (inMine.has(id) && inTheirs.has(id)) ? undefined : inMine.has(id) ? 'mine' : 'theirs');
  const result = actions.slice();
  const byItem = new Map<string, number[]>();
  result.forEach((action, index) => byItem.set(action.itemId, [...(byItem.get(action.itemId) ?? []), index]));
  for (const indexes of byItem.values()) {
    let highest = indexes.reduce((max, index, position) => Math.max(max, result[index]!.number ?? position + 1), 0);
    const seen = new Map<number, string>();
    for (const index of indexes) {
      const action = result[index]!;
      if (action.number === undefined) continue;
      const earlier = seen.get(action.number);
      const mineSide = newOn(action.id);
      const earlierSide = earlier === undefined ? undefined : newOn(earlier);
      if (earlier !== undefined && mineSide && earlierSide && mineSide !== earlierSide && highest < 10_000) {
        result[index] = { ...action, number: ++highest };
      } else if (earlier === undefined) {
        seen.set(action.number, action.id);
      }
    }
  }
  return result;
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
  const merge = new Merge();
  const theirsSavedLater = mine.updatedAt === theirs.updatedAt ? undefined : theirs.updatedAt > mine.updatedAt;

  // Meeting details.
  merge.section = 'meeting';
  const details = mergeFields(merge, MEETING_FIELDS, base, mine, theirs, (field) => ({ kind: 'field', field }));
  const createdAt = [mine.createdAt, theirs.createdAt].sort()[0]!;
  const updatedAt = [mine.updatedAt, theirs.updatedAt].sort()[1]!;

  // The record. Movements and declarations first: an attendee one side removed stays if the other
  // side recorded an arrival, departure or declaration for them.
  merge.section = 'movements';
  const movements = mergeList(
    merge,
    base.movements,
    mine.movements,
    theirs.movements,
    entityRules<Movement>(merge, 'movements', MOVEMENT_FIELDS),
    theirsSavedLater,
  );
  merge.section = 'declarations';
  const declarations = mergeList(
    merge,
    base.declarations,
    mine.declarations,
    theirs.declarations,
    entityRules<Declaration>(merge, 'declarations', DECLARATION_FIELDS),
    theirsSavedLater,
  );
  const neededBy: Record<Side, Set<string>> = { mine: new Set(), theirs: new Set() };
  for (const [collection, merged] of [
    ['movements', movements],
    ['declarations', declarations],
  ] as const) {
    const was = byId<Movement | Declaration>(base[collection]);
    for (const [side, meeting] of [
      ['mine', mine],
      ['theirs', theirs],
    ] as const) {
      const sideVersion = byId<Movement | Declaration>(meeting[collection]);
      for (const entity of merged) {
        const own = sideVersion.get(entity.id);
        if (own && changedOn(was, own)) neededBy[side].add(entity.attendeeId);
      }
    }
  }
  merge.section = 'attendees';
  const attendees = mergeList(
    merge,
    base.attendees,
    mine.attendees,
    theirs.attendees,
    { ...entityRules<Attendee>(merge, 'attendees', ATTENDEE_FIELDS), needed: (id, deletedOn) => neededBy[deletedOn === 'mine' ? 'theirs' : 'mine'].has(id) },
    theirsSavedLater,
  );
  merge.section = 'decisions';
  const decisions = mergeList<Decision>(
    merge,
    base.decisions,
    mine.decisions,
    theirs.decisions,
    {
      both: (was, ours, other) => {
        const fields = mergeFields(merge, DECISION_FIELDS, was, ours, other, (field) => ({ kind: 'field', collection: 'decisions', entityId: ours.id, field }));
        const points = mergeList(
          merge,
          was?.points ?? [],
          ours.points,
          other.points,
          {
            both: (point, mineP, theirsP) => ({
              id: mineP.id,
              text:
                merge.value(point?.text, mineP.text, theirsP.text, {
                  kind: 'field',
                  collection: 'decisions',
                  entityId: ours.id,
                  pointId: mineP.id,
                  field: 'text',
                }) ?? '',
            }),
          },
          theirsSavedLater,
        );
        return { id: ours.id, ...fields, points } as Decision;
      },
    },
    theirsSavedLater,
  );
  merge.section = 'actions';
  const actions = renumberClashingActions(
    mergeList(merge, base.actions, mine.actions, theirs.actions, entityRules<Action>(merge, 'actions', ACTION_FIELDS), theirsSavedLater),
    base,
    mine,
    theirs,
  );

  // The agenda: items by id, their fields, and their minutes paragraph by paragraph.
  merge.section = 'agenda';
  const touched: Record<Side, Set<string>> = { mine: itemsTouched(base, mine), theirs: itemsTouched(base, theirs) };
  const ownMinutes = (item: AgendaItem) => (writtenFromRecord(item) ? undefined : item.minutes);
  const agenda = mergeList<AgendaItem>(
    merge,
    base.agenda,
    mine.agenda,
    theirs.agenda,
    {
      both: (was, ours, other) => {
        const fields = mergeFields(merge, ITEM_FIELDS, was, ours, other, (field) => ({ kind: 'field', itemId: ours.id, field })) as Omit<
          AgendaItem,
          'id' | 'minutes'
        >;
        const role = fields.role;
        const baseMinutes = was?.minutes ?? [];
        // A side whose minutes Minute Book wrote from the record has not edited them.
        const effective = (item: AgendaItem) => (isGenerated(role) && !item.minutesEditedByHand ? baseMinutes : item.minutes);
        const mineMinutes = effective(ours);
        const theirsMinutes = effective(other);
        // Typing beats going back to the generated text: nothing the clerk typed is dropped.
        const byHand =
          fields.minutesEditedByHand ||
          (isGenerated(role) &&
            ((ours.minutesEditedByHand && !same(ours.minutes, baseMinutes)) || (other.minutesEditedByHand && !same(other.minutes, baseMinutes))));
        const minutes = isGenerated(role) && !byHand ? ours.minutes : mergeBlocks(merge, ours.id, baseMinutes, mineMinutes, theirsMinutes, theirsSavedLater);
        return { id: ours.id, ...fields, minutesEditedByHand: byHand, minutes } as AgendaItem;
      },
      edited: (was, now, side) =>
        touched[side].has(was.id) ||
        ITEM_FIELDS.some((field) => !same(was[field as keyof AgendaItem], now[field as keyof AgendaItem])) ||
        !same(ownMinutes(was), ownMinutes(now)),
    },
    theirsSavedLater,
  );

  let merged: Meeting = {
    format: MEETING_FORMAT,
    version: MEETING_VERSION,
    ...(details as Omit<Meeting, 'format' | 'version' | 'createdAt' | 'updatedAt' | 'agenda' | MeetingCollection | 'conflicts'>),
    createdAt,
    updatedAt,
    agenda,
    attendees,
    movements,
    declarations,
    decisions,
    actions,
    conflicts: mergeConflictLists(base.conflicts, mine.conflicts, theirs.conflicts),
  };
  merged = refreshGeneratedMinutes(merged);

  // New conflicts, labelled against the merged meeting, in the order of the document.
  const found = merge.drafts
    .map((draft, index) => ({ draft, index }))
    .sort((a, b) => SECTION_ORDER.indexOf(a.draft.section) - SECTION_ORDER.indexOf(b.draft.section) || a.index - b.index)
    .map(({ draft }) => storedConflict(merged, draft, updatedAt, authors));
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
  merged = { ...merged, conflicts };

  // One form for the file: the schema's key order, whatever order each side's objects had.
  const normalised = Meeting.safeParse(merged);
  return { meeting: normalised.success ? normalised.data : merged, automatic: merge.automatic, conflicts: fresh };
}

// ---------------------------------------------------------------------------------------------
// Conflicts in the meeting file.

/** Of two records of the same conflict, the one both computers will keep. */
function smaller(a: MeetingConflict, b: MeetingConflict): MeetingConflict {
  return canonical(a) <= canonical(b) ? a : b;
}

/**
 * Conflicts merge as a set by id: one flagged on one side only is kept; one resolved (removed)
 * on either side is gone; two records of the same conflict become the one that sorts first.
 */
function mergeConflictLists(base: readonly MeetingConflict[], mine: readonly MeetingConflict[], theirs: readonly MeetingConflict[]): MeetingConflict[] {
  const merge = new Merge();
  const theirsById = byId(theirs);
  return mergeList<MeetingConflict>(
    merge,
    base,
    mine,
    theirs,
    {
      both: (_was, ours) => smaller(ours, theirsById.get(ours.id) ?? ours),
      edited: () => false,
    },
    undefined,
  );
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
