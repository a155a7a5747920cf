import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import type { Plugin } from 'vite';

// Open a browser tab on `npm start` only where there is a desktop to open it on.
const canOpenBrowser =
  !process.env.CI && (process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY));

/**
 * The built app's Content-Security-Policy, as a meta tag so any static host serves it: scripts,
 * workers, style sheets and data only from the app's own origin, no eval (zod runs jitless), no
 * inline script or style element, no plugins, no base or form targets. WebAssembly may be compiled
 * ('wasm-unsafe-eval', which allows no JavaScript eval): the rota optimiser's HiGHS solver, a .wasm
 * file from the app's own origin. Style attributes are allowed (Svelte templates and d3 charts
 * position things with them; they cannot run code). Images may be data:/blob: URLs (chart export).
 * Build only: the dev server's hot reload needs what the policy forbids.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "style-src-elem 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const contentSecurityPolicy = (): Plugin => ({
  name: 'occsim-content-security-policy',
  apply: 'build',
  transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
});

// One config for the app (vite) and the unit/component tests (vitest).
export default defineConfig({
  base: './',
  server: { open: canOpenBrowser },
  plugins: [svelte(), svelteTesting(), contentSecurityPolicy()],
  worker: { format: 'es' },
  resolve: process.env.VITEST ? { conditions: ['module', 'browser', 'development|production'] } : {},
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
    // Tests spawn the compiled command line: build it from the current source first.
    globalSetup: ['test/build-cli.setup.ts'],
  },
});
