import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contactsPerDayByType } from '../../src/model/triage-hook.ts';
import { parseScenario, type Scenario } from '../../src/scenario/index.ts';
import { IMMEDIATE, OFFICER_SENT, expectedGradeMix } from '../../src/triage/index.ts';

function baseline(): Scenario {
  const parsed = parseScenario(JSON.parse(readFileSync(new URL('../../scenarios/baseline.json', import.meta.url), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('; '));
  return parsed.scenario;
}

describe('calibration of the default grades against the published figures', () => {
  // The figures count 999 and 101 calls (Leicestershire, leics.police.uk 'Contact management'), so
  // the comparison is on the baseline's phone calls, weighted by its calls per day and call mix.
  const s = baseline();
  const mix = expectedGradeMix(s.triage, contactsPerDayByType(s, ['999', '101'])).shares;

  it('the published shares are the ones the source gives: 143,000 and 25,000 of 675,000 calls', () => {
    expect(OFFICER_SENT.share).toBeCloseTo(0.2119, 4);
    expect(IMMEDIATE.share).toBeCloseTo(0.037, 4);
  });

  it('sends an officer (grades 1–3) to about 21 % of the baseline calls, as Leicestershire does', () => {
    expect(1 - mix[3]!).toBeGreaterThan(OFFICER_SENT.share - 0.015);
    expect(1 - mix[3]!).toBeLessThan(OFFICER_SENT.share + 0.015);
  });

  it('grades about 3.7 % of the baseline calls 1 (immediate response), as Leicestershire does', () => {
    expect(mix[0]!).toBeGreaterThan(IMMEDIATE.share - 0.005);
    expect(mix[0]!).toBeLessThan(IMMEDIATE.share + 0.005);
  });
});
