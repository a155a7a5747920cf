/**
 * How far a proposal's cost is above its LP lower bound, as "above the bound" reads: cost / bound − 1
 * (£70,743 on a bound of £68,377 is 3.46 % above it). The JSON's `gapToLowerBound` keeps HiGHS's
 * convention, (cost − bound) / cost (3.34 % there), which is a share of the cost, not of the bound.
 */
export function aboveLowerBound(p: { costPerWeek: number; lowerBoundPerWeek: number }): number | null {
  // A zero bound (no demand to staff) has no ratio to speak of.
  return p.lowerBoundPerWeek > 0 ? p.costPerWeek / p.lowerBoundPerWeek - 1 : null;
}
