/**
 * The report of a run: the statistics summary plus what only the scenario knows (targets, the
 * rota's paid hours and cost), a verdict per service standard, and where and why the phone
 * standards fail (report-failures.ts). This is the JSON `occsim run` prints and the app displays.
 */
import { groupsOf, type Scenario } from '../scenario/index.ts';
import type { Estimate } from '../stats/estimate.ts';
import type { ReplicationStats } from '../stats/replication.ts';
import { summarizeStats, type StatsSummary } from '../stats/summary.ts';
import { dateOfDay, simCalendar } from './calendar-time.ts';
import { rotaCost } from './rota.ts';
import { whereItFails, type WhereItFails } from './report-failures.ts';
import { staffingRequirement, type StaffingRequirement } from '../plan/requirement.ts';

export type Verdict = 'met' | 'missed' | 'uncertain' | 'no demand';

export interface Standard {
  /** Answered within this many seconds (online: completed within this many hours)... */
  within: number;
  unit: 'seconds' | 'hours';
  /** ...for at least this share of contacts. */
  share: number;
  verdict: Verdict;
}

export interface Report extends Omit<StatsSummary, 'staff'> {
  scenario: string;
  seed: string;
  /** The date (YYYY-MM-DD) of each measured day: the labels of `byDate` (and of `byDateHour`, 24 to a date). */
  dates: string[];
  standards: Record<'999' | '101' | 'online', Standard>;
  /** Per staff group: its name and the channels it takes (skills), occupancy, floor hours, paid hours and cost. */
  staff: Record<string, StatsSummary['staff'][string] & { name: string; skills: string[]; paidHoursPerWeek: number; costPerWeek: number }>;
  cost: { paidHoursPerWeek: number; costPerWeek: number };
  /** The 101 triage step's target for call-backs, in hours (`triage101.callbackHours`); null without the step. */
  callbackHours: number | null;
  /** The worst hours of the week for 999 and 101, with the shifts, breaks and staff behind them. */
  whereItFails: WhereItFails;
}

/**
 * The planner's hourly requirement of a scenario, kept while the scenario lives: the report worker
 * rebuilds a run's report after each replication, and the requirement compiles triage's tables.
 */
const requirements = new WeakMap<Scenario, StaffingRequirement>();
/** Also called ahead, when a run starts, so its first report is not held up by it. */
export function hourlyRequirement(scenario: Scenario): StaffingRequirement {
  let req = requirements.get(scenario);
  if (!req) requirements.set(scenario, (req = staffingRequirement(scenario, { intervalMinutes: 60, days: 7 })));
  return req;
}

/** Met when the whole CI clears the target, missed when the whole CI falls short. */
export function verdict(level: Estimate, target: number, offered: Estimate): Verdict {
  if (!offered.mean) return 'no demand';
  if (level.mean === null) return 'uncertain';
  const [lo, hi] = level.ci95 ?? [level.mean, level.mean];
  return lo >= target ? 'met' : hi < target ? 'missed' : 'uncertain';
}

export function buildReport(scenario: Scenario, seed: string, results: readonly ReplicationStats[]): Report {
  const summary = summarizeStats(results);
  const costs = rotaCost(scenario);
  const groups = new Map(groupsOf(scenario.staffing).map((g) => [g.id, g]));
  const t = scenario.targets;
  const standard = (c: '999' | '101' | 'online', within: number, unit: Standard['unit'], share: number): Standard => ({
    within,
    unit,
    share,
    verdict: verdict(summary.channels[c].serviceLevel, share, summary.channels[c].offered),
  });
  const staff: Report['staff'] = {};
  for (const [id, s] of Object.entries(summary.staff)) staff[id] = { name: groups.get(id)?.name ?? id, skills: [...(groups.get(id)?.skills ?? [])], ...s, ...costs[id]! };
  const cal = simCalendar(scenario.horizon.startDate);
  return {
    scenario: scenario.name,
    seed,
    dates: Array.from({ length: summary.measuredDays }, (_, i) => dateOfDay(cal, scenario.horizon.warmupDays + i)),
    ...summary,
    standards: {
      '999': standard('999', t['999'].seconds, 'seconds', t['999'].share),
      '101': standard('101', t['101'].seconds, 'seconds', t['101'].share),
      online: standard('online', t.online.hours, 'hours', t.online.share),
    },
    staff,
    cost: {
      paidHoursPerWeek: Object.values(costs).reduce((a, c) => a + c.paidHoursPerWeek, 0),
      costPerWeek: Object.values(costs).reduce((a, c) => a + c.costPerWeek, 0),
    },
    callbackHours: scenario.triage101?.callbackHours ?? null,
    whereItFails: whereItFails(scenario, summary, hourlyRequirement(scenario)),
  };
}
