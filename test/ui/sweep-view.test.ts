import { describe, expect, it } from 'vitest';
import { SweepView, sortRows, standardsText } from '../../src/ui/sweep/sweep-view.svelte.ts';
import type { SweepRow } from '../../src/sweep/table.ts';

const targets = { '999': { within: 10, share: 0.9 }, '101': { within: 60, share: 0.8 }, online: { within: 24, share: 0.9 } };
const row = (id: string, cost: number, sl: number | null, force = id): SweepRow => ({
  id,
  labels: { force },
  scenario: id,
  cost: { paidHoursPerWeek: cost / 20, costPerWeek: cost },
  standards: { '999': 'met', '101': 'missed', online: 'no demand' },
  targets,
  standardsMet: 1,
  kpis: { '999.serviceLevel': { mean: sl, ci95: null } },
});
const rows = [row('a', 300, 0.8), row('b', 100, null), row('c', 200, 0.95), row('d', 100, 0.9)];

describe('sortRows', () => {
  it('sortRows orders by a KPI mean, absent values last either way, ties in file order', () => {
    expect(sortRows(rows, '999.serviceLevel', true).map((r) => r.id)).toEqual(['a', 'd', 'c', 'b']);
    expect(sortRows(rows, '999.serviceLevel', false).map((r) => r.id)).toEqual(['c', 'd', 'a', 'b']);
    expect(sortRows(rows, 'costPerWeek', true).map((r) => r.id)).toEqual(['b', 'd', 'c', 'a']);
  });

  it('sortRows orders labels as text', () => {
    const named = [row('x', 1, 1, 'Wiltshire'), row('y', 1, 1, 'avon'), row('z', 1, 1, 'Kent')];
    expect(sortRows(named, 'label:force', true).map((r) => r.labels.force)).toEqual(['avon', 'Kent', 'Wiltshire']);
  });

  it('standardsText counts only the standards with demand', () => {
    expect(standardsText(rows[0]!)).toBe('1 of 2');
  });
});

describe('SweepView', () => {
  const file = JSON.stringify({ format: 'occsim-sweep-table', version: 1, sweep: 's', seed: 'x', replications: 2, axes: ['force'], points: rows, timing: {} });

  it('open keeps a good table and sorts by cost; a second click on a heading reverses', () => {
    const view = new SweepView();
    expect(view.open('table.json', file)).toBe(true);
    expect(view.rows.map((r) => r.id)).toEqual(['b', 'd', 'c', 'a']);
    view.sortBy('costPerWeek');
    expect(view.rows.map((r) => r.id)).toEqual(['a', 'c', 'b', 'd']);
    expect(view.columns.map((c) => c.key)).toEqual(['id', 'label:force', 'costPerWeek', 'paidHoursPerWeek', 'standardsMet', '999.serviceLevel']);
  });

  it('open refuses a bad file with its reason and keeps the table it had', () => {
    const view = new SweepView();
    view.open('table.json', file);
    expect(view.open('notes.json', '{ "format": ')).toBe(false);
    expect(view.problems[0]).toMatch(/^notes\.json is not valid JSON/);
    expect(view.open('shard.json', '{"format":"occsim-shard"}')).toBe(false);
    expect(view.problems[1]).toMatch(/^format: expected "occsim-sweep-table"/);
    expect(view.table?.points).toHaveLength(4);
  });
});
