/**
 * The change lines of a proposal and of Compare's "What differs": the group's name leads, so a
 * count never runs into a name that starts with a number.
 */
import { describe, expect, it } from 'vitest';
import { headcountChanges } from '../../src/optimise/changes.ts';
import type { Shift } from '../../src/scenario/index.ts';

const shift = (over: Partial<Shift>): Shift => ({ group: 'h101', start: '07:00', hours: 8, days: ['Mon'], staff: 5, breaks: [], ...over });
const names = new Map([['h101', '101 handlers'], ['h999', '999 handlers']]);

describe('headcountChanges', () => {
  it('headcountChanges puts the group name before the count, so "+1 101 handlers" cannot be read as +1,101', () => {
    const before = [shift({ days: ['Mon', 'Tue'] })];
    const after = [shift({ days: ['Mon', 'Tue'], staff: 6 })];
    expect(headcountChanges(before, after, names)).toEqual(['101 handlers: +1 on 07:00–15:00 (8 h) Mon and Tue']);
  });

  it('headcountChanges lists gains before losses per group and shift, with days of the same change joined', () => {
    const before = [shift({ group: 'h999', start: '23:00', days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'], staff: 4 })];
    const after = [
      shift({ group: 'h999', start: '23:00', days: ['Fri', 'Sat'], staff: 6 }),
      shift({ group: 'h999', start: '23:00', days: ['Mon', 'Tue', 'Wed', 'Thu', 'Sun'], staff: 3 }),
    ];
    expect(headcountChanges(before, after, names)).toEqual([
      '999 handlers: +2 on 23:00–07:00 (8 h) Fri and Sat',
      '999 handlers: −1 on 23:00–07:00 (8 h) Mon, Tue, Wed, Thu and Sun',
    ]);
  });
});
