import { defineConfig } from 'vitest/config';

// Four projects: pure logic (fast), checks on a built site, real-Chromium browser tests, and the
// site built under a base path (/congdoan/) served by nginx. The built site is produced once by
// tests/support/global-setup.ts and shared; the base-path build by tests/support/base-path-setup.ts,
// only when a test of that project runs.
export default defineConfig({
  test: {
    projects: [
      {
        // Some unit tests run a CLI in a child process (npm run new, lint:content, import): on a
        // loaded machine starting Node takes seconds, so five would fail them for no fault of theirs.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000 },
      },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'base-path',
          include: ['tests/base-path/**/*.test.ts'],
          globalSetup: ['tests/support/base-path-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
