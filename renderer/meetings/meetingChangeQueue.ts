/**
 * Sends the clerk's changes to one meeting, in order, with at most one request in flight. Changes
 * made while a request is out wait here; a paragraph typed in again keeps only its latest text,
 * consecutive minutes of the same item keep only the latest version, and consecutive edits to the
 * same item's title or background merge, so a fast typist produces a few requests rather than one
 * per keystroke. Each change remembers the view of the
 * meeting it was made on (`currentView` when it was added) and is sent with it as `seenView`, so a
 * change made before a colleague's merge reached the screen is merged in the core, not put over it.
 */
import type { MeetingChange } from '../../main/domain/changes';
import type { SaveState } from '../../main/domain/api';
import { ApiError } from '../api/client';

export interface MeetingChangeQueueOptions {
  /** `seenView`: the view every one of `changes` was made on (undefined when no currentView is given). */
  send: (changes: MeetingChange[], seenView: number | undefined) => Promise<SaveState>;
  /** The view of the meeting the screen shows now (OpenedMeeting.view, then each meetingUpdated.view). */
  currentView?: () => number | undefined;
  onSaveState: (saveState: SaveState) => void;
  /** The core could not be reached (the changes are kept and tried again), or a batch was refused and no onRefused is given. */
  onError: (error: unknown) => void;
  /**
   * The core refused a batch (its message is for the clerk). The screen has already shown those
   * changes, so it must reload the meeting from the core to show what the file really holds.
   */
  onRefused?: (error: unknown) => void;
  /** Whether changes are waiting or being sent, for the save indicator. */
  onBusyChange?: (busy: boolean) => void;
  /** How long to wait before the first try again when the core could not be reached; each further wait doubles. */
  retryDelayMs?: number;
  /** The longest wait between tries (30 s by default). */
  maxRetryDelayMs?: number;
  /**
   * Changes the core has not received, held in this window (its memory only) because the core
   * could not be reached, and when the next try is; undefined once the core has them again.
   */
  onHeldBack?: (held: HeldBack | undefined) => void;
  /** The core applied these changes (in this order); the screen's picture of the core moves on. */
  onAcknowledged?: (changes: readonly MeetingChange[]) => void;
}

export interface HeldBack {
  /** Changes waiting in this window that the core has not received. */
  changes: number;
  /** When the queue tries again (ISO time). */
  nextTryAt: string;
}

/**
 * Merges a paragraph's latest text into the waiting put of the same paragraph, reaching back only
 * past puts of other paragraphs (Enter, then typing on): those never depend on its text, and
 * nothing else (a removal, a move, a resolved conflict) comes between. It keeps the first put's
 * place, which is where a new paragraph went.
 */
function coalesceBlockPut(waiting: MeetingChange[], change: MeetingChange & { kind: 'block.put' }): boolean {
  for (let index = waiting.length - 1; index >= 0; index--) {
    const earlier = waiting[index]!;
    if (earlier.kind !== 'block.put') return false;
    if (earlier.itemId === change.itemId && earlier.block.id === change.block.id) {
      waiting[index] = { ...change, after: earlier.after };
      return true;
    }
  }
  return false;
}

/** Merges `change` into a waiting change when both edit the same thing; false when it cannot. */
export function coalesceChange(waiting: MeetingChange[], change: MeetingChange): boolean {
  if (change.kind === 'block.put') return coalesceBlockPut(waiting, change);
  const last = waiting[waiting.length - 1];
  if (!last) return false;
  if (last.kind === 'item.minutes' && change.kind === 'item.minutes' && last.itemId === change.itemId) {
    waiting[waiting.length - 1] = change;
    return true;
  }
  if (last.kind === 'item.update' && change.kind === 'item.update' && last.itemId === change.itemId) {
    waiting[waiting.length - 1] = { ...last, fields: { ...last.fields, ...change.fields } };
    return true;
  }
  // Typing in a declaration, decision or action puts the whole entity again: only the latest counts.
  if (last.kind === 'entity.put' && change.kind === 'entity.put' && last.collection === change.collection && last.entity.id === change.entity.id) {
    waiting[waiting.length - 1] = change;
    return true;
  }
  return false;
}

const MAX_CHANGES_PER_REQUEST = 500;
/** How many of the latest waiting changes a new one may be merged into. */
const COALESCE_REACH = 32;

/** A change and the view of the meeting it was made on. */
interface Queued {
  change: MeetingChange;
  view: number | undefined;
}

export class MeetingChangeQueue {
  private waiting: Queued[] = [];
  private sending = false;
  private busy = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private idleWaiters: (() => void)[] = [];
  // After a batch is refused, its changes are sent again one at a time, so only the one the core
  // refuses is lost: this many changes at the front of `waiting` go alone.
  private sendAlone = 0;
  private inFlight: Queued[] = [];
  // Tries since the core last answered, for the back-off.
  private failedTries = 0;
  private nextTryAt: string | undefined;

  constructor(private readonly options: MeetingChangeQueueOptions) {}

  add(change: MeetingChange): void {
    const view = this.options.currentView?.();
    // Only changes made on the same view are merged: one made before an update keeps the view it
    // was made on. A few recent ones are enough for a burst of typing, and keep this cheap when
    // thousands wait for an unreachable core.
    let from = this.waiting.length;
    while (from > 0 && this.waiting.length - from < COALESCE_REACH && this.waiting[from - 1]!.view === view) from--;
    const into = this.waiting.slice(from).map((queued) => queued.change);
    if (coalesceChange(into, change)) into.forEach((merged, index) => (this.waiting[from + index]!.change = merged));
    else this.waiting.push({ change, view });
    this.setBusy(true);
    if (this.nextTryAt !== undefined) this.options.onHeldBack?.({ changes: this.waiting.length + this.inFlight.length, nextTryAt: this.nextTryAt });
    this.sendNext();
  }

  /** Resolves once every change added so far has been answered (sent or refused). */
  whenIdle(): Promise<void> {
    if (!this.busy) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Whether changes are waiting or being sent. */
  isBusy(): boolean {
    return this.busy;
  }

  /**
   * Every change the core has not yet acknowledged, oldest first: the batch on its way and those
   * waiting. When the core's meeting arrives from elsewhere these are put back on top of it; each
   * sets a value rather than adding to one, so putting back one the core already holds is harmless.
   */
  unacknowledged(): MeetingChange[] {
    return [...this.inFlight, ...this.waiting].map((queued) => queued.change);
  }

  /** Sends anything held back for a retry now, e.g. when the clerk leaves the meeting. */
  retryNow(): void {
    if (this.retryTimer === undefined) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.sendNext();
  }

  private sendNext(): void {
    if (this.sending || this.retryTimer !== undefined) return;
    if (this.waiting.length === 0) {
      this.setBusy(false);
      return;
    }
    // One request carries changes made on one view.
    const view = this.waiting[0]!.view;
    const sameView = this.waiting.findIndex((queued) => queued.view !== view);
    const limit = Math.min(this.sendAlone > 0 ? 1 : MAX_CHANGES_PER_REQUEST, sameView === -1 ? this.waiting.length : sameView);
    const batch = this.waiting.splice(0, limit);
    const changes = batch.map((queued) => queued.change);
    this.sending = true;
    this.inFlight = batch;
    this.options.send(changes, view).then(
      (saveState) => {
        this.sending = false;
        this.inFlight = [];
        this.answered();
        this.options.onAcknowledged?.(changes);
        if (this.sendAlone > 0) this.sendAlone--;
        this.options.onSaveState(saveState);
        this.sendNext();
      },
      (error: unknown) => {
        this.sending = false;
        this.inFlight = [];
        if (error instanceof ApiError && error.code === 'unreachable') {
          // The core may be restarting: keep the changes, in order, and try again, less often each time.
          this.waiting.unshift(...batch);
          const delay = Math.min((this.options.retryDelayMs ?? 2000) * 2 ** this.failedTries, this.options.maxRetryDelayMs ?? 30_000);
          this.failedTries++;
          this.options.onError(error);
          this.nextTryAt = new Date(Date.now() + delay).toISOString();
          this.options.onHeldBack?.({ changes: this.waiting.length, nextTryAt: this.nextTryAt });
          this.retryTimer = setTimeout(() => {
            this.retryTimer = undefined;
            this.sendNext();
          }, delay);
          return;
        }
        this.answered();
        if (batch.length > 1) {
          // Refused: one of these cannot be applied. Try them one by one to find which.
          this.waiting.unshift(...batch);
          this.sendAlone = batch.length;
          this.sendNext();
          return;
        }
        if (this.sendAlone > 0) this.sendAlone--;
        // Refused: the change can never be applied. Drop it, send what came after, and let the
        // screen reload the meeting so it never shows what the file does not hold.
        if (this.options.onRefused) this.options.onRefused(error);
        else this.options.onError(error);
        this.sendNext();
      },
    );
  }

  /** The core answered: nothing is held back in this window any more. */
  private answered(): void {
    this.failedTries = 0;
    if (this.nextTryAt === undefined) return;
    this.nextTryAt = undefined;
    this.options.onHeldBack?.(undefined);
  }

  private setBusy(busy: boolean): void {
    if (this.busy === busy) return;
    this.busy = busy;
    this.options.onBusyChange?.(busy);
    if (!busy) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }
}
