import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { RunPool, tasksFor, type SimApi, type WorkerHandle } from '../../src/ui/run/pool.svelte.ts';

/** A fake worker: runs a "replication" (index × 10) after `delay` ms. */
function fakeConnect(log: { terminated: number; calls: number[] }, delay = 1): () => WorkerHandle {
  return () => {
    const api: SimApi = {
      async runReplication(_scenario, seed, i) {
        await new Promise((r) => setTimeout(r, delay));
        log.calls.push(i);
        return { seed, value: i * 10 };
      },
    };
    return { api, terminate: () => log.terminated++ };
  };
}

describe('tasksFor', () => {
  it('interleaves jobs by replication index', () => {
    const t = tasksFor([
      { key: 'a', scenario: {}, seed: 's', replications: 2 },
      { key: 'b', scenario: {}, seed: 's', replications: 3 },
    ]);
    expect(t.map((x) => `${x.key}${x.index}`)).toEqual(['a0', 'b0', 'a1', 'b1', 'b2']);
  });
});

describe('RunPool', () => {
  it('runs every replication across the pool and collects results in index order', async () => {
    const log = { terminated: 0, calls: [] as number[] };
    const pool = new RunPool<{ value: number }>(fakeConnect(log), 3);
    await pool.run([{ key: 'base', scenario: {}, seed: '1', replications: 7 }]);
    flushSync();
    expect(pool.phase).toBe('done');
    expect(pool.done).toBe(7);
    expect(pool.results['base']!.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(pool.results['base']!.map((r) => r.result.value)).toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(log.terminated).toBe(3);
  });

  it('cancel terminates the workers and keeps completed replications', async () => {
    const log = { terminated: 0, calls: [] as number[] };
    const pool = new RunPool<{ value: number }>(fakeConnect(log, 20), 2);
    const running = pool.run([{ key: 'base', scenario: {}, seed: '1', replications: 10 }]);
    await new Promise((r) => setTimeout(r, 50));
    pool.cancel();
    await running;
    const kept = pool.results['base']!.length;
    expect(pool.phase).toBe('cancelled');
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(10);
    expect(log.terminated).toBe(2);
    await new Promise((r) => setTimeout(r, 60));
    expect(pool.results['base']!.length).toBe(kept);
  });

  it('a failing replication fails the run with its message', async () => {
    const pool = new RunPool(
      () => ({
        api: { runReplication: () => Promise.reject(new Error('bad scenario')) },
        terminate: () => {},
      }),
      2,
    );
    await pool.run([{ key: 'x', scenario: {}, seed: '1', replications: 3 }]);
    expect(pool.phase).toBe('failed');
    expect(pool.snapshot.context.error).toBe('bad scenario');
  });
});
