/**
 * Compiles the command line to plain JavaScript in build/cli/ (git-ignored): the entry
 * (src/cli/main.ts) and the worker-thread shell (workers/sim.node-worker.ts), bundled with their
 * dependencies and split into chunks so each command loads only what it uses. Node then starts
 * `occsim` without compiling TypeScript on every run. `npm ci` runs this through `prepare`; the
 * tests and the benchmark run it first, so they never exercise a stale build.
 */
import { build } from 'esbuild';
import { renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = fileURLToPath(new URL('../build/cli', import.meta.url));

export async function buildCli() {
  // Build beside the old output, then swap it in: a run (or a test) that is using the old build
  // while this one is made is not left without its files.
  const fresh = `${outdir}.${process.pid}`;
  const stale = `${outdir}.${process.pid}.old`;
  await build({
    absWorkingDir: root,
    entryPoints: { main: 'src/cli/main.ts', 'sim.node-worker': 'workers/sim.node-worker.ts' },
    outdir: fresh,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // HiGHS is Emscripten output that finds its .wasm beside its own file: load it from node_modules.
    external: ['highs'],
    // Bundled CommonJS dependencies (seedrandom, papaparse) may call require() for Node built-ins.
    banner: { js: "import { createRequire as occsimCreateRequire } from 'node:module'; const require = occsimCreateRequire(import.meta.url);" },
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  rmSync(stale, { recursive: true, force: true });
  try {
    renameSync(outdir, stale);
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  renameSync(fresh, outdir);
  rmSync(stale, { recursive: true, force: true });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
