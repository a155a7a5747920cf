/**
 * The headline cards of a report: each figure with its 95 % CI, a status against its target, and
 * that status in words (colour is never the only signal). Where the scenario sets no target
 * (abandonment, occupancy) the card uses a stated planning guide instead.
 */
import type { Report } from '../../model/report.ts';
import type { Estimate } from '../../stats/estimate.ts';
import { ciText, hoursText, money, num, pct, secs } from './format.ts';

/** 'info': a figure with no target, such as the cost of the rota. */
export type Status = 'good' | 'warn' | 'bad' | 'none' | 'info';

export interface Card {
  id: string;
  label: string;
  value: string;
  ci: string;
  target: string;
  status: Status;
  verdict: string;
}

const VERDICT: Record<Status, string> = { good: 'Meets target', warn: 'Unclear: the CI spans the target', bad: 'Misses target', none: 'No demand', info: '' };
const GUIDE: Record<Status, string> = { good: 'Within guide', warn: 'Unclear: the CI spans the guide', bad: 'Above guide', none: 'No data', info: '' };

/** Higher is better: good if the whole CI clears the target, bad if it all falls short. */
function atLeast(e: Estimate, target: number): Status {
  if (e.mean === null) return 'none';
  const [lo, hi] = e.ci95 ?? [e.mean, e.mean];
  return lo >= target ? 'good' : hi < target ? 'bad' : 'warn';
}
/** Lower is better. */
function atMost(e: Estimate, target: number): Status {
  if (e.mean === null) return 'none';
  const [lo, hi] = e.ci95 ?? [e.mean, e.mean];
  return hi <= target ? 'good' : lo > target ? 'bad' : 'warn';
}

export const ABANDON_GUIDE = 0.05;
export const OCCUPANCY_GUIDE = 0.85;
/** Online reports graded 1 need an immediate response: a planning guide (an assumption), not a national standard. */
export const URGENT_ONLINE_GUIDE = 0.9;

export function headlineCards(r: Report): Card[] {
  const c = r.channels;
  const s = r.standards;
  const cards: Card[] = [];
  const has = (ch: '999' | '101' | 'online') => (c[ch].offered.mean ?? 0) > 0;
  const card = (id: string, label: string, e: Estimate, f: (x: number) => string, target: string, status: Status, verdict?: string) =>
    cards.push({ id, label, value: e.mean === null ? '–' : f(e.mean), ci: ciText(e, f), target, status, verdict: verdict ?? VERDICT[status] });

  for (const ch of ['999', '101'] as const) {
    if (!has(ch)) continue;
    card(`${ch}-sl`, `${ch} answered within ${s[ch].within} s`, c[ch].serviceLevel, (x) => pct(x), `Target ${pct(s[ch].share, 0)}`, atLeast(c[ch].serviceLevel, s[ch].share));
  }
  for (const ch of ['999', '101'] as const) {
    if (!has(ch)) continue;
    const status = atMost(c[ch].abandonRate, ABANDON_GUIDE);
    card(`${ch}-abandon`, `${ch} abandoned`, c[ch].abandonRate, (x) => pct(x), `Guide ≤ ${pct(ABANDON_GUIDE, 0)}`, status, GUIDE[status]);
  }
  for (const ch of ['999', '101'] as const) {
    if (!has(ch)) continue;
    const status = atMost(c[ch].meanAnswerSeconds, s[ch].within);
    card(`${ch}-asa`, `${ch} average speed of answer`, c[ch].meanAnswerSeconds, secs, `Guide ≤ ${s[ch].within} s`, status, GUIDE[status]);
  }
  if (has('online'))
    card('online-sl', `Online reports handled within ${s.online.within} h`, c.online.serviceLevel, (x) => pct(x), `Target ${pct(s.online.share, 0)}`, atLeast(c.online.serviceLevel, s.online.share));
  const urgent = r.online.grade1;
  if ((urgent.offered.mean ?? 0) > 0) {
    const status = atLeast(urgent.withinHour, URGENT_ONLINE_GUIDE);
    const words = { good: 'Within guide', warn: 'Unclear: the CI spans the guide', bad: 'Below guide', none: 'No data', info: '' }[status];
    card('online-grade1', 'Online reports graded 1 worked within 1 h', urgent.withinHour, (x) => pct(x), `Taken ahead of the online queue; guide ≥ ${pct(URGENT_ONLINE_GUIDE, 0)} (assumption)`, status, words);
  }
  cards.push(...triage101Cards(r));
  for (const [id, g] of Object.entries(r.staff)) {
    if (g.utilisation.mean === null) continue;
    // A group none of whose channels has any contacts is idle by construction: 0 % "within guide"
    // would read as a verdict on a rota that gives it nothing to do. (Results kept from before the
    // report carried skills show the occupancy as it was.)
    const skills = g.skills as string[] | undefined;
    if (skills && !skills.some((ch) => has(ch as '999' | '101' | 'online'))) {
      cards.push({ id: `occ-${id}`, label: `Occupancy: ${g.name}`, value: '–', ci: '', target: `Takes ${skills.join(', ') || 'no channel'}: no contacts in this scenario`, status: 'none', verdict: 'No work for this group' });
      continue;
    }
    const status = atMost(g.utilisation, OCCUPANCY_GUIDE);
    card(`occ-${id}`, `Occupancy: ${g.name}`, g.utilisation, (x) => pct(x), `Guide ≤ ${pct(OCCUPANCY_GUIDE, 0)} of time on the floor spent on contacts`, status, status === 'bad' ? 'Staff stretched' : GUIDE[status]);
  }
  cards.push(...costCards(r));
  return cards;
}

/**
 * The 101 triage step: what it routed away a day, and the call-backs against their target. No
 * national standard covers call-backs, so the 101 target's share stands in as a stated guide.
 */
function triage101Cards(r: Report): Card[] {
  const step = r.triage101;
  if (!step || r.callbackHours == null) return [];
  const perDay = (e: Estimate) => num(e.mean ?? 0);
  const routed = (step.toOnlinePerDay.mean ?? 0) + (step.toOtherTeamPerDay.mean ?? 0) + (step.toCallbackPerDay.mean ?? 0);
  const cards: Card[] = [
    {
      id: '101-step-routed',
      label: '101 triage step: calls routed away a day',
      value: num(routed),
      ci: `online ${perDay(step.toOnlinePerDay)} · another team ${perDay(step.toOtherTeamPerDay)} · call-back ${perDay(step.toCallbackPerDay)}`,
      target: 'Fresh 101 calls the step sent elsewhere instead of the 101 queue',
      status: 'info',
      verdict: '',
    },
  ];
  const callbacks = step.callbacks;
  if ((callbacks.offered.mean ?? 0) > 0) {
    const share = r.standards['101'].share;
    const status = atLeast(callbacks.serviceLevel, share);
    cards.push({
      id: '101-callbacks',
      label: `101 call-backs made within ${r.callbackHours} h`,
      value: callbacks.serviceLevel.mean === null ? '–' : pct(callbacks.serviceLevel.mean),
      ci: ciText(callbacks.serviceLevel, (x) => pct(x)),
      target: `Guide ≥ ${pct(share, 0)}, the 101 target’s share (assumption)`,
      status,
      verdict: status === 'bad' ? 'Below guide' : GUIDE[status],
    });
  }
  return cards;
}

/** Paid hours and cost a week: set by the rota, not drawn, so they carry no interval. */
export function costCards(r: Report): Card[] {
  const groups = Object.values(r.staff).filter((g) => g.paidHoursPerWeek > 0);
  const byGroup = (f: (g: (typeof groups)[number]) => string) => groups.map((g) => `${g.name} ${f(g)}`).join(' · ');
  const priced = r.cost.costPerWeek > 0;
  // A group left at £0 an hour (often an empty field) makes a total that looks real but is not.
  const unpriced = groups.filter((g) => g.costPerWeek === 0);
  return [
    { id: 'paid-hours', label: 'Paid hours a week', value: hoursText(r.cost.paidHoursPerWeek), ci: byGroup((g) => hoursText(g.paidHoursPerWeek)), target: 'Rostered, absent staff included; unpaid breaks excluded', status: 'info', verdict: '' },
    {
      id: 'cost',
      label: 'Staff cost a week',
      value: money(r.cost.costPerWeek),
      ci: priced ? byGroup((g) => money(g.costPerWeek)) : '',
      target: !priced
        ? 'Set a cost per hour for each staff group (Edit › Rota)'
        : unpriced.length
          ? `Paid hours × each group’s cost per hour; ${unpriced.map((g) => g.name).join(', ')} at £0 an hour (Edit › Rota)`
          : 'Paid hours × each group’s cost per hour',
      status: 'info',
      verdict: '',
    },
  ];
}
