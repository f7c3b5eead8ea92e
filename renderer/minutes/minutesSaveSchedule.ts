/**
 * Decides when the minutes being typed are turned into blocks and sent as a change. Converting a
 * long item on every keystroke would slow typing, so it waits for a short pause, but never longer
 * than a maximum while the clerk keeps typing, so little is lost if the computer fails (the rule
 * is main/domain/debounce.ts, which the core's autosave uses too).
 */
import { debounceDelayMs } from '../../main/domain/debounce';

export const MINUTES_SAVE_PAUSE_MS = 150;
export const MINUTES_SAVE_MAX_WAIT_MS = 500;

export interface MinutesSaveSchedule {
  /** Notes that the minutes changed; the save runs after a pause, or at the latest after the maximum wait. */
  request(): void;
  /** Runs a pending save now (item switch, leaving the meeting); does nothing if none is pending. */
  flush(): void;
  /** Drops a pending save without running it. */
  cancel(): void;
  /** Whether something typed is waiting to be saved. */
  pending(): boolean;
}

export function createMinutesSaveSchedule(save: () => void, pauseMs = MINUTES_SAVE_PAUSE_MS, maxWaitMs = MINUTES_SAVE_MAX_WAIT_MS): MinutesSaveSchedule {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstRequestAt: number | undefined;

  function clear(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    firstRequestAt = undefined;
  }

  function run(): void {
    clear();
    save();
  }

  return {
    request() {
      const now = Date.now();
      firstRequestAt ??= now;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(run, debounceDelayMs(firstRequestAt, now, pauseMs, maxWaitMs));
    },
    flush() {
      if (timer !== undefined) run();
    },
    cancel: clear,
    pending: () => timer !== undefined,
  };
}
