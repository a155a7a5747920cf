#!/usr/bin/env node
// Plain JS entry so `npx occsim` works from any directory right after `npm ci`:
// register tsx's loader, then import the TypeScript command line.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
