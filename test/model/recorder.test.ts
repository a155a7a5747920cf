/**
 * The recorder's short path for a contact answered the moment it arrives counts exactly what
 * `offered` and then `answered` with no wait count, so the model may use either.
 */
import { describe, expect, it } from 'vitest';
import { simCalendar } from '../../src/model/calendar-time.ts';
import { Recorder } from '../../src/model/recorder.ts';
import { MAX_DAYS_BY_DATE_AND_HOUR } from '../../src/stats/replication.ts';
import { scenario } from './scenarios.ts';

const HOUR = 3600;
const DAY = 24 * HOUR;

/** Three weeks and a warm-up day, short enough to be counted by date and hour too. */
const short = scenario({
  name: 'recorder',
  horizon: { startDate: '2025-01-05', days: 22, warmupDays: 1 },
  demand: { profile: 'flat', channels: { '999': { callsPerDay: 100 }, '101': { callsPerDay: 100 } } },
  handling: { '999': { talkMinutes: { dist: 'exponential', mean: 6 } }, '101': { talkMinutes: { dist: 'exponential', mean: 6 } } },
  staffing: { fixed: 3 },
});

function recorder(days: number) {
  const s = { ...short, horizon: { ...short.horizon, days } };
  return new Recorder(s, simCalendar(s.horizon.startDate), ['a', 'b'], ['general', 'assault'], 0);
}

describe('Recorder.answeredAtOnce', () => {
  for (const days of [22, 60]) {
    it(`counts what offered and answered with no wait count (${days} days: ${days - 1 <= MAX_DAYS_BY_DATE_AND_HOUR ? 'with' : 'without'} counts by date and hour)`, () => {
      const twoCalls = recorder(days);
      const oneCall = recorder(days);
      // Contacts on every channel, graded and not, sending an officer or not, before the measured
      // window, inside it and after it, some waiting (counted the same way in both).
      let t = 0.37 * HOUR;
      for (let i = 0; t < (days + 1) * DAY; i++, t += 1234.5678 + (i % 7) * 311.1) {
        const c = i % 3;
        const grade = i % 5 === 0 ? 0 : 1 + (i % 4);
        const deploys = i % 2 === 0;
        const work = 100 + (i % 13) * 17.25;
        const type = i % 2;
        if (i % 4 === 3) {
          for (const r of [twoCalls, oneCall]) {
            r.offered(c, t, i % 8 === 7, grade);
            r.answered(c, t, t + 10.5 * (i % 9), work, type, grade, deploys);
          }
          continue;
        }
        twoCalls.offered(c, t, false, grade);
        twoCalls.answered(c, t, t, work, type, grade, deploys);
        oneCall.answeredAtOnce(c, t, work, type, grade, deploys);
      }
      const a = twoCalls.finish(1);
      const b = oneCall.finish(1);
      expect(a.online.grade1.answered).toBeGreaterThan(0);
      expect(a.deployments.some((n) => n > 0)).toBe(true);
      expect(a.channels['999'].byDateHour.answered.length > 0).toBe(days - 1 <= MAX_DAYS_BY_DATE_AND_HOUR);
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    });
  }
});
