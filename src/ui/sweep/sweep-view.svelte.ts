/**
 * The sweep table as the app shows it: a table.json opened from disk (checked at the door by
 * parseSweepTable), its rows sorted by any column. The numbers are the file's; nothing here
 * computes results.
 */
import { parseSweepTable, kpiKeys, type SweepRow, type SweepTable } from '../../sweep/table.ts';
export { standardsText } from '../../sweep/table.ts';
import { formatProblem } from '../../shared/problems.ts';

export interface Column {
  key: string;
  label: string;
  kind: 'text' | 'money' | 'hours' | 'count' | 'share' | 'seconds' | 'number';
}

/** KPIs shown by default; any other KPI of the table can be added as a column. */
const MAIN_KPIS: Column[] = [
  { key: '999.serviceLevel', label: '999 answered in target', kind: 'share' },
  { key: '999.meanAnswerSeconds', label: '999 mean answer', kind: 'seconds' },
  { key: '101.serviceLevel', label: '101 answered in target', kind: 'share' },
  { key: '101.abandonRate', label: '101 abandoned', kind: 'share' },
  { key: 'online.serviceLevel', label: 'Online in target', kind: 'share' },
];

function kindOf(key: string): Column['kind'] {
  if (/(serviceLevel|Rate|probWait|utilisation|gradeShare)/.test(key)) return 'share';
  if (/Seconds$/.test(key)) return 'seconds';
  return 'number';
}

/** The value a column sorts by: text for labels, the mean for KPIs, null when absent. */
export function cellValue(row: SweepRow, key: string): string | number | null {
  if (key === 'id') return row.id;
  if (key.startsWith('label:')) return row.labels[key.slice(6)] ?? null;
  if (key === 'costPerWeek') return row.cost.costPerWeek;
  if (key === 'paidHoursPerWeek') return row.cost.paidHoursPerWeek;
  if (key === 'standardsMet') return row.standardsMet;
  return row.kpis[key]?.mean ?? null;
}

/** Rows sorted by a column; absent values go last either way, ties keep the file's order. */
export function sortRows(rows: readonly SweepRow[], key: string, ascending: boolean): SweepRow[] {
  const sign = ascending ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i, v: cellValue(row, key) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) return a.v === null ? (b.v === null ? a.i - b.i : 1) : -1;
      const c = typeof a.v === 'string' || typeof b.v === 'string' ? String(a.v).localeCompare(String(b.v)) : a.v - b.v;
      return c === 0 ? a.i - b.i : sign * c;
    })
    .map((x) => x.row);
}

export class SweepView {
  table = $state.raw<SweepTable | null>(null);
  fileName = $state('');
  problems = $state.raw<string[]>([]);
  sortKey = $state('costPerWeek');
  ascending = $state(true);
  extraKpi = $state('');

  columns: Column[] = $derived.by(() => {
    const t = this.table;
    if (!t) return [];
    // A main KPI is shown when some point has a value for it (no online demand: no online column).
    const keys = new Set(kpiKeys(t).filter((k) => t.points.some((p) => typeof p.kpis[k]?.mean === 'number')));
    const extra = this.extraKpi && !MAIN_KPIS.some((c) => c.key === this.extraKpi) ? [{ key: this.extraKpi, label: this.extraKpi, kind: kindOf(this.extraKpi) }] : [];
    return [
      { key: 'id', label: 'Point', kind: 'text' },
      ...t.axes.map((a): Column => ({ key: `label:${a}`, label: a, kind: 'text' })),
      { key: 'costPerWeek', label: 'Cost per week', kind: 'money' },
      { key: 'paidHoursPerWeek', label: 'Paid hours per week', kind: 'hours' },
      { key: 'standardsMet', label: 'Standards met', kind: 'count' },
      ...MAIN_KPIS.filter((c) => keys.has(c.key)),
      ...extra,
    ];
  });

  /** Every KPI of the table, for the extra column picker. */
  allKpis: string[] = $derived(this.table ? kpiKeys(this.table) : []);

  rows: SweepRow[] = $derived(this.table ? sortRows(this.table.points, this.sortKey, this.ascending) : []);

  sortBy(key: string): void {
    if (this.sortKey === key) this.ascending = !this.ascending;
    else {
      this.sortKey = key;
      this.ascending = true;
    }
  }

  /** Opens a file's text; a bad file leaves the table on screen as it was and says why. */
  open(name: string, text: string): boolean {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      this.problems = [`${name} is not valid JSON: ${(error as Error).message}`];
      return false;
    }
    const parsed = parseSweepTable(json);
    if (!parsed.ok) {
      this.problems = [`${name} is not a sweep table (the table.json of "occsim sweep run"):`, ...parsed.problems.slice(0, 8).map(formatProblem)];
      return false;
    }
    this.table = parsed.table;
    this.fileName = name;
    this.problems = [];
    this.extraKpi = '';
    return true;
  }
}
