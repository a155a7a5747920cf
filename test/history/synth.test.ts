import { describe, expect, it } from 'vitest';
import { parseHistory, totalCalls } from '../../src/history/csv.ts';
import { SYNTH_SHAPE, synthHistory } from '../../src/history/synth.ts';
import { dayNumber } from '../../src/history/dates.ts';

const text = (o: Parameters<typeof synthHistory>[0]) => [...synthHistory(o)].join('');

describe('synthHistory', () => {
  it('is reproducible from its seed and differs between seeds', () => {
    const a = text({ days: 3, seed: 7 });
    expect(text({ days: 3, seed: 7 })).toBe(a);
    expect(text({ days: 3, seed: 8 })).not.toBe(a);
  });

  it('writes time-ordered one-row-per-call CSV that imports without a problem', async () => {
    const csv = text({ days: 14, seed: 1, start: '2024-06-03' });
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('timestamp,channel,callType');
    const times = lines.slice(1).map((l) => l.split(',')[0]!);
    expect([...times].sort()).toEqual(times);
    const h = await parseHistory(csv);
    expect(h.rows.skipped).toBe(0);
    const totals = totalCalls(h);
    const perDay = (totals['999']! + totals['101']!) / 14;
    // June is above the yearly average in both channels.
    expect(perDay).toBeGreaterThan(1780);
    expect(perDay).toBeLessThan(1780 * 1.12);
    expect(totals['999']! / (totals['999']! + totals['101']!)).toBeCloseTo(0.3 * 1.06 / (0.3 * 1.06 + 0.7 * 1.04), 1);
  });

  it('gives about 650,000 calls a year, 30 % of them 999', async () => {
    const h = await parseHistory(text({ days: 365, seed: 2 }));
    const t = totalCalls(h);
    const all = t['999']! + t['101']!;
    expect(all).toBeGreaterThan(630_000);
    expect(all).toBeLessThan(670_000);
    expect(t['999']! / all).toBeCloseTo(0.3, 1);
  });

  it('leaves out the hour the clocks skip and doubles the hour they repeat', async () => {
    const h = await parseHistory(text({ days: 365, seed: 3, start: '2024-01-01' }));
    const spring = h.hourly['101']!.get(dayNumber(2024, 3, 31))!;
    const autumn = h.hourly['101']!.get(dayNumber(2024, 10, 27))!;
    expect(spring[1]).toBe(0);
    expect(autumn[1]!).toBeGreaterThan(autumn[2]!);
  });

  it('has shapes with mean 1', () => {
    for (const s of Object.values(SYNTH_SHAPE)) {
      expect(s.hourOfWeek.reduce((a, b) => a + b) / 168).toBeCloseTo(1, 9);
      expect(s.month.reduce((a, b) => a + b) / 12).toBeCloseTo(1, 9);
    }
  });
});

describe('seeds/sample-history.csv', () => {
  it('is exactly what its documented synth command writes', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const committed = readFileSync(join(import.meta.dirname, '../../seeds/sample-history.csv'), 'utf8');
    expect(committed).toBe(text({ days: 28, seed: 'sample', start: '2024-06-03', scale: 0.1 }));
  });
});
