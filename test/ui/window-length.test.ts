import { describe, expect, it } from 'vitest';
import { windowLength } from '../../src/ui/compare/window-length.ts';

describe("Compare's window length, from what the user typed", () => {
  it('takes a whole number of hours from 1 to 168', () => {
    expect(windowLength('1')).toEqual({ ok: true, hours: 1 });
    expect(windowLength(' 24 ')).toEqual({ ok: true, hours: 24 });
    expect(windowLength('168')).toEqual({ ok: true, hours: 168 });
  });

  it('names anything else instead of turning it into another window', () => {
    for (const typed of ['-1', '0', '169', '2.5', '1e309', 'abc', 'Infinity']) {
      expect(windowLength(typed)).toEqual({ ok: false, message: `expected a whole number of hours from 1 to 168 (a week), got “${typed}”` });
    }
    expect(windowLength('  ')).toEqual({ ok: false, message: 'expected a whole number of hours from 1 to 168 (a week), got nothing' });
  });
});
