/**
 * Named steps of the save sequence at which a test process can be made to die by SIGKILL, so the
 * crash tests can aim at every instant that matters (tests/core/savePointKills.test.ts):
 * `MB_CRASH_AT=<step>` kills the process the first time it reaches that step,
 * `MB_CRASH_AFTER=<n>` the n-th time. With `MB_CRASH_AT` unset (always, outside those tests) a
 * crash point does nothing.
 *
 * Steps: `journal.appended`, `journal.epochStarted`, `merge.journaled`, `save.tempWritten`,
 * `save.tempSynced`, `save.renamed`, `save.folderSynced`, `save.marked`, `shrink.tempWritten`,
 * `shrink.tempSynced`, `shrink.renamed`, `shrink.folderSynced`, `journal.removed`.
 */
const wanted = process.env.MB_CRASH_AT;
const after = Math.max(1, Number(process.env.MB_CRASH_AFTER ?? 1) || 1);
let reached = 0;
let listener: ((step: string) => void) | undefined;

/**
 * For tests in one process: `listen` runs, synchronously, at every crash point reached, so a test
 * can make something happen at an exact step (a colleague's write just after this computer's
 * rename). Undefined stops it. Never set outside tests.
 */
export function listenAtCrashPoints(listen: ((step: string) => void) | undefined): void {
  listener = listen;
}

export function crashPoint(step: string): void {
  listener?.(step);
  if (wanted === undefined || step !== wanted) return;
  reached += 1;
  if (reached >= after) process.kill(process.pid, 'SIGKILL');
}
