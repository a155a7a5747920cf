/**
 * Vitest global setup: compiles the command line before any test spawns `bin/occsim.js`, so the
 * tests always exercise the current source, never a build left over from an earlier `npm ci`.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  execFileSync(process.execPath, [fileURLToPath(new URL('../scripts/build-cli.mjs', import.meta.url))], { stdio: 'inherit' });
}
