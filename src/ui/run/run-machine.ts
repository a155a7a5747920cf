/**
 * The run controller as a pure XState v5 machine: idle → running → done | cancelled | failed, and
 * back to running on a new START. It holds only counts and times; the worker pool feeds it events and
 * reads its snapshot. Time comes in on the events (`at`, milliseconds), so tests need no clock.
 */
import { assign, setup, type SnapshotFrom } from 'xstate';

export interface RunContext {
  total: number;
  done: number;
  startedAt: number;
  lastAt: number;
  error: string | null;
}

export type RunEvent =
  | { type: 'START'; total: number; at: number }
  | { type: 'REPLICATION_DONE'; at: number }
  | { type: 'CANCEL'; at: number }
  | { type: 'FAIL'; error: string; at: number };

export const runMachine = setup({
  types: { context: {} as RunContext, events: {} as RunEvent },
  guards: {
    hasWork: ({ event }) => event.type === 'START' && event.total > 0,
    isLastReplication: ({ context }) => context.done + 1 >= context.total,
  },
  actions: {
    begin: assign(({ event }) =>
      event.type === 'START' ? { total: event.total, done: 0, startedAt: event.at, lastAt: event.at, error: null } : {},
    ),
    countReplication: assign(({ context, event }) => ({ done: context.done + 1, lastAt: event.at })),
    stamp: assign(({ event }) => ({ lastAt: event.at })),
    recordError: assign(({ event }) => (event.type === 'FAIL' ? { error: event.error, lastAt: event.at } : {})),
  },
}).createMachine({
  id: 'run',
  initial: 'idle',
  context: { total: 0, done: 0, startedAt: 0, lastAt: 0, error: null },
  on: {
    START: { guard: 'hasWork', target: '.running', actions: 'begin', reenter: true },
  },
  states: {
    idle: {},
    running: {
      on: {
        REPLICATION_DONE: [
          { guard: 'isLastReplication', target: 'done', actions: 'countReplication' },
          { actions: 'countReplication' },
        ],
        CANCEL: { target: 'cancelled', actions: 'stamp' },
        FAIL: { target: 'failed', actions: 'recordError' },
      },
    },
    done: {},
    cancelled: {},
    failed: {},
  },
});

export type RunSnapshot = SnapshotFrom<typeof runMachine>;
export type RunPhase = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export function phaseOf(snapshot: RunSnapshot): RunPhase {
  return snapshot.value as RunPhase;
}

/**
 * Seconds left at the pace of the replications finished so far (start to the last finish), less the
 * time since that finish; undefined before the first one finishes, when there is no pace to go by.
 */
export function secondsLeft(context: RunContext, now: number): number | undefined {
  if (context.done === 0 || context.done >= context.total) return context.done >= context.total ? 0 : undefined;
  const perReplication = (context.lastAt - context.startedAt) / context.done;
  return Math.max(0, ((context.total - context.done) * perReplication - (now - context.lastAt)) / 1000);
}
