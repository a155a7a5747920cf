/**
 * Summaries across replications: every KPI as a mean with its 95 % CI, the hour-of-week profiles
 * with CI bands, and pooled distributions (wait CDFs). Replications are always folded in index
 * order, so any split of the work (workers, shards) gives byte-identical summaries.
 */
import { positiveEstimate, shareEstimate, type Estimate } from './estimate.ts';
import { cdfPoints } from './histogram.ts';
import { CHANNEL_KPIS, isShareKpi, replicationKpis, type ChannelKpi } from './kpis.ts';
import { HOURS_OF_WEEK, mergeStats, type DatedCounts, type ReplicationStats } from './replication.ts';

export type ChannelName = '999' | '101' | 'online';
const CHANNEL_NAMES: ChannelName[] = ['999', '101', 'online'];

export interface HourProfile {
  offeredPerWeek: Estimate[];
  serviceLevel: Estimate[];
  meanWaitSeconds: Estimate[];
}

/** One estimate per measured date (or date and hour), over the contacts that arrived in it. */
export interface DateProfile {
  offered: Estimate[];
  serviceLevel: Estimate[];
  abandonRate: Estimate[];
  meanWaitSeconds: Estimate[];
}

/**
 * Contacts counted apart from their channel: how many, their wait to the start of the work (mean and
 * 90th percentile, minutes), and the shares within the target and within an hour (of those offered).
 */
export interface ApartSummary {
  offered: Estimate;
  meanWaitMinutes: Estimate;
  waitP90Minutes: Estimate;
  serviceLevel: Estimate;
  withinHour: Estimate;
}

export interface StatsSummary {
  replications: number;
  measuredDays: number;
  channels: Record<ChannelName, Record<ChannelKpi, Estimate>>;
  staff: Record<string, { utilisation: Estimate; floorHoursPerDay: Estimate }>;
  online: {
    backlogMean: Estimate;
    backlogMax: Estimate;
    ageMeanHours: Estimate;
    /** Online reports graded 1, taken ahead of the online queue and counted apart. */
    grade1: ApartSummary;
  };
  /** The 101 triage step: fresh 101 calls a day it routed online, to another team, to a call-back; the call-backs (target: `triage101.callbackHours`). */
  triage101: { toOnlinePerDay: Estimate; toOtherTeamPerDay: Estimate; toCallbackPerDay: Estimate; callbacks: ApartSummary };
  grades: Record<ChannelName, Estimate[]> | null;
  gradeByCallType: Record<string, number[]>;
  deploymentsPerHour: Record<'1' | '2' | '3' | '4', Estimate>;
  byHourOfWeek: Record<ChannelName, HourProfile> & {
    staffOnFloor: Estimate[];
    callsInSystem: Estimate[];
    onlineBacklog: Estimate[];
    /** Mean deployments created in each hour of the week, by grade 1–4. */
    deployments: number[][];
  };
  waitCdf: Record<ChannelName, { seconds: number[]; p: number[] }>;
  onlineBacklogByDay: Estimate[];
  /** By measured date: index 0 is the first day after warm-up. */
  byDate: Record<ChannelName, DateProfile>;
  /** By date and hour (day × 24 + hour), for short runs only; otherwise null. */
  byDateHour: Record<ChannelName, DateProfile> | null;
}

export function byIndex<R extends Pick<ReplicationStats, 'replication'>>(results: readonly R[]): R[] {
  return [...results].sort((a, b) => a.replication - b.replication);
}

/** Per-replication values of every KPI key, replications in index order. */
export function kpiColumns(results: readonly ReplicationStats[]): Map<string, number[]> {
  const columns = new Map<string, number[]>();
  byIndex(results).forEach((r, i) => {
    for (const [k, v] of Object.entries(replicationKpis(r))) {
      let col = columns.get(k);
      if (!col) columns.set(k, (col = new Array(results.length).fill(NaN)));
      col[i] = v;
    }
  });
  return columns;
}

const ratio = (a: number, b: number) => a / b;

/** An estimate per hour of week from a per-replication function of (stats, hour). */
function hourly(results: readonly ReplicationStats[], f: (r: ReplicationStats, h: number) => number, of = positiveEstimate): Estimate[] {
  return Array.from({ length: HOURS_OF_WEEK }, (_, h) => of(results.map((r) => f(r, h))));
}

/** Shard files written before dated counts existed have none. */
const NONE: DatedCounts = { offered: [], answered: [], abandoned: [], withinTarget: [], waitSum: [] };

/** Estimates per date (or date and hour) from each replication's dated counts. */
function dated(results: readonly ReplicationStats[], counts: (r: ReplicationStats) => DatedCounts): DateProfile {
  const n = counts(results[0]!).offered.length;
  const each = (f: (c: DatedCounts, i: number) => number, summarise = positiveEstimate) =>
    Array.from({ length: n }, (_, i) => summarise(results.map((r) => f(counts(r), i))));
  return {
    offered: each((c, i) => c.offered[i]!),
    serviceLevel: each((c, i) => ratio(c.withinTarget[i]!, c.offered[i]!), shareEstimate),
    abandonRate: each((c, i) => ratio(c.abandoned[i]!, c.offered[i]!), shareEstimate),
    meanWaitSeconds: each((c, i) => ratio(c.waitSum[i]!, c.offered[i]!)),
  };
}

export function summarizeStats(unordered: readonly ReplicationStats[]): StatsSummary {
  if (unordered.length === 0) throw new Error('summarize: no replications');
  const results = byIndex(unordered);
  const columns = kpiColumns(results);
  const col = (key: string) => (isShareKpi(key) ? shareEstimate : positiveEstimate)(columns.get(key) ?? []);
  const weeks = (r: ReplicationStats) => r.measuredDays / 7;
  const pooled = results.reduce((a, b) => mergeStats(a, b));

  const channelHours = (c: ChannelName): HourProfile => ({
    offeredPerWeek: hourly(results, (r, h) => r.channels[c].byHour.offered[h]! / weeks(r)),
    serviceLevel: hourly(results, (r, h) => ratio(r.channels[c].byHour.withinTarget[h]!, r.channels[c].byHour.offered[h]!), shareEstimate),
    meanWaitSeconds: hourly(results, (r, h) => ratio(r.channels[c].byHour.waitSum[h]!, r.channels[c].byHour.offered[h]!)),
  });
  const sampled = (key: 'staffOnFloor' | 'callsInSystem' | 'onlineBacklog') =>
    hourly(results, (r, h) => ratio(r.byHour[key][h]!, r.byHour.samples[h]!));
  const graded = CHANNEL_NAMES.some((c) => columns.has(`${c}.gradeShare1`));
  const days = results[0]!.online.backlogByDay.length;
  const apart = (prefix: string): ApartSummary => ({
    offered: col(`${prefix}.offered`),
    meanWaitMinutes: col(`${prefix}.meanWaitMinutes`),
    waitP90Minutes: col(`${prefix}.waitP90Minutes`),
    serviceLevel: col(`${prefix}.serviceLevel`),
    withinHour: col(`${prefix}.withinHour`),
  });

  return {
    replications: results.length,
    measuredDays: results[0]!.measuredDays,
    channels: Object.fromEntries(
      CHANNEL_NAMES.map((c) => [c, Object.fromEntries(CHANNEL_KPIS.map((k) => [k, col(`${c}.${k}`)]))]),
    ) as StatsSummary['channels'],
    staff: Object.fromEntries(
      Object.keys(results[0]!.groups).map((id) => [
        id,
        { utilisation: col(`staff.${id}.utilisation`), floorHoursPerDay: col(`staff.${id}.floorHoursPerDay`) },
      ]),
    ),
    online: {
      backlogMean: col('online.backlogMean'),
      backlogMax: col('online.backlogMax'),
      ageMeanHours: col('online.ageMeanHours'),
      grade1: apart('online.grade1'),
    },
    triage101: {
      toOnlinePerDay: col('triage101.toOnlinePerDay'),
      toOtherTeamPerDay: col('triage101.toOtherTeamPerDay'),
      toCallbackPerDay: col('triage101.toCallbackPerDay'),
      callbacks: apart('triage101.callbacks'),
    },
    grades: graded
      ? (Object.fromEntries(CHANNEL_NAMES.map((c) => [c, [1, 2, 3, 4].map((g) => col(`${c}.gradeShare${g}`))])) as Record<ChannelName, Estimate[]>)
      : null,
    gradeByCallType: Object.fromEntries(
      Object.entries(pooled.gradeByCallType)
        .filter(([, counts]) => counts.some((n) => n > 0))
        .map(([type, counts]) => {
          const total = counts.reduce((a, b) => a + b, 0);
          return [type, counts.map((n) => n / total)];
        }),
    ),
    deploymentsPerHour: {
      '1': col('deploymentsPerHour.grade1'),
      '2': col('deploymentsPerHour.grade2'),
      '3': col('deploymentsPerHour.grade3'),
      '4': col('deploymentsPerHour.grade4'),
    },
    byHourOfWeek: {
      '999': channelHours('999'),
      '101': channelHours('101'),
      online: channelHours('online'),
      staffOnFloor: sampled('staffOnFloor'),
      callsInSystem: sampled('callsInSystem'),
      onlineBacklog: sampled('onlineBacklog'),
      deployments: Array.from({ length: HOURS_OF_WEEK }, (_, h) =>
        [0, 1, 2, 3].map((g) => pooled.deployments[h * 4 + g]! / results.reduce((n, r) => n + weeks(r), 0)),
      ),
    },
    waitCdf: Object.fromEntries(CHANNEL_NAMES.map((c) => [c, cdfPoints(pooled.channels[c].waitHistogram)])) as StatsSummary['waitCdf'],
    onlineBacklogByDay: Array.from({ length: days }, (_, d) => positiveEstimate(results.map((r) => r.online.backlogByDay[d]!))),
    byDate: Object.fromEntries(CHANNEL_NAMES.map((c) => [c, dated(results, (r) => r.channels[c].byDate ?? NONE)])) as StatsSummary['byDate'],
    byDateHour:
      (results[0]!.channels['999'].byDateHour?.offered.length ?? 0) > 0
        ? (Object.fromEntries(CHANNEL_NAMES.map((c) => [c, dated(results, (r) => r.channels[c].byDateHour)])) as StatsSummary['byDate'])
        : null,
  };
}
