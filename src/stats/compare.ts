/**
 * Paired comparison of two scenarios run on the same replication indices (common random
 * numbers): for every KPI, the mean difference B − A with its 95 % CI. Pairing removes the noise
 * both scenarios share (the same calls), so differences are far tighter than two separate CIs.
 */
import { pairedDifference, shareDifferenceEstimate, type Estimate } from './estimate.ts';
import { isShareKpi } from './kpis.ts';
import { byIndex, kpiColumns } from './summary.ts';
import { HOURS_OF_WEEK, type HourlyCounts, type ReplicationStats } from './replication.ts';

export interface Comparison {
  replications: number;
  /** B − A for every KPI both have, keyed like "999.serviceLevel". */
  differences: Record<string, Estimate>;
}

export function compareStats(a: readonly ReplicationStats[], b: readonly ReplicationStats[]): Comparison {
  const ra = byIndex(a);
  const rb = byIndex(b);
  if (ra.length !== rb.length || ra.some((r, i) => r.replication !== rb[i]!.replication))
    throw new Error('compare: both scenarios must have the same replication indices');
  const ca = kpiColumns(ra);
  const cb = kpiColumns(rb);
  const differences: Record<string, Estimate> = {};
  for (const [key, va] of ca) {
    const vb = cb.get(key);
    if (vb) differences[key] = isShareKpi(key) ? shareDifferenceEstimate(va, vb) : pairedDifference(va, vb);
  }
  return { replications: ra.length, differences };
}

/** What a window's service level needs of a replication: a small part of it, kept with a comparison between visits. */
export interface HourlyServiceCounts {
  replication: number;
  channels: Record<'999' | '101' | 'online', { byHour: Pick<HourlyCounts, 'offered' | 'withinTarget'> }>;
}

export function hourlyServiceCounts(r: ReplicationStats): HourlyServiceCounts {
  const part = (c: '999' | '101' | 'online') => ({ byHour: { offered: r.channels[c].byHour.offered, withinTarget: r.channels[c].byHour.withinTarget } });
  return { replication: r.replication, channels: { '999': part('999'), '101': part('101'), online: part('online') } };
}

/**
 * Paired difference in a channel's service level over chosen hours of the week (0 = Monday
 * 00:00), e.g. Friday 22:00–02:00 = [118, 119, 120, 121]: answered within target / offered in
 * those hours, per replication, B − A.
 */
export function windowServiceLevelDifference(
  a: readonly HourlyServiceCounts[],
  b: readonly HourlyServiceCounts[],
  channel: '999' | '101' | 'online',
  hours: readonly number[],
): Estimate {
  const level = (r: HourlyServiceCounts) => {
    let within = 0;
    let offered = 0;
    for (const h of hours) {
      const i = ((h % HOURS_OF_WEEK) + HOURS_OF_WEEK) % HOURS_OF_WEEK;
      within += r.channels[channel].byHour.withinTarget[i]!;
      offered += r.channels[channel].byHour.offered[i]!;
    }
    return within / offered;
  };
  return shareDifferenceEstimate(byIndex(a).map(level), byIndex(b).map(level));
}
