/**
 * `occsim optimise FILE`: propose the cheapest rota that meets the scenario's standards, proven by
 * simulation (src/optimise/optimise.ts), with the simulations on worker threads and HiGHS in this
 * process. Prints a summary or, with --json, the whole proposal; --out writes the scenario with
 * the proposed rota, ready for `occsim run`.
 */
import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import loadHighs from 'highs';
import { intFlag, parseFlags } from './args.ts';
import { InputError } from './errors.ts';
import { openPool } from './pool.ts';
import { prepare } from './run.ts';
import { replicationsFlag } from './run-size.ts';
import { aboveLowerBound } from '../optimise/above-bound.ts';
import { proposedScenarioJson } from '../optimise/proposed-scenario.ts';
import { stepStandards } from '../optimise/search-step.ts';
import { OptimiseInputError, optimiseRota, type Proposal, type StandardResult } from '../optimise/optimise.ts';

const HELP = `Usage: occsim optimise FILE [--replications N] [--seed S] [--budget-seconds T] [--out PROPOSED.json] [--json]

  Proposes the cheapest rota that meets the scenario's standards (targets, and optionally a floor
  for every hour in its "optimise" section), and proves it by simulation: per-hour staffing by the
  iterative staffing algorithm, shifts and breaks by a covering integer programme (HiGHS), cuts
  where the simulated rota misses, then a verification run on seeds optimisation never used.

  --replications N   replications of the verification run (default 10)
  --seed S           verification seed (default: the scenario's seed, else "occsim"); optimisation uses "S/optimise"
  --budget-seconds T stop refining after T seconds (default 120) and verify the best rota so far
  --workers N        worker threads (default: cores)
  --no-sipp          skip the per-interval Erlang C (SIPP) rota shown for contrast
  --out FILE         write the scenario with the proposed rota (your file, shifts replaced)
  --json             print the proposal as one JSON object`;

export default async function optimise(args: string[]): Promise<number> {
  const { values, positionals } = parseFlags(args, {
    replications: { type: 'string', short: 'r' },
    seed: { type: 'string' },
    'budget-seconds': { type: 'string' },
    workers: { type: 'string', short: 'w' },
    'no-sipp': { type: 'boolean' },
    out: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  const file = positionals[0];
  if (!file) throw new InputError('expected a scenario file', [HELP]);
  const replications = replicationsFlag(values.replications, 10, 2);
  const budgetSeconds = intFlag('budget-seconds', values['budget-seconds'], 120);
  const workers = intFlag('workers', values.workers, availableParallelism());
  const { scenario, json, seed } = await prepare(file, values.seed);
  const highs = await loadHighs();
  const started = performance.now();
  const tty = process.stderr.isTTY;
  const pool = openPool(workers);
  const timings: Record<string, number> = {};
  let proposal: Proposal;
  try {
    proposal = await optimiseRota(
      scenario,
      { seed, replications, budgetSeconds, sipp: !values['no-sipp'] },
      {
        highs,
        simulate: (s, sd, indices) => pool.run(s, sd, indices),
        now: () => performance.now(),
        timings,
        onProgress: tty ? (stage, message) => process.stderr.write(`\r\x1b[K${scenario.name}: ${stage}: ${message}`) : undefined,
      },
    );
  } catch (error) {
    if (error instanceof OptimiseInputError) throw new InputError(`${file}: cannot propose a rota`, error.problems.map((p) => `${p.path}: ${p.message}`));
    throw error;
  } finally {
    await pool.close();
    if (tty) process.stderr.write('\r\x1b[K');
  }
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  if (values.out) {
    const out = proposedScenarioJson(json as Record<string, unknown>, proposal, `${scenario.name} (proposed rota)`);
    try {
      await writeFile(values.out, JSON.stringify(out, null, 2) + '\n');
    } catch (error) {
      throw new InputError(`--out: cannot write "${values.out}": ${(error as Error).message}`);
    }
  }
  if (values.json) process.stdout.write(JSON.stringify({ ...proposal, timing: { seconds, workers, spent: rounded(timings) } }) + '\n');
  else process.stdout.write(formatProposal(proposal, seconds, rounded(timings), values.out) + '\n');
  return proposal.standards.every((s) => s.met) ? 0 : 1;
}

/** Seconds to a tenth, for the time spent in each stage. */
const rounded = (spent: Record<string, number>) => Object.fromEntries(Object.entries(spent).map(([what, s]) => [what, Math.round(s * 10) / 10]));
const pct = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${(v * 100).toFixed(1)} %`);
const money = (v: number) => `£${Math.round(v).toLocaleString('en-GB')}`;

function standardLine(s: StandardResult): string {
  const within = s.channel === 'online' ? `${s.withinSeconds / 3600} h` : `${s.withinSeconds} s`;
  const ci = s.achieved.ci95 ? ` (95 % CI ${pct(s.achieved.ci95[0])}–${pct(s.achieved.ci95[1])})` : '';
  return `${s.channel.padEnd(6)} ${pct(s.share)} within ${within}: ${pct(s.achieved.mean)}${ci}  ${s.met ? 'met' : 'NOT met'}`;
}

/** Hours below a target the summary names before it says how many more: a bad rota can miss most of the week. */
const HOURS_LISTED = 24;

export function formatProposal(p: Proposal, seconds: number, spent: Record<string, number>, out: string | undefined): string {
  const lines = [
    `${p.scenario}: proposed rota`,
    '',
    `cost per week       ${money(p.costPerWeek)} (current ${money(p.current.costPerWeek)})`,
    // Both readings of the gap, each named: "above the bound" is of the bound; the JSON's gapToLowerBound is of the cost.
    `LP lower bound      ${money(p.lowerBoundPerWeek)}; the cost is ${pct(aboveLowerBound(p))} above it (gapToLowerBound ${pct(p.gapToLowerBound)}, of the cost)`,
    `paid hours per week ${Math.round(p.paidHoursPerWeek)} (current ${Math.round(p.current.paidHoursPerWeek)})`,
    '',
    `standards, verified on ${p.verification.replications} replications of ${p.verification.days - p.verification.warmupDays} measured days, seed "${p.verification.seed}" (optimisation used "${p.optimisation.seed}", its confirmations "${p.optimisation.confirmationSeed}"):`,
    ...p.standards.map((s) => '  ' + standardLine(s)),
  ];
  for (const i of p.infeasible) lines.push('', `cannot meet ${i.channel}: ${i.why}; best achievable ${pct(i.bestAchievable.mean)}`);
  const weak = p.compliance.filter((h) => p.standards.some((s) => s.channel !== 'online' && (h[s.channel].mean ?? 1) < s.share));
  const listed = weak.slice(0, HOURS_LISTED).map((h) => h.label).join(', ');
  const more = weak.length > HOURS_LISTED ? ` and ${weak.length - HOURS_LISTED} more (--json has them all, in "compliance")` : '';
  lines.push('', `hours of the week below a target on average: ${weak.length ? `${weak.length} of 168: ${listed}${more}` : 'none'}`);
  lines.push('', 'what changed:', ...(p.changes.length ? p.changes.slice(0, 40).map((c) => '  ' + c) : ['  nothing']));
  if (p.changes.length > 40) lines.push(`  … and ${p.changes.length - 40} more (--json has them all)`);
  if (p.sipp) {
    lines.push('', `per-interval Erlang C (SIPP) for contrast: ${money(p.sipp.costPerWeek)} a week`, ...p.sipp.standards.map((s) => '  ' + standardLine(s)));
  }
  lines.push('', 'search:', ...p.iterations.map((i) => `  ${i.stage} ${i.round}: ${Math.round(i.requiredFloorHours)} floor staff-hours required${i.changedHours !== undefined ? `, ${i.changedHours} hours moved` : ''}${i.costPerWeek !== undefined ? `, ${money(i.costPerWeek)} a week (bound ${money(i.lowerBoundPerWeek!)})` : ''}${i.standards ? `; ${stepStandards(i)}` : ''}`));
  lines.push(`stopped: ${p.stoppedBy}; ${seconds} s (${Object.entries(spent).map(([what, s]) => `${what} ${s} s`).join(', ')})`);
  if (out) lines.push(`proposed scenario written to ${out}`);
  return lines.join('\n');
}
