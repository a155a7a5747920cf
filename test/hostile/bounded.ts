/**
 * Runs the real `occsim` bin as a hostile-input case: with a wall-clock limit and a heap limit, so a
 * hang or a memory blow-up fails the case instead of the machine. Classifies the outcome the way
 * the suite counts them.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/occsim.js', import.meta.url));
export const root = fileURLToPath(new URL('../..', import.meta.url));

export interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Killed at the time limit. */
  hung: boolean;
  /** A stack trace, an "internal error" or a signal other than the time limit's. */
  crashed: boolean;
}

export function bounded(args: string[], { seconds = 30, heapMb = 512, input, shell }: { seconds?: number; heapMb?: number; input?: string; shell?: string } = {}): Outcome {
  const r = shell
    ? spawnSync('/bin/sh', ['-c', shell], { encoding: 'utf8', cwd: root, timeout: seconds * 1000, env: { ...process.env, NODE_OPTIONS: `--max-old-space-size=${heapMb}`, OCCSIM: `${process.execPath} ${bin}` } })
    : spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, bin, ...args], { encoding: 'utf8', cwd: root, input, timeout: seconds * 1000 });
  const hung = r.error !== undefined && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT';
  const crashed = !hung && (r.signal !== null || /^\s+at .+:\d+:\d+\)?$/m.test(r.stderr) || /internal error|out of memory/i.test(r.stderr) || (r.status !== 0 && r.status !== 2));
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, hung, crashed };
}

/** A clean refusal: exit 2, no crash, and a message that says what was expected. */
export function refused(o: Outcome): boolean {
  return !o.hung && !o.crashed && o.code === 2 && /expected|cannot read|cannot write|past the cap/.test(o.stderr);
}
