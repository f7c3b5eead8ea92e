/**
 * When the open meeting is written to the library (docs/sync.md, "Autosave"): shortly after the
 * clerk stops typing, but never later than a maximum wait after the first change not yet written,
 * so a clerk who never pauses is still saved within a second (main/domain/debounce.ts, the same
 * rule the screen uses). A save that could not be written is tried again after a while.
 */
import { debounceDelayMs } from '../../domain/debounce';

export interface SaveTiming {
  saveDelayMs: number;
  maxSaveWaitMs: number;
  retryDelayMs: number;
}

export class SaveSchedule {
  private timer?: ReturnType<typeof setTimeout>;
  /** When the first change not yet written was made (undefined: none since the last write began). */
  private firstUnsavedAt?: number;
  private stopped = false;

  constructor(
    private readonly timing: SaveTiming,
    private readonly save: () => Promise<void>,
  ) {}

  /** A save is waiting for its time. */
  get waiting(): boolean {
    return this.timer !== undefined;
  }

  /** Something is unsaved from now on (a new meeting, changes replayed on opening), with no save set yet. */
  unsavedSinceNow(): void {
    this.firstUnsavedAt = Date.now();
  }

  /** A change was made: the save comes after the pause, or at the maximum wait. */
  afterChange(): void {
    if (this.stopped) return;
    const nowMs = Date.now();
    this.firstUnsavedAt ??= nowMs;
    this.setTimer(debounceDelayMs(this.firstUnsavedAt, nowMs, this.timing.saveDelayMs, this.timing.maxSaveWaitMs), () => void this.save());
  }

  /** The save could not be written: try again after the retry delay. */
  retry(): void {
    if (this.stopped) return;
    this.firstUnsavedAt = Date.now();
    this.setTimer(this.timing.retryDelayMs, () => void this.save().catch(() => undefined));
  }

  /** A write begins: changes from now on count from their own time. */
  writing(): void {
    this.firstUnsavedAt = undefined;
  }

  /** Drops the save that is waiting (switching to read only). */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** No more saves are set (the session is closing and writes what it has itself). */
  stop(): void {
    this.stopped = true;
    this.cancel();
  }

  private setTimer(delayMs: number, run: () => void): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      run();
    }, delayMs);
  }
}
