/**
 * A covering integer programme solved with HiGHS: choose whole numbers of each column (a shift,
 * say) to minimise cost while every row's weighted sum stays within its bounds. The same model
 * without integrality is the LP relaxation, whose optimum is a lower bound on any integer answer.
 * HiGHS is passed in, so Node and a browser worker each load its WebAssembly their own way.
 */
import type { Highs } from 'highs';

export interface Column {
  cost: number;
  /** Row index → coefficient (rows not named are 0). */
  coefficients: Map<number, number>;
  /** Most of this column allowed (default unbounded). */
  upper?: number;
}

export interface Row {
  lower?: number;
  upper?: number;
}

export interface CoveringProblem {
  columns: Column[];
  rows: Row[];
}

export type CoveringResult =
  | { status: 'optimal'; values: number[]; cost: number; lowerBound: number; gap: number }
  | { status: 'infeasible' }
  | { status: 'failed'; message: string };

export interface SolveOptions {
  /** A safety net only: the search is bounded by `maxNodes`, so its answer does not depend on the machine's speed. */
  timeLimitSeconds?: number;
  /** Relative gap at which the MIP search may stop (default 1 %). */
  gap?: number;
  /** Branch-and-bound nodes explored at most (default 50). */
  maxNodes?: number;
}

/**
 * How HiGHS searches. A node limit rather than a time limit bounds the work, so the same problem
 * gives the same answer in Node and in a browser, on an idle machine or a loaded one. On the
 * shipped baseline almost all of the answer comes from the root node (its cuts and heuristics):
 * measured, 100 nodes found nothing better than 1, and a 90-second search improved the cost by
 * under 1 %; capping the cut pool and the age of cuts in the LP roughly halves the root's time.
 */
const SEARCH = { mip_pool_soft_limit: 100, mip_lp_age_limit: 5 } as const;

/** Solves the integer programme and its LP relaxation; values are whole numbers. */
export function solveCovering(highs: Highs, problem: CoveringProblem, options: SolveOptions = {}): CoveringResult {
  const base = { time_limit: options.timeLimitSeconds ?? 120 };
  const lp = run(highs, problem, false, base);
  if (lp.infeasible) return { status: 'infeasible' };
  if (!lp.values) return { status: 'failed', message: `LP relaxation: ${lp.status}` };
  // The LP rounded up and trimmed is a whole answer at once; HiGHS starts from it and can only do better.
  const rounded = roundLp(problem, lp.values);
  const ip = run(highs, problem, true, { ...base, ...SEARCH, mip_rel_gap: options.gap ?? 0.01, mip_max_nodes: options.maxNodes ?? 50 }, rounded ?? undefined);
  if (ip.infeasible) return { status: 'infeasible' };
  const costOf = (v: number[]) => problem.columns.reduce((s, c, j) => s + c.cost * v[j]!, 0);
  const incumbent = ip.values?.map((v) => Math.round(v));
  const fromSolver = incumbent ? (trim(problem, incumbent) ?? incumbent) : null;
  const values = fromSolver && (!rounded || costOf(fromSolver) <= costOf(rounded)) ? fromSolver : rounded;
  if (!values) return { status: 'failed', message: `integer programme: ${ip.status}` };
  const cost = costOf(values);
  const lowerBound = lp.objective;
  return { status: 'optimal', values, cost, lowerBound, gap: cost > 0 ? (cost - lowerBound) / cost : 0 };
}

interface Run {
  /** HiGHS's model status, by name. */
  status: string;
  infeasible: boolean;
  /** Column values in problem order, when HiGHS holds a feasible answer (also when stopped by a limit). */
  values: number[] | null;
  objective: number;
}

/**
 * One HiGHS solve through its model interface, which (unlike the one-shot `solve`) returns the
 * incumbent when branch and bound stops at its node limit, and takes a starting answer.
 */
function run(highs: Highs, problem: CoveringProblem, integer: boolean, options: Record<string, number | boolean>, start?: readonly number[]): Run {
  return highs.withModel({ format: 'lp', data: lpText(problem, integer) }, (model) => {
    model.options.set({ output_flag: false, ...options });
    const index = problem.columns.map((_, j) => model.getColByName(`x${j}`));
    if (start) {
      const colValue = new Float64Array(problem.columns.length);
      start.forEach((v, j) => (colValue[index[j]!] = v));
      model.setSolution({ colValue });
    }
    model.run();
    const code = model.getModelStatus();
    const status = Object.entries(highs.constants.modelStatus).find(([, c]) => c === code)?.[0] ?? String(code);
    const feasible = model.info.get('primal_solution_status') === highs.constants.solutionStatus.feasible;
    const col = model.getSolution().colValue;
    return {
      status,
      infeasible: code === highs.constants.modelStatus.infeasible,
      values: feasible ? index.map((i) => col[i]!) : null,
      objective: model.getObjectiveValue(),
    };
  });
}

/** CPLEX LP text, the format HiGHS reads; long sums are broken over lines. */
export function lpText(problem: CoveringProblem, integer: boolean): string {
  const num = (v: number) => String(Number(v.toPrecision(12)));
  const sum = (terms: [number, string][]) => {
    const parts = terms.map(([c, name], i) => `${c < 0 ? '-' : i === 0 ? '' : '+'} ${num(Math.abs(c))} ${name}`);
    const lines: string[] = [];
    for (let i = 0; i < parts.length; i += 8) lines.push('   ' + parts.slice(i, i + 8).join(' '));
    return lines.join('\n');
  };
  const byRow: [number, string][][] = problem.rows.map(() => []);
  problem.columns.forEach((col, j) => col.coefficients.forEach((a, r) => a !== 0 && byRow[r]!.push([a, `x${j}`])));
  const out = ['Minimize', ' cost:', sum(problem.columns.map((c, j) => [c.cost, `x${j}`])), 'Subject To'];
  problem.rows.forEach((row, r) => {
    const terms = byRow[r]!;
    if (terms.length === 0) return; // an empty row is checked by the caller, not the solver
    if (row.lower !== undefined) out.push(` r${r}lo:`, sum(terms), `   >= ${num(row.lower)}`);
    if (row.upper !== undefined) out.push(` r${r}up:`, sum(terms), `   <= ${num(row.upper)}`);
  });
  out.push('Bounds');
  problem.columns.forEach((c, j) => out.push(c.upper === undefined ? ` x${j} >= 0` : ` 0 <= x${j} <= ${num(c.upper)}`));
  if (integer) {
    out.push('Generals');
    for (let j = 0; j < problem.columns.length; j += 20) out.push(' ' + problem.columns.slice(j, j + 20).map((_, k) => `x${j + k}`).join(' '));
  }
  out.push('End');
  return out.join('\n');
}

/**
 * A whole-number answer from the LP optimum, for covering problems with only lower rows: round every
 * column up (feasible, since coefficients and rows are covering ones), then take people off the
 * dearest columns while every row stays covered. Null when the problem has upper rows or negative
 * coefficients, where rounding up may break them.
 */
export function roundLp(problem: CoveringProblem, lp: readonly number[]): number[] | null {
  if (problem.rows.some((r) => r.upper !== undefined)) return null;
  return trim(problem, lp.map((v) => Math.max(0, Math.ceil(v - 1e-7))));
}

/**
 * A whole-number answer with people taken off the dearest columns while every row stays at or above
 * its lower bound (upper bounds cannot break: with no negative coefficients, fewer people only lower
 * a row). Branch and bound stopped at its node limit can leave such slack. Null with negative
 * coefficients (maxChanges), where taking someone off may raise a row.
 */
export function trim(problem: CoveringProblem, whole: readonly number[]): number[] | null {
  if (problem.columns.some((c) => [...c.coefficients.values()].some((a) => a < 0))) return null;
  const x = [...whole];
  const activity = problem.rows.map(() => 0);
  problem.columns.forEach((c, j) => c.coefficients.forEach((a, r) => (activity[r]! += a * x[j]!)));
  const order = problem.columns.map((_, j) => j).sort((a, b) => problem.columns[b]!.cost - problem.columns[a]!.cost || a - b);
  for (let changed = true; changed; ) {
    changed = false;
    for (const j of order) {
      const col = problem.columns[j]!;
      while (x[j]! > 0 && [...col.coefficients].every(([r, a]) => activity[r]! - a >= (problem.rows[r]!.lower ?? -Infinity) - 1e-9)) {
        x[j]!--;
        col.coefficients.forEach((a, r) => (activity[r]! -= a));
        changed = true;
      }
    }
  }
  return x;
}

/** Sweeps over the neighbourhoods at most (on the baseline the third still found a little). */
const NEIGHBOURHOOD_PASSES = 3;

/**
 * Fix and optimise: for each neighbourhood in turn, every column outside it is held at its value
 * and the columns inside are re-chosen by HiGHS against what the held columns leave each row to
 * cover; a cheaper choice is kept. Repeated while a change leaves a neighbour to search again, for
 * at most `passes` sweeps.
 * Each neighbourhood is searched at its root node only (its cuts and heuristics, started from the
 * current choice), which finds most of what a deeper search would, bounded by work, not time.
 * Every step keeps every row within its bounds, so the answer stays feasible and never costs more
 * than `start`.
 */
export function improveByNeighbourhoods(highs: Highs, problem: CoveringProblem, start: readonly number[], neighbourhoods: readonly (readonly number[])[], passes = NEIGHBOURHOOD_PASSES): number[] {
  const x = [...start];
  // A neighbourhood whose neighbours (those sharing a row with it) have not changed since it was
  // last searched would be searched again from the same place: it waits until one of them changes.
  const rowsOf = neighbourhoods.map((free) => new Set(free.flatMap((j) => [...problem.columns[j]!.coefficients.keys()])));
  const touching = rowsOf.map((mine, a) => rowsOf.flatMap((theirs, b) => (b !== a && [...mine].some((r) => theirs.has(r)) ? [b] : [])));
  const waiting = new Set(neighbourhoods.keys());
  for (let pass = 0; pass < passes && waiting.size > 0; pass++) {
    for (const [n, free] of neighbourhoods.entries()) {
      if (!waiting.delete(n)) continue;
      const inside = new Set(free);
      const held = problem.rows.map(() => 0);
      problem.columns.forEach((c, j) => inside.has(j) || c.coefficients.forEach((a, r) => (held[r]! += a * x[j]!)));
      const rowIndex = new Map<number, number>();
      const rows: Row[] = [];
      const columns: Column[] = free.map((j) => {
        const c = problem.columns[j]!;
        const coefficients = new Map<number, number>();
        c.coefficients.forEach((a, r) => {
          if (!rowIndex.has(r)) {
            const row = problem.rows[r]!;
            rowIndex.set(r, rows.push({ lower: row.lower === undefined ? undefined : row.lower - held[r]!, upper: row.upper === undefined ? undefined : row.upper - held[r]! }) - 1);
          }
          coefficients.set(rowIndex.get(r)!, a);
        });
        return { cost: c.cost, coefficients, upper: c.upper };
      });
      const now = free.map((j) => x[j]!);
      const sub = run(highs, { columns, rows }, true, { ...SEARCH, mip_rel_gap: 1e-6, mip_max_nodes: 1 }, now);
      const y = sub.values?.map((v) => Math.round(v));
      if (!y) continue;
      const cost = (v: readonly number[]) => v.reduce((s, n, k) => s + n * columns[k]!.cost, 0);
      if (cost(y) < cost(now) - 1e-9 && feasible(problem, x, free, y)) {
        free.forEach((j, k) => (x[j] = y[k]!));
        for (const b of touching[n]!) waiting.add(b);
      }
    }
  }
  return x;
}

/** Whether `x` with the columns `free` set to `y` keeps every row within its bounds. */
function feasible(problem: CoveringProblem, x: readonly number[], free: readonly number[], y: readonly number[]): boolean {
  const v = [...x];
  free.forEach((j, k) => (v[j] = y[k]!));
  const activity = problem.rows.map(() => 0);
  problem.columns.forEach((c, j) => c.coefficients.forEach((a, r) => (activity[r]! += a * v[j]!)));
  return problem.rows.every((row, r) => (row.lower === undefined || activity[r]! >= row.lower - 1e-6) && (row.upper === undefined || activity[r]! <= row.upper + 1e-6));
}

