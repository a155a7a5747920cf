/**
 * The OCC model's event kinds and what happens first when several fall at the same instant.
 *
 * The calendar orders events by (time, priority, order scheduled). The priorities below are the
 * model's one statement of the equal-time order, and `test/model/events.test.ts` pins it:
 *
 *  1. a new day starts (its desk rule applies, its shifts are drawn) before anything else that day;
 *  2. staff arrive or leave before calls are served, so a call at a shift change sees the new rota;
 *  3. a call ends before anyone hangs up, so an agent freed at t answers a caller whose patience
 *     runs out at t (the caller waited exactly their patience and was answered);
 *  4. a hang-up before new calls arrive, so a newcomer never takes an abandoning caller's place;
 *  5. first calls and redials are one stream of contacts, in the order they were scheduled;
 *  6. the statistics sample last, seeing the state after everything at that instant.
 */
export const DAY_START = 0;
export const CAPACITY = 1;
export const SERVICE_END = 2;
export const ABANDON = 3;
export const ARRIVAL = 4;
export const REDIAL = 5;
export const TICK = 6;

/** Each kind's same-time priority (lower first), indexed by kind. */
export const PRIORITY: readonly number[] = [
  /* DAY_START */ 0,
  /* CAPACITY */ 1,
  /* SERVICE_END */ 2,
  /* ABANDON */ 3,
  /* ARRIVAL */ 4,
  /* REDIAL */ 4,
  /* TICK */ 5,
];

/** Kind names, indexed by kind, for messages and tests. */
export const EVENT_NAMES: readonly string[] = ['day-start', 'capacity', 'service-end', 'abandon', 'arrival', 'redial', 'tick'];
