import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

// Open a browser tab on `npm start` only where there is a desktop to open it on.
const canOpenBrowser =
  !process.env.CI && (process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY));

// One config for the app (vite) and the unit/component tests (vitest).
export default defineConfig({
  base: './',
  server: { open: canOpenBrowser },
  plugins: [svelte(), svelteTesting()],
  worker: { format: 'es' },
  resolve: process.env.VITEST ? { conditions: ['module', 'browser', 'development|production'] } : {},
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
