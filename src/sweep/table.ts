/**
 * The sweep table: one row per point with every KPI as a mean and 95 % CI, the rota's cost and
 * the verdict on each service standard. Built from each point's merged report, so it is the same
 * whether the shards ran locally or on a cluster, and however many shards there were. The JSON
 * form is what the app opens; `parseSweepTable` checks it at that door.
 */
import { z } from 'zod';
import { problemsFromZod, type Problem } from '../shared/problems.ts';
import { csvTable } from '../shared/csv.ts';
import type { Report, Verdict } from '../model/report.ts';
import { isEstimate, type Estimate } from '../stats/estimate.ts';
import type { SweepPlan, SweepPoint } from './expand.ts';

const STANDARDS = ['999', '101', 'online'] as const;
const VERDICTS = ['met', 'missed', 'uncertain', 'no demand'] as const satisfies readonly Verdict[];

export interface SweepRow {
  id: string;
  labels: Record<string, string>;
  scenario: string;
  cost: { paidHoursPerWeek: number; costPerWeek: number };
  standards: Record<(typeof STANDARDS)[number], Verdict>;
  /** Each standard's target: answered within `within` seconds (online: hours) for `share` of contacts. */
  targets: Record<(typeof STANDARDS)[number], { within: number; share: number }>;
  /** How many of the standards with demand are met (their whole CI clears the target). */
  standardsMet: number;
  kpis: Record<string, Estimate>;
}

export interface SweepTable {
  format: 'occsim-sweep-table';
  version: 1;
  sweep: string;
  seed: string;
  replications: number;
  axes: string[];
  points: SweepRow[];
}

/** Every estimate of a report under a flat key: "999.serviceLevel", "staff.handlers.utilisation", ... */
export function flatKpis(report: Report): Record<string, Estimate> {
  const kpis: Record<string, Estimate> = {};
  for (const channel of STANDARDS) for (const [k, e] of Object.entries(report.channels[channel])) kpis[`${channel}.${k}`] = e;
  const nested = (prefix: string, record: object): void => {
    for (const [k, v] of Object.entries(record)) {
      if (isEstimate(v)) kpis[`${prefix}.${k}`] = v;
      else nested(`${prefix}.${k}`, v as object);
    }
  };
  nested('online', report.online);
  nested('triage101', report.triage101);
  for (const [grade, e] of Object.entries(report.deploymentsPerHour)) kpis[`deploymentsPerHour.grade${grade}`] = e;
  for (const [id, s] of Object.entries(report.staff)) {
    kpis[`staff.${id}.utilisation`] = s.utilisation;
    kpis[`staff.${id}.floorHoursPerDay`] = s.floorHoursPerDay;
  }
  return kpis;
}

export function sweepRow(point: SweepPoint, report: Report): SweepRow {
  const standards = Object.fromEntries(STANDARDS.map((c) => [c, report.standards[c].verdict])) as SweepRow['standards'];
  return {
    id: point.id,
    labels: point.labels,
    scenario: report.scenario,
    cost: report.cost,
    standards,
    targets: Object.fromEntries(STANDARDS.map((c) => [c, { within: report.standards[c].within, share: report.standards[c].share }])) as SweepRow['targets'],
    standardsMet: Object.values(standards).filter((v) => v === 'met').length,
    kpis: flatKpis(report),
  };
}

export function sweepTable(plan: SweepPlan, rows: SweepRow[]): SweepTable {
  return { format: 'occsim-sweep-table', version: 1, sweep: plan.name, seed: plan.seed, replications: plan.replications, axes: plan.axes, points: rows };
}

/** How many standards with demand a row meets, e.g. "1 of 2". */
export function standardsText(row: SweepRow): string {
  const counted = Object.values(row.standards).filter((v) => v !== 'no demand').length;
  return `${row.standardsMet} of ${counted}`;
}

/** Every KPI key of the table, in first-seen order (points may differ in staff groups). */
export function kpiKeys(table: Pick<SweepTable, 'points'>): string[] {
  return [...new Set(table.points.flatMap((p) => Object.keys(p.kpis)))];
}

/** The table as CSV: one row per point; each KPI as three columns (mean, lo, hi). */
export function sweepTableCsv(table: SweepTable): string {
  const keys = kpiKeys(table);
  const header = [
    'id',
    ...table.axes,
    'costPerWeek',
    'paidHoursPerWeek',
    'standardsMet',
    ...STANDARDS.map((c) => `standard.${c}`),
    ...keys.flatMap((k) => [k, `${k}.lo`, `${k}.hi`]),
  ];
  const rows = table.points.map((p) => [
    p.id,
    ...table.axes.map((a) => p.labels[a]),
    p.cost.costPerWeek,
    p.cost.paidHoursPerWeek,
    p.standardsMet,
    ...STANDARDS.map((c) => p.standards[c]),
    ...keys.flatMap((k) => {
      const e = p.kpis[k];
      return [e?.mean, e?.ci95?.[0], e?.ci95?.[1]];
    }),
  ]);
  return csvTable([header, ...rows]);
}

const estimateSchema = z.strictObject({ mean: z.number().nullable(), ci95: z.tuple([z.number(), z.number()]).nullable() });

const target = z.object({ within: z.number(), share: z.number() });

const tableSchema = z.object({
  format: z.literal('occsim-sweep-table', { error: 'expected "occsim-sweep-table": the table.json of "occsim sweep run"' }),
  version: z.literal(1),
  sweep: z.string(),
  seed: z.string(),
  replications: z.number().int().min(1),
  axes: z.array(z.string()),
  points: z.array(
    z.object({
      id: z.string().min(1),
      labels: z.record(z.string(), z.string()),
      scenario: z.string(),
      cost: z.object({ paidHoursPerWeek: z.number(), costPerWeek: z.number() }),
      standards: z.object({ '999': z.enum(VERDICTS), '101': z.enum(VERDICTS), online: z.enum(VERDICTS) }),
      targets: z.object({ '999': target, '101': target, online: target }),
      standardsMet: z.number().int().min(0).max(3),
      kpis: z.record(z.string(), estimateSchema),
    }),
  ),
});

/** Checks an opened table file; extra fields (such as `timing`) are dropped. */
export function parseSweepTable(json: unknown): { ok: true; table: SweepTable } | { ok: false; problems: Problem[] } {
  const parsed = tableSchema.safeParse(json, { reportInput: true });
  return parsed.success ? { ok: true, table: parsed.data as SweepTable } : { ok: false, problems: problemsFromZod(parsed.error) };
}
