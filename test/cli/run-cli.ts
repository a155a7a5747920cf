/** Spawns the real `occsim` bin, as a user would after `npm ci`. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/occsim.js', import.meta.url));
export const root = fileURLToPath(new URL('../..', import.meta.url));

export function occsim(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}) {
  const env = options.env ? { ...process.env, ...options.env } : undefined;
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: options.cwd ?? root, input: options.input, env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A run's JSON without the wall-clock timing, which is the only part allowed to differ. */
export function withoutTiming(stdout: string): string {
  const { timing: _timing, ...rest } = JSON.parse(stdout) as Record<string, unknown>;
  return JSON.stringify(rest);
}
