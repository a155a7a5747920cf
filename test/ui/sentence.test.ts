import { describe, expect, it } from 'vitest';
import { largestWindow, serviceSentence, windowHours, windowText } from '../../src/ui/results/sentence.ts';
import { refusalReason } from '../../src/ui/run/runner.svelte.ts';
import { toCsv, estimateRows, readableCsv } from '../../src/ui/results/format.ts';

describe('serviceSentence', () => {
  it('says how many points more of the calls are answered within the target, with the CI half-width, over a window', () => {
    expect(
      serviceSentence({ a: 'Rota A', b: 'Rota B', channel: '999', within: '10 s', difference: { mean: 0.041, ci95: [0.035, 0.047] }, window: { start: 4 * 24 + 22, hours: 4 } }),
    ).toBe('Rota B answers 4.1 points (±0.6) more of the 999 calls within 10 s than Rota A on Friday 22:00–02:00.');
  });
  it('says fewer, and flags a difference whose CI includes zero', () => {
    const s = serviceSentence({ a: 'A', b: 'B', channel: '101', within: '60 s', difference: { mean: -0.01, ci95: [-0.03, 0.01] } });
    expect(s).toBe('B answers 1.0 point (±2.0) fewer of the 101 calls within 60 s than A. That difference is within the noise: the 95 % CI includes no change.');
  });
});

describe('serviceSentence with an uneven interval', () => {
  it('gives the interval’s two ends instead of a ± that would misplace it', () => {
    // The reviewer's case: the table's −0.3 points (95 % CI −1.6 to 0.3) read "(±0.9)" in the sentence.
    expect(serviceSentence({ a: 'A', b: 'B', channel: '999', within: '10 s', difference: { mean: -0.003, ci95: [-0.016, 0.003] } })).toBe(
      'B answers 0.3 points fewer of the 999 calls within 10 s than A (95 % CI 1.6 fewer to 0.3 more). That difference is within the noise: the 95 % CI includes no change.',
    );
    expect(serviceSentence({ a: 'A', b: 'B', channel: 'online', within: '24 h', difference: { mean: 0.041, ci95: [0.02, 0.049] } })).toBe(
      'B completes 4.1 points more of the online reports within 24 h than A (95 % CI 2.0 to 4.9 more).',
    );
    expect(serviceSentence({ a: 'A', b: 'B', channel: '101', within: '60 s', difference: { mean: -0.05, ci95: [-0.09, -0.04] } })).toBe(
      'B answers 5.0 points fewer of the 101 calls within 60 s than A (95 % CI 4.0 to 9.0 fewer).',
    );
  });
});

describe('serviceSentence for a change under 0.05 points', () => {
  it('says the share is the same rather than "0.0 points more"', () => {
    const s = serviceSentence({ a: 'A', b: 'B', channel: '999', within: '10 s', difference: { mean: 0.0004, ci95: [-0.0046, 0.0054] } });
    expect(s).toBe('B answers the same share of the 999 calls within 10 s as A to 0.1 point (±0.5 points). That difference is within the noise: the 95 % CI includes no change.');
  });
});

describe('windows', () => {
  it('wrap around the end of the week', () => {
    expect(windowHours({ start: 166, hours: 4 })).toEqual([166, 167, 0, 1]);
    expect(windowText({ start: 0, hours: 2 })).toBe('on Monday 00:00–02:00');
  });
  it('largestWindow finds the hours with the biggest change', () => {
    const best = largestWindow((hours) => ({ mean: hours.includes(50) ? 0.2 : 0.01, ci95: null }), 4);
    expect(best?.difference.mean).toBe(0.2);
    expect(windowHours(best!.window)).toContain(50);
  });
});

describe('refusalReason', () => {
  it('names the scenario and its first problems', () => {
    const reason = refusalReason([
      { key: 'a', name: 'Night rota', json: { staffing: { shifts: [{ name: 'Nights', staff: '2x' }] } }, validation: { ok: false, problems: [{ path: 'staffing.shifts.0.staff', message: 'expected a number, got "2x"' }] } },
    ]);
    expect(reason).toBe('“Night rota” has 1 problem to fix first: Shift 1 (Nights): staff: expected a number, got "2x".');
    expect(refusalReason([{ key: 'b', name: 'ok', json: {}, validation: { ok: true, scenario: {} as never } }])).toBe('');
  });
});

describe('CSV export', () => {
  it('writes the headline figures with readable headers, percentages and rounding', () => {
    const csv = readableCsv([{ scenario: 'Base, v2', measure: '999 answered within 10 s', value: '91.0 %', interval: '90.2 % – 91.8 %', target: 'Target 90 %', verdict: 'Meets target' }]);
    expect(csv).toBe('Scenario,Measure,Value,95 % interval,Target or guide,Verdict\n"Base, v2",999 answered within 10 s,91.0 %,90.2 % – 91.8 %,Target 90 %,Meets target\n');
  });
  it('shows a scenario name or a value that starts like a formula as text, not as a formula', () => {
    const csv = readableCsv([{ scenario: '=HYPERLINK("http://x","Open")', measure: 'Staff cost a week', value: '+£16,905', interval: '', target: '', verdict: '@risk' }]);
    expect(csv.split('\n')[1]).toBe(`"'=HYPERLINK(""http://x"",""Open"")",Staff cost a week,"'+£16,905",,,'@risk`);
    expect(toCsv([{ scenario: '-rota', measure: 'x', mean: -0.5, lo: -1, hi: 0 }]).split('\n')[1]).toBe("'-rota,x,-0.5,-1,0");
  });
  it('flattens every estimate with its CI', () => {
    const rows = estimateRows('Base, v2', { channels: { '999': { serviceLevel: { mean: 0.9, ci95: [0.88, 0.92] } } }, replications: 4 });
    expect(toCsv(rows)).toBe('scenario,measure,mean,ci95_low,ci95_high\n"Base, v2",channels.999.serviceLevel,0.9,0.88,0.92\n');
  });
});

import { costCards, headlineCards } from '../../src/ui/results/cards.ts';
import { num } from '../../src/ui/results/format.ts';
import { buildReport } from '../../src/model/report.ts';
import { runReplication } from '../../src/model/run.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import baseline from '../../scenarios/baseline.json' with { type: 'json' };
import warwickshire from '../../scenarios/warwickshire-101-triage.json' with { type: 'json' };

describe('headlineCards', () => {
  it('cover the standards, abandonment, speed of answer, the online target and occupancy, each with a worded status', () => {
    const parsed = parseScenario({ ...baseline, horizon: { ...baseline.horizon, days: 3, warmupDays: 1 } });
    if (!parsed.ok) throw new Error('invalid');
    const report = buildReport(parsed.scenario, 's', [0, 1].map((i) => runReplication(parsed.scenario, 's', i)));
    const cards = headlineCards(report);
    expect(cards.map((c) => c.id)).toEqual(expect.arrayContaining(['999-sl', '101-sl', '999-abandon', '101-abandon', '999-asa', '101-asa', 'online-sl', 'occ-call-handlers']));
    expect(cards.find((c) => c.id === '999-sl')!.label).toBe('999 answered within 10 s');
    for (const c of cards.filter((c) => c.status !== 'info')) {
      // Online reports graded 1 come about one every two days: in two days a replication may have
      // none, and then the card says its interval needs more replications.
      expect(c.ci).toMatch(c.id === 'online-grade1' ? /^95 % CI |^CI needs 2\+ replications that measured it$/ : /^95 % CI /);
      expect(c.verdict).not.toBe('');
      if (c.target.startsWith('Guide')) expect(c.verdict).not.toMatch(/target/);
    }
    // The rota's paid hours and cost, straight from the report (baseline: £19–21 an hour).
    const paid = cards.find((c) => c.id === 'paid-hours')!;
    const cost = cards.find((c) => c.id === 'cost')!;
    // The baseline's 2,673.5 hours, to the half hour its unpaid breaks leave.
    expect(report.cost.paidHoursPerWeek).toBe(2673.5);
    expect(paid.value).toBe('2,673.5 h');
    expect(cost.value).toBe(`£${Math.round(report.cost.costPerWeek).toLocaleString('en-GB')}`);
    expect(report.cost.costPerWeek).toBeGreaterThan(19 * report.cost.paidHoursPerWeek);
    expect(cost.ci).toContain('Call handlers (999 and 101) £');
  });

  it('costCards name a staff group with no cost per hour, counted at £0, rather than give a total that looks complete', () => {
    const groups = baseline.staffing.groups.map((g) => (g.id === 'call-handlers' ? { ...g, costPerHour: undefined } : g));
    const parsed = parseScenario({ ...baseline, horizon: { ...baseline.horizon, days: 2, warmupDays: 0 }, staffing: { ...baseline.staffing, groups } });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const report = buildReport(parsed.scenario, 's', [runReplication(parsed.scenario, 's', 0)]);
    const cost = costCards(report).find((c) => c.id === 'cost')!;
    expect(cost.target).toBe('Paid hours × each group’s cost per hour; Call handlers (999 and 101) at £0 an hour (Edit › Rota)');
  });

  it('say a group has no work when none of its channels has contacts, rather than "0.0 % within guide"', () => {
    const noOnline = { ...baseline, horizon: { ...baseline.horizon, days: 3, warmupDays: 1 }, demand: { ...baseline.demand, channels: { ...baseline.demand.channels, online: { ...baseline.demand.channels.online, callsPerDay: 0 } } } };
    const parsed = parseScenario(noOnline);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const report = buildReport(parsed.scenario, 's', [0, 1].map((i) => runReplication(parsed.scenario, 's', i)));
    const desk = Object.entries(report.staff).find(([, g]) => g.skills.length === 1 && g.skills[0] === 'online')!;
    expect(desk[1].utilisation.mean).toBe(0);
    const cards = headlineCards(report);
    const card = cards.find((c) => c.id === `occ-${desk[0]}`)!;
    expect(card).toMatchObject({ value: '–', status: 'none', verdict: 'No work for this group', target: 'Takes online: no contacts in this scenario' });
    // The phone handlers still get their occupancy against the guide.
    expect(cards.find((c) => c.id === 'occ-call-handlers')!.value).toMatch(/%$/);
  });

  it('show what the 101 triage step routed and its call-backs against their target, only when the scenario has the step', () => {
    const short = (json: object) => {
      const parsed = parseScenario({ ...json, horizon: { startDate: '2025-01-06', days: 3, warmupDays: 1 } });
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
      return buildReport(parsed.scenario, 's', [0, 1].map((i) => runReplication(parsed.scenario, 's', i)));
    };
    const report = short(warwickshire);
    const cards = headlineCards(report);
    const routed = cards.find((c) => c.id === '101-step-routed')!;
    const step = report.triage101;
    expect(routed.value).toBe(num(step.toOnlinePerDay.mean! + step.toOtherTeamPerDay.mean! + step.toCallbackPerDay.mean!));
    expect(Number(routed.value)).toBeGreaterThan(0);
    const callbacks = cards.find((c) => c.id === '101-callbacks')!;
    expect(callbacks.label).toBe(`101 call-backs made within ${warwickshire.triage101.callbackHours} h`);
    expect(callbacks.ci).toMatch(/^95 % CI /);
    expect(callbacks.target).toContain(`${Math.round(report.standards['101'].share * 100)} %`);
    expect(report.callbackHours).toBe(warwickshire.triage101.callbackHours);

    const without = short(baseline);
    expect(without.callbackHours).toBeNull();
    expect(headlineCards(without).filter((c) => c.id.startsWith('101-step') || c.id === '101-callbacks')).toEqual([]);
  });
});
