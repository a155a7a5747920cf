/**
 * Common random numbers for staff absences. A manager's question is "if we move two handlers from
 * the early to the late shift, what happens?": the comparison is only sharp if every shift the
 * edit leaves alone has the same people absent on the same days in both runs. Absences are keyed
 * by (shift, day, person), so they are; drawn in turn from one stream, one more person on the lates
 * would move every later draw of every other shift. Likewise THRIVE grades are drawn per channel,
 * so more 101 redials do not move the grades, and so the handling times, of online reports.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from '../../src/scenario/index.ts';
import { runReplication } from '../../src/model/run.ts';
import { StaffingTimeline } from '../../src/model/timeline.ts';
import { simCalendar } from '../../src/model/calendar-time.ts';
import { keyedRandom } from '../../src/engine/index.ts';
import baseline from '../../scenarios/baseline.json' with { type: 'json' };

function scenario(edit: (shifts: { name?: string; staff: number }[]) => void, days = 14): Scenario {
  const json = structuredClone(baseline) as unknown as { horizon: { days: number; warmupDays: number }; staffing: { shifts: { name?: string; staff: number }[] } };
  json.horizon = { ...json.horizon, days, warmupDays: 0 };
  edit(json.staffing.shifts);
  const parsed = parseScenario(json);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.scenario;
}
const shift = (shifts: { name?: string; staff: number }[], name: string) => shifts.find((s) => s.name === name)!;
const moveTwoToLates = (shifts: { name?: string; staff: number }[]) => {
  shift(shifts, 'Earlies (break plan A)').staff -= 2;
  shift(shifts, 'Lates (break plan A)').staff += 2;
};

describe('staff absences on common random numbers', () => {
  it('an edit of two shifts leaves the absences of the groups it does not touch as they were, day by day', () => {
    const changes = (s: Scenario, group: string) => {
      const timeline = new StaffingTimeline(s, simCalendar(s.horizon.startDate));
      const draw = keyedRandom('crn', 3, 'rota');
      const g = timeline.groups.indexOf(group);
      return Array.from({ length: 15 }, (_, d) => timeline.drawDay(d - 1, draw).filter((c) => c.group === g));
    };
    const [before, after] = [scenario(() => {}), scenario(moveTwoToLates)];
    for (const group of ['101-handlers', 'digital-desk']) {
      const a = changes(before, group);
      expect(a.flat().length).toBeGreaterThan(100);
      expect(changes(after, group)).toEqual(a);
    }
    // And people are absent, about a quarter of the time (25 % shrinkage), or equality would prove
    // little. A digital-desk shift is one person; count the shift-days someone came on at its start.
    const deskShifts = before.staffing.shifts!.filter((x) => x.group === 'digital-desk');
    expect(deskShifts.every((x) => x.days.length === 7 && x.staff === 1)).toBe(true);
    const starts = new Set(deskShifts.map((x) => Number(x.start.slice(0, 2)) * 3600 + Number(x.start.slice(3)) * 60));
    const present = changes(before, 'digital-desk').flat().filter((c) => c.delta > 0 && starts.has(((c.time % 86400) + 86400) % 86400)).length;
    const rostered = 15 * deskShifts.length;
    // Binomial(60, 0.75): mean 45, standard deviation 3.4.
    expect(present).toBeGreaterThan(45 - 4 * 3.4);
    expect(present).toBeLessThan(45 + 4 * 3.4);
    expect(rostered).toBe(60);
  });

  it('so the online desk, which the edit does not touch, answers the same reports in the same times', () => {
    const before = scenario(() => {});
    const after = scenario(moveTwoToLates);
    for (const r of [0, 1, 2]) {
      const [a, b] = [runReplication(before, 'crn', r), runReplication(after, 'crn', r)];
      // The online desk's people, reports, handling times and grades are the same draws in both runs.
      expect(b.channels.online, `replication ${r}`).toEqual(a.channels.online);
      expect(b.groups['digital-desk'], `replication ${r}`).toEqual(a.groups['digital-desk']);
      // The phones do change: two people answer eight hours later.
      expect(b.channels['999'].withinTarget).not.toBe(a.channels['999'].withinTarget);
    }
  });
});
