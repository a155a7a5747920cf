/**
 * From a sweep file to its points and tasks. `parseSweep` checks the file itself;
 * `expandSweep` takes the base scenario and the axes' CSV texts (read by the caller), builds every
 * point as a complete scenario with a stable id, and validates each one. A point's id comes from
 * its labels, not its position, so adding a variant never renames the others' results.
 */
import { formatProblem, parseScenario, type Problem } from '../scenario/index.ts';
import { problemsFromZod } from '../shared/problems.ts';
import { csvVariants } from './csv-axis.ts';
import { applyVariant } from './overrides.ts';
import { sweepSchema, type SweepFile, type Variant } from './schema.ts';

export interface SweepPoint {
  /** Stable, file-name safe: the variants' ids joined by "--" in axis order. */
  id: string;
  /** Axis name → the variant's label. */
  labels: Record<string, string>;
  /** The point's scenario as JSON, exactly what its tasks run. */
  scenario: Record<string, unknown>;
}

export interface SweepPlan {
  name: string;
  seed: string;
  replications: number;
  shards: number;
  axes: string[];
  points: SweepPoint[];
}

/** One unit of batch work: shard k of n of one point. */
export interface SweepTask {
  point: string;
  k: number;
  n: number;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export function parseSweep(json: unknown): Parsed<SweepFile> {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return { ok: false, problems: [{ path: '', message: 'expected a sweep object with "name", "base" and "axes"' }] };
  const parsed = sweepSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: problemsFromZod(parsed.error) };
  const sweep = parsed.data;
  const problems: Problem[] = [];
  if (sweep.shards > sweep.replications)
    problems.push({ path: 'shards', message: `expected at most the ${sweep.replications} replications, got ${sweep.shards}` });
  const names = new Set<string>();
  sweep.axes.forEach((axis, i) => {
    if ((axis.variants === undefined) === (axis.csv === undefined))
      problems.push({ path: `axes.${i}`, message: 'expected either "variants" or "csv"' });
    if (names.has(axis.name)) problems.push({ path: `axes.${i}.name`, message: `another axis is already named "${axis.name}"` });
    names.add(axis.name);
  });
  return problems.length ? { ok: false, problems } : { ok: true, value: sweep };
}

/** A label as a file-name safe id: "+2 nights ×1.1" → "plus2-nights-x1-1". */
export function slug(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/\+/g, 'plus')
    .replace(/×/g, 'x')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

interface ResolvedAxis {
  name: string;
  variants: { id: string; variant: Variant; at: string }[];
}

function resolveAxes(sweep: SweepFile, csvText: (file: string) => string): Parsed<ResolvedAxis[]> {
  const problems: Problem[] = [];
  const axes = sweep.axes.map((axis, a) => {
    let variants: { variant: Variant; at: string }[];
    if (axis.csv !== undefined) {
      const read = csvVariants(csvText(axis.csv), axis, `axes.${a}`);
      problems.push(...read.problems);
      variants = read.variants.map((variant, r) => ({ variant, at: `axes.${a}.csv (${axis.csv}) variant ${r + 1}` }));
    } else variants = axis.variants!.map((variant, v) => ({ variant, at: `axes.${a}.variants.${v}` }));
    const ids = new Map<string, string>();
    const withIds = variants.map(({ variant, at }) => {
      const id = slug(variant.label) || 'blank';
      const other = ids.get(id);
      if (other !== undefined) problems.push({ path: `${at}.label`, message: `"${variant.label}" gives the id "${id}", as does "${other}": expected labels that differ in letters or digits` });
      ids.set(id, variant.label);
      return { id, variant, at };
    });
    return { name: axis.name, variants: withIds };
  });
  return problems.length ? { ok: false, problems } : { ok: true, value: axes };
}

/** Every combination of one variant per axis, the first axis outermost. */
function combinations<T>(lists: T[][]): T[][] {
  return lists.reduce<T[][]>((acc, list) => acc.flatMap((prefix) => list.map((x) => [...prefix, x])), [[]]);
}

/**
 * Builds and validates every point. `base` is the base scenario's JSON; `csvText` returns the text
 * of an axis's CSV file (the caller reads it, and reports a file it cannot read).
 */
export function expandSweep(sweep: SweepFile, base: Record<string, unknown>, csvText: (file: string) => string): Parsed<SweepPlan> {
  const baseParsed = parseScenario(base);
  if (!baseParsed.ok) return { ok: false, problems: baseParsed.problems.map((p) => ({ path: 'base', message: formatProblem(p) })) };
  const axes = resolveAxes(sweep, csvText);
  if (!axes.ok) return axes;

  const problems: Problem[] = [];
  const points = combinations(axes.value.map((axis) => axis.variants)).map((choice): SweepPoint => {
    const scenario = structuredClone(base);
    delete scenario.$schema;
    for (const { variant, at } of choice) problems.push(...applyVariant(scenario, variant, at));
    const labels = Object.fromEntries(choice.map(({ variant }, a) => [axes.value[a]!.name, variant.label]));
    const id = choice.map((c) => c.id).join('--') || 'base';
    if (choice.length) scenario.name = `${baseParsed.scenario.name} · ${choice.map((c) => c.variant.label).join(' · ')}`;
    const checked = parseScenario(scenario);
    if (!checked.ok) problems.push(...checked.problems.map((p) => ({ path: `point "${id}"`, message: formatProblem(p) })));
    return { id, labels, scenario };
  });
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: {
      name: sweep.name,
      seed: sweep.seed ?? baseParsed.scenario.seed ?? 'occsim',
      replications: sweep.replications,
      shards: sweep.shards,
      axes: axes.value.map((a) => a.name),
      points,
    },
  };
}

/** The batch work: every point's shards, in point order. Task i of a job array is tasks[i − 1]. */
export function tasksOf(plan: SweepPlan): SweepTask[] {
  return plan.points.flatMap((p) => Array.from({ length: plan.shards }, (_, i) => ({ point: p.id, k: i + 1, n: plan.shards })));
}

/** Simulated days of one replication of a point, warm-up included (the warm-up is part of `days`). */
export function pointDays(point: SweepPoint): number {
  const parsed = parseScenario(point.scenario);
  return parsed.ok ? parsed.scenario.horizon.days : 0;
}
