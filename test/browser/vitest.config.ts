import { defineConfig } from 'vitest/config';

// Browser tests: each starts its own vite server and drives the system chromium with playwright-core.
export default defineConfig({
  test: { include: ['test/browser/demand-import.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 60_000 },
});
