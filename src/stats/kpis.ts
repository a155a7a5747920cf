/**
 * The figures a manager reads, computed per replication from its statistics as one flat record
 * ("999.serviceLevel", "staff.handlers.utilisation", ...). Summaries and paired comparisons are
 * then the same generic operation over every key.
 */
import { quantile } from './histogram.ts';
import type { ChannelStats, PriorityStats, ReplicationStats } from './replication.ts';
import { SECONDS_PER_HOUR } from '../shared/time.ts';

export const CHANNEL_KPIS = [
  'offered',
  'offeredPerDay',
  'answered',
  'abandoned',
  'abandonRate',
  'probWait',
  'meanWaitSeconds',
  'meanAnswerSeconds',
  'serviceLevel',
  'waitP50Seconds',
  'waitP90Seconds',
  'waitP95Seconds',
  'redials',
  'gaveUp',
  'diverted',
  'handlingMinutesPerContact',
  'unresolved',
] as const;

export type ChannelKpi = (typeof CHANNEL_KPIS)[number];

/** KPIs that are shares (0–1): their intervals are built to stay within 0–100 %. */
export function isShareKpi(key: string): boolean {
  return /\.(abandonRate|probWait|serviceLevel|withinHour|utilisation|gradeShare\d)$/.test(key);
}

function channelKpis(c: ChannelStats, days: number): Record<ChannelKpi, number> {
  return {
    offered: c.offered,
    offeredPerDay: c.offered / days,
    answered: c.answered,
    abandoned: c.abandoned,
    abandonRate: c.abandoned / c.offered,
    probWait: c.waited / c.offered,
    meanWaitSeconds: c.waitSum / c.offered,
    meanAnswerSeconds: c.answerWaitSum / c.answered,
    serviceLevel: c.withinTarget / c.offered,
    waitP50Seconds: quantile(c.waitHistogram, 0.5),
    waitP90Seconds: quantile(c.waitHistogram, 0.9),
    waitP95Seconds: quantile(c.waitHistogram, 0.95),
    redials: c.redials,
    gaveUp: c.gaveUp,
    diverted: c.diverted,
    handlingMinutesPerContact: c.handlingSeconds / 60 / c.answered,
    unresolved: c.unresolved,
  };
}

/** Contacts counted apart (grade-1 online reports, call-backs): how many, their wait, the shares in time. */
function priorityKpis(out: Record<string, number>, prefix: string, s: PriorityStats): void {
  out[`${prefix}.offered`] = s.offered;
  out[`${prefix}.meanWaitMinutes`] = s.waitSum / 60 / s.answered;
  out[`${prefix}.waitP90Minutes`] = s.answered ? quantile(s.waitHistogram, 0.9) / 60 : NaN;
  out[`${prefix}.serviceLevel`] = s.withinTarget / s.offered;
  out[`${prefix}.withinHour`] = s.withinHour / s.offered;
}

export function replicationKpis(r: ReplicationStats): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [channel, c] of Object.entries(r.channels))
    for (const [k, v] of Object.entries(channelKpis(c, r.measuredDays))) out[`${channel}.${k}`] = v;
  for (const [id, g] of Object.entries(r.groups)) {
    out[`staff.${id}.utilisation`] = g.busySeconds / g.floorSeconds;
    out[`staff.${id}.floorHoursPerDay`] = g.floorSeconds / SECONDS_PER_HOUR / r.measuredDays;
  }
  const backlog = r.online.backlogByDay;
  out['online.backlogMean'] = backlog.length ? backlog.reduce((a, b) => a + b, 0) / backlog.length : NaN;
  out['online.backlogMax'] = r.online.maxBacklog;
  out['online.ageMeanHours'] = r.channels.online.answerWaitSum / SECONDS_PER_HOUR / r.channels.online.answered;
  priorityKpis(out, 'online.grade1', r.online.grade1);
  const step = r.triage101;
  out['triage101.toOnlinePerDay'] = step.toOnline / r.measuredDays;
  out['triage101.toOtherTeamPerDay'] = step.toOtherTeam / r.measuredDays;
  out['triage101.toCallbackPerDay'] = step.toCallback / r.measuredDays;
  priorityKpis(out, 'triage101.callbacks', step.callbacks);
  const hours = r.measuredSeconds / SECONDS_PER_HOUR;
  for (let g = 0; g < 4; g++) {
    let n = 0;
    for (let h = 0; h < 168; h++) n += r.deployments[h * 4 + g]!;
    out[`deploymentsPerHour.grade${g + 1}`] = n / hours;
  }
  for (const [channel, c] of Object.entries(r.channels)) {
    const graded = c.grades.reduce((a, b) => a + b, 0);
    if (graded > 0) c.grades.forEach((n, g) => (out[`${channel}.gradeShare${g + 1}`] = n / graded));
  }
  return out;
}
