/**
 * `npm run bench:optimise [FILE] [--replications N]`: the rota optimiser on a scenario (default the
 * shipped baseline) in Node, on worker threads: wall and CPU time to propose, cost against the LP
 * lower bound, the verification of the proposal at the lower 95 % bound, and for contrast the
 * current rota and the per-interval Erlang C (SIPP) rota on the same verification replications.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import loadHighs from 'highs';
import { openPool } from '../src/cli/pool.ts';
import { buildReport } from '../src/model/report.ts';
import { optimiseRota } from '../src/optimise/optimise.ts';
import { formatProblem, parseScenario } from '../src/scenario/index.ts';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--')) ?? 'scenarios/baseline.json';
const replications = Number(args[args.indexOf('--replications') + 1] ?? 10) || 10;
const parsed = parseScenario(JSON.parse(readFileSync(file, 'utf8')));
if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
const scenario = parsed.scenario;
const seed = scenario.seed ?? 'occsim';
const workers = availableParallelism();
const pool = openPool(workers);
const highs = await loadHighs();

const cpu0 = process.cpuUsage();
const t0 = performance.now();
const p = await optimiseRota(
  scenario,
  { seed, replications, budgetSeconds: 600 },
  { highs, simulate: (s, sd, ix) => pool.run(s, sd, ix), now: () => performance.now(), onProgress: (stage, m) => process.stderr.write(`${stage}: ${m}\n`) },
);
const wall = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const current = buildReport(scenario, seed, await pool.run(scenario, seed, Array.from({ length: replications }, (_, i) => i)));
await pool.close();

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${(v * 100).toFixed(1)} %`);
const lower = (e: { mean: number | null; ci95: [number, number] | null }) => pct(e.ci95?.[0] ?? e.mean);
const money = (v: number) => `£${Math.round(v).toLocaleString('en-GB')}`;
const row = (name: string, cost: number, sl: Record<string, { mean: number | null; ci95: [number, number] | null }>) =>
  `| ${name} | ${money(cost)} | ${['999', '101', 'online'].map((c) => (sl[c] ? `${pct(sl[c]!.mean)} (≥ ${lower(sl[c]!)})` : '–')).join(' | ')} |`;
const bySl = (standards: { channel: string; achieved: { mean: number | null; ci95: [number, number] | null } }[]) => Object.fromEntries(standards.map((s) => [s.channel, s.achieved]));

console.log(`${scenario.name}`);
console.log(`Node ${process.version}, ${workers} worker threads: ${wall.toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU (all threads), stopped: ${p.stoppedBy}`);
console.log(`cost ${money(p.costPerWeek)} a week, LP lower bound ${money(p.lowerBoundPerWeek)}: ${(p.gapToLowerBound * 100).toFixed(2)} % above it`);
console.log(`verification: ${replications} replications, seed "${seed}"; optimisation: ${p.optimisation.replications} × ${p.optimisation.weeks} weeks, seed "${p.optimisation.seed}"`);
console.log(`every standard met at the lower 95 % bound: ${p.standards.every((s) => s.met) ? 'yes' : 'no'}`);
console.log('');
console.log('| rota | cost a week | 999 in target (lower 95 %) | 101 | online |');
console.log('| --- | --- | --- | --- | --- |');
console.log(row('current', current.cost.costPerWeek, Object.fromEntries(['999', '101', 'online'].map((c) => [c, current.channels[c as '999'].serviceLevel]))));
if (p.sipp) console.log(row('per-interval Erlang C (SIPP)', p.sipp.costPerWeek, bySl(p.sipp.standards)));
console.log(row('proposed', p.costPerWeek, bySl(p.standards)));
console.log('');
console.log('search:', p.iterations.map((i) => `${i.stage} ${i.round}${i.costPerWeek ? ` ${money(i.costPerWeek)}` : ''}`).join('; '));
