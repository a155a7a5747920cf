import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { improveByExchanges } from '../../src/optimise/local-search.ts';
import type { Column, CoveringProblem } from '../../src/optimise/covering-ip.ts';

const col = (cost: number, rows: number[], upper?: number): Column => ({ cost, coefficients: new Map(rows.map((r) => [r, 1])), upper });
const cost = (p: CoveringProblem, x: readonly number[]) => x.reduce((s, n, j) => s + n * p.columns[j]!.cost, 0);
const activity = (p: CoveringProblem, x: readonly number[]) => p.rows.map((_, r) => p.columns.reduce((s, c, j) => s + (c.coefficients.get(r) ?? 0) * x[j]!, 0));

describe('improveByExchanges', () => {
  it('drops a person every row can spare', () => {
    // Cyclic cover of three periods by shifts of two: three people leave one spare (by hand: any two cover all).
    const p = { columns: [col(1, [0, 1]), col(1, [1, 2]), col(1, [2, 0])], rows: [{ lower: 1 }, { lower: 1 }, { lower: 1 }] };
    const x = improveByExchanges(p, [1, 1, 1])!;
    expect(cost(p, x)).toBe(2);
  });

  it('moves a person to a cheaper shift that covers the same', () => {
    // Period 0 needs 2: A (cost 3) and B (cost 2) both cover it; two on A become two on B.
    const p = { columns: [col(3, [0]), col(2, [0])], rows: [{ lower: 2 }] };
    expect(improveByExchanges(p, [2, 0])).toEqual([0, 2]);
  });

  it('replaces two people by one on a shift cheaper than both, which drop and swap alone cannot', () => {
    // Periods 0-3 need one each. A covers 0-1, B covers 2-3 (cost 5 each), C covers 0-3 (cost 8).
    // From A + B (10) no one can go and no single swap is cheaper; C alone (8) covers all.
    const p = { columns: [col(5, [0, 1]), col(5, [2, 3]), col(8, [0, 1, 2, 3])], rows: [0, 1, 2, 3].map(() => ({ lower: 1 })) };
    expect(improveByExchanges(p, [1, 1, 0])).toEqual([0, 0, 1]);
  });

  it('keeps upper rows and columns held at 0', () => {
    // As above, but C is held at 0 (a duplicate), or C counts on a row capped at 0 (maxOnDuty):
    // then no exchange is allowed and the start comes back as it was.
    const rows = [0, 1, 2, 3].map(() => ({ lower: 1 }));
    const held = { columns: [col(5, [0, 1]), col(5, [2, 3]), col(8, [0, 1, 2, 3], 0)], rows };
    expect(improveByExchanges(held, [1, 1, 0])).toEqual([1, 1, 0]);
    const capped = {
      columns: [col(5, [0, 1]), col(5, [2, 3]), { cost: 8, coefficients: new Map([[0, 1], [1, 1], [2, 1], [3, 1], [4, 1]]) }],
      rows: [...rows, { upper: 0 }],
    };
    expect(improveByExchanges(capped, [1, 1, 0])).toEqual([1, 1, 0]);
  });

  it('declines programmes with negative coefficients (maxChanges) and starts that break a row', () => {
    expect(improveByExchanges({ columns: [{ cost: 1, coefficients: new Map([[0, -1]]) }], rows: [{ lower: -1 }] }, [1])).toBeNull();
    expect(improveByExchanges({ columns: [col(1, [0])], rows: [{ lower: 2 }] }, [1])).toBeNull();
  });

  it('never leaves a row uncovered or over its cap, never costs more than its start, and gives the same answer twice', () => {
    // Random week-shaped covers: 48 periods, shifts of 6 or 8 periods at 0.75 of a person with a
    // half-covered break period, three costs, an on-duty cap on some periods, a few columns held at
    // 0, started from generous random answers.
    const random = seedrandom('exchanges');
    let gained = 0;
    for (let trial = 0; trial < 12; trial++) {
      const periods = 48;
      const rows: CoveringProblem['rows'] = Array.from({ length: periods }, () => ({ lower: Math.floor(random() * 8) + 1 }));
      const capRow = (h: number) => periods + h;
      for (let h = 0; h < periods; h++) rows.push({ upper: 40 });
      const columns: Column[] = [];
      for (let start = 0; start < periods; start++)
        for (const length of [6, 8])
          for (const dear of [false, true]) {
            const coefficients = new Map<number, number>();
            for (let k = 0; k < length; k++) {
              const h = (start + k) % periods;
              coefficients.set(h, k === 3 ? 0.375 : 0.75);
              coefficients.set(capRow(h), 1);
            }
            columns.push({ cost: length * (dear ? 1.2 : 1), coefficients, upper: random() < 0.1 ? 0 : undefined });
          }
      const p: CoveringProblem = { columns, rows };
      // A generous start: people on open columns until every row is covered, within its cap.
      const start = columns.map(() => 0);
      const act = activity(p, start);
      for (let h = 0; h < periods; h++)
        for (let k = 0; act[h]! < rows[h]!.lower!; k = (k + 1) % columns.length) {
          const c = columns[k]!;
          if (c.upper === 0 || !c.coefficients.has(h) || random() > 0.2) continue;
          start[k]!++;
          c.coefficients.forEach((a, r) => (act[r]! += a));
        }
      expect(activity(p, start).every((a, r) => a <= (rows[r]!.upper ?? Infinity))).toBe(true);
      const x = improveByExchanges(p, start)!;
      expect(x).not.toBeNull();
      expect(improveByExchanges(p, start)).toEqual(x);
      expect(x.every((v, j) => Number.isInteger(v) && v >= 0 && (columns[j]!.upper !== 0 || v === start[j]))).toBe(true);
      activity(p, x).forEach((a, r) => {
        if (rows[r]!.lower !== undefined) expect(a).toBeGreaterThanOrEqual(rows[r]!.lower! - 1e-9);
        if (rows[r]!.upper !== undefined) expect(a).toBeLessThanOrEqual(rows[r]!.upper! + 1e-9);
      });
      expect(cost(p, x)).toBeLessThanOrEqual(cost(p, start) + 1e-9);
      gained += cost(p, start) - cost(p, x);
    }
    // From generous starts there is always something to take back.
    expect(gained).toBeGreaterThan(0);
  });
});
