/**
 * `occsim demand`: turn a force's call history into demand.
 *   fit FILE [--json] [--detail] [--event YYYY-MM-DD=NAME ...] [--strict]
 *   forecast FILE --start YYYY-MM-DD --days N [--event ...] [--preset lockdown] [--json]
 *   synth [--days N] [--seed S] [--start YYYY-MM-DD] [--trend 0.05] [--out FILE]
 *   holidays YEAR [--json]
 * Import problems (rows read, skipped and why) go to stderr, the result to stdout.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { decimal, parseFlags, intFlag, wantsHelp } from './args.ts';
import { InputError } from './errors.ts';
import { HeaderError, parseHistory } from '../history/csv.ts';
import { fitDemand, judgeable, type ChannelFit, type DemandFit } from '../history/fit.ts';
import { counted } from '../shared/counted.ts';
import { bankHolidays } from '../history/holidays.ts';
import { SYNTH_SHAPE, synthHistory } from '../history/synth.ts';
import { forecastDemand, PRESETS, type PresetName } from '../history/forecast.ts';
import { REASON_TEXT, type HistoryImport, type ProblemReason } from '../history/types.ts';
import type { UserEvent } from '../history/special.ts';
import { WEEKDAYS } from '../shared/time.ts';
import { MAX_HORIZON_DAYS } from '../scenario/index.ts';
import { capAbove, roughly } from '../model/run-size.ts';
import { SIZE_FLAGS, SIZE_HELP, maxCallsFlag } from './run-size.ts';
import { regularFile } from './scenario-file.ts';

const HELP = `Usage:
  occsim demand fit FILE [--json] [--detail] [--event YYYY-MM-DD=NAME ...] [--strict]
      Fit base level, hour-of-week, month, trend and special-day factors to a CSV of call history
      (timestamp,channel[,callType] or interval start,channel,count). --detail adds actual vs fitted
      by week and by hour of week; --strict fails (exit 2) if any row was skipped.
  occsim demand forecast FILE --start YYYY-MM-DD --days N [--event ...] [--preset lockdown] [--json]
      Fit, then forecast a period as a scenario "demand" section with a prediction interval.
  occsim demand synth [--days 365] [--seed 1] [--start 2024-01-01] [--trend 0] [--scale 1] [--out FILE]
      Write a synthetic, seeded history (one row per call, ~1,780 calls a day × scale) to FILE or stdout.
  ${SIZE_HELP.trim()}
  occsim demand holidays YEAR [--json]
      England and Wales bank holidays of YEAR.`;

export default async function demand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== undefined && wantsHelp(rest)) return (process.stdout.write(HELP + '\n'), 0);
  switch (sub) {
    case 'fit':
      return fit(rest);
    case 'forecast':
      return forecast(rest);
    case 'synth':
      return synth(rest);
    case 'holidays':
      return holidays(rest);
    case undefined:
    case '--help':
    case '-h':
      process.stdout.write(HELP + '\n');
      return sub === undefined ? 2 : 0;
    default:
      throw new InputError(`unknown subcommand "${sub}": expected fit, forecast, synth or holidays`);
  }
}

const eventOption = { event: { type: 'string', multiple: true } } as const;

function parseEvents(values: string[] | undefined): UserEvent[] {
  return (values ?? []).map((v) => {
    const m = /^(\d{4}-\d{2}-\d{2})=(.+)$/.exec(v);
    if (!m) throw new InputError(`--event: expected YYYY-MM-DD=NAME, got "${v}"`);
    return { date: m[1]!, name: m[2]! };
  });
}

async function importFile(file: string | undefined): Promise<HistoryImport> {
  if (!file) throw new InputError('expected a CSV file of call history');
  await regularFile(file);
  const showProgress = process.stderr.isTTY;
  try {
    const history = await parseHistory(createReadStream(file), {
      progressEvery: 50_000,
      onProgress: showProgress ? (p) => process.stderr.write(`\rreading ${file}: ${p.rows.toLocaleString('en-GB')} rows`) : undefined,
    });
    if (showProgress) process.stderr.write('\n');
    reportRows(file, history);
    return history;
  } catch (error) {
    if (error instanceof HeaderError) throw new InputError(`${file}: ${error.message}`);
    throw error;
  }
}

function reportRows(file: string, h: HistoryImport): void {
  const { read, used, skipped, blank, byReason } = h.rows;
  const lines = [`${file}: ${counted(read, 'row')} read, ${used.toLocaleString('en-GB')} used, ${skipped.toLocaleString('en-GB')} skipped${blank ? ` (${blank} blank lines ignored)` : ''}`];
  for (const [reason, n] of Object.entries(byReason) as [ProblemReason, number][]) {
    lines.push(`  ${n.toLocaleString('en-GB')} skipped: ${REASON_TEXT[reason]}`);
  }
  for (const p of h.problems.slice(0, 10)) lines.push(`  ${p.message}`);
  if (skipped > 10) lines.push(`  … and ${(skipped - 10).toLocaleString('en-GB')} more (see --json for the first ${h.problems.length})`);
  for (const note of h.notes) lines.push(`  note: ${note}`);
  process.stderr.write(lines.join('\n') + '\n');
}

function checkStrict(strict: boolean | undefined, h: HistoryImport): void {
  if (strict && h.rows.skipped > 0) {
    throw new InputError(`${counted(h.rows.skipped, 'row')} skipped and --strict was given`, h.problems.slice(0, 20).map((p) => p.message));
  }
}

function fitOrFail(h: HistoryImport, events: UserEvent[]): DemandFit {
  try {
    return fitDemand(h, { events });
  } catch (error) {
    throw new InputError((error as Error).message);
  }
}

async function fit(args: string[]): Promise<number> {
  const { values, positionals } = parseFlags(args, {
    json: { type: 'boolean' },
    detail: { type: 'boolean' },
    strict: { type: 'boolean' },
    ...eventOption,
  });
  const history = await importFile(positionals[0]);
  checkStrict(values.strict, history);
  const result = fitOrFail(history, parseEvents(values.event));
  if (values.json) {
    const channels = Object.fromEntries(
      Object.entries(result.channels).map(([c, f]) => {
        const { weekly, byHourOfWeek, ...summary } = f;
        return [c, values.detail ? f : summary];
      }),
    );
    const { channels: _, ...span } = result;
    process.stdout.write(
      JSON.stringify({ ...span, channels, callTypes: history.callTypes, rows: history.rows, problems: history.problems.map((p) => p.message) }, null, 2) + '\n',
    );
    return 0;
  }
  process.stdout.write(formatFit(result, values.detail ?? false) + '\n');
  return 0;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

function formatFit(fit: DemandFit, detail: boolean): string {
  const out = [`History ${fit.firstDate} to ${fit.lastDate}: ${counted(fit.daysObserved, 'day')} with calls${fit.missingDays ? `, ${counted(fit.missingDays, 'day')} without any call treated as missing` : ''}.`];
  for (const [channel, f] of Object.entries(fit.channels) as [string, ChannelFit][]) {
    out.push('', `Channel ${channel}: ${f.callsPerDay.toFixed(1)} calls/day at ${f.referenceDate}` +
      (f.trendFitted ? `, trend ${(f.trendPerYear * 100).toFixed(1)} %/year` : ' (no trend fitted)'));
    out.push('  month    ' + MONTHS.map((m, i) => `${m} ${f.monthObserved[i] ? f.month[i]!.toFixed(2) : '  - '}`).join('  '));
    out.push('  day      ' + WEEKDAYS.map((d, i) => `${d} ${(f.hourOfWeek.slice(i * 24, i * 24 + 24).reduce((a, b) => a + b) / 24).toFixed(2)}`).join('  '));
    const hours = Array.from({ length: 24 }, (_, h) => WEEKDAYS.reduce((s, _, d) => s + f.hourOfWeek[d * 24 + h]!, 0) / 7);
    out.push('  hour     ' + hours.map((v, h) => `${String(h).padStart(2, '0')} ${v.toFixed(2)}`).join(' '));
    const specials = Object.entries(f.special).map(([k, s]) => `${k} ×${s.factor.toFixed(2)} (${s.days} d)`);
    if (specials.length) out.push('  special  ' + specials.join(', '));
    const e = f.error;
    if (!judgeable(f)) out.push(`  MAPE     not judged: too little history (${counted(f.daysObserved, 'day')}), the fitted shape repeats it`);
    else out.push(`  MAPE     hourly ${pct(e.hourly.mape)} (chance alone ≈ ${pct(e.hourly.noiseFloor)}), daily ${pct(e.daily.mape)} (≈ ${pct(e.daily.noiseFloor)}), weekly ${pct(e.weekly.mape)} (≈ ${pct(e.weekly.noiseFloor)})`);
    if (detail) {
      out.push('  week starting    actual   fitted');
      for (const w of f.weekly) out.push(`  ${w.weekStart}   ${String(w.actual).padStart(7)}  ${w.fitted.toFixed(0).padStart(7)}${w.days < 7 ? `  (${w.days} day${w.days === 1 ? '' : 's'})` : ''}`);
    }
  }
  for (const w of fit.warnings) out.push('', `Note: ${w}.`);
  return out.join('\n');
}

async function forecast(args: string[]): Promise<number> {
  const { values, positionals } = parseFlags(args, {
    json: { type: 'boolean' },
    start: { type: 'string' },
    days: { type: 'string' },
    preset: { type: 'string' },
    strict: { type: 'boolean' },
    ...eventOption,
  });
  if (!values.start) throw new InputError('--start YYYY-MM-DD is required');
  const days = intFlag('days', values.days, 7);
  // The forecast is a scenario's demand section, so its horizon must be one a scenario may have.
  if (days > MAX_HORIZON_DAYS) throw new InputError(`--days: expected at most ${MAX_HORIZON_DAYS.toLocaleString('en')} (a scenario's longest horizon), got ${days}`);
  const preset = values.preset;
  if (preset !== undefined && !(preset in PRESETS)) {
    throw new InputError(`--preset: expected one of ${Object.keys(PRESETS).join(', ')}, got "${preset}"`);
  }
  const history = await importFile(positionals[0]);
  checkStrict(values.strict, history);
  const events = parseEvents(values.event);
  const result = fitOrFail(history, events);
  let fc;
  try {
    fc = forecastDemand(result, { start: values.start, days, events, preset: preset as PresetName | undefined, callTypes: history.callTypes });
  } catch (error) {
    throw new InputError((error as Error).message);
  }
  if (values.json) {
    process.stdout.write(JSON.stringify(fc, null, 2) + '\n');
    return 0;
  }
  const out = [`Forecast ${fc.horizon.startDate}, ${counted(fc.horizon.days, 'day')}${preset ? ` (preset ${preset})` : ''}:`];
  for (const d of fc.daily) {
    out.push(`  ${d.date}  ${Object.entries(d.channels).map(([c, v]) => `${c} ${v.calls.toFixed(0)} [${v.low.toFixed(0)}–${v.high.toFixed(0)}]`).join('   ')}${d.special ? `  ${d.special}` : ''}`);
  }
  out.push('', 'Brackets: 95 % prediction interval for the day (Poisson noise and the fit\'s day-level error).');
  out.push('Use --json for the scenario "demand" section.');
  process.stdout.write(out.join('\n') + '\n');
  return 0;
}

async function synth(args: string[]): Promise<number> {
  const { values } = parseFlags(args, {
    days: { type: 'string' },
    seed: { type: 'string' },
    start: { type: 'string' },
    trend: { type: 'string' },
    scale: { type: 'string' },
    out: { type: 'string' },
    ...SIZE_FLAGS,
  });
  const trend = values.trend === undefined ? 0 : decimal(values.trend);
  if (!Number.isFinite(trend) || trend <= -1) throw new InputError(`--trend: expected a yearly growth such as 0.05, got "${values.trend}"`);
  const scale = values.scale === undefined ? 1 : decimal(values.scale);
  if (!Number.isFinite(scale) || scale <= 0) throw new InputError(`--scale: expected a multiplier of the ~1,780 calls a day such as 0.1, got "${values.scale}"`);
  const options = { days: intFlag('days', values.days, 365), seed: values.seed ?? '1', start: values.start ?? '2024-01-01', trendPerYear: trend, scale };
  // One row per call: the size of the file is known before the first row is written.
  const perDay = Object.values(SYNTH_SHAPE).reduce((sum, c) => sum + c.callsPerDay, 0) * scale;
  const rows = perDay * options.days * Math.max(1, Math.pow(1 + trend, options.days / 365));
  const maxCalls = maxCallsFlag(values['max-calls']);
  if (!(rows <= maxCalls))
    throw new InputError(`run size: about ${roughly(rows)} rows (one per call), past the cap of ${roughly(maxCalls)}; pass --max-calls ${capAbove(rows).toExponential()} to write them anyway`);
  let chunks: Generator<string>;
  try {
    chunks = synthHistory(options);
    chunks.next(); // validates the options before any output is written
  } catch (error) {
    throw new InputError((error as Error).message);
  }
  const sink = values.out ? await openOutput(values.out) : process.stdout;
  // A reader that stops early (occsim demand synth | head) closes the pipe: stop quietly.
  let closed = false;
  const write = async (s: string) => {
    try {
      if (!sink.write(s)) await once(sink, 'drain'); // rejects on an 'error' event
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EPIPE') closed = true;
      else throw new InputError(`cannot write ${values.out ? `"${values.out}"` : 'the output'}: ${(error as Error).message}`);
    }
  };
  await write('timestamp,channel,callType\n');
  for (const chunk of chunks) {
    if (closed) return 0;
    await write(chunk);
  }
  if (values.out) {
    (sink as ReturnType<typeof createWriteStream>).end();
    await once(sink, 'finish');
    process.stderr.write(`wrote ${counted(options.days, 'day')} of synthetic calls to ${values.out}\n`);
  }
  return 0;
}

/** A file to write, opened before any work so a missing folder or a directory is reported at once. */
async function openOutput(path: string) {
  const stream = createWriteStream(path);
  try {
    await once(stream, 'open');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`--out: cannot write "${path}": ${code === 'ENOENT' ? 'its folder does not exist' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message}`);
  }
  return stream;
}

async function holidays(args: string[]): Promise<number> {
  const { values, positionals } = parseFlags(args, { json: { type: 'boolean' } });
  const year = decimal(positionals[0] ?? '');
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    throw new InputError(`expected a year from 1583 (the Gregorian calendar) to 9999, e.g. occsim demand holidays 2025; got "${positionals[0] ?? ''}"`);
  }
  const list = bankHolidays(year);
  if (values.json) process.stdout.write(JSON.stringify(list, null, 2) + '\n');
  else process.stdout.write(list.map((h) => `${h.date}  ${new Date(h.date).toLocaleDateString('en-GB', { weekday: 'short', timeZone: 'UTC' })}  ${h.name}`).join('\n') + '\n');
  return 0;
}
