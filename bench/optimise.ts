/**
 * `npm run bench:optimise [FILE] [--replications N] [--runs R] [--no-browser] [--seeds a,b,…] [--budget-seconds T]`: the rota optimiser
 * on a scenario (default the shipped baseline), timed as a user meets it — the compiled command
 * line (`occsim optimise --json`, worker threads) and the production build's "Propose a rota" tab in
 * Chromium (HiGHS and the simulations in web workers) — best of R runs each, with the load average
 * at the time. Prints cost against the LP lower bound, the verification at the lower 95 % bound,
 * the current and SIPP rotas for contrast, and whether the browser's proposal equals the command
 * line's. With `--seeds`, the same search on each of those seeds too (the command line, one after
 * another), a row each: cost against its bound and whether its verification met every standard, so
 * a figure that holds on one seed is not taken for one that holds on every seed. `--budget-seconds`
 * passes a time budget to the command line (a loaded machine can spend the default 120 s before
 * the search is done, and then the answer depends on the load). Needs `npm run build` first for
 * the browser half.
 */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, serveDist, watchedPage } from '../test/browser/harness.ts';
import { buildReport } from '../src/model/report.ts';
import { runReplication } from '../src/model/run.ts';
import { formatProblem, parseScenario } from '../src/scenario/index.ts';
import type { Proposal } from '../src/optimise/optimise.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const file = resolve(root, args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? 'scenarios/baseline.json');
const replications = flag('--replications', 10);
const runs = flag('--runs', 1);
const budgetArgs = args.includes('--budget-seconds') ? ['--budget-seconds', args[args.indexOf('--budget-seconds') + 1]!] : [];
const otherSeeds = args.includes('--seeds') ? args[args.indexOf('--seeds') + 1]!.split(',').filter(Boolean) : [];
const parsed = parseScenario(JSON.parse(await readFile(file, 'utf8')));
if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
const scenario = parsed.scenario;
const seed = scenario.seed ?? 'occsim';
const load = () => loadavg()[0]!.toFixed(1);

/** The compiled command line, with its CPU time (all threads) reported at exit; on another seed than the scenario's if given. */
function nodeRun(otherSeed?: string): { wall: number; cpu: number; load: string; proposal: Proposal; spent: Record<string, number> } {
  const before = load();
  const t = performance.now();
  const seedArgs = otherSeed === undefined ? [] : ['--seed', otherSeed];
  const r = spawnSync(process.execPath, ['--import', join(root, 'bench/cpu-at-exit.js'), join(root, 'bin/occsim.js'), 'optimise', file, '--json', '--replications', String(replications), ...seedArgs, ...budgetArgs], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 2 ** 20,
  });
  const wall = (performance.now() - t) / 1000;
  if (r.status !== 0 && r.status !== 1) throw new Error(`occsim optimise failed (${r.status}): ${r.stderr}`);
  const { timing, ...proposal } = JSON.parse(r.stdout) as Proposal & { timing: { spent: Record<string, number> } };
  return { wall, cpu: Number(/cpu-seconds=([\d.]+)/.exec(r.stderr)?.[1]), load: `${before} → ${load()}`, proposal, spent: timing.spent };
}

/** The built app in Chromium: import the file, propose, time it to "Done", download the proposal. */
async function browserRun(): Promise<{ wall: number; load: string; proposal: Proposal }> {
  const server = await serveDist();
  const browser = await launch();
  try {
    const { page, errors } = await watchedPage(browser);
    await page.goto(server.url);
    await page.getByRole('tab', { name: 'Scenarios', exact: true }).click();
    await page.locator('#import-file').setInputFiles(file);
    await page.getByText(/Imported “/).waitFor();
    await page.getByRole('tab', { name: 'Propose a rota', exact: true }).click();
    await page.getByLabel('Verification replications').fill(String(replications));
    const before = load();
    const t = performance.now();
    await page.getByRole('button', { name: 'Propose a rota' }).click();
    await page.getByTestId('propose-status').filter({ hasText: /^Done in/ }).waitFor({ timeout: 900_000 });
    const wall = (performance.now() - t) / 1000;
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the proposal (JSON)' }).click();
    const proposal = JSON.parse(await readFile(await (await download).path(), 'utf8')) as Proposal;
    if (errors.length) throw new Error(errors.join('\n'));
    return { wall, load: `${before} → ${load()}`, proposal };
  } finally {
    await browser.close();
    await server.close();
  }
}

const best = <T extends { wall: number }>(xs: T[]) => xs.reduce((a, b) => (b.wall < a.wall ? b : a));
const node = best(Array.from({ length: runs }, () => nodeRun()));
const chromiumRuns: Awaited<ReturnType<typeof browserRun>>[] = [];
if (!args.includes('--no-browser')) for (let i = 0; i < runs; i++) chromiumRuns.push(await browserRun());
const chromium = chromiumRuns.length ? best(chromiumRuns) : null;
const p = node.proposal;
const current = buildReport(scenario, seed, Array.from({ length: replications }, (_, i) => runReplication(scenario, seed, i)));

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${(v * 100).toFixed(1)} %`);
const lower = (e: { mean: number | null; ci95: [number, number] | null }) => pct(e.ci95?.[0] ?? e.mean);
const money = (v: number) => `£${Math.round(v).toLocaleString('en-GB')}`;
type Est = { mean: number | null; ci95: [number, number] | null };
const row = (name: string, cost: number, sl: Record<string, Est>) => `| ${name} | ${money(cost)} | ${['999', '101', 'online'].map((c) => (sl[c] ? `${pct(sl[c]!.mean)} (≥ ${lower(sl[c]!)})` : '–')).join(' | ')} |`;
const bySl = (standards: { channel: string; achieved: Est }[]) => Object.fromEntries(standards.map((s) => [s.channel, s.achieved]));

console.log(`${scenario.name}: ${availableParallelism()} cores, best of ${runs}`);
console.log(`Node ${process.version} (occsim optimise, worker threads): ${node.wall.toFixed(1)} s wall, ${node.cpu.toFixed(1)} s CPU (all threads), load average ${node.load}`);
console.log(`  where the time went: ${Object.entries(node.spent).map(([what, s]) => `${what} ${s} s`).join(', ')}`);
if (chromium) {
  console.log(`Chromium (Propose a rota, web workers): ${chromium.wall.toFixed(1)} s wall, load average ${chromium.load}`);
  // The app names an imported copy of a ready scenario "… (2)"; the name is the only field allowed to differ.
  const same = JSON.stringify({ ...chromium.proposal, scenario: p.scenario }) === JSON.stringify(p);
  const differ = Object.keys(p).filter((k) => k !== 'scenario' && JSON.stringify(chromium.proposal[k as keyof Proposal]) !== JSON.stringify(p[k as keyof Proposal]));
  console.log(`browser proposal equals the command line's (apart from the scenario's name): ${same ? 'yes' : `NO (${differ.join(', ')})`}`);
}
console.log(`stopped: ${p.stoppedBy}; cost ${money(p.costPerWeek)} a week, LP lower bound ${money(p.lowerBoundPerWeek)}: ${((p.costPerWeek / p.lowerBoundPerWeek - 1) * 100).toFixed(2)} % above it (gapToLowerBound ${(p.gapToLowerBound * 100).toFixed(2)} %, of the cost)`);
console.log(`verification: ${replications} replications, seed "${seed}"; optimisation: ${p.optimisation.replications} × ${p.optimisation.weeks} weeks, seed "${p.optimisation.seed}"`);
console.log(`every standard met at the lower 95 % bound: ${p.standards.every((s) => s.met) ? 'yes' : 'no'}`);
console.log('');
console.log('| rota | cost a week | 999 in target (lower 95 %) | 101 | online |');
console.log('| --- | --- | --- | --- | --- |');
console.log(row('current', current.cost.costPerWeek, Object.fromEntries(['999', '101', 'online'].map((c) => [c, current.channels[c as '999'].serviceLevel]))));
if (p.sipp) console.log(row('per-interval Erlang C (SIPP)', p.sipp.costPerWeek, bySl(p.sipp.standards)));
console.log(row('proposed', p.costPerWeek, bySl(p.standards)));
console.log('');
console.log('search:', p.iterations.map((i) => `${i.stage} ${i.round}${i.costPerWeek ? ` ${money(i.costPerWeek)}` : ''}${i.confirmation ? (i.confirmation.met ? ' (confirmed)' : ' (not confirmed)') : ''}`).join('; '));

if (otherSeeds.length) {
  const above = (q: Proposal) => `${((q.costPerWeek / q.lowerBoundPerWeek - 1) * 100).toFixed(2)} %`;
  const verified = (q: Proposal) => (q.standards.every((s) => s.met) ? 'every standard met' : q.standards.filter((s) => !s.met).map((s) => `${s.channel} missed: ${pct(s.achieved.mean)} (≥ ${lower(s.achieved)})`).join(', '));
  const line = (seedName: string, r: ReturnType<typeof nodeRun>) =>
    `| \`${seedName}\` | ${money(r.proposal.costPerWeek)} | ${money(r.proposal.lowerBoundPerWeek)} | ${above(r.proposal)} | ${verified(r.proposal)} | ${r.proposal.stoppedBy} | ${r.wall.toFixed(1)} s, ${r.cpu.toFixed(1)} s CPU (load ${r.load}) |`;
  console.log('');
  console.log('| seed | proposal | LP bound | above it | verification on fresh seeds | stopped | Node time |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  console.log(line(seed, node));
  for (const other of otherSeeds) console.log(line(other, nodeRun(other)));
}
