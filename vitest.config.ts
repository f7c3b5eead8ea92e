import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Two cores: the crash-safety and end-to-end suites start processes of their own.
    maxWorkers: 2,
  },
});
