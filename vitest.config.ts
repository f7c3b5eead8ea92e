import { configDefaults, defineConfig } from 'vitest/config';
import { PATIENCE_MS, TEST_TIMEOUT_MS } from './tests/support/patience';

/**
 * Tests that run long by design or need programs beyond Node: real Syncthing and two core
 * processes for minutes, the built app in a browser, SIGKILL loops, property runs read back by
 * pandoc, and the Word files read back by LibreOffice and pandoc. `npm test` (what CI runs) runs
 * them with everything else; `npm run test:unit` (the project "unit") leaves them out.
 */
const LONG_TESTS = [
  'tests/sync/**/*.test.{ts,tsx}',
  'tests/e2e/**/*.test.{ts,tsx}',
  'tests/core/crashSafety.test.ts',
  'tests/core/savePointKills.test.ts',
  'tests/core/exportProperty.test.ts',
  'tests/core/exportReaders.test.ts',
];

export default defineConfig({
  test: {
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
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.{ts,tsx}'], exclude: [...configDefaults.exclude, ...LONG_TESTS] } },
      { extends: true, test: { name: 'long', include: LONG_TESTS } },
    ],
  },
});
