import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { runMachine, secondsLeft, type RunEvent, type RunSnapshot } from '../../src/ui/run/run-machine.ts';

function play(...events: RunEvent[]): RunSnapshot {
  let [snapshot] = initialTransition(runMachine);
  for (const event of events) [snapshot] = transition(runMachine, snapshot, event);
  return snapshot;
}

describe('runMachine', () => {
  it('starts idle', () => {
    expect(play().value).toBe('idle');
  });
  it('START with work enters running with counts reset', () => {
    const s = play({ type: 'START', total: 3, at: 100 });
    expect(s.value).toBe('running');
    expect(s.context).toMatchObject({ total: 3, done: 0, startedAt: 100 });
  });
  it('START with no work stays idle', () => {
    expect(play({ type: 'START', total: 0, at: 0 }).value).toBe('idle');
  });
  it('counts replications and is done after the last', () => {
    const s = play({ type: 'START', total: 2, at: 0 }, { type: 'REPLICATION_DONE', at: 10 });
    expect(s.value).toBe('running');
    expect(s.context.done).toBe(1);
    const t = play({ type: 'START', total: 2, at: 0 }, { type: 'REPLICATION_DONE', at: 10 }, { type: 'REPLICATION_DONE', at: 20 });
    expect(t.value).toBe('done');
    expect(t.context.done).toBe(2);
  });
  it('CANCEL keeps the count of completed replications', () => {
    const s = play({ type: 'START', total: 5, at: 0 }, { type: 'REPLICATION_DONE', at: 10 }, { type: 'CANCEL', at: 12 });
    expect(s.value).toBe('cancelled');
    expect(s.context.done).toBe(1);
  });
  it('FAIL records the error', () => {
    const s = play({ type: 'START', total: 5, at: 0 }, { type: 'FAIL', error: 'boom', at: 1 });
    expect(s.value).toBe('failed');
    expect(s.context.error).toBe('boom');
  });
  it('replications after a cancel are ignored', () => {
    const s = play({ type: 'START', total: 5, at: 0 }, { type: 'CANCEL', at: 1 }, { type: 'REPLICATION_DONE', at: 2 });
    expect(s.context.done).toBe(0);
  });
  it('a new START after done runs again from zero', () => {
    const s = play({ type: 'START', total: 1, at: 0 }, { type: 'REPLICATION_DONE', at: 1 }, { type: 'START', total: 4, at: 5 });
    expect(s.value).toBe('running');
    expect(s.context).toMatchObject({ total: 4, done: 0, startedAt: 5 });
  });
});

describe('secondsLeft', () => {
  it('is unknown before the first replication and goes by the pace of those finished after', () => {
    const base = { total: 4, done: 0, startedAt: 0, lastAt: 0, error: null };
    expect(secondsLeft(base, 1000)).toBeUndefined();
    expect(secondsLeft({ ...base, done: 1, lastAt: 2000 }, 2000)).toBe(6);
    // A second later nothing more has finished: the same pace, one second less to go.
    expect(secondsLeft({ ...base, done: 1, lastAt: 2000 }, 3000)).toBe(5);
    expect(secondsLeft({ ...base, done: 4 }, 9000)).toBe(0);
  });
});
