/**
 * The story each ready scenario's description tells, pinned by running the shipped file. Each
 * claim in a description ("covid-secure answers fewer 999 calls within 10 s than lockdown", "about
 * 20 % of 101 calls abandoned") has a test here with a band around the figure the description
 * gives, so the text cannot drift from the model. To stay quick the runs are short: four
 * replications of the file's first five weeks (one of them warm-up), on common random numbers, so
 * the bands are wider than the descriptions' "about".
 *
 * How wide, and why: each band is the figure's mean over many seeds ± about four standard
 * deviations of what this test measures (taken from 24 runs of it, on 12 seeds with two orders of
 * random draws), so any seed passes and a model that moves a figure by more than that fails. A
 * band set around one seed's figure breaks when the draws change. Claims about a single date
 * (pubs-reopening's Saturday, the neighbour's weekend) use eight replications, as one day of two
 * replications varies by 5 to 15 points. Comparisons between scenarios are paired on the same
 * calls, so they are steadier than either figure alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/model/run.ts';
import { rotaCost } from '../../src/model/rota.ts';
import { parseScenario, type Scenario } from '../../src/scenario/index.ts';
import { binEdges } from '../../src/stats/histogram.ts';
import { mergeStats, type DatedCounts, type ReplicationStats } from '../../src/stats/replication.ts';

const dir = join(import.meta.dirname, '..', '..', 'scenarios');
const REPLICATIONS = 4;
/** Replications for claims about single dates. */
const DATED_REPLICATIONS = 8;
const MAX_DAYS = 35;

function load(name: string): Scenario {
  const result = parseScenario(JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')));
  if (!result.ok) throw new Error(`${name}: ${result.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return result.scenario;
}

/**
 * `REPLICATIONS` replications merged, over the scenario's first MAX_DAYS days (its own warm-up kept)
 * or its whole horizon. The online queue is slow (hours) and worked by one or two people a shift, so
 * its claims need the whole horizon.
 */
function run(s: Scenario, whole = false, replications = REPLICATIONS): ReplicationStats {
  const short = whole ? s : { ...s, horizon: { ...s.horizon, days: Math.min(s.horizon.days, MAX_DAYS) } };
  let merged: ReplicationStats | null = null;
  for (let r = 0; r < replications; r++) {
    const stats = runReplication(short, 'story', r);
    merged = merged ? mergeStats(merged, stats) : stats;
  }
  return merged!;
}

const cache = new Map<string, ReplicationStats>();
function story(name: string, whole = false, replications = REPLICATIONS): ReplicationStats {
  const key = `${name}${whole ? ' (whole)' : ''} × ${replications}`;
  if (!cache.has(key)) cache.set(key, run(load(name), whole, replications));
  return cache.get(key)!;
}

type Channel = '999' | '101' | 'online';
const serviceLevel = (r: ReplicationStats, c: Channel) => r.channels[c].withinTarget / r.channels[c].offered;
const abandonRate = (r: ReplicationStats, c: Channel) => r.channels[c].abandoned / r.channels[c].offered;
const perDay = (r: ReplicationStats, n: number) => n / r.measuredDays;

/** 999 service level over a set of hours of the week (Monday 00:00 = 0). */
function serviceLevelInHours(r: ReplicationStats, hours: readonly number[]): number {
  const h = r.channels['999'].byHour;
  const within = hours.reduce((sum, i) => sum + h.withinTarget[i]!, 0);
  const offered = hours.reduce((sum, i) => sum + h.offered[i]!, 0);
  return within / offered;
}

const hourOfWeek = (day: number, hour: number) => day * 24 + hour;
/** Index of a date among the measured days of `s` (0 = the first day after warm-up). */
const dayIndex = (s: Scenario, date: string) =>
  (Date.parse(date) - Date.parse(s.horizon.startDate)) / 86_400_000 - s.horizon.warmupDays;
/** Service level over some entries of dated counts (dates, or date × 24 + hour). */
function serviceLevelOn(counts: DatedCounts, at: readonly number[]): number {
  return at.reduce((n, i) => n + counts.withinTarget[i]!, 0) / at.reduce((n, i) => n + counts.offered[i]!, 0);
}
const weeklyCost = (s: Scenario) => Object.values(rotaCost(s)).reduce((sum, g) => sum + g.costPerWeek, 0);
const weeklyHours = (s: Scenario) => Object.values(rotaCost(s)).reduce((sum, g) => sum + g.paidHoursPerWeek, 0);

describe('baseline: a rota that misses the 999 standard', () => {
  it('answers about 67 % of 999 calls within 10 s, short of 90 %', () => {
    // Over many seeds 66.3 %, one run's standard deviation 1.3 points.
    expect(serviceLevel(story('baseline'), '999')).toBeGreaterThan(0.61);
    expect(serviceLevel(story('baseline'), '999')).toBeLessThan(0.72);
  });

  it('answers about half at 09:00 on Monday and Saturday and on weekday and Friday/Saturday evenings', () => {
    const r = story('baseline');
    const evenings = [0, 1, 2, 3, 4, 5].flatMap((d) => [19, 20, 21].map((h) => hourOfWeek(d, h)));
    expect(serviceLevelInHours(r, [hourOfWeek(0, 9), hourOfWeek(5, 9)])).toBeLessThan(0.58);
    expect(serviceLevelInHours(r, evenings)).toBeLessThan(0.6);
  });

  it('misses the 101 target (about 76 % in 60 s) with about 14 % abandoned', () => {
    const r = story('baseline');
    // Over many seeds 74.8 % (sd 1.2) and 14.5 % (sd 0.8).
    expect(serviceLevel(r, '101')).toBeGreaterThan(0.7);
    expect(serviceLevel(r, '101')).toBeLessThan(0.8);
    expect(abandonRate(r, '101')).toBeGreaterThan(0.11);
    expect(abandonRate(r, '101')).toBeLessThan(0.18);
  });

  it('has redials at about 8 % of the calls offered on 999 and on 101', () => {
    const r = story('baseline');
    // Over many seeds 8.9 % on 999 and 7.8 % on 101 (sd 0.5).
    for (const c of ['999', '101'] as const) {
      const share = r.channels[c].redials / r.channels[c].offered;
      expect(share, c).toBeGreaterThan(0.06);
      expect(share, c).toBeLessThan(0.11);
    }
  });

  it('keeps the digital desk busy 99 % of its time on the floor', () => {
    const desk = story('baseline').groups['digital-desk']!;
    expect(desk.busySeconds / desk.floorSeconds).toBeGreaterThan(0.95);
  });

  it('pays 2,673.5 hours and £54,892 a week', () => {
    expect(weeklyHours(load('baseline'))).toBe(2673.5);
    expect(Math.round(weeklyCost(load('baseline')))).toBe(54892);
  });
});

describe('lockdown: less demand on the same rota', () => {
  it('answers more 999 calls within 10 s (about 79 %) and abandons fewer 101 calls (about 8 %) than the baseline', () => {
    const lockdown = story('lockdown');
    expect(serviceLevel(lockdown, '999')).toBeGreaterThan(0.76);
    expect(serviceLevel(lockdown, '999')).toBeGreaterThan(serviceLevel(story('baseline'), '999'));
    expect(abandonRate(lockdown, '101')).toBeLessThan(0.095);
    expect(abandonRate(lockdown, '101')).toBeLessThan(abandonRate(story('baseline'), '101'));
  });

  it('offers about 19 % fewer phone calls than the baseline', () => {
    const ratio = (story('lockdown').channels['999'].offered + story('lockdown').channels['101'].offered) /
      (story('baseline').channels['999'].offered + story('baseline').channels['101'].offered);
    expect(ratio).toBeGreaterThan(0.74);
    expect(ratio).toBeLessThan(0.88);
  });

  it('works only about 9 % of online reports within 24 hours, its digital desk busy all the time', () => {
    // The desk has about as much work as it can do, so its backlog wanders: the share within 24
    // hours ranges from 1 % to 47 % between seeds (two replications). What every seed shows is the
    // desk busy nearly all its time on the floor and most reports late.
    const r = story('lockdown', true);
    expect(serviceLevel(r, 'online')).toBeLessThan(0.5);
    const desk = r.groups['digital-desk']!;
    expect(desk.busySeconds / desk.floorSeconds).toBeGreaterThan(0.95);
  });
});

describe('covid-secure: the desk cap on lockdown demand', () => {
  it('cuts call handlers’ hours on the floor by about a sixth', () => {
    const floor = (r: ReplicationStats) => r.groups['call-handlers']!.floorSeconds;
    const ratio = floor(story('covid-secure')) / floor(story('lockdown'));
    expect(ratio).toBeGreaterThan(0.78);
    expect(ratio).toBeLessThan(0.88);
  });

  it('answers fewer 999 calls within 10 s than lockdown (about 61 % against 79 %)', () => {
    expect(serviceLevel(story('covid-secure'), '999')).toBeLessThan(serviceLevel(story('lockdown'), '999') - 0.1);
  });

  it('more than doubles 101 abandonment against lockdown', () => {
    const ratio = abandonRate(story('covid-secure'), '101') / abandonRate(story('lockdown'), '101');
    expect(ratio).toBeGreaterThan(1.8);
    expect(ratio).toBeLessThan(3);
  });

  it('works almost no online reports within 24 hours', () => {
    expect(serviceLevel(story('covid-secure', true), 'online')).toBeLessThan(0.15);
  });

  it('shares its desk periods with pubs-reopening, so the two agree for the same dates', () => {
    expect(load('covid-secure').desks).toEqual(load('pubs-reopening').desks);
  });
});

describe('pubs-reopening: the summer 2020 floor and the Saturday evening', () => {
  it('has no reduced capacity for call handling: lifting the desk cap changes nothing', () => {
    const s = load('pubs-reopening');
    const uncapped = { ...s, desks: { periods: s.desks.periods.map((p) => ({ ...p, usable: 1000 })) } };
    const short = (x: Scenario) => ({ ...x, horizon: { ...x.horizon, days: 14 } });
    expect(runReplication(short(uncapped), 'story', 0)).toEqual(runReplication(short(s), 'story', 0));
  });

  it('answers about 49 % of 999 calls within 10 s and abandons about 26 % of 101 calls across the run', () => {
    // Over many seeds 48.7 % (sd 1.3 with eight replications) and 25.3 % (sd 0.8).
    const r = story('pubs-reopening', false, DATED_REPLICATIONS);
    expect(serviceLevel(r, '999')).toBeGreaterThan(0.44);
    expect(serviceLevel(r, '999')).toBeLessThan(0.54);
    expect(abandonRate(r, '101')).toBeGreaterThan(0.22);
    expect(abandonRate(r, '101')).toBeLessThan(0.29);
  });

  it('shows Saturday 4 July by date: about a quarter within 10 s, one in ten in the evening', () => {
    const r = story('pubs-reopening', false, DATED_REPLICATIONS);
    const [reopening, ...others] = ['2020-07-04', '2020-07-11', '2020-07-18'].map((d) => dayIndex(load('pubs-reopening'), d));
    // Over many seeds the reopening Saturday answers 21 % (sd 2.6) and the two after it 23 points
    // more (sd 3.8); in the evening 6 % (sd 2.2), 29 points less than the other two (sd 5).
    const sl = serviceLevelOn(r.channels['999'].byDate, [reopening!]);
    expect(sl).toBeLessThan(0.35);
    expect(serviceLevelOn(r.channels['999'].byDate, others)).toBeGreaterThan(sl + 0.1);
    const evening = (days: number[]) => days.flatMap((d) => [18, 19, 20, 21, 22, 23].map((h) => d * 24 + h));
    const slEvening = serviceLevelOn(r.channels['999'].byDateHour, evening([reopening!]));
    expect(slEvening).toBeLessThan(0.2);
    expect(serviceLevelOn(r.channels['999'].byDateHour, evening(others))).toBeGreaterThan(slEvening + 0.1);
  });
});

describe('online-asb: 101 demand moved online at a cost', () => {
  it('moves about 100 101 calls a day online, and online reports go from 80 to about 180 a day', () => {
    const r = story('online-asb');
    expect(perDay(r, r.channels['101'].diverted)).toBeGreaterThan(88);
    expect(perDay(r, r.channels['101'].diverted)).toBeLessThan(112);
    expect(perDay(r, r.channels.online.offered)).toBeGreaterThan(165);
    expect(perDay(r, r.channels.online.offered)).toBeLessThan(195);
  });

  it('works about nine in ten online reports or more within 24 hours', () => {
    expect(serviceLevel(story('online-asb', true), 'online')).toBeGreaterThan(0.85);
  });

  it('improves 101 within 60 s and 999 within 10 s against the baseline', () => {
    expect(serviceLevel(story('online-asb'), '101')).toBeGreaterThan(serviceLevel(story('baseline'), '101'));
    expect(serviceLevel(story('online-asb'), '999')).toBeGreaterThan(serviceLevel(story('baseline'), '999'));
  });

  it('costs £4,348 a week more than the baseline (4 to 9 digital-desk staff a day, the 101 day shift 7 to 6)', () => {
    expect(Math.round(weeklyCost(load('online-asb')) - weeklyCost(load('baseline')))).toBe(4348);
    const rostered = (s: Scenario, group: string, name?: string) =>
      (s.staffing.shifts ?? []).filter((x) => x.group === group && (!name || (x.name ?? '').startsWith(name))).reduce((n, x) => n + x.staff, 0);
    expect(rostered(load('baseline'), 'digital-desk')).toBe(4);
    expect(rostered(load('online-asb'), 'digital-desk')).toBe(9);
    expect(rostered(load('baseline'), '101-handlers', 'Weekday days')).toBe(7);
    expect(rostered(load('online-asb'), '101-handlers', 'Weekday days')).toBe(6);
  });
});

describe('summer-peak: the baseline rota in July and August', () => {
  it('answers about 50 % of 999 calls within 10 s', () => {
    // Over many seeds 49.1 % (sd 1.6).
    expect(serviceLevel(story('summer-peak'), '999')).toBeGreaterThan(0.43);
    expect(serviceLevel(story('summer-peak'), '999')).toBeLessThan(0.56);
  });

  it('nearly doubles 101 abandonment and about doubles redials per day against the baseline', () => {
    const summer = story('summer-peak');
    const base = story('baseline');
    const abandon = abandonRate(summer, '101') / abandonRate(base, '101');
    // Over many seeds 1.79 (sd 0.06) and 2.07 (sd 0.08).
    expect(abandon).toBeGreaterThan(1.55);
    expect(abandon).toBeLessThan(2.3);
    const redials = (r: ReplicationStats) => perDay(r, r.channels['999'].redials + r.channels['101'].redials);
    expect(redials(summer) / redials(base)).toBeGreaterThan(1.75);
    expect(redials(summer) / redials(base)).toBeLessThan(2.6);
  });

  it('works almost no online reports within 24 hours', () => {
    expect(serviceLevel(story('summer-peak', true), 'online')).toBeLessThan(0.15);
  });
});

describe('neighbour-overflow: 999 calls taken for a neighbouring force', () => {
  // The run up to the end of the overflow weekend (1 September to 12 October), paired with the baseline.
  const upTo = (s: Scenario) => ({ ...s, horizon: { ...s.horizon, days: 42 } });
  const pair = () => [run(upTo(load('baseline')), true, DATED_REPLICATIONS), run(upTo(load('neighbour-overflow')), true, DATED_REPLICATIONS)] as const;
  let cached: readonly [ReplicationStats, ReplicationStats] | undefined;
  const paired = () => (cached ??= pair());

  it('is the baseline plus the overflow, and nothing else', () => {
    const { neighbourOverflow, ...demand } = load('neighbour-overflow').demand;
    expect(neighbourOverflow).toHaveLength(1);
    expect({ ...load('neighbour-overflow'), name: '', description: '', seed: '', demand }).toEqual({
      ...load('baseline'),
      name: '',
      description: '',
      seed: '',
      demand: (({ neighbourOverflow: _, ...rest }) => rest)(load('baseline').demand),
    });
  });

  it('offers about 300 more 999 calls (100 a day for three days)', () => {
    const [base, overflow] = paired();
    const fresh = (r: ReplicationStats) => r.channels['999'].offered - r.channels['999'].redials;
    // Over many seeds 325 (sd 7 with eight replications).
    const extra = (fresh(overflow) - fresh(base)) / DATED_REPLICATIONS;
    expect(extra).toBeGreaterThan(290);
    expect(extra).toBeLessThan(360);
  });

  it('shows the weekend by date: about 55 % of 999 calls within 10 s against about 68 %, and 101 down too', () => {
    const [base, overflow] = paired();
    const days = ['2025-10-10', '2025-10-11', '2025-10-12'].map((d) => dayIndex(load('baseline'), d));
    const sl = (r: ReplicationStats, c: Channel) => serviceLevelOn(r.channels[c].byDate, days);
    expect(sl(overflow, '999')).toBeLessThan(sl(base, '999') - 0.05);
    // Over many seeds 51 % (sd 3 with eight replications); the fall against the baseline 10 points (sd 1.3).
    expect(sl(overflow, '999')).toBeGreaterThan(0.4);
    expect(sl(overflow, '999')).toBeLessThan(0.68);
    expect(sl(overflow, '101')).toBeLessThan(sl(base, '101') - 0.03);
    // Before the overflow the two runs are the same calls.
    const before = dayIndex(load('baseline'), '2025-10-09');
    expect(overflow.channels['999'].byDate.offered[before]).toBe(base.channels['999'].byDate.offered[before]);
  });

  it('answers fewer 999 calls within 10 s than the baseline, by a point or two up to that weekend', () => {
    const [base, overflow] = paired();
    // Over 42 days the same loss is spread less thinly than over the baseline's 56.
    expect(serviceLevel(overflow, '999')).toBeLessThan(serviceLevel(base, '999'));
    // Over many seeds 1.9 points (sd 0.2 with eight replications).
    expect(serviceLevel(base, '999') - serviceLevel(overflow, '999')).toBeLessThan(0.03);
  });
});

describe('warwickshire-101-2018: 101 as the force measured it', () => {
  it('offers 485 fresh 101 calls a day on the year’s mean', () => {
    const r = story('warwickshire-101-2018');
    const fresh = perDay(r, r.channels['101'].offered - r.channels['101'].redials);
    expect(fresh).toBeGreaterThan(460);
    expect(fresh).toBeLessThan(510);
  });

  it('abandons about 20 % of 101 calls, near the measured 16.6 % and 19.1 %', () => {
    const rate = abandonRate(story('warwickshire-101-2018'), '101');
    expect(rate).toBeGreaterThan(0.15);
    expect(rate).toBeLessThan(0.23);
  });

  it('keeps callers waiting minutes: one in ten answered 101 callers waits about 2 minutes or more', () => {
    const c = story('warwickshire-101-2018').channels['101'];
    expect(c.answerWaitSum / c.answered).toBeGreaterThan(25);
    // The share of answers in the histogram bins that start at 120 s or later.
    const tail = c.waitHistogram.reduce((sum, n, bin) => sum + (binEdges(bin)[0] >= 120 ? n : 0), 0);
    expect(tail / c.answered).toBeGreaterThan(0.06);
  });

  it('answers about 89 % of 999 calls within 10 s, with 999 protected', () => {
    // Over many seeds 89.4 % (sd 1.1).
    expect(serviceLevel(story('warwickshire-101-2018'), '999')).toBeGreaterThan(0.85);
  });

  it('pays 3,089.5 hours a week for the split teams', () => {
    expect(weeklyHours(load('warwickshire-101-2018'))).toBe(3089.5);
  });
});

describe('warwickshire-101-triage: the 2018 101 with a staffed triage step', () => {
  const step = () => story('warwickshire-101-triage');
  const before = () => story('warwickshire-101-2018');

  it('abandons about 2.5 points fewer 101 calls than without the step, on the same calls', () => {
    const fall = abandonRate(before(), '101') - abandonRate(step(), '101');
    expect(fall).toBeGreaterThan(0.01);
    expect(fall).toBeLessThan(0.05);
    expect(serviceLevel(step(), '101')).toBeGreaterThan(serviceLevel(before(), '101'));
  });

  it('routes about 63 calls a day online, 41 to another team and 42 to call-backs', () => {
    const t = step().triage101;
    expect(perDay(step(), t.toOnline)).toBeGreaterThan(55);
    expect(perDay(step(), t.toOnline)).toBeLessThan(72);
    for (const n of [t.toOtherTeam, t.toCallback]) {
      expect(perDay(step(), n)).toBeGreaterThan(35);
      expect(perDay(step(), n)).toBeLessThan(48);
    }
  });

  it('makes nearly all call-backs within 2 hours, a few minutes after the promise on average', () => {
    const cb = step().triage101.callbacks;
    expect(cb.withinTarget / cb.offered).toBeGreaterThan(0.95);
    expect(cb.waitSum / cb.answered / 60).toBeLessThan(10);
  });

  it('swamps the digital desk, which is not grown: a far larger backlog, almost nothing within 24 hours', () => {
    const mean = (r: ReplicationStats) => r.online.backlogByDay.reduce((a, b) => a + b, 0) / r.online.backlogByDay.length;
    expect(mean(story('warwickshire-101-triage', true))).toBeGreaterThan(5 * mean(story('warwickshire-101-2018', true)));
    expect(serviceLevel(story('warwickshire-101-triage', true), 'online')).toBeLessThan(0.1);
  });
});
