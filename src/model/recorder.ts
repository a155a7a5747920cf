/**
 * The statistics recorder of one replication: the model tells it what happened to each contact
 * (offered, diverted online, answered, abandoned), how agent time passes, and samples the floor
 * every 15 minutes; it keeps counts and sums only (`ReplicationStats`), so memory does not grow with
 * the horizon. Only contacts that arrive inside the measured window (after warm-up, before the
 * horizon) are counted; agent time is integrated over the same window.
 */
import { CHANNELS, type Scenario } from '../scenario/index.ts';
import { SECONDS_PER_DAY as DAY, SECONDS_PER_HOUR as HOUR } from '../shared/time.ts';
import { binOf } from '../stats/histogram.ts';
import { GRADES, HOURS_OF_WEEK, emptyChannelStats, emptyPriorityStats, type ChannelStats, type ReplicationStats } from '../stats/replication.ts';
import type { SimCalendar } from './calendar-time.ts';

/** Floor and backlog are sampled this often (seconds). */
export const SAMPLE_SECONDS = 15 * 60;
const ONLINE = 2;

export class Recorder {
  readonly measureStart: number;
  readonly horizonEnd: number;
  private readonly startHour: number;
  private readonly stats: ReplicationStats;
  /** The channels' statistics by index, for the hot path. */
  private readonly channels: ChannelStats[];
  private readonly targetSeconds: number[];
  private readonly callbackSeconds: number;
  private readonly hist: Float64Array[];
  /** Grade counts per call type, by call-type index. */
  private readonly gradeRows: number[][];
  /** Agent-seconds busy and on the floor, per group. */
  private readonly busyTime: Float64Array;
  private readonly floorTime: Float64Array;
  private lastTime = 0;

  constructor(
    scenario: Scenario,
    simCal: SimCalendar,
    private readonly groupIds: readonly string[],
    callTypeIds: readonly string[],
    replication: number,
  ) {
    const s = scenario;
    this.measureStart = s.horizon.warmupDays * DAY;
    this.horizonEnd = s.horizon.days * DAY;
    this.startHour = simCal.startWeekday * 24;
    this.targetSeconds = [s.targets['999'].seconds, s.targets['101'].seconds, s.targets.online.hours * HOUR];
    this.callbackSeconds = (s.triage101?.callbackHours ?? 0) * HOUR;
    const measuredDays = s.horizon.days - s.horizon.warmupDays;
    this.stats = {
      replication,
      measuredSeconds: measuredDays * DAY,
      measuredDays,
      events: 0,
      channels: { '999': emptyChannelStats(measuredDays), '101': emptyChannelStats(measuredDays), online: emptyChannelStats(measuredDays) },
      groups: Object.fromEntries(groupIds.map((id) => [id, { busySeconds: 0, floorSeconds: 0 }])),
      byHour: {
        samples: new Array(HOURS_OF_WEEK).fill(0),
        staffOnFloor: new Array(HOURS_OF_WEEK).fill(0),
        callsInSystem: new Array(HOURS_OF_WEEK).fill(0),
        onlineBacklog: new Array(HOURS_OF_WEEK).fill(0),
      },
      deployments: new Array(HOURS_OF_WEEK * GRADES).fill(0),
      gradeByCallType: Object.fromEntries(callTypeIds.map((id) => [id, new Array(GRADES).fill(0)])),
      online: { backlogByDay: new Array(measuredDays).fill(0), maxBacklog: 0, grade1: emptyPriorityStats() },
      triage101: { toOnline: 0, toOtherTeam: 0, toCallback: 0, callbacks: emptyPriorityStats() },
    };
    this.gradeRows = callTypeIds.map((id) => this.stats.gradeByCallType[id]!);
    this.channels = CHANNELS.map((c) => this.stats.channels[c]);
    this.hist = CHANNELS.map(() => new Float64Array(this.stats.channels['999'].waitHistogram.length));
    this.busyTime = new Float64Array(groupIds.length);
    this.floorTime = new Float64Array(groupIds.length);
  }

  /** True for times inside the measured window. */
  measuring(t: number): boolean {
    return t >= this.measureStart && t < this.horizonEnd;
  }

  /** A phone contact on channel `c` arriving at `now` was reported online instead. */
  diverted(c: number, now: number): void {
    if (this.measuring(now)) this.channels[c]!.diverted++;
  }

  offered(c: number, now: number, isRedial: boolean, grade: number): void {
    if (!this.measuring(now)) return;
    const ch = this.channels[c]!;
    if (c === ONLINE && grade === 1) this.stats.online.grade1.offered++;
    ch.offered++;
    if (isRedial) ch.redials++;
    ch.byHour.offered[this.hourOfWeekAt(now)]!++;
    const hour = this.measuredHourAt(now);
    ch.byDate.offered[Math.floor(hour / 24)]!++;
    if (ch.byDateHour.offered.length) ch.byDateHour.offered[hour]!++;
  }

  /**
   * A contact offered at `arrived` was answered at `now`, with `work` seconds of handling; its
   * grade (0 when triage is off) and whether it sends an officer, counted in the hour it is answered.
   */
  answered(c: number, arrived: number, now: number, work: number, callType: number, grade: number, sendsOfficer: boolean): void {
    if (!this.measuring(arrived)) return;
    const wait = now - arrived;
    const ch = this.channels[c]!;
    const how = this.hourOfWeekAt(arrived);
    ch.answered++;
    ch.answerWaitSum += wait;
    ch.waitSum += wait;
    if (wait > 0) ch.waited++;
    ch.byHour.answered[how]!++;
    ch.byHour.waitSum[how]! += wait;
    const hour = this.measuredHourAt(arrived);
    const day = Math.floor(hour / 24);
    const byHourToo = ch.byDateHour.offered.length > 0;
    ch.byDate.answered[day]!++;
    ch.byDate.waitSum[day]! += wait;
    if (byHourToo) {
      ch.byDateHour.answered[hour]!++;
      ch.byDateHour.waitSum[hour]! += wait;
    }
    if (wait <= this.targetSeconds[c]!) {
      ch.withinTarget++;
      ch.byHour.withinTarget[how]!++;
      ch.byDate.withinTarget[day]!++;
      if (byHourToo) ch.byDateHour.withinTarget[hour]!++;
    }
    this.hist[c]![binOf(wait)]!++;
    if (c === ONLINE && grade === 1) {
      const urgent = this.stats.online.grade1;
      urgent.answered++;
      urgent.waitSum += wait;
      if (wait <= this.targetSeconds[c]!) urgent.withinTarget++;
      if (wait <= HOUR) urgent.withinHour++;
      urgent.waitHistogram[binOf(wait)]!++;
    }
    ch.handlingSeconds += work;
    if (grade > 0) {
      ch.grades[grade - 1]!++;
      this.gradeRows[callType]![grade - 1]!++;
      if (sendsOfficer) this.stats.deployments[this.hourOfWeekAt(now) * GRADES + grade - 1]!++;
    }
  }

  /**
   * A first contact offered at `now` and answered at once: what `offered` and then `answered` with
   * no wait would count, with the hour looked up once. A wait of 0 adds nothing to a sum of waits
   * (they start at +0, so x + 0 is x), so no sum is touched, and it falls in the histogram's bin 0.
   */
  answeredAtOnce(c: number, now: number, work: number, callType: number, grade: number, sendsOfficer: boolean): void {
    if (!this.measuring(now)) return;
    const ch = this.channels[c]!;
    const how = this.hourOfWeekAt(now);
    const hour = this.measuredHourAt(now);
    const day = Math.floor(hour / 24);
    const byHourToo = ch.byDateHour.offered.length > 0;
    const within = 0 <= this.targetSeconds[c]!;
    ch.offered++;
    ch.answered++;
    ch.byHour.offered[how]!++;
    ch.byHour.answered[how]!++;
    ch.byDate.offered[day]!++;
    ch.byDate.answered[day]!++;
    if (byHourToo) {
      ch.byDateHour.offered[hour]!++;
      ch.byDateHour.answered[hour]!++;
    }
    if (within) {
      ch.withinTarget++;
      ch.byHour.withinTarget[how]!++;
      ch.byDate.withinTarget[day]!++;
      if (byHourToo) ch.byDateHour.withinTarget[hour]!++;
    }
    this.hist[c]![0]!++;
    if (c === ONLINE && grade === 1) {
      const urgent = this.stats.online.grade1;
      urgent.offered++;
      urgent.answered++;
      if (within) urgent.withinTarget++;
      urgent.withinHour++;
      urgent.waitHistogram[0]!++;
    }
    ch.handlingSeconds += work;
    if (grade > 0) {
      ch.grades[grade - 1]!++;
      this.gradeRows[callType]![grade - 1]!++;
      if (sendsOfficer) this.stats.deployments[how * GRADES + grade - 1]!++;
    }
  }

  /** The 101 triage step routed a fresh 101 call arriving at `now`: online, to another team, or to a call-back. */
  routed101(to: 'toOnline' | 'toOtherTeam' | 'toCallback', now: number): void {
    if (this.measuring(now)) this.stats.triage101[to]++;
  }

  callbackOffered(now: number): void {
    if (this.measuring(now)) this.stats.triage101.callbacks.offered++;
  }

  /** A call-back promised at `arrived` was made at `now`. */
  callbackMade(arrived: number, now: number): void {
    if (!this.measuring(arrived)) return;
    const cb = this.stats.triage101.callbacks;
    const wait = now - arrived;
    cb.answered++;
    cb.waitSum += wait;
    if (wait <= this.callbackSeconds) cb.withinTarget++;
    if (wait <= HOUR) cb.withinHour++;
    cb.waitHistogram[binOf(wait)]!++;
  }

  callbackUnmade(arrived: number): void {
    if (this.measuring(arrived)) this.stats.triage101.callbacks.unresolved++;
  }

  /** A contact offered at `arrived` hung up at `now`. */
  abandoned(c: number, arrived: number, now: number): void {
    if (!this.measuring(arrived)) return;
    const ch = this.channels[c]!;
    ch.abandoned++;
    ch.byHour.abandoned[this.hourOfWeekAt(arrived)]!++;
    const hour = this.measuredHourAt(arrived);
    ch.byDate.abandoned[Math.floor(hour / 24)]!++;
    if (ch.byDateHour.offered.length) ch.byDateHour.abandoned[hour]!++;
    this.waitedWithoutAnswer(ch, arrived, now - arrived);
  }

  /** A contact that waited `wait` seconds and was not answered: it counts in the waiting share and the mean wait over all offered. */
  private waitedWithoutAnswer(ch: ChannelStats, arrived: number, wait: number): void {
    ch.waited++;
    ch.waitSum += wait;
    ch.byHour.waitSum[this.hourOfWeekAt(arrived)]! += wait;
    const hour = this.measuredHourAt(arrived);
    ch.byDate.waitSum[Math.floor(hour / 24)]! += wait;
    if (ch.byDateHour.offered.length) ch.byDateHour.waitSum[hour]! += wait;
  }

  /** A caller whose call offered at `arrived` abandoned on their last permitted attempt, and would have rung again. */
  gaveUp(c: number, arrived: number): void {
    if (this.measuring(arrived)) this.channels[c]!.gaveUp++;
  }

  /**
   * A contact offered at `arrived` was still waiting when the run stopped at `stopped`: it waited,
   * and its wait so far counts in the mean wait over all offered (a wait of 0, as before, made a
   * backlog nobody reached look like one nobody waited in).
   */
  unresolved(c: number, arrived: number, grade: number, stopped: number): void {
    if (!this.measuring(arrived)) return;
    const ch = this.channels[c]!;
    ch.unresolved++;
    if (c === ONLINE && grade === 1) this.stats.online.grade1.unresolved++;
    this.waitedWithoutAnswer(ch, arrived, stopped - arrived);
  }

  /** Integrates agent time, busy and on the floor, over the measured window up to `now`. */
  advance(now: number, busy: Int32Array, onFloor: Int32Array): void {
    const from = Math.max(this.lastTime, this.measureStart);
    const to = Math.min(now, this.horizonEnd);
    if (to > from) {
      const dt = to - from;
      for (let g = 0; g < busy.length; g++) {
        this.busyTime[g]! += busy[g]! * dt;
        // Agents finishing a call after leaving the floor are still working.
        this.floorTime[g]! += Math.max(onFloor[g]!, busy[g]!) * dt;
      }
    }
    this.lastTime = now;
  }

  /** The 15-minute sample at `now`: staff on the floor, calls in the system, the online backlog. */
  sample(now: number, busy: Int32Array, onFloor: Int32Array, waiting: Int32Array, inService: Int32Array): void {
    const how = this.hourOfWeekAt(now);
    const h = this.stats.byHour;
    let floor = 0;
    for (let g = 0; g < onFloor.length; g++) floor += Math.max(onFloor[g]!, busy[g]!);
    const backlog = waiting[ONLINE]! + inService[ONLINE]!;
    h.samples[how]!++;
    h.staffOnFloor[how]! += floor;
    h.callsInSystem[how]! += waiting[0]! + waiting[1]! + inService[0]! + inService[1]!;
    h.onlineBacklog[how]! += backlog;
    const day = Math.floor((now - this.measureStart) / DAY);
    this.stats.online.backlogByDay[day]! += backlog / (DAY / SAMPLE_SECONDS);
    if (backlog > this.stats.online.maxBacklog) this.stats.online.maxBacklog = backlog;
  }

  finish(events: number): ReplicationStats {
    this.stats.events = events;
    this.groupIds.forEach((id, g) => (this.stats.groups[id] = { busySeconds: this.busyTime[g]!, floorSeconds: this.floorTime[g]! }));
    this.channels.forEach((ch, c) => (ch.waitHistogram = Array.from(this.hist[c]!)));
    return this.stats;
  }

  /** Hours since the start of the measured window (day × 24 + hour of that day). */
  private measuredHourAt(t: number): number {
    return Math.floor((t - this.measureStart) / HOUR);
  }

  private hourOfWeekAt(t: number): number {
    return (this.startHour + Math.floor(t / HOUR)) % HOURS_OF_WEEK;
  }
}
