import { defineConfig } from 'vitest/config';

// Browser tests: each drives the system chromium with playwright-core (the app flow against the
// production build in dist/, the demand import against its own vite server).
export default defineConfig({
  // One file at a time: two browsers racing for two cores would make the long-task checks meaningless.
  test: {
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    // The app test compares the page's numbers with the compiled command line's: build it first.
    globalSetup: ['test/build-cli.setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
