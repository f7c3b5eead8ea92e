/**
 * Debounce with a maximum wait, the timing both sides of the app save by: a run waits for a pause
 * of `pauseMs` after the latest request, but never longer than `maxWaitMs` after the first request
 * not yet run, so someone who never stops typing is still saved. The screen uses it before turning
 * typed minutes into a change (renderer/minutes/minutesSaveSchedule.ts), the core before writing the
 * library file (main/core/session/saveSchedule.ts). Pure: each side keeps its own timer.
 */

/** How long from `nowMs` until the run, given when the first request not yet run was made. */
export function debounceDelayMs(firstRequestAtMs: number, nowMs: number, pauseMs: number, maxWaitMs: number): number {
  return Math.max(0, Math.min(pauseMs, firstRequestAtMs + maxWaitMs - nowMs));
}
