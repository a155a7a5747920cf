/**
 * "Above the bound" is a share of the bound: cost / bound − 1. The JSON's gapToLowerBound stays a
 * share of the cost, HiGHS's convention; where both are printed, each is named.
 */
import { describe, expect, it } from 'vitest';
import { aboveLowerBound } from '../../src/optimise/above-bound.ts';
import type { Proposal } from '../../src/optimise/optimise.ts';
import { proposalCards } from '../../src/ui/propose/proposal-cards.ts';
import { formatProposal } from '../../src/cli/optimise.ts';

// The README's measured proposal: £70,743 on a bound of £68,377.
const proposal: Proposal = {
  scenario: 'Baseline',
  shifts: [],
  costPerWeek: 70_743,
  lowerBoundPerWeek: 68_377,
  gapToLowerBound: (70_743 - 68_377) / 70_743,
  paidHoursPerWeek: 3_000,
  current: { costPerWeek: 54_892, paidHoursPerWeek: 2_600 },
  standards: [],
  verification: { seed: 'x', replications: 20, days: 42, warmupDays: 7 },
  optimisation: { seed: 'x/optimise', replications: 8, weeks: 4, confirmationSeed: 'x/confirm' },
  stoppedBy: 'all standards met',
  iterations: [],
  changes: [],
  compliance: [],
  infeasible: [],
  sipp: null,
};

describe('aboveLowerBound', () => {
  it('aboveLowerBound is cost / bound − 1, larger than the gap as a share of the cost', () => {
    expect(aboveLowerBound(proposal)).toBeCloseTo(0.0346, 4);
    expect(proposal.gapToLowerBound).toBeCloseTo(0.0334, 4);
  });

  it('aboveLowerBound has no ratio for a zero bound', () => {
    expect(aboveLowerBound({ costPerWeek: 0, lowerBoundPerWeek: 0 })).toBeNull();
  });

  it('proposalCards says 3.5 % above the bound, not the 3.3 % share of the cost', () => {
    expect(proposalCards(proposal)[0]!.ci).toBe('LP lower bound £68,377: 3.5 % above it');
  });

  it('formatProposal prints both readings, each named', () => {
    const text = formatProposal(proposal, 46, {}, undefined);
    expect(text).toContain('cost per week       £70,743 (current £54,892)\nLP lower bound      £68,377; the cost is 3.5 % above it (gapToLowerBound 3.3 %, of the cost)\n');
  });
});
