import { describe, expect, it } from 'vitest';
import { proposedGanttShift, standardCards } from '../../src/ui/propose/proposal-cards.ts';
import type { StandardResult } from '../../src/optimise/optimise.ts';
import type { Shift } from '../../src/scenario/index.ts';

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

describe('proposedGanttShift', () => {
  it('proposedGanttShift labels a proposed shift with its group’s name, short enough for the gantt’s row', () => {
    const shift: Shift = { group: 'call-handlers', start: '07:00', hours: 8, days: ['Mon'], staff: 9, breaks: [] };
    expect(proposedGanttShift({ ...shift, name: 'Call handlers (999 and 101): 07:00 8 h (break plan A)' })).toMatchObject({ label: 'Call handlers', start: '07:00', hours: 8, staff: 9 });
    expect(proposedGanttShift({ ...shift, name: '101 handlers: 10:00 10 h' }).label).toBe('101 handlers');
    expect(proposedGanttShift({ ...shift, name: undefined }).label).toBe('call-handlers');
  });
});
