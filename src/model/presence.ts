/**
 * Who is on duty and who is on the floor during a run. Each simulated day, the day's desk rule
 * applies and the staffing timeline draws the shifts starting that day (with shrinkage); each
 * arrival or departure of staff becomes a calendar event. When one fires, the number on duty in
 * its group changes and the floor capacity of every group is recomputed (`floorCapacity`:
 * shielding, desk cap). The model is then told, so that agents who became free take waiting calls.
 *
 * A pending change is kept in a slot of its own (group, delta) and the event carries the slot
 * number, so any headcount the scenario allows fits: nothing is packed into the event's integer.
 */
import { SlotPool, type EventCalendar, type KeyedRandom } from '../engine/index.ts';
import type { Scenario } from '../scenario/index.ts';
import type { SimCalendar } from './calendar-time.ts';
import { floorCapacity, NO_CAP, type DeskRule } from './capacity.ts';
import { CAPACITY, PRIORITY } from './events.ts';
import { StaffingTimeline } from './timeline.ts';

export class Presence {
  /** Staff on duty now, per group. */
  readonly onDuty: Int32Array;
  /** Staff on the floor and able to take calls now, per group. */
  readonly onFloor: Int32Array;
  private readonly usesDesk: readonly boolean[];
  private readonly timeline: StaffingTimeline;
  private desk: DeskRule = NO_CAP;
  private readonly pending = new SlotPool({ group: Int32Array, delta: Int32Array }, 64);

  constructor(
    scenario: Scenario,
    simCal: SimCalendar,
    private readonly cal: EventCalendar,
    private readonly draw: KeyedRandom,
    /** Called after every change of floor capacity. */
    private readonly changed: () => void,
  ) {
    this.timeline = new StaffingTimeline(scenario, simCal);
    this.usesDesk = this.timeline.usesDesk;
    this.onDuty = new Int32Array(this.usesDesk.length);
    this.onFloor = new Int32Array(this.usesDesk.length);
  }

  /** Day `day` begins (−1: the day before the run, for night shifts running into day 0). */
  startDay(day: number): void {
    if (day >= 0) {
      this.desk = this.timeline.deskRule(day);
      this.update();
    }
    for (const change of this.timeline.drawDay(day, this.draw)) {
      const slot = this.pending.allocate();
      this.pending.columns.group[slot] = change.group;
      this.pending.columns.delta[slot] = change.delta;
      this.cal.schedule(Math.max(change.time, this.cal.time, 0), CAPACITY, slot, PRIORITY[CAPACITY]);
    }
  }

  /** A CAPACITY event fired: apply the pending change in `slot`. */
  apply(slot: number): void {
    this.onDuty[this.pending.columns.group[slot]!]! += this.pending.columns.delta[slot]!;
    this.pending.release(slot);
    this.update();
  }

  private update(): void {
    floorCapacity(this.onDuty, this.usesDesk, this.desk, this.onFloor);
    this.changed();
  }
}
