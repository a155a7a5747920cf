/**
 * What one replication records: counts, sums and histograms only, so memory does not grow with
 * the horizon (except one number per measured day for the online backlog trend). Everything is a
 * plain, structured-clonable, JSON-safe object; two records merge exactly by adding.
 */
import { HISTOGRAM_BINS } from './histogram.ts';

export const HOURS_OF_WEEK = 168;
export const GRADES = 4;

export interface HourlyCounts {
  offered: number[];
  answered: number[];
  abandoned: number[];
  withinTarget: number[];
  waitSum: number[];
}

/** Counts by measured date (index 0 = the first day after warm-up), or by date and hour (day × 24 + hour). */
export interface DatedCounts {
  offered: number[];
  answered: number[];
  abandoned: number[];
  withinTarget: number[];
  waitSum: number[];
}

/** Runs up to this many measured days also count by date and hour; longer runs by date only. */
export const MAX_DAYS_BY_DATE_AND_HOUR = 31;

export interface ChannelStats {
  offered: number;
  /** Offered calls that were redials of an abandoned call (included in `offered`). */
  redials: number;
  /** Callers who hung up on their last permitted attempt (`redial.maxAttempts`) and would have rung again. */
  gaveUp: number;
  /** Phone contacts of this channel reported online instead (counted as online offered). */
  diverted: number;
  answered: number;
  abandoned: number;
  /** Offered calls that waited at all before answer or hang-up. */
  waited: number;
  /** Wait of every offered call; abandoners count until they hung up. */
  waitSum: number;
  /** Wait of answered calls only (average speed of answer). */
  answerWaitSum: number;
  withinTarget: number;
  /** Talk + wrap-up + triage work of answered contacts, seconds. */
  handlingSeconds: number;
  /** Still waiting when the run stopped draining. */
  unresolved: number;
  /** Waits of answered calls (online: age at completion), log-scale bins. */
  waitHistogram: number[];
  byHour: HourlyCounts;
  /** By the date the contact arrived: one entry per measured day, so memory grows with the days only. */
  byDate: DatedCounts;
  /** By date and hour of arrival, for runs of up to MAX_DAYS_BY_DATE_AND_HOUR measured days (else empty). */
  byDateHour: DatedCounts;
  /** Answered contacts by grade 1–4 (index 0 = grade 1). */
  grades: number[];
}

/**
 * Contacts counted apart from their channel: online reports graded 1, which the digital desk takes
 * ahead of its queue, and 101 call-backs. Waits run from arrival to the start of the work.
 */
export interface PriorityStats {
  offered: number;
  answered: number;
  waitSum: number;
  /** Worked within the channel's own target. */
  withinTarget: number;
  /** Worked within an hour. */
  withinHour: number;
  /** Still waiting when the run stopped draining. */
  unresolved: number;
  waitHistogram: number[];
}

export interface GroupStats {
  /** Agent-seconds spent handling contacts. */
  busySeconds: number;
  /** Agent-seconds on the floor and able to take contacts. */
  floorSeconds: number;
}

export interface ReplicationStats {
  replication: number;
  measuredSeconds: number;
  measuredDays: number;
  events: number;
  channels: Record<'999' | '101' | 'online', ChannelStats>;
  groups: Record<string, GroupStats>;
  /** Samples every 15 minutes, summed per hour of week (divide by `samples`). */
  byHour: { samples: number[]; staffOnFloor: number[]; callsInSystem: number[]; onlineBacklog: number[] };
  /** Deployments created per hour of week by grade: index hour·4 + (grade − 1). */
  deployments: number[];
  gradeByCallType: Record<string, number[]>;
  /** The 101 triage step: fresh 101 calls it routed online, to another team, to a call-back; the call-backs. */
  triage101: { toOnline: number; toOtherTeam: number; toCallback: number; callbacks: PriorityStats };
  /** The online backlog trend, its peak, and the grade-1 reports counted apart. */
  online: { backlogByDay: number[]; maxBacklog: number; grade1: PriorityStats };
}

const zeros = (n: number) => new Array<number>(n).fill(0);

export function emptyPriorityStats(): PriorityStats {
  return { offered: 0, answered: 0, waitSum: 0, withinTarget: 0, withinHour: 0, unresolved: 0, waitHistogram: zeros(HISTOGRAM_BINS) };
}

function emptyDated(n: number): DatedCounts {
  return { offered: zeros(n), answered: zeros(n), abandoned: zeros(n), withinTarget: zeros(n), waitSum: zeros(n) };
}

export function emptyChannelStats(measuredDays = 0): ChannelStats {
  return {
    offered: 0,
    redials: 0,
    gaveUp: 0,
    diverted: 0,
    answered: 0,
    abandoned: 0,
    waited: 0,
    waitSum: 0,
    answerWaitSum: 0,
    withinTarget: 0,
    handlingSeconds: 0,
    unresolved: 0,
    waitHistogram: zeros(HISTOGRAM_BINS),
    byHour: {
      offered: zeros(HOURS_OF_WEEK),
      answered: zeros(HOURS_OF_WEEK),
      abandoned: zeros(HOURS_OF_WEEK),
      withinTarget: zeros(HOURS_OF_WEEK),
      waitSum: zeros(HOURS_OF_WEEK),
    },
    byDate: emptyDated(measuredDays),
    byDateHour: emptyDated(measuredDays <= MAX_DAYS_BY_DATE_AND_HOUR ? measuredDays * 24 : 0),
    grades: zeros(GRADES),
  };
}

/** Adds `b` into a copy of `a`: numbers add, arrays add element-wise, records merge by key. */
export function mergeStats<T>(a: T, b: T): T {
  return addInto(structuredClone(a), b);
}

function addInto<T>(target: T, source: T): T {
  if (Array.isArray(target) && Array.isArray(source)) {
    const n = Math.max(target.length, source.length);
    for (let i = 0; i < n; i++) target[i] = (target[i] ?? 0) + (source[i] ?? 0);
    return target;
  }
  const t = target as Record<string, unknown>;
  const s = source as Record<string, unknown>;
  for (const key of Object.keys(s)) {
    const sv = s[key];
    const tv = t[key];
    if (key === 'replication') continue;
    if (key === 'maxBacklog') t[key] = Math.max(tv as number, sv as number);
    else if (typeof sv === 'number') t[key] = ((tv as number | undefined) ?? 0) + sv;
    else if (tv === undefined) t[key] = structuredClone(sv);
    else addInto(tv, sv);
  }
  return target;
}
