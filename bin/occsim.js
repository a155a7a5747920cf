#!/usr/bin/env node
// Plain JS entry so `npx occsim` works from any directory right after `npm ci`, which compiles the
// command line into build/cli/ (the `prepare` script): Node starts it without compiling TypeScript.
let cli;
try {
  cli = await import('../build/cli/main.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('build/cli/main.js')) throw error;
  process.stderr.write('occsim: the command line is not built yet; run `npm run build:cli` (or `npm ci`) in the occsim folder\n');
  process.exit(1);
}
process.exitCode = await cli.main(process.argv.slice(2));
