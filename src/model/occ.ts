/**
 * The OCC simulation: calls arrive on each channel, are routed to staff groups by skill and
 * priority (999 before 101 before online, FIFO within a channel, non-preemptive; online reports
 * graded 1 ahead of the rest of the online queue; 101 call-backs after live 101 calls), wait, hang up
 * and sometimes ring back, are answered, triaged and handled. This file is the routing and service
 * and the event loop; the rooms around it:
 *
 *  - `events.ts`: the event kinds and their order at equal times;
 *  - `presence.ts`: staff arriving and leaving by the rota, and floor capacity (shielding, desks);
 *  - `recorder.ts`: the statistics;
 *  - `engine/`: the calendar, random streams, arrival processes, the slot pool and ring queues.
 *
 * Hot-path notes: calls live in recycled slots of typed arrays; events are (time, kind, data)
 * integers in the calendar; the agents of a group are counted, not modelled one by one (they are
 * identical), so an agent leaving at shift end is "the next one to finish a call".
 *
 * Abandonment without an event (on channels where nobody rings back): queues are FIFO, so whether
 * a caller hung up only matters when an agent reaches them. A caller found at the head of the
 * queue after their deadline hung up AT the deadline, and is recorded so then; callers who never
 * reach the head are found by `reap` before anything that counts who is waiting (the 15-minute
 * sample, the drain test after the horizon, the end of the run). That is the same model as a
 * hang-up event per waiting caller, with the same random draws, minus the events. Where a hang-up
 * leads to a redial, the redial must be scheduled at deadline + delay, which can be earlier than
 * the moment the caller is found, so those channels keep their hang-up events.
 */
import { EventCalendar, PiecewiseArrivals, RandomStreams, RingQueue, SlotPool, keyedRandom, sampler, type Random, type Sampler } from '../engine/index.ts';
import { CHANNELS, groupsOf, type Scenario } from '../scenario/index.ts';
import { SECONDS_PER_DAY as DAY, SECONDS_PER_HOUR as HOUR } from '../shared/time.ts';
import { simCalendar } from './calendar-time.ts';
import type { CallTypeTables } from './call-types.ts';
import { channelRate } from './demand.ts';
import { ABANDON, ARRIVAL, CAPACITY, DAY_START, PRIORITY, REDIAL, SERVICE_END, TICK } from './events.ts';
import { Presence } from './presence.ts';
import { Recorder, SAMPLE_SECONDS } from './recorder.ts';
import type { TriageHook } from './triage-hook.ts';

// A call slot's state.
const FREE = 0;
const PENDING = 1;
const WAITING = 2;
const ABANDONED = 3;

const ONLINE = 2;
const PHONE_101 = 1;
// What a call slot holds: a live contact, or a call-back the 101 triage step promised.
const CONTACT = 0;
const CALLBACK = 1;
// Where the 101 triage step sends a call (a staffed step decides when the call is answered).
const STAY = 0;
const TO_ONLINE = 1;
const TO_OTHER_TEAM = 2;
const TO_CALLBACK = 3;
/** After the horizon, arrivals stop and the queues drain for at most this long. */
const DRAIN_LIMIT = 7 * DAY;

export class OccSimulation {
  private readonly cal = new EventCalendar();
  private readonly nTypes: number;
  private readonly horizonEnd: number;
  private readonly days: number;
  private readonly recorder: Recorder;
  private readonly presence: Presence;

  // Staff groups: agents busy now, channels served in priority order.
  private readonly busy: Int32Array;
  private readonly skillOrder: number[][];
  /** Per channel: groups that can take it, specialists first. */
  private readonly groupsFor: number[][];

  /** Calls, one slot each, from creation (or redial scheduling) until answered or passed in the queue. */
  private readonly calls = new SlotPool({
    chan: Int8Array,
    type: Int16Array,
    state: Int8Array,
    /** 1 for a first call, 2 for the caller's first redial, ... */
    attempt: Int8Array,
    grade: Int8Array,
    deploys: Int8Array,
    kind: Int8Array,
    route: Int8Array,
    arrival: Float64Array,
    patience: Float64Array,
    deadline: Float64Array,
    service: Float64Array,
  });

  /** FIFO queue of slots per channel; abandoned entries are skipped (and freed) when reached. */
  private readonly queues = CHANNELS.map(() => new RingQueue(256));
  /**
   * Online reports graded 1, taken before the rest of the online queue. The desk is assumed to
   * screen each report as it arrives (a glance, not counted as work) and put those needing an
   * immediate response first; the grade is the one its full review gives.
   */
  private readonly urgentOnline = new RingQueue(64);
  /** Call-backs promised by the 101 triage step: made by 101-skilled staff when no live 101 call waits. */
  private readonly callbacks = new RingQueue(64);
  // The contact being created, as drawn (see `draw`), before it is answered at once or kept in a slot.
  private drawnPatience = 0;
  private drawnWork = 0;
  private drawnGrade = 0;
  private drawnDeploys = 0;
  private readonly waiting = new Int32Array(3);
  private readonly inService = new Int32Array(3);
  private pendingRedials = 0;

  // Per-channel randomness and arrival processes.
  private readonly arrivals: PiecewiseArrivals[];
  /** Per channel: its next arrival, a standing event of the calendar (beside the heap, not in it). */
  private readonly arrivalEvents: number[];
  private readonly callRandom: Random[];
  /** Per phone channel with any diversion online: the stream that decides it (null: nothing diverted). */
  private readonly divertRandom: (Random | null)[];
  private readonly patienceSampler: (Sampler | null)[];
  private readonly redialRandom: Random;
  /** Per channel: THRIVE grades, so that one channel's calls (e.g. more 101 redials) never move another's grades. */
  private readonly gradeRandom: Random[];
  private readonly redial: ({ probability: number; delay: Sampler; to999: number; maxAttempts: number } | null)[];
  /** Per channel: hang-ups decided when the caller is reached (patience, no redial), not by an ABANDON event. */
  private readonly lazyAbandon: boolean[];
  /** The 101 triage step: cumulative route shares (online, other team, call-back), the screen's minutes. */
  private readonly step101: { staffed: boolean; online: number; otherTeam: number; callback: number; screen: Sampler | null } | null;
  private readonly step101Random: Random;

  constructor(
    scenario: Scenario,
    /** Call types numbered for this scenario (`callTypeTables`), shared with the triage hook. */
    private readonly types: CallTypeTables,
    seed: string,
    replication: number,
    private readonly triage: TriageHook | null = null,
    /** Schedules a hang-up event for every waiting caller, on every channel (tests compare the two schemes). */
    eagerAbandonment = false,
  ) {
    const s = scenario;
    const streams = new RandomStreams(seed, replication);
    const simCal = simCalendar(s.horizon.startDate);
    this.nTypes = this.types.ids.length;
    this.horizonEnd = s.horizon.days * DAY;
    this.days = s.horizon.days;

    const groups = groupsOf(s.staffing);
    this.recorder = new Recorder(s, simCal, groups.map((g) => g.id), this.types.ids, replication);
    this.busy = new Int32Array(groups.length);
    this.skillOrder = groups.map((g) => CHANNELS.flatMap((c, i) => (g.skills.includes(c) ? [i] : [])));
    this.groupsFor = CHANNELS.map((c) =>
      groups
        .map((g, i) => ({ i, n: g.skills.length, has: g.skills.includes(c) }))
        .filter((g) => g.has)
        .sort((a, b) => a.n - b.n || a.i - b.i)
        .map((g) => g.i),
    );

    this.arrivals = CHANNELS.map((c) => new PiecewiseArrivals(channelRate(s, c, simCal).perSecond, HOUR, streams.get(`arrivals-${c}`), this.horizonEnd));
    this.arrivalEvents = CHANNELS.map((_, c) => this.cal.addStanding(ARRIVAL, c, PRIORITY[ARRIVAL]));
    this.callRandom = CHANNELS.map((c) => streams.get(`calls-${c}`));
    // Diversion has its own stream, drawn for every contact of a channel that diverts any call type:
    // a scenario without diversion makes no draw, and the calls' own stream (type, patience,
    // handling) stays the same in every scenario, as do the diversion draws of any two that divert.
    this.divertRandom = CHANNELS.map((c, i) => {
      const shares = this.types.diversion.subarray(i * this.nTypes, (i + 1) * this.nTypes);
      return c !== 'online' && shares.some((share) => share > 0) ? streams.get(`diversion-${c}`) : null;
    });
    this.patienceSampler = CHANNELS.map((c) => (s.patience[c] ? sampler(s.patience[c]!) : null));
    this.redialRandom = streams.get('redial');
    this.step101Random = streams.get('triage-101');
    const t = s.triage101;
    this.step101 = t
      ? {
          staffed: t.mode === 'staffed',
          online: t.toOnline,
          otherTeam: t.toOnline + t.toOtherTeam,
          callback: t.toOnline + t.toOtherTeam + t.toCallback,
          screen: t.screenMinutes ? sampler(t.screenMinutes) : null,
        }
      : null;
    this.gradeRandom = CHANNELS.map((c) => streams.get(`grade-${c}`));
    this.presence = new Presence(s, simCal, this.cal, keyedRandom(seed, replication, 'rota'), () => this.dispatchAll());
    this.redial = CHANNELS.map((c) => {
      const r = s.redial[c];
      return r ? { probability: r.probability, delay: sampler(r.delayMinutes), to999: r.to999, maxAttempts: r.maxAttempts } : null;
    });
    this.lazyAbandon = this.redial.map((r, c) => !r && this.patienceSampler[c] !== null && !eagerAbandonment);
  }

  run(): ReturnType<Recorder['finish']> {
    const cal = this.cal;
    const onFloor = this.presence.onFloor;
    this.presence.startDay(-1); // night shifts that began the day before the run
    cal.schedule(0, DAY_START, 0, PRIORITY[DAY_START]);
    for (let c = 0; c < 3; c++) this.scheduleArrival(c);
    cal.schedule(this.recorder.measureStart, TICK, 0, PRIORITY[TICK]);

    const drainEnd = this.horizonEnd + DRAIN_LIMIT;
    let events = 0;
    while (cal.pop()) {
      const now = cal.time;
      if (now > this.horizonEnd) {
        // Draining stops at the limit: whoever still waits then is unresolved.
        if (now > drainEnd) {
          this.reap(drainEnd, true);
          break;
        }
        // A hang-up due at this very instant comes first only if its priority is the lower.
        this.reap(now, PRIORITY[cal.kind]! > PRIORITY[ABANDON]!);
        if (this.waiting[0]! + this.waiting[1]! + this.waiting[2]! + this.pendingRedials === 0) break;
      }
      this.recorder.advance(now, this.busy, onFloor);
      events++;
      const data = cal.payload;
      switch (cal.kind) {
        case ARRIVAL:
          this.onArrival(data);
          break;
        case SERVICE_END:
          this.onServiceEnd(data >> 2, data & 3);
          break;
        case ABANDON:
          this.onAbandon(data, now);
          break;
        case REDIAL:
          this.pendingRedials--;
          this.offer(data);
          break;
        case CAPACITY:
          this.presence.apply(data);
          break;
        case DAY_START:
          this.presence.startDay(data);
          if (data + 1 < this.days + DRAIN_LIMIT / DAY + 1) cal.schedule((data + 1) * DAY, DAY_START, data + 1, PRIORITY[DAY_START]);
          break;
        case TICK:
          this.reap(now, true);
          this.recorder.sample(now, this.busy, onFloor, this.waiting, this.inService);
          if (now + SAMPLE_SECONDS < this.horizonEnd) cal.schedule(now + SAMPLE_SECONDS, TICK, 0, PRIORITY[TICK]);
          break;
      }
    }
    // The calendar ran dry: every hang-up due up to the drain limit has happened.
    if (cal.length === 0) this.reap(drainEnd, true);
    this.recorder.advance(Math.min(cal.time, this.horizonEnd), this.busy, onFloor);
    // Calls still queued when draining stopped: offered, never answered nor abandoned, waiting until then.
    const stopped = Math.min(cal.time, drainEnd);
    const { state, arrival, grade } = this.calls.columns;
    const stillWaiting = (queue: RingQueue, c: number) =>
      queue.forEach((slot) => {
        if (state[slot] === WAITING) this.recorder.unresolved(c, arrival[slot]!, grade[slot]!, stopped);
      });
    this.queues.forEach(stillWaiting);
    stillWaiting(this.urgentOnline, ONLINE);
    this.callbacks.forEach((slot) => {
      if (state[slot] === WAITING) this.recorder.callbackUnmade(arrival[slot]!);
    });
    return this.recorder.finish(events);
  }

  private scheduleArrival(c: number): void {
    const t = this.arrivals[c]!.next();
    if (t < Infinity) this.cal.setStanding(this.arrivalEvents[c]!, t);
  }

  /**
   * A contact arrives on channel `c`. Kept small, with the features most scenarios do not use
   * (diversion, the 101 triage step) in methods of their own, so that the engine can compile the
   * common path into the event loop.
   */
  private onArrival(c: number): void {
    this.scheduleArrival(c);
    const random = this.callRandom[c]!;
    const type = this.types.pick[c]!(random);
    const divert = this.divertRandom[c]!;
    if (divert !== null && divert() < this.types.diversion[c * this.nTypes + type]!) {
      this.recorder.diverted(c, this.cal.time);
      this.contact(ONLINE, type, random);
    } else if (c === PHONE_101 && this.step101) this.arriveAt101Step(this.step101, type, random);
    else this.contact(c, type, random);
  }

  /** A fresh 101 call meets the 101 triage step, which routes it (unstaffed: at once; staffed: when the screen answers). */
  private arriveAt101Step(step: NonNullable<OccSimulation['step101']>, type: number, random: Random): void {
    const u = this.step101Random();
    const route = u < step.online ? TO_ONLINE : u < step.otherTeam ? TO_OTHER_TEAM : u < step.callback ? TO_CALLBACK : STAY;
    if (!step.staffed && route !== STAY) {
      this.routeAway(route, type);
      return;
    }
    const slot = this.newCall(PHONE_101, type, random, 1);
    if (step.staffed) {
      // Every call waits for the screening handler; a routed call takes only the screen.
      const call = this.calls.columns;
      const screen = 60 * step.screen!(this.step101Random);
      call.route[slot] = route;
      if (route === STAY) call.service[slot]! += screen;
      else {
        call.service[slot] = screen;
        call.grade[slot] = 0; // graded where it is sent, not by the screen
        call.deploys[slot] = 0;
      }
    }
    this.offer(slot);
  }

  /** Sends a fresh 101 call where the triage step routed it: an online report, another team (it leaves), or a call-back. */
  private routeAway(route: number, type: number): void {
    const now = this.cal.time;
    const random = this.step101Random;
    if (route === TO_ONLINE) {
      this.recorder.routed101('toOnline', now);
      this.offer(this.newCall(ONLINE, type, random, 1));
    } else if (route === TO_OTHER_TEAM) this.recorder.routed101('toOtherTeam', now);
    else {
      this.recorder.routed101('toCallback', now);
      const slot = this.newCall(PHONE_101, type, random, 1);
      this.calls.columns.kind[slot] = CALLBACK;
      this.calls.columns.patience[slot] = Infinity; // nobody is on the line to hang up
      this.offer(slot);
    }
  }

  /**
   * A first call on `channel`: drawn in full whoever is free (so that scenarios share the same
   * calls), then answered at once by a free agent, without ever taking a slot, or kept in a slot
   * to wait.
   */
  private contact(channel: number, type: number, random: Random): void {
    this.draw(channel, type, random);
    const g = this.freeGroupFor(channel);
    if (g < 0) {
      this.offer(this.keep(channel, type, 1));
      return;
    }
    const now = this.cal.time;
    const work = this.drawnWork;
    this.recorder.answeredAtOnce(channel, now, work, type, this.drawnGrade, this.drawnDeploys === 1);
    this.serve(g, channel, work);
  }

  /** A contact that is not answered at once (a redial, a routed or screened 101 call): drawn and kept in a slot. */
  private newCall(channel: number, type: number, random: Random, attempt: number): number {
    this.draw(channel, type, random);
    return this.keep(channel, type, attempt);
  }

  /** Draws everything about a new contact, in a fixed order on its streams: patience, handling, THRIVE. */
  private draw(channel: number, type: number, random: Random): void {
    const patience = this.patienceSampler[channel];
    this.drawnPatience = patience ? 60 * patience(random) : Infinity;
    this.drawnWork = this.types.handling[channel * this.nTypes + type]!(random);
    this.drawnGrade = 0;
    this.drawnDeploys = 0;
    if (this.triage) this.assess(this.triage, channel, type);
  }

  /** THRIVE grades the contact being drawn: its grade, whether it sends an officer, the minutes it adds. */
  private assess(triage: TriageHook, channel: number, type: number): void {
    const outcome = triage.sample(type, this.gradeRandom[channel]!);
    this.drawnGrade = outcome.grade;
    this.drawnDeploys = outcome.sendsOfficer ? 1 : 0;
    this.drawnWork += outcome.extraMinutes * 60;
  }

  /** Keeps the contact just drawn in a slot (a first call when `attempt` is 1); returns the slot. */
  private keep(channel: number, type: number, attempt: number): number {
    const slot = this.calls.allocate();
    const call = this.calls.columns;
    call.chan[slot] = channel;
    call.type[slot] = type;
    call.attempt[slot] = attempt;
    call.kind[slot] = CONTACT;
    call.route[slot] = STAY;
    call.patience[slot] = this.drawnPatience;
    call.service[slot] = this.drawnWork;
    call.grade[slot] = this.drawnGrade;
    call.deploys[slot] = this.drawnDeploys;
    return slot;
  }

  /** The group with a free agent that takes channel `c` first (specialists first), or −1. */
  private freeGroupFor(c: number): number {
    const groups = this.groupsFor[c]!;
    const onFloor = this.presence.onFloor;
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i]!;
      if (this.busy[g]! < onFloor[g]!) return g;
    }
    return -1;
  }

  /** Offers the contact in `slot` now: an agent takes it at once, or it waits. */
  private offer(slot: number): void {
    const now = this.cal.time;
    const call = this.calls.columns;
    const c = call.chan[slot]!;
    call.arrival[slot] = now;
    if (call.kind[slot] === CALLBACK) this.recorder.callbackOffered(now);
    else this.recorder.offered(c, now, call.attempt[slot]! > 1, call.grade[slot]!);
    const g = this.freeGroupFor(c);
    if (g >= 0) this.startService(g, slot);
    else this.wait(slot);
  }

  /** No agent is free: the contact in `slot` joins its queue until answered or its patience runs out. */
  private wait(slot: number): void {
    const call = this.calls.columns;
    const c = call.chan[slot]!;
    call.state[slot] = WAITING;
    const deadline = this.cal.time + call.patience[slot]!;
    call.deadline[slot] = deadline;
    (call.kind[slot] === CALLBACK ? this.callbacks : c === ONLINE && call.grade[slot] === 1 ? this.urgentOnline : this.queues[c]!).push(slot);
    this.waiting[c]!++;
    if (deadline < Infinity && !this.lazyAbandon[c]) this.cal.schedule(deadline, ABANDON, slot, PRIORITY[ABANDON]);
  }

  /** An agent of group `g` answers the contact in `slot` now; the slot is freed. */
  private startService(g: number, slot: number): void {
    const now = this.cal.time;
    const call = this.calls.columns;
    const c = call.chan[slot]!;
    const work = call.service[slot]!;
    if (call.kind[slot] === CALLBACK) this.recorder.callbackMade(call.arrival[slot]!, now);
    else this.recorder.answered(c, call.arrival[slot]!, now, work, call.type[slot]!, call.grade[slot]!, call.deploys[slot] === 1);
    const route = call.route[slot]!;
    const type = call.type[slot]!;
    this.release(slot);
    this.serve(g, c, work);
    if (route !== STAY) this.routeAway(route, type); // a staffed screen routes the call as it is answered
  }

  /** An agent of group `g` starts `work` seconds on a channel-`c` contact now, until its SERVICE_END. */
  private serve(g: number, c: number, work: number): void {
    this.busy[g]!++;
    this.inService[c]!++;
    this.cal.schedule(this.cal.time + work, SERVICE_END, (g << 2) | c, PRIORITY[SERVICE_END]);
  }

  private onServiceEnd(g: number, c: number): void {
    this.busy[g]!--;
    this.inService[c]!--;
    this.dispatch(g);
  }

  /** After a change of floor capacity, every group with free agents takes waiting calls. */
  private dispatchAll(): void {
    const onFloor = this.presence.onFloor;
    for (let g = 0; g < onFloor.length; g++) if (this.busy[g]! < onFloor[g]!) this.dispatch(g);
  }

  /** Free agents of group `g` take the oldest call of the most urgent channel they serve. */
  private dispatch(g: number): void {
    const order = this.skillOrder[g]!;
    const onFloor = this.presence.onFloor;
    while (this.busy[g]! < onFloor[g]!) {
      let slot = -1;
      for (let i = 0; i < order.length && slot < 0; i++) slot = this.dequeue(order[i]!);
      if (slot < 0) return;
      this.startService(g, slot);
    }
  }

  /** Oldest waiting call on channel `c` (online: grade 1 first; 101: live calls, then call-backs), or −1. */
  private dequeue(c: number): number {
    // Nobody waits on the channel: its queues hold at most callers who hung up, freed when next reached.
    if (this.waiting[c] === 0) return -1;
    if (c === ONLINE) {
      const urgent = this.dequeueFrom(this.urgentOnline, c);
      if (urgent >= 0) return urgent;
    }
    const slot = this.dequeueFrom(this.queues[c]!, c);
    return slot < 0 && c === PHONE_101 ? this.dequeueFrom(this.callbacks, c) : slot;
  }

  /**
   * Oldest waiting call in `queue`, or −1; abandoned entries met on the way are freed. Agents take
   * calls only at events that come before hang-ups at the same instant (a new day, staff arriving,
   * a call ending), so a caller whose deadline is now is still there to be answered.
   */
  private dequeueFrom(queue: RingQueue, c: number): number {
    const call = this.calls.columns;
    const lazy = this.lazyAbandon[c]!;
    const now = this.cal.time;
    while (!queue.isEmpty) {
      const slot = queue.shift();
      if (call.state[slot] === WAITING) {
        const deadline = call.deadline[slot]!;
        if (!lazy || deadline >= now) {
          this.waiting[c]!--;
          return slot;
        }
        this.abandon(slot, deadline);
      }
      this.release(slot); // abandoned while queued
    }
    return -1;
  }

  /**
   * Every caller on a lazily abandoning channel whose patience ran out before `now` (or at `now`,
   * if `atNowToo`: when the hang-up would have come before the event at hand) hangs up at their
   * deadline; they stay in the queue, marked, until an agent reaches them.
   */
  private reap(now: number, atNowToo: boolean): void {
    const call = this.calls.columns;
    // Only phone calls have patience: the online and call-back queues never hold a deadline.
    for (let c = 0; c < this.queues.length; c++) {
      if (!this.lazyAbandon[c] || this.waiting[c] === 0) continue;
      this.queues[c]!.forEach((slot) => {
        if (call.state[slot] !== WAITING) return;
        const deadline = call.deadline[slot]!;
        if (deadline < now || (atNowToo && deadline === now)) this.abandon(slot, deadline);
      });
    }
  }

  /** An ABANDON event: the caller hangs up now, unless answered before. */
  private onAbandon(slot: number, now: number): void {
    const call = this.calls.columns;
    // A stale event: the call was answered (and its slot maybe reused) before its patience ran out.
    if (call.state[slot] !== WAITING || call.deadline[slot] !== now) return;
    this.abandon(slot, now);
  }

  /** The waiting caller in `slot` hangs up at `now` (their deadline), and may ring again. */
  private abandon(slot: number, now: number): void {
    const call = this.calls.columns;
    const c = call.chan[slot]!;
    call.state[slot] = ABANDONED; // freed when the queue reaches it
    this.waiting[c]!--;
    this.recorder.abandoned(c, call.arrival[slot]!, now);
    const redial = this.redial[c];
    if (redial && now < this.horizonEnd) {
      const random = this.redialRandom;
      if (random() < redial.probability) {
        const attempt = call.attempt[slot]!;
        if (attempt >= redial.maxAttempts) {
          this.recorder.gaveUp(c, call.arrival[slot]!);
          return;
        }
        const to = c === 1 && random() < redial.to999 ? 0 : c;
        const again = this.newCall(to, call.type[slot]!, random, attempt + 1);
        // `newCall` may have grown the pool: read the columns afresh.
        this.calls.columns.state[again] = PENDING;
        this.pendingRedials++;
        this.cal.schedule(now + 60 * redial.delay(random), REDIAL, again, PRIORITY[REDIAL]);
      }
    }
  }

  private release(slot: number): void {
    this.calls.columns.state[slot] = FREE;
    this.calls.release(slot);
  }
}
