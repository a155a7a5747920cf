/**
 * A proposal's figures as the page shows them: the cost card (against the current rota and the LP
 * lower bound), one card per standard as verified (met only when the whole 95 % CI clears it, as
 * the optimiser judges), the SIPP contrast's rows, the hours below a standard on average, and the
 * shifts in the gantt's shape. Formatting only: every number is the proposal's.
 */
import type { Proposal, StandardResult } from '../../optimise/optimise.ts';
import { aboveLowerBound } from '../../optimise/above-bound.ts';
import type { Shift } from '../../scenario/index.ts';
import type { Card, Status } from '../results/cards.ts';
import { ciText, money, pct, signedWith } from '../results/format.ts';

export function standardLabel(s: Pick<StandardResult, 'channel' | 'withinSeconds'>): string {
  return s.channel === 'online' ? `Online worked within ${s.withinSeconds / 3600} h` : `${s.channel} answered within ${s.withinSeconds} s`;
}

function statusOf(s: StandardResult): Status {
  if (s.achieved.mean === null) return 'none';
  if (s.met) return 'good';
  const hi = s.achieved.ci95?.[1] ?? s.achieved.mean;
  return hi < s.share ? 'bad' : 'warn';
}

const VERDICT: Record<Status, string> = {
  good: 'Met at the lower 95 % bound',
  warn: 'Not proven: the CI reaches below the standard',
  bad: 'Missed',
  none: 'No demand',
  info: '',
};

export function standardCards(standards: readonly StandardResult[], prefix = 'standard'): Card[] {
  return standards.map((s) => {
    const status = statusOf(s);
    return {
      id: `${prefix}-${s.channel}`,
      label: standardLabel(s),
      value: pct(s.achieved.mean),
      ci: ciText(s.achieved, (x) => pct(x)),
      target: `Standard ${pct(s.share, 0)}`,
      status,
      verdict: VERDICT[status],
    };
  });
}

export function proposalCards(p: Proposal): Card[] {
  const change = p.costPerWeek - p.current.costPerWeek;
  return [
    {
      id: 'cost',
      label: 'Cost per week, proposed',
      value: money(p.costPerWeek),
      ci: `LP lower bound ${money(p.lowerBoundPerWeek)}: ${pct(aboveLowerBound(p))} above it`,
      target: `Current rota ${money(p.current.costPerWeek)} (${signedWith(change, money)})`,
      status: 'info',
      verdict: '',
    },
    ...standardCards(p.standards),
  ];
}

/** Hours of the week whose verified service level is below a phone standard on average, by channel. */
export function hoursBelow(p: Proposal): { channel: string; labels: string[] }[] {
  return p.standards
    .filter((s) => s.channel !== 'online')
    .map((s) => ({
      channel: s.channel,
      labels: p.compliance.filter((h) => (h[s.channel as '999' | '101'].mean ?? 1) < s.share).map((h) => h.label),
    }));
}

type GanttRow = { label: string; group: string; start: string; hours: number; days: readonly string[]; staff: number };

/** A shift as the gantt draws it. */
export function ganttShift(s: Shift): GanttRow {
  return { label: s.name ?? s.group, group: s.group, start: s.start, hours: s.hours, days: s.days, staff: s.staff };
}

/**
 * A proposed shift as the gantt draws it. Its name ("Call handlers (999 and 101): 07:00 8 h (break
 * plan A)") is for the scenario file; the gantt's row already gives start, end and staff and has
 * room for a short label only, so it shows the group's name without its bracketed note.
 */
export function proposedGanttShift(s: Shift): GanttRow {
  const group = (s.name ?? s.group).split(': ')[0]!.replace(/\s*\([^)]*\)\s*$/, '').trim();
  return { ...ganttShift(s), label: group || s.group };
}
