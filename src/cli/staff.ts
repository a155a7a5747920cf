/**
 * `occsim staff FILE [--interval 30] [--days 7] [--json]`: the handlers each interval of a scenario
 * needs to meet its 999 and 101 answer targets, by Erlang C and Erlang A, on the floor and rostered
 * (after shrinkage), beside the staff the rota puts on the floor. A first look before simulating:
 * the simulation (occsim run) is the judge.
 */
import { decimal, intFlag, parseFlags } from './args.ts';
import { InputError } from './errors.ts';
import { loadScenarioFile } from './scenario-file.ts';
import { INTERVALS, staffingRequirement } from '../plan/requirement.ts';
import { formulasVersusSimulation, type HourComparison } from '../plan/versus-simulation.ts';
import { SIZE_FLAGS, SIZE_HELP, checkRunSize, maxCallsFlag, replicationsFlag, workerCount } from './run-size.ts';

const HELP = `Usage: occsim staff FILE [--interval 15|30|60] [--days 7] [--json]
       occsim staff FILE --simulate [--replications 5] [--json]

  Handlers needed per interval of the scenario's first week to meet each phone channel's target,
  by Erlang C (no abandonment) and Erlang A (the scenario's patience), on the floor and rostered
  (after shrinkage), against the rota's staff on the floor. Short intervals are marked "short by" the whole handlers
  the floor lacks (the JSON has them per channel, by Erlang C and A).
  --simulate runs the scenario too and sets the formulas beside the simulated service level for
  each hour of the week: where they disagree, the simulation is the judge.
${SIZE_HELP}`;

export default async function staff(args: string[]): Promise<number> {
  const { values, positionals } = parseFlags(args, {
    interval: { type: 'string' },
    days: { type: 'string' },
    json: { type: 'boolean' },
    simulate: { type: 'boolean' },
    replications: { type: 'string' },
    seed: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
    ...SIZE_FLAGS,
  });
  if (values.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  const file = positionals[0];
  if (!file) throw new InputError('expected a scenario file', [HELP]);
  const interval = values.interval === undefined ? 30 : decimal(values.interval);
  if (!(INTERVALS as readonly number[]).includes(interval)) throw new InputError(`--interval: expected 15, 30 or 60 minutes, got "${values.interval}"`);
  const days = intFlag('days', values.days, 7);
  if (days > 366) throw new InputError(`--days: expected at most 366 days of intervals, got ${days}`);
  if (values.simulate) return simulate(file, replicationsFlag(values.replications, 5), maxCallsFlag(values['max-calls']), values.seed, values.json ?? false);
  const { scenario } = await loadScenarioFile(file);
  const req = staffingRequirement(scenario, { intervalMinutes: interval, days });

  if (values.json) {
    process.stdout.write(JSON.stringify(req, null, 2) + '\n');
    return 0;
  }
  const out: string[] = [`${scenario.name}: handlers needed per ${interval}-minute interval (shrinkage ${(req.shrinkage * 100).toFixed(0)} %)`];
  for (const [c, info] of Object.entries(req.channels)) {
    out.push(`  ${c}: target ${(info.target.share * 100).toFixed(0)} % within ${info.target.seconds} s; handling ${(info.ahtSeconds / 60).toFixed(1)} min; patience ${info.patienceSeconds === null ? 'none' : `${(info.patienceSeconds / 60).toFixed(1)} min`}`);
  }
  const byStart = new Map<string, Record<string, (typeof req.intervals)[number]>>();
  for (const i of req.intervals) (byStart.get(i.start) ?? byStart.set(i.start, {}).get(i.start)!)[i.channel] = i;
  out.push('', 'start              999/h  C   A  (rost. C   A)   101/h  C   A  (rost. C   A)   floor  need');
  const cell = (i: (typeof req.intervals)[number] | undefined) =>
    i ? `${i.offeredPerHour.toFixed(0).padStart(5)} ${String(i.erlangC).padStart(3)} ${String(i.erlangA).padStart(3)}  (${String(i.erlangCRostered).padStart(7)} ${String(i.erlangARostered).padStart(3)})` : ' '.repeat(29);
  let short = 0;
  for (const f of req.floor) {
    const row = byStart.get(f.start) ?? {};
    if (f.short) short++;
    out.push(`${f.start.replace('T', ' ')}  ${cell(row['999'])}  ${cell(row['101'])}  ${f.onFloor.toFixed(1).padStart(5)}  ${String(f.needed).padStart(4)}${f.short ? `  short by ${f.shortByA}` : ''}`);
  }
  const most = Math.max(0, ...req.floor.map((f) => f.shortByA));
  out.push(
    '',
    `${short} of ${req.floor.length} intervals have fewer handlers on the floor than Erlang A needs${most ? `, by up to ${most} handler${most === 1 ? '' : 's'}` : ''}.`,
    ...req.notes.map((n) => `Note: ${n}`),
  );
  process.stdout.write(out.join('\n') + '\n');
  return 0;
}

async function simulate(file: string, replications: number, maxCalls: number, seedFlag: string | undefined, json: boolean): Promise<number> {
  // Loaded only here: the plain requirement needs none of the simulation.
  const { prepare, progressReporter } = await import('./run.ts');
  const { runReplications } = await import('./pool.ts');
  const { buildReport } = await import('../model/report.ts');
  const { simCalendar } = await import('../model/calendar-time.ts');
  const { scenario, seed } = await prepare(file, seedFlag);
  checkRunSize([scenario], replications, maxCalls);
  const req = staffingRequirement(scenario, { intervalMinutes: 60, days: 7 });
  const indices = Array.from({ length: replications }, (_, i) => i);
  const workers = workerCount(undefined, replications);
  const results = await runReplications(scenario, seed, indices, { workers, onProgress: progressReporter(scenario.name) });
  const report = buildReport(scenario, seed, results);
  const hours = formulasVersusSimulation(req, simCalendar(scenario.horizon.startDate).startWeekday, report);
  if (json) {
    process.stdout.write(JSON.stringify({ replications, seed, hours, notes: req.notes }, null, 2) + '\n');
    return 0;
  }
  const pct = (e: HourComparison['serviceLevel999']) => (e.mean === null ? '   – ' : `${(e.mean * 100).toFixed(0).padStart(3)} %`);
  const out = [
    `${scenario.name}: Erlang A against the simulation (${replications} replications), by hour of week`,
    `targets: 999 ${(scenario.targets['999'].share * 100).toFixed(0)} % in ${scenario.targets['999'].seconds} s, 101 ${(scenario.targets['101'].share * 100).toFixed(0)} % in ${scenario.targets['101'].seconds} s`,
    '',
    '            Erlang A   phone staff   all staff    simulated',
    'hour        need   on floor      on floor(sim)  999 SL  101 SL  formula  simulation',
  ];
  for (const h of hours) {
    out.push(
      `${h.label}   ${String(h.neededErlangA).padStart(4)}  ${h.onFloorRota.toFixed(1).padStart(9)}  ${(h.onFloorSimulated ?? 0).toFixed(1).padStart(14)}  ${pct(h.serviceLevel999)}  ${pct(h.serviceLevel101)}  ${h.formulaShort ? 'short  ' : 'covered'}  ${h.simulated.padEnd(9)}${h.disagree ? '  ← differ' : ''}`,
    );
  }
  const differ = hours.filter((h) => h.disagree).length;
  out.push('', `${differ} of ${hours.length} hours where the formulas and the simulation disagree; the simulation is the judge.`, ...req.notes.map((n) => `Note: ${n}`));
  process.stdout.write(out.join('\n') + '\n');
  return 0;
}
