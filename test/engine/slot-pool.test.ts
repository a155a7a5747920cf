import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RingQueue, SlotPool } from '../../src/engine/index.ts';

describe('SlotPool', () => {
  it('reuses released slots before handing out new ones', () => {
    const pool = new SlotPool({ x: Int32Array }, 4);
    const [a, b, c] = [pool.allocate(), pool.allocate(), pool.allocate()];
    expect([a, b, c]).toEqual([0, 1, 2]);
    pool.release(b);
    expect(pool.allocate()).toBe(b);
    expect(pool.allocate()).toBe(3);
    expect(pool.inUse).toBe(4);
  });

  it('keeps every column value when it grows', () => {
    const pool = new SlotPool({ small: Int8Array, big: Float64Array }, 1);
    for (let i = 0; i < 100; i++) {
      const slot = pool.allocate();
      pool.columns.small[slot] = i % 100;
      pool.columns.big[slot] = i + 0.5;
    }
    expect(pool.capacity).toBe(128);
    expect(Array.from(pool.columns.small.subarray(0, 100))).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(pool.columns.big[99]).toBe(99.5);
  });
});

describe('RingQueue', () => {
  it('is first in, first out through any number of wraps and growths', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constant(-1)), { maxLength: 500 }), (ops) => {
        const queue = new RingQueue(2);
        const model: number[] = [];
        for (const op of ops) {
          if (op >= 0) {
            queue.push(op);
            model.push(op);
          } else if (model.length > 0) expect(queue.shift()).toBe(model.shift());
          expect(queue.length).toBe(model.length);
          expect(queue.isEmpty).toBe(model.length === 0);
        }
        const rest: number[] = [];
        queue.forEach((v) => rest.push(v));
        expect(rest).toEqual(model);
      }),
    );
  });
});
