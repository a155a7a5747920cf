/**
 * `npm run bench`: the "year" workload (365 days, 1,780 calls/day, 30 % 999 / 70 % 101,
 * 9 handlers, exponential 6-minute handling, exponential patience 30 min (999) / 3 min (101))
 * through the full occsim path and through the hand-written yardstick; calls per second for
 * both, their ratio, and peak memory of a 1-day and a 10-year replication (separate processes).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseScenario, type Scenario } from '../src/scenario/index.ts';
import { runReplication } from '../src/model/run.ts';
import { yardstick } from './yardstick.ts';

export function yearScenario(days: number): Scenario {
  const parsed = parseScenario({
    name: 'bench-year',
    horizon: { days, warmupDays: 0 },
    demand: { profile: 'flat', channels: { '999': { callsPerDay: 1780 * 0.3 }, '101': { callsPerDay: 1780 * 0.7 } } },
    handling: {
      '999': { talkMinutes: { dist: 'exponential', mean: 6 } },
      '101': { talkMinutes: { dist: 'exponential', mean: 6 } },
    },
    patience: { '999': { dist: 'exponential', mean: 30 }, '101': { dist: 'exponential', mean: 3 } },
    staffing: { fixed: 9 },
  });
  if (!parsed.ok) throw new Error('bench scenario invalid');
  return parsed.scenario;
}

function best<T>(runs: number, f: () => T): { seconds: number; result: T } {
  let seconds = Infinity;
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = f();
    seconds = Math.min(seconds, (performance.now() - t) / 1000);
  }
  return { seconds, result };
}

if (process.argv[2] === '--memory') {
  // Child process: one replication of the given length, then report peak memory.
  const days = Number(process.argv[3]);
  const before = process.memoryUsage();
  const r = runReplication(yearScenario(days), 'bench', 0);
  const after = process.memoryUsage();
  process.stdout.write(JSON.stringify({ days, offered: r.channels['999'].offered + r.channels['101'].offered, rssMB: after.rss / 2 ** 20, heapMB: after.heapUsed / 2 ** 20, heapBeforeMB: before.heapUsed / 2 ** 20 }));
} else {
  const scenario = yearScenario(365);
  const occ = best(3, () => runReplication(scenario, 'bench', 0));
  const calls = occ.result.channels['999'].offered + occ.result.channels['101'].offered;
  const yard = best(3, () => yardstick(365, 1780, 0.3, 9, 'bench'));
  const occRate = calls / occ.seconds;
  const yardRate = yard.result.offered / yard.seconds;
  const fmt = (x: number) => Math.round(x).toLocaleString('en-GB');
  console.log(`year workload: 365 days × 1,780 calls/day, 9 handlers (best of 3)`);
  console.log(`  occsim     ${fmt(calls)} calls in ${occ.seconds.toFixed(3)} s = ${fmt(occRate)} calls/s (${fmt(occ.result.events / occ.seconds)} events/s)`);
  console.log(`  yardstick  ${fmt(yard.result.offered)} calls in ${yard.seconds.toFixed(3)} s = ${fmt(yardRate)} calls/s`);
  console.log(`  ratio      occsim takes ${(yardRate / occRate).toFixed(2)}× the yardstick's time per call (target ≤ 2×)`);
  const self = fileURLToPath(import.meta.url);
  for (const days of [1, 3650]) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', self, '--memory', String(days)], { encoding: 'utf8' });
    const m = JSON.parse(out) as { offered: number; rssMB: number; heapMB: number };
    console.log(`  memory     ${String(days).padStart(4)} days (${fmt(m.offered)} calls): rss ${m.rssMB.toFixed(0)} MB, heap ${m.heapMB.toFixed(1)} MB`);
  }
}
