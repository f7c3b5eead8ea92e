/**
 * How long a test waits for a state before it calls the wait a hang. Not a guess of how long the
 * state takes: tests wait for the state itself (a file's contents, an event, a screen), and this
 * bound only turns a real hang into a failure with a message. It is generous on purpose, so a
 * busy 2-core CI machine never fails a test that would pass on an idle one; vitest's own test
 * timeout (vitest.config.ts) sits above it. `TEST_PATIENCE_MS` overrides it (e.g. to find hangs
 * faster while developing).
 */
export const PATIENCE_MS = Number(process.env.TEST_PATIENCE_MS ?? 90_000);

/** vitest's per-test and per-hook timeout: above every wait, so a wait reports what it waited for. */
export const TEST_TIMEOUT_MS = PATIENCE_MS + 60_000;
