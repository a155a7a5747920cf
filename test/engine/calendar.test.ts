import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventCalendar } from '../../src/engine/index.ts';

function drain(cal: EventCalendar): [number, number, number][] {
  const out: [number, number, number][] = [];
  while (cal.pop()) out.push([cal.time, cal.kind, cal.payload]);
  return out;
}

describe('EventCalendar', () => {
  it('pops events in time order', () => {
    const cal = new EventCalendar(2);
    for (const t of [5, 1, 4, 2, 3]) cal.schedule(t, 0, t);
    expect(drain(cal).map(([t]) => t)).toEqual([1, 2, 3, 4, 5]);
  });

  it('orders equal times by priority, then by scheduling order', () => {
    const cal = new EventCalendar();
    cal.schedule(1, 10, 0, 2);
    cal.schedule(1, 11, 0, 1);
    cal.schedule(1, 12, 0, 2);
    cal.schedule(1, 13, 0, 1);
    cal.schedule(0.5, 14, 0, 9);
    expect(drain(cal).map(([, k]) => k)).toEqual([14, 11, 13, 10, 12]);
  });

  it('refuses to schedule in the past', () => {
    const cal = new EventCalendar();
    cal.schedule(5, 0);
    cal.pop();
    expect(() => cal.schedule(4, 0)).toThrow(RangeError);
  });

  it('matches a stable sort for any interleaving of pushes and pops', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 3 })), { maxLength: 300 }), (events) => {
        const cal = new EventCalendar(1);
        events.forEach(([t, p], i) => cal.schedule(t, 0, i, p));
        const expected = events.map(([t, p], i) => ({ t, p, i })).sort((a, b) => a.t - b.t || a.p - b.p || a.i - b.i);
        expect(drain(cal).map(([, , d]) => d)).toEqual(expected.map((e) => e.i));
      }),
    );
  });

  it('pops in (time, priority, scheduling order) when pushes and pops interleave, through growth and id reuse', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 3 })), fc.constant(null)), { maxLength: 400 }),
        (ops) => {
          const cal = new EventCalendar(1);
          const pending: { t: number; p: number; seq: number }[] = [];
          let seq = 0;
          for (const op of ops) {
            if (op) {
              const t = cal.time + op[0];
              cal.schedule(t, 0, seq, op[1]);
              pending.push({ t, p: op[1], seq: seq++ });
              continue;
            }
            pending.sort((a, b) => a.t - b.t || a.p - b.p || a.seq - b.seq);
            const next = pending.shift();
            expect(cal.pop()).toBe(next !== undefined);
            if (next) expect([cal.time, cal.payload]).toEqual([next.t, next.seq]);
          }
          expect(cal.length).toBe(pending.length);
        },
      ),
    );
  });

  it('orders standing events with scheduled ones by (time, priority, order set), as if they were in the heap', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({ standing: fc.integer({ min: -1, max: 2 }), dt: fc.integer({ min: 0, max: 4 }), p: fc.integer({ min: 0, max: 2 }) }),
            fc.constant(null),
          ),
          { maxLength: 300 },
        ),
        (ops) => {
          const cal = new EventCalendar(1);
          // Standing source k has kind 10 + k and priority k; scheduled events have kind 0.
          const sources = [0, 1, 2].map((k) => cal.addStanding(10 + k, 100 + k, k));
          let pending: { t: number; p: number; seq: number; kind: number }[] = [];
          let seq = 0;
          for (const op of ops) {
            if (op) {
              const t = cal.time + op.dt;
              if (op.standing < 0) {
                cal.schedule(t, 0, seq, op.p);
                pending.push({ t, p: op.p, seq: seq++, kind: 0 });
              } else {
                // A standing source has one occurrence at most: setting it replaces the pending one.
                cal.setStanding(sources[op.standing]!, t);
                pending = pending.filter((e) => e.kind !== 10 + op.standing);
                pending.push({ t, p: op.standing, seq: seq++, kind: 10 + op.standing });
              }
              continue;
            }
            pending.sort((a, b) => a.t - b.t || a.p - b.p || a.seq - b.seq);
            const next = pending.shift();
            expect(cal.pop()).toBe(next !== undefined);
            if (next) expect([cal.time, cal.kind, cal.payload]).toEqual([next.t, next.kind, next.kind === 0 ? next.seq : 90 + next.kind]);
          }
          expect(cal.length).toBe(pending.length);
        },
      ),
    );
  });

  it('refuses to set a standing event in the past', () => {
    const cal = new EventCalendar();
    const k = cal.addStanding(1);
    cal.schedule(5, 0);
    cal.pop();
    expect(() => cal.setStanding(k, 4)).toThrow(RangeError);
  });
});
