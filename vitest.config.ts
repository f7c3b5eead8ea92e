import { defineConfig } from 'vitest/config';
import { PATIENCE_MS, TEST_TIMEOUT_MS } from './tests/support/patience';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    // Tests wait for the state they need; these bounds only turn a hang into a failure, and are
    // generous so a busy 2-core machine never fails a test that passes on an idle one
    // (tests/support/patience.ts). Tests that run long by design set their own, larger, timeout.
    testTimeout: TEST_TIMEOUT_MS,
    hookTimeout: TEST_TIMEOUT_MS,
    expect: { poll: { timeout: PATIENCE_MS } },
    // Two cores: the crash-safety and end-to-end suites start processes of their own.
    maxWorkers: 2,
    // The JSON report lets .ci/run print one plain "N passed, N failed" line.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
