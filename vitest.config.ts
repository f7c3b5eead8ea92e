import { configDefaults, defineConfig } from 'vitest/config';
import { PATIENCE_MS, TEST_TIMEOUT_MS } from './tests/support/patience';

/**
 * Tests that run long by design or need programs beyond Node: real Syncthing and two core
 * processes for minutes, the built app in a browser, SIGKILL loops, property runs read back by
 * pandoc, and the Word files read back by LibreOffice and pandoc. `npm test` (what CI runs) runs
 * them with everything else; `npm run test:unit` (every project but "long") leaves them out.
 */
const LONG_TESTS = [
  'tests/sync/**/*.test.{ts,tsx}',
  'tests/e2e/**/*.test.{ts,tsx}',
  'tests/core/crashSafety.test.ts',
  'tests/core/savePointKills.test.ts',
  'tests/core/exportProperty.test.ts',
  'tests/core/exportReaders.test.ts',
];

/** Tests that replace modules with `vi.mock`: a module one file mocked must not be what the next file imports. */
const MOCKING_TESTS = ['tests/electron/**/*.test.{ts,tsx}'];

/**
 * A worker runs one file after another without starting afresh, so React, jsdom, ProseMirror, zod
 * and the core are loaded once per worker rather than once per file (that loading was about a
 * third of the CPU time of these tests). Tests leave nothing behind for the next file: each makes
 * its own library folder, core and fake API, and puts a fake clock back in `finally`.
 */
const SHARED_WORKERS = { isolate: false };

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
      // The screens in jsdom. Files of one project follow each other in a worker, so they are a
      // project of their own, and the clean-up between tests is a setup file: a setup file runs
      // again before every file, where an import would run only for the worker's first.
      {
        extends: true,
        test: { name: 'renderer', include: ['tests/renderer/**/*.test.{ts,tsx}'], setupFiles: ['tests/renderer/setup-dom.ts'], ...SHARED_WORKERS },
      },
      // The domain, the core, the command line and the lint rules, in plain Node.
      {
        extends: true,
        test: {
          name: 'node',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: [...configDefaults.exclude, ...LONG_TESTS, ...MOCKING_TESTS, 'tests/renderer/**'],
          ...SHARED_WORKERS,
        },
      },
      // The Electron main process, each file in a fresh worker (MOCKING_TESTS).
      { extends: true, test: { name: 'electron', include: MOCKING_TESTS } },
      { extends: true, test: { name: 'long', include: LONG_TESTS } },
    ],
  },
});
