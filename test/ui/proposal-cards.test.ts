import { describe, expect, it } from 'vitest';
import { standardCards } from '../../src/ui/propose/proposal-cards.ts';
import type { StandardResult } from '../../src/optimise/optimise.ts';

const standard = (mean: number, ci95: [number, number], met: boolean): StandardResult => ({ channel: '999', share: 0.9, withinSeconds: 10, achieved: { mean, ci95 }, met });

describe('standardCards', () => {
  it('standardCards calls a standard met only as the optimiser judged it, missed when the whole CI falls short, else not proven', () => {
    const cards = standardCards([standard(0.93, [0.91, 0.95], true), standard(0.91, [0.89, 0.93], false), standard(0.85, [0.83, 0.87], false)]);
    expect(cards.map((c) => [c.status, c.verdict])).toEqual([
      ['good', 'Met at the lower 95 % bound'],
      ['warn', 'Not proven: the CI reaches below the standard'],
      ['bad', 'Missed'],
    ]);
    expect(cards[0]).toMatchObject({ label: '999 answered within 10 s', value: '93.0 %', ci: '95 % CI 91.0 % – 95.0 %', target: 'Standard 90 %' });
  });

  it('standardCards words the online standard in hours', () => {
    const [card] = standardCards([{ channel: 'online', share: 0.9, withinSeconds: 86400, achieved: { mean: 0.95, ci95: [0.94, 0.96] }, met: true }]);
    expect(card!.label).toBe('Online worked within 24 h');
  });
});
