/**
 * The OCC model's equal-time order, pinned: a change here changes results, so it must be deliberate.
 */
import { describe, expect, it } from 'vitest';
import { EventCalendar } from '../../src/engine/index.ts';
import { ABANDON, ARRIVAL, CAPACITY, DAY_START, EVENT_NAMES, PRIORITY, REDIAL, SERVICE_END, TICK } from '../../src/model/events.ts';

/** Schedules one event of each kind at the same instant, in the given order, and names them as they pop. */
function popOrder(kinds: number[]): string[] {
  const cal = new EventCalendar();
  for (const kind of kinds) cal.schedule(60, kind, 0, PRIORITY[kind]);
  const out: string[] = [];
  while (cal.pop()) out.push(EVENT_NAMES[cal.kind]!);
  return out;
}

describe('event kinds', () => {
  it('fire at equal times as day start, staff changes, call ends, hang-ups, contacts, samples', () => {
    const all = [TICK, REDIAL, ARRIVAL, ABANDON, SERVICE_END, CAPACITY, DAY_START];
    expect(popOrder(all)).toEqual(['day-start', 'capacity', 'service-end', 'abandon', 'redial', 'arrival', 'tick']);
    expect(popOrder([...all].reverse())).toEqual(['day-start', 'capacity', 'service-end', 'abandon', 'arrival', 'redial', 'tick']);
  });

  it('keep that order with arrivals as standing events beside the heap, as the model keeps them', () => {
    const cal = new EventCalendar();
    const arrival = cal.addStanding(ARRIVAL, 0, PRIORITY[ARRIVAL]);
    cal.schedule(60, TICK, 0, PRIORITY[TICK]);
    cal.schedule(60, REDIAL, 0, PRIORITY[REDIAL]);
    cal.setStanding(arrival, 60);
    for (const kind of [ABANDON, SERVICE_END, CAPACITY, DAY_START]) cal.schedule(60, kind, 0, PRIORITY[kind]);
    const out: string[] = [];
    while (cal.pop()) out.push(EVENT_NAMES[cal.kind]!);
    expect(out).toEqual(['day-start', 'capacity', 'service-end', 'abandon', 'redial', 'arrival', 'tick']);
  });

  it('every kind has a priority and a name', () => {
    expect(PRIORITY).toHaveLength(EVENT_NAMES.length);
    expect(new Set(EVENT_NAMES).size).toBe(EVENT_NAMES.length);
  });
});
