/** Human-readable tables of a report and of a comparison, for the terminal. */
import type { Report } from '../model/report.ts';
import type { Estimate } from '../stats/estimate.ts';
import type { Comparison } from '../stats/compare.ts';

const CHANNELS = ['999', '101', 'online'] as const;

const num = (x: number | null | undefined, digits = 1) => (x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(digits));
const pct = (x: number | null | undefined, digits = 1) => (x === null || x === undefined || !Number.isFinite(x) ? '–' : `${(x * 100).toFixed(digits)} %`);

/** "81.2 % (79.8–82.6)" or "14.3 s (12.9–15.8)". */
export function showEstimate(e: Estimate, kind: 'pct' | 'num', unit = '', digits = 1): string {
  const f = kind === 'pct' ? (x: number | null) => pct(x, digits) : (x: number | null) => num(x, digits) + unit;
  if (e.mean === null) return '–';
  return e.ci95 ? `${f(e.mean)} (${f(e.ci95[0]).replace(' %', '')}–${f(e.ci95[1])})` : f(e.mean);
}

const scaled = (e: Estimate, k: number): Estimate => ({
  mean: e.mean === null ? null : e.mean * k,
  ci95: e.ci95 ? [e.ci95[0] * k, e.ci95[1] * k] : null,
});

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n');
}

export function formatReport(r: Report): string {
  const active = CHANNELS.filter((c) => (r.channels[c].offered.mean ?? 0) > 0);
  const header = ['', ...active];
  const row = (label: string, f: (c: (typeof CHANNELS)[number]) => string) => [label, ...active.map(f)];
  const ch = r.channels;
  // Online reports wait hours, against a target in hours: shown in hours, as the phones in seconds.
  const wait = (c: (typeof CHANNELS)[number], e: Estimate, digits = 1) =>
    c === 'online' ? showEstimate(scaled(e, 1 / 3600), 'num', ' h', digits) : showEstimate(e, 'num', ' s', digits);
  const lines = [
    `${r.scenario} — ${r.replications} replication${r.replications === 1 ? '' : 's'} × ${r.measuredDays} days, seed "${r.seed}" (mean and 95 % CI)`,
    '',
    table([
      header,
      row('offered per day', (c) => showEstimate(ch[c].offeredPerDay, 'num', '', 0)),
      row('service level', (c) => showEstimate(ch[c].serviceLevel, 'pct')),
      row('  target', (c) => `${r.standards[c].share * 100} % in ${r.standards[c].within} ${r.standards[c].unit === 'seconds' ? 's' : 'h'}`),
      row('  verdict', (c) => r.standards[c].verdict),
      row('abandon rate', (c) => showEstimate(ch[c].abandonRate, 'pct')),
      row('share waiting', (c) => showEstimate(ch[c].probWait, 'pct')),
      row('avg speed of answer', (c) => wait(c, ch[c].meanAnswerSeconds)),
      row('mean wait (all)', (c) => wait(c, ch[c].meanWaitSeconds)),
      row('wait p90', (c) => wait(c, ch[c].waitP90Seconds, 0)),
      row('redials offered', (c) => showEstimate(ch[c].redials, 'num', '', 0)),
      row('gave up (last attempt)', (c) => showEstimate(ch[c].gaveUp, 'num', '', 0)),
      row('diverted online', (c) => showEstimate(ch[c].diverted, 'num', '', 0)),
    ]),
    '',
    table([
      ['staff group', 'utilisation', 'on floor h/day', 'paid h/week', 'cost/week'],
      ...Object.entries(r.staff).map(([, s]) => [
        s.name,
        // A group whose channels have no contacts is idle by construction, not "0 %" well run.
        s.skills.some((c) => active.includes(c as (typeof CHANNELS)[number])) ? showEstimate(s.utilisation, 'pct') : 'no work',
        showEstimate(s.floorHoursPerDay, 'num', '', 0),
        num(s.paidHoursPerWeek, 0),
        num(s.costPerWeek, 0),
      ]),
    ]),
  ];
  if ((ch.online.offered.mean ?? 0) > 0)
    lines.push('', `online backlog: mean ${showEstimate(r.online.backlogMean, 'num')} reports, peak ${showEstimate(r.online.backlogMax, 'num', '', 0)}; mean age at completion ${showEstimate(r.online.ageMeanHours, 'num', ' h')}`);
  const urgent = r.online.grade1;
  if ((urgent.offered.mean ?? 0) > 0)
    lines.push(
      `online graded 1 (taken first): ${showEstimate(urgent.offered, 'num', '', 0)} reports, wait mean ${showEstimate(urgent.meanWaitMinutes, 'num', ' min')}, p90 ${showEstimate(urgent.waitP90Minutes, 'num', ' min')}; within 1 h ${showEstimate(urgent.withinHour, 'pct')}`,
    );
  const step = r.triage101;
  const routed = (step.toOnlinePerDay.mean ?? 0) + (step.toOtherTeamPerDay.mean ?? 0) + (step.toCallbackPerDay.mean ?? 0);
  if (routed > 0) {
    lines.push(
      '',
      `101 triage step, fresh calls a day: online ${showEstimate(step.toOnlinePerDay, 'num')}, other team ${showEstimate(step.toOtherTeamPerDay, 'num')}, call-back ${showEstimate(step.toCallbackPerDay, 'num')}`,
      `call-backs: wait mean ${showEstimate(step.callbacks.meanWaitMinutes, 'num', ' min')}, p90 ${showEstimate(step.callbacks.waitP90Minutes, 'num', ' min')}; within target ${showEstimate(step.callbacks.serviceLevel, 'pct')}`,
    );
  }
  if (r.grades) {
    lines.push('', 'deployments per hour: ' + (['1', '2', '3'] as const).map((g) => `grade ${g} ${showEstimate(r.deploymentsPerHour[g], 'num', '', 2)}`).join(', '));
  }
  const weak = [...r.whereItFails['999'], ...r.whereItFails['101']];
  if (weak.length) lines.push('', 'where it fails (worst hours of the week):', ...weak.map((w) => `  ${w.sentence}`));
  return lines.join('\n');
}

const HEADLINES: [string, string, 'pct' | 'num', string][] = [
  ['999.serviceLevel', '999 answered within target', 'pct', ''],
  ['999.abandonRate', '999 abandon rate', 'pct', ''],
  ['999.meanAnswerSeconds', '999 avg speed of answer', 'num', ' s'],
  ['101.serviceLevel', '101 answered within target', 'pct', ''],
  ['101.abandonRate', '101 abandon rate', 'pct', ''],
  ['101.meanAnswerSeconds', '101 avg speed of answer', 'num', ' s'],
  ['online.serviceLevel', 'online within target', 'pct', ''],
  ['online.backlogMean', 'online backlog (mean)', 'num', ''],
];

export function formatComparison(a: Report, b: Report, c: Comparison): string {
  const rows = [['', `A: ${a.scenario}`, `B: ${b.scenario}`, 'B − A (paired 95 % CI)']];
  const pick = (r: Report, key: string): Estimate | undefined => {
    const [ch, kpi] = key.split('.') as [string, string];
    if (ch === 'online' && kpi === 'backlogMean') return r.online.backlogMean;
    return (r.channels as unknown as Record<string, Record<string, Estimate>>)[ch]?.[kpi];
  };
  for (const [key, label, kind, unit] of HEADLINES) {
    const d = c.differences[key];
    const ea = pick(a, key);
    const eb = pick(b, key);
    if (!d || d.mean === null || !ea || !eb) continue;
    const diff = kind === 'pct' ? showEstimate(scaled(d, 100), 'num', ' pts', 2) : showEstimate(d, 'num', unit, 2);
    rows.push([label, showEstimate(ea, kind, unit), showEstimate(eb, kind, unit), diff]);
  }
  rows.push(['cost per week', num(a.cost.costPerWeek, 0), num(b.cost.costPerWeek, 0), num(b.cost.costPerWeek - a.cost.costPerWeek, 0)]);
  return `${c.replications} paired replications on common random numbers\n\n${table(rows)}`;
}
