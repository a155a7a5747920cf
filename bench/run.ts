/**
 * `npm run bench`: occsim against the yardstick (bench/yardstick.js, the fastest plain-JS program
 * of the same model), on the "year" workload: 1,780 calls/day, 30 % 999 / 70 % 101, 9 handlers,
 * exponential 6-minute handling, exponential patience 30 min (999) / 3 min (101).
 *
 *  1. The two must agree: 10 replications of 365 days each, per channel service level, abandon
 *     rate and mean wait, compared by their 95 % CIs (the bench fails if they differ by more than
 *     3.3 standard errors, i.e. at the 0.1 % level); otherwise a speed ratio would mean nothing.
 *  2. In-process: calls per second over 10 years, one replication, and the ratio.
 *  3. Whole process: `node bin/occsim.js run … --json` (compiled CLI, one worker) against
 *     `node bench/yardstick.js 3650`, wall-clock and CPU time, and the ratio; and a 1-day CLI run.
 *  4. Memory of a 1-day and a 10-year replication (separate processes): flat in the horizon.
 *
 * The machine may be shared, so every timing is the best of N runs (`--runs N`, default 3), with
 * occsim and the yardstick interleaved so that both see the same background load.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseScenario, type Scenario } from '../src/scenario/index.ts';
import { runReplication } from '../src/model/run.ts';
import { estimate } from '../src/stats/estimate.ts';
import { replicationKpis } from '../src/stats/kpis.ts';
import { YEAR_WORKLOAD, yardstick, type YardstickResult } from './yardstick.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const TEN_YEARS = 3650;

/** The yardstick's workload as an occsim scenario. */
export function yearScenarioJson(days: number) {
  const w = YEAR_WORKLOAD;
  const minutes = (mean: number) => ({ dist: 'exponential', mean });
  return {
    name: `bench-year-${days}d`,
    horizon: { days, warmupDays: 0 },
    demand: {
      profile: 'flat',
      channels: { '999': { callsPerDay: w.callsPerDay * w.share999 }, '101': { callsPerDay: w.callsPerDay * (1 - w.share999) } },
    },
    handling: { '999': { talkMinutes: minutes(w.handlingMinutes) }, '101': { talkMinutes: minutes(w.handlingMinutes) } },
    patience: { '999': minutes(w.patienceMinutes[0]), '101': minutes(w.patienceMinutes[1]) },
    targets: { '999': { seconds: w.targetSeconds[0] }, '101': { seconds: w.targetSeconds[1] } },
    staffing: { fixed: w.handlers },
  };
}

export function yearScenario(days: number): Scenario {
  const parsed = parseScenario(yearScenarioJson(days));
  if (!parsed.ok) throw new Error(`bench scenario invalid: ${parsed.problems.map((p) => p.message).join('; ')}`);
  return parsed.scenario;
}

const fmt = (x: number) => Math.round(x).toLocaleString('en-GB');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;

/** Runs each job RUNS times, interleaved; keeps each job's fastest wall-clock and CPU seconds, and its result. */
function bestOf<T extends unknown[]>(jobs: { [K in keyof T]: () => T[K] }): { [K in keyof T]: { wall: number; cpu: number; result: T[K] } } {
  const best = jobs.map(() => ({ wall: Infinity, cpu: Infinity, result: undefined as unknown }));
  for (let r = 0; r < RUNS; r++)
    jobs.forEach((job, j) => {
      const cpu = process.cpuUsage();
      const t = performance.now();
      const result = job();
      const wall = (performance.now() - t) / 1000;
      const used = process.cpuUsage(cpu);
      const b = best[j]!;
      best[j] = { wall: Math.min(b.wall, wall), cpu: Math.min(b.cpu, (used.user + used.system) / 1e6), result };
    });
  return best as { [K in keyof T]: { wall: number; cpu: number; result: T[K] } };
}

/** A child process's wall-clock and CPU (user + system, all threads) seconds, and its stdout. */
function timedProcess(args: string[]): { wall: number; cpu: number; stdout: string } {
  const cpuHook = join(root, 'bench/cpu-at-exit.js');
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--import', cpuHook, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const wall = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  const cpu = Number(/cpu-seconds=([\d.]+)/.exec(r.stderr)?.[1]);
  return { wall, cpu, stdout: r.stdout };
}

function equivalence(): boolean {
  const REPS = 10;
  const scenario = yearScenario(365);
  const occ = Array.from({ length: REPS }, (_, i) => replicationKpis(runReplication(scenario, 'bench', i)));
  const yard: YardstickResult[] = Array.from({ length: REPS }, (_, i) => yardstick({ days: 365, seed: `yardstick-${i}` }));
  console.log(`agreement: ${REPS} replications of 365 days each, mean and 95 % CI`);
  let ok = true;
  for (const channel of ['999', '101'] as const)
    for (const kpi of ['serviceLevel', 'abandonRate', 'meanWaitSeconds'] as const) {
      const a = estimate(occ.map((k) => k[`${channel}.${kpi}`]!));
      const b = estimate(yard.map((y) => y.channels[channel][kpi]));
      // 95 % half-widths back to standard errors, then the difference in standard errors.
      const se = (e: typeof a) => (e.ci95![1] - e.ci95![0]) / 2 / 2.262;
      const z = (a.mean! - b.mean!) / Math.hypot(se(a), se(b));
      const agree = Math.abs(z) < 3.29;
      ok &&= agree;
      const show = (e: typeof a) => `${e.mean!.toFixed(4)} [${e.ci95![0].toFixed(4)}, ${e.ci95![1].toFixed(4)}]`;
      console.log(`  ${`${channel} ${kpi}`.padEnd(20)} occsim ${show(a)}  yardstick ${show(b)}  z ${z.toFixed(2).padStart(5)} ${agree ? 'ok' : 'DIFFERENT'}`);
    }
  return ok;
}

function inProcess(): void {
  const scenario = yearScenario(TEN_YEARS);
  const [occ, yard] = bestOf<[ReturnType<typeof runReplication>, YardstickResult]>([
    () => runReplication(scenario, 'bench', 0),
    () => yardstick({ days: TEN_YEARS }),
  ]);
  const calls = occ.result.channels['999'].offered + occ.result.channels['101'].offered;
  const rate = (n: number, t: { wall: number; cpu: number }) => `${fmt(n / t.wall)} calls/s wall, ${fmt(n / t.cpu)} calls/s CPU`;
  console.log(`in-process: ${TEN_YEARS} days, 1 replication (best of ${RUNS}, interleaved)`);
  console.log(`  occsim     ${fmt(calls)} calls: ${rate(calls, occ)} (${fmt(occ.result.events / occ.cpu)} events/s CPU)`);
  console.log(`  yardstick  ${fmt(yard.result.offered)} calls: ${rate(yard.result.offered, yard)}`);
  const ratio = (k: 'wall' | 'cpu') => (occ[k] / calls / (yard[k] / yard.result.offered)).toFixed(2);
  console.log(`  ratio      occsim takes ${ratio('wall')}× the yardstick's time per call wall, ${ratio('cpu')}× CPU (target ≤ 2×)`);
}

function wholeProcess(): void {
  const dir = mkdtempSync(join(tmpdir(), 'occsim-bench-'));
  const file = (days: number) => {
    const path = join(dir, `year-${days}d.json`);
    writeFileSync(path, JSON.stringify(yearScenarioJson(days)));
    return path;
  };
  const cli = (path: string) => ['bin/occsim.js', 'run', path, '--replications', '1', '--workers', '1', '--json'];
  const commands = [cli(file(TEN_YEARS)), ['bench/yardstick.js', String(TEN_YEARS)], cli(file(1))];
  const best = commands.map(() => ({ wall: Infinity, cpu: Infinity }));
  for (let r = 0; r < RUNS; r++)
    commands.forEach((args, j) => {
      const { wall, cpu } = timedProcess(args);
      best[j] = { wall: Math.min(best[j]!.wall, wall), cpu: Math.min(best[j]!.cpu, cpu) };
    });
  const [occ, yard, day] = best as [(typeof best)[0], (typeof best)[0], (typeof best)[0]];
  const show = (t: { wall: number; cpu: number }) => `${t.wall.toFixed(2)} s wall, ${t.cpu.toFixed(2)} s CPU`;
  console.log(`whole process: ${TEN_YEARS} days (best of ${RUNS}, interleaved; CPU = user + system, all threads)`);
  console.log(`  occsim     node ${cli(`year-${TEN_YEARS}d.json`).join(' ')}: ${show(occ)}`);
  console.log(`  yardstick  node bench/yardstick.js ${TEN_YEARS}: ${show(yard)}`);
  console.log(`  ratio      ${(occ.wall / yard.wall).toFixed(2)}× wall, ${(occ.cpu / yard.cpu).toFixed(2)}× CPU (target ≤ 2×)`);
  console.log(`  1 day      node ${cli('year-1d.json').join(' ')}: ${show(day)} (target < 0.3 s)`);
}

if (process.argv[2] === '--memory') {
  // Child process: one replication of the given length, then report memory.
  const days = Number(process.argv[3]);
  const r = runReplication(yearScenario(days), 'bench', 0);
  const m = process.memoryUsage();
  process.stdout.write(JSON.stringify({ days, offered: r.channels['999'].offered + r.channels['101'].offered, rssMB: m.rss / 2 ** 20, heapMB: m.heapUsed / 2 ** 20 }));
} else {
  const w = YEAR_WORKLOAD;
  console.log(`year workload: ${fmt(w.callsPerDay)} calls/day, ${w.share999 * 100} % 999, ${w.handlers} handlers, exponential ${w.handlingMinutes}-minute handling, patience ${w.patienceMinutes[0]} / ${w.patienceMinutes[1]} min\n`);
  const agree = equivalence();
  inProcess();
  wholeProcess();
  const self = fileURLToPath(import.meta.url);
  console.log('memory: one replication in its own process');
  for (const days of [1, TEN_YEARS]) {
    const out = spawnSync(process.execPath, ['--import', 'tsx', self, '--memory', String(days)], { encoding: 'utf8' }).stdout;
    const m = JSON.parse(out) as { offered: number; rssMB: number; heapMB: number };
    console.log(`  ${String(days).padStart(4)} days (${fmt(m.offered).padStart(9)} calls): rss ${m.rssMB.toFixed(0)} MB, heap ${m.heapMB.toFixed(1)} MB`);
  }
  if (!agree) {
    console.error('occsim and the yardstick disagree: the ratios above compare different models');
    process.exitCode = 1;
  }
}
