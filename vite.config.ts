import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

// One config for the app (vite) and the unit/component tests (vitest).
export default defineConfig({
  base: './',
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
