/**
 * The OCC simulation: calls arrive on each channel, are routed to staff groups by skill and
 * priority (999 before 101 before online, FIFO within a channel, non-preemptive), wait, hang up
 * and sometimes ring back, are answered, triaged and handled. Staff capacity follows the rota,
 * shielding and the desk cap. Everything is recorded into streaming statistics.
 *
 * Hot-path notes: calls live in recycled slots of typed arrays; events are (time, kind, data)
 * integers in the calendar; the agents of a group are counted, not modelled one by one (they are
 * identical), so an agent leaving at shift end is "the next one to finish a call".
 */
import { EventCalendar, PiecewiseArrivals, RandomStreams, sampler, type Random, type Sampler } from '../engine/index.ts';
import { CHANNELS, groupsOf, type Scenario } from '../scenario/index.ts';
import { binOf } from '../stats/histogram.ts';
import { GRADES, HOURS_OF_WEEK, emptyChannelStats, type ChannelStats, type ReplicationStats } from '../stats/replication.ts';
import { SECONDS_PER_DAY as DAY, SECONDS_PER_HOUR as HOUR } from '../shared/time.ts';
import { simCalendar, type SimCalendar } from './calendar-time.ts';
import type { CallTypeTables } from './call-types.ts';
import { channelRate } from './demand.ts';
import { StaffingTimeline } from './timeline.ts';
import { floorCapacity, NO_CAP, type DeskRule } from './capacity.ts';

/** What the model needs from triage: an O(1) draw of the outcome of one contact. */
export interface TriageHook {
  sample(callType: number, random: Random): { grade: number; response: string; extraMinutes: number };
}

// Event kinds, and their order at equal times (lower first): capacity changes, completions,
// hang-ups, then arrivals, then statistics samples.
const DAY_START = 0;
const CAPACITY = 1;
const SERVICE_END = 2;
const ABANDON = 3;
const ARRIVAL = 4;
const REDIAL = 5;
const TICK = 6;
const PRIORITY = [0, 1, 2, 3, 4, 4, 5];

const FREE = 0;
const PENDING = 1;
const WAITING = 2;
const ABANDONED = 3;

const ONLINE = 2;
const TICK_SECONDS = 15 * 60;
/** After the horizon, arrivals stop and the queues drain for at most this long. */
const DRAIN_LIMIT = 7 * DAY;
const DEPLOYING = new Set(['deploy-now', 'within-hour', 'appointment']);

export class OccSimulation {
  private readonly cal = new EventCalendar();
  private readonly streams: RandomStreams;
  private readonly simCal: SimCalendar;
  private readonly nTypes: number;
  private readonly measureStart: number;
  private readonly horizonEnd: number;

  // Staff groups: on duty now, capacity on the floor now, agents busy now, channels served in priority order.
  private readonly groupIds: string[];
  private readonly onDuty: Int32Array;
  private readonly cap: Int32Array;
  private readonly busy: Int32Array;
  private readonly usesDesk: boolean[];
  private readonly skillOrder: number[][];
  /** Per channel: groups that can take it, specialists first. */
  private readonly groupsFor: number[][];
  private desk: DeskRule = NO_CAP;
  private readonly timeline: StaffingTimeline;

  // Calls in slots.
  private size = 0;
  private free: Int32Array;
  private freeTop = 0;
  private chan: Int8Array;
  private type: Int16Array;
  private state: Int8Array;
  private redialFlag: Int8Array;
  private grade: Int8Array;
  private deploys: Int8Array;
  private arrival: Float64Array;
  private patience: Float64Array;
  private deadline: Float64Array;
  private service: Float64Array;

  // FIFO queue per channel (ring buffers of slots; abandoned entries are skipped lazily).
  private readonly queue: Int32Array[] = [];
  private readonly qHead = new Int32Array(3);
  private readonly qTail = new Int32Array(3);
  private readonly waiting = new Int32Array(3);
  private readonly inService = new Int32Array(3);
  private pendingRedials = 0;

  // Per-channel randomness and arrival processes.
  private readonly arrivals: PiecewiseArrivals[];
  private readonly callRandom: Random[];
  private readonly patienceSampler: (Sampler | null)[];
  private readonly redialRandom: Random;
  private readonly triageRandom: Random;
  private readonly rotaRandom: Random;
  private readonly redial: ({ probability: number; delay: Sampler; to999: number } | null)[];
  private readonly targetSeconds: number[];

  private lastTime = 0;
  private readonly stats: ReplicationStats;
  /** The channels' statistics by index, and agent-time integrals by group, for the hot path. */
  private readonly chStats: ChannelStats[];
  private readonly busyTime: Float64Array;
  private readonly floorTime: Float64Array;
  private readonly hist: Float64Array[];

  constructor(
    private readonly scenario: Scenario,
    /** Call types numbered for this scenario (`callTypeTables`), shared with the triage hook. */
    private readonly types: CallTypeTables,
    seed: string,
    replication: number,
    private readonly triage: TriageHook | null = null,
  ) {
    const s = scenario;
    this.streams = new RandomStreams(seed, replication);
    this.simCal = simCalendar(s.horizon.startDate);
    this.nTypes = this.types.ids.length;
    this.measureStart = s.horizon.warmupDays * DAY;
    this.horizonEnd = s.horizon.days * DAY;

    const groups = groupsOf(s.staffing);
    this.groupIds = groups.map((g) => g.id);
    this.onDuty = new Int32Array(groups.length);
    this.cap = new Int32Array(groups.length);
    this.busy = new Int32Array(groups.length);
    this.usesDesk = groups.map((g) => g.usesDesk);
    this.skillOrder = groups.map((g) => CHANNELS.flatMap((c, i) => (g.skills.includes(c) ? [i] : [])));
    this.groupsFor = CHANNELS.map((c) =>
      groups
        .map((g, i) => ({ i, n: g.skills.length, has: g.skills.includes(c) }))
        .filter((g) => g.has)
        .sort((a, b) => a.n - b.n || a.i - b.i)
        .map((g) => g.i),
    );
    this.timeline = new StaffingTimeline(s, this.simCal);

    const initial = 1024;
    this.free = new Int32Array(initial);
    this.chan = new Int8Array(initial);
    this.type = new Int16Array(initial);
    this.state = new Int8Array(initial);
    this.redialFlag = new Int8Array(initial);
    this.grade = new Int8Array(initial);
    this.deploys = new Int8Array(initial);
    this.arrival = new Float64Array(initial);
    this.patience = new Float64Array(initial);
    this.deadline = new Float64Array(initial);
    this.service = new Float64Array(initial);
    for (let c = 0; c < 3; c++) this.queue.push(new Int32Array(256));

    this.arrivals = CHANNELS.map((c) => new PiecewiseArrivals(channelRate(s, c, this.simCal).perSecond, HOUR, this.streams.get(`arrivals-${c}`)));
    this.callRandom = CHANNELS.map((c) => this.streams.get(`calls-${c}`));
    this.patienceSampler = CHANNELS.map((c) => (s.patience[c] ? sampler(s.patience[c]!) : null));
    this.redialRandom = this.streams.get('redial');
    this.triageRandom = this.streams.get('triage');
    this.rotaRandom = this.streams.get('rota');
    this.redial = CHANNELS.map((c) => {
      const r = s.redial[c];
      return r ? { probability: r.probability, delay: sampler(r.delayMinutes), to999: r.to999 } : null;
    });
    this.targetSeconds = [s.targets['999'].seconds, s.targets['101'].seconds, s.targets.online.hours * HOUR];

    const measuredDays = s.horizon.days - s.horizon.warmupDays;
    this.stats = {
      replication,
      measuredSeconds: measuredDays * DAY,
      measuredDays,
      events: 0,
      channels: { '999': emptyChannelStats(measuredDays), '101': emptyChannelStats(measuredDays), online: emptyChannelStats(measuredDays) },
      groups: Object.fromEntries(this.groupIds.map((id) => [id, { busySeconds: 0, floorSeconds: 0 }])),
      byHour: {
        samples: new Array(HOURS_OF_WEEK).fill(0),
        staffOnFloor: new Array(HOURS_OF_WEEK).fill(0),
        callsInSystem: new Array(HOURS_OF_WEEK).fill(0),
        onlineBacklog: new Array(HOURS_OF_WEEK).fill(0),
      },
      deployments: new Array(HOURS_OF_WEEK * GRADES).fill(0),
      gradeByCallType: Object.fromEntries(this.types.ids.map((id) => [id, new Array(GRADES).fill(0)])),
      online: { backlogByDay: new Array(measuredDays).fill(0), maxBacklog: 0 },
    };
    this.chStats = CHANNELS.map((c) => this.stats.channels[c]);
    this.busyTime = new Float64Array(groups.length);
    this.floorTime = new Float64Array(groups.length);
    this.hist = CHANNELS.map(() => new Float64Array(this.stats.channels['999'].waitHistogram.length));
  }

  run(): ReplicationStats {
    const cal = this.cal;
    this.startDay(-1); // night shifts that began the day before the run
    cal.schedule(0, DAY_START, 0, PRIORITY[DAY_START]);
    for (let c = 0; c < 3; c++) this.scheduleArrival(c, 0);
    cal.schedule(this.measureStart, TICK, 0, PRIORITY[TICK]);

    let events = 0;
    while (cal.pop()) {
      const now = cal.time;
      if (now > this.horizonEnd) {
        const unfinished = this.waiting[0]! + this.waiting[1]! + this.waiting[2]! + this.pendingRedials;
        if (unfinished === 0 || now > this.horizonEnd + DRAIN_LIMIT) break;
      }
      if (now > this.lastTime) this.advance(now);
      events++;
      const data = cal.payload;
      switch (cal.kind) {
        case ARRIVAL:
          this.onArrival(data, now);
          break;
        case SERVICE_END:
          this.onServiceEnd(data >> 2, data & 3);
          break;
        case ABANDON:
          this.onAbandon(data, now);
          break;
        case REDIAL:
          this.pendingRedials--;
          this.offer(data, now);
          break;
        case CAPACITY:
          this.onDuty[data >> 16]! += (data & 0xffff) - 0x8000;
          this.updateCapacity();
          break;
        case DAY_START:
          this.startDay(data);
          if (data + 1 < this.scenario.horizon.days + DRAIN_LIMIT / DAY + 1) cal.schedule((data + 1) * DAY, DAY_START, data + 1, PRIORITY[DAY_START]);
          break;
        case TICK:
          this.onTick(now);
          break;
      }
    }
    this.advance(Math.min(cal.time, this.horizonEnd));
    return this.finish(events);
  }

  // ---- arrivals, routing, service ----

  private scheduleArrival(c: number, now: number): void {
    const t = this.arrivals[c]!.next(now, this.horizonEnd);
    if (t < this.horizonEnd) this.cal.schedule(t, ARRIVAL, c, PRIORITY[ARRIVAL]);
  }

  private onArrival(c: number, now: number): void {
    this.scheduleArrival(c, now);
    const random = this.callRandom[c]!;
    const type = this.types.pick[c]!(random);
    let channel = c;
    if (c !== ONLINE) {
      const divert = this.types.diversion[c * this.nTypes + type]!;
      if (random() < divert) {
        channel = ONLINE;
        if (this.measuring(now)) this.chStats[c]!.diverted++;
      }
    }
    const slot = this.newCall(channel, type, random, false);
    this.offer(slot, now);
  }

  /** Draws everything about a contact when it is created, so scenarios share the same calls. */
  private newCall(channel: number, type: number, random: Random, isRedial: boolean): number {
    const slot = this.allocate();
    this.chan[slot] = channel;
    this.type[slot] = type;
    this.redialFlag[slot] = isRedial ? 1 : 0;
    const patience = this.patienceSampler[channel];
    this.patience[slot] = patience ? 60 * patience(random) : Infinity;
    let work = this.types.handling[channel * this.nTypes + type]!(random);
    if (this.triage) {
      const outcome = this.triage.sample(type, this.triageRandom);
      this.grade[slot] = outcome.grade;
      this.deploys[slot] = DEPLOYING.has(outcome.response) ? 1 : 0;
      work += outcome.extraMinutes * 60;
    } else this.grade[slot] = 0;
    this.service[slot] = work;
    return slot;
  }

  private offer(slot: number, now: number): void {
    const c = this.chan[slot]!;
    this.arrival[slot] = now;
    if (this.measuring(now)) {
      const ch = this.chStats[c]!;
      ch.offered++;
      if (this.redialFlag[slot]) ch.redials++;
      ch.byHour.offered[this.hourOfWeekAt(now)]!++;
      const [day, dayHour] = this.dateIndexAt(now);
      ch.byDate.offered[day]!++;
      if (ch.byDateHour.offered.length) ch.byDateHour.offered[dayHour]!++;
    }
    const groups = this.groupsFor[c]!;
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i]!;
      if (this.busy[g]! < this.cap[g]!) {
        this.startService(g, slot, now);
        return;
      }
    }
    this.state[slot] = WAITING;
    this.deadline[slot] = now + this.patience[slot]!;
    this.enqueue(c, slot);
    this.waiting[c]!++;
    if (this.deadline[slot]! < Infinity) this.cal.schedule(this.deadline[slot]!, ABANDON, slot, PRIORITY[ABANDON]);
  }

  private startService(g: number, slot: number, now: number): void {
    const c = this.chan[slot]!;
    const arrived = this.arrival[slot]!;
    const work = this.service[slot]!;
    this.busy[g]!++;
    this.inService[c]!++;
    if (this.measuring(arrived)) {
      const wait = now - arrived;
      const ch = this.chStats[c]!;
      const how = this.hourOfWeekAt(arrived);
      ch.answered++;
      ch.answerWaitSum += wait;
      ch.waitSum += wait;
      if (wait > 0) ch.waited++;
      ch.byHour.answered[how]!++;
      ch.byHour.waitSum[how]! += wait;
      const [day, dayHour] = this.dateIndexAt(arrived);
      const byHourToo = ch.byDateHour.offered.length > 0;
      ch.byDate.answered[day]!++;
      ch.byDate.waitSum[day]! += wait;
      if (byHourToo) {
        ch.byDateHour.answered[dayHour]!++;
        ch.byDateHour.waitSum[dayHour]! += wait;
      }
      if (wait <= this.targetSeconds[c]!) {
        ch.withinTarget++;
        ch.byHour.withinTarget[how]!++;
        ch.byDate.withinTarget[day]!++;
        if (byHourToo) ch.byDateHour.withinTarget[dayHour]!++;
      }
      this.hist[c]![binOf(wait)]!++;
      ch.handlingSeconds += work;
      const grade = this.grade[slot]!;
      if (grade > 0) {
        ch.grades[grade - 1]!++;
        this.stats.gradeByCallType[this.types.ids[this.type[slot]!]!]![grade - 1]!++;
        if (this.deploys[slot]) this.stats.deployments[this.hourOfWeekAt(now) * GRADES + grade - 1]!++;
      }
    }
    this.release(slot);
    this.cal.schedule(now + work, SERVICE_END, (g << 2) | c, PRIORITY[SERVICE_END]);
  }

  private onServiceEnd(g: number, c: number): void {
    this.busy[g]!--;
    this.inService[c]!--;
    this.dispatch(g);
  }

  /** Free agents of group `g` take the oldest call of the most urgent channel they serve. */
  private dispatch(g: number): void {
    const order = this.skillOrder[g]!;
    const now = this.cal.time;
    while (this.busy[g]! < this.cap[g]!) {
      let slot = -1;
      for (let i = 0; i < order.length && slot < 0; i++) slot = this.dequeue(order[i]!);
      if (slot < 0) return;
      this.startService(g, slot, now);
    }
  }

  private onAbandon(slot: number, now: number): void {
    // A stale event: the call was answered (and its slot maybe reused) before its patience ran out.
    if (this.state[slot] !== WAITING || this.deadline[slot] !== now) return;
    const c = this.chan[slot]!;
    this.state[slot] = ABANDONED; // freed when the queue reaches it
    this.waiting[c]!--;
    const arrived = this.arrival[slot]!;
    if (this.measuring(arrived)) {
      const ch = this.chStats[c]!;
      const wait = now - arrived;
      ch.abandoned++;
      ch.waited++;
      ch.waitSum += wait;
      ch.byHour.abandoned[this.hourOfWeekAt(arrived)]!++;
      ch.byHour.waitSum[this.hourOfWeekAt(arrived)]! += wait;
      const [day, dayHour] = this.dateIndexAt(arrived);
      ch.byDate.abandoned[day]!++;
      ch.byDate.waitSum[day]! += wait;
      if (ch.byDateHour.offered.length) {
        ch.byDateHour.abandoned[dayHour]!++;
        ch.byDateHour.waitSum[dayHour]! += wait;
      }
    }
    const redial = this.redial[c];
    if (redial && now < this.horizonEnd) {
      const random = this.redialRandom;
      if (random() < redial.probability) {
        const to = c === 1 && random() < redial.to999 ? 0 : c;
        const again = this.newCall(to, this.type[slot]!, random, true);
        this.state[again] = PENDING;
        this.pendingRedials++;
        this.cal.schedule(now + 60 * redial.delay(random), REDIAL, again, PRIORITY[REDIAL]);
      }
    }
  }

  // ---- capacity: rota, shielding, desks ----

  private startDay(day: number): void {
    if (day >= 0) {
      this.desk = this.timeline.deskRule(day);
      this.updateCapacity();
    }
    for (const change of this.timeline.drawDay(day, this.rotaRandom)) {
      this.changeCapacity(Math.max(change.time, this.cal.time, 0), change.group, change.delta);
    }
  }

  private changeCapacity(time: number, group: number, delta: number): void {
    this.cal.schedule(time, CAPACITY, (group << 16) | (delta + 0x8000), PRIORITY[CAPACITY]);
  }

  /** Capacity on the floor from those on duty (shielding, desk cap), then free agents take waiting calls. */
  private updateCapacity(): void {
    floorCapacity(this.onDuty, this.usesDesk, this.desk, this.cap);
    for (let g = 0; g < this.cap.length; g++) if (this.busy[g]! < this.cap[g]!) this.dispatch(g);
  }

  // ---- statistics ----

  private measuring(t: number): boolean {
    return t >= this.measureStart && t < this.horizonEnd;
  }

  /** Measured day of `t` (0 = first day after warm-up) and its hour counted from that day (day × 24 + hour). */
  private dateIndexAt(t: number): [number, number] {
    const hour = Math.floor((t - this.measureStart) / HOUR);
    return [Math.floor(hour / 24), hour];
  }

  private hourOfWeekAt(t: number): number {
    return (this.simCal.startWeekday * 24 + Math.floor(t / HOUR)) % 168;
  }

  /** Integrates agent time over the measured window up to `now`. */
  private advance(now: number): void {
    const from = Math.max(this.lastTime, this.measureStart);
    const to = Math.min(now, this.horizonEnd);
    if (to > from) {
      const dt = to - from;
      for (let g = 0; g < this.busy.length; g++) {
        this.busyTime[g]! += this.busy[g]! * dt;
        this.floorTime[g]! += Math.max(this.cap[g]!, this.busy[g]!) * dt;
      }
    }
    this.lastTime = now;
  }

  private onTick(now: number): void {
    const how = this.hourOfWeekAt(now);
    const h = this.stats.byHour;
    let floor = 0;
    for (let g = 0; g < this.cap.length; g++) floor += Math.max(this.cap[g]!, this.busy[g]!);
    const backlog = this.waiting[ONLINE]! + this.inService[ONLINE]!;
    h.samples[how]!++;
    h.staffOnFloor[how]! += floor;
    h.callsInSystem[how]! += this.waiting[0]! + this.waiting[1]! + this.inService[0]! + this.inService[1]!;
    h.onlineBacklog[how]! += backlog;
    const day = Math.floor((now - this.measureStart) / DAY);
    this.stats.online.backlogByDay[day]! += backlog / (DAY / TICK_SECONDS);
    if (backlog > this.stats.online.maxBacklog) this.stats.online.maxBacklog = backlog;
    if (now + TICK_SECONDS < this.horizonEnd) this.cal.schedule(now + TICK_SECONDS, TICK, 0, PRIORITY[TICK]);
  }

  private finish(events: number): ReplicationStats {
    this.stats.events = events;
    this.groupIds.forEach((id, g) => (this.stats.groups[id] = { busySeconds: this.busyTime[g]!, floorSeconds: this.floorTime[g]! }));
    CHANNELS.forEach((c, i) => {
      const ch = this.stats.channels[c];
      ch.waitHistogram = Array.from(this.hist[i]!);
      // Calls still queued when draining stopped: offered, never answered nor abandoned.
      for (let q = this.qHead[i]!; q !== this.qTail[i]!; q = (q + 1) & (this.queue[i]!.length - 1)) {
        const slot = this.queue[i]![q]!;
        if (this.state[slot] === WAITING && this.measuring(this.arrival[slot]!)) ch.unresolved++;
      }
    });
    return this.stats;
  }

  // ---- slots and queues ----

  private allocate(): number {
    if (this.freeTop > 0) return this.free[--this.freeTop]!;
    if (this.size === this.chan.length) this.growSlots();
    return this.size++;
  }

  private release(slot: number): void {
    this.state[slot] = FREE;
    this.free[this.freeTop++] = slot;
  }

  private growSlots(): void {
    const n = this.chan.length * 2;
    const grow = <T extends Int8Array | Int16Array | Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(n);
      b.set(a);
      return b;
    };
    this.free = grow(this.free);
    this.chan = grow(this.chan);
    this.type = grow(this.type);
    this.state = grow(this.state);
    this.redialFlag = grow(this.redialFlag);
    this.grade = grow(this.grade);
    this.deploys = grow(this.deploys);
    this.arrival = grow(this.arrival);
    this.patience = grow(this.patience);
    this.deadline = grow(this.deadline);
    this.service = grow(this.service);
  }

  private enqueue(c: number, slot: number): void {
    let q = this.queue[c]!;
    const mask = q.length - 1;
    if (((this.qTail[c]! + 1) & mask) === this.qHead[c]!) {
      // Full: unroll into a ring twice the size.
      const bigger = new Int32Array(q.length * 2);
      let n = 0;
      for (let i = this.qHead[c]!; i !== this.qTail[c]!; i = (i + 1) & mask) bigger[n++] = q[i]!;
      this.queue[c] = q = bigger;
      this.qHead[c] = 0;
      this.qTail[c] = n;
    }
    q[this.qTail[c]!] = slot;
    this.qTail[c] = (this.qTail[c]! + 1) & (q.length - 1);
  }

  /** Oldest waiting call on channel `c`, or −1; abandoned entries met on the way are freed. */
  private dequeue(c: number): number {
    const q = this.queue[c]!;
    const mask = q.length - 1;
    while (this.qHead[c] !== this.qTail[c]) {
      const slot = q[this.qHead[c]!]!;
      this.qHead[c] = (this.qHead[c]! + 1) & mask;
      if (this.state[slot] === WAITING) {
        this.waiting[c]!--;
        return slot;
      }
      this.release(slot); // abandoned while queued
    }
    return -1;
  }
}
