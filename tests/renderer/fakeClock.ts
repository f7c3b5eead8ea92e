/**
 * A fake clock for component tests that must not depend on how fast a busy machine runs: time moves
 * only when the test moves it. Testing Library lets the fake clock run on after each user event
 * only when it recognises Jest's fake timers (`jest.advanceTimersByTime`), so while the clock is
 * fake, `jest` stands for Vitest's.
 */
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';

type WithJest = { jest?: { advanceTimersByTime(ms: number): void } };

export function startFakeClock(options: { delay?: number } = {}) {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  (globalThis as WithJest).jest = { advanceTimersByTime: (ms) => vi.advanceTimersByTime(ms) };
  const user = userEvent.setup({ ...options, advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
  return {
    user,
    stop() {
      delete (globalThis as WithJest).jest;
      vi.useRealTimers();
    },
  };
}
