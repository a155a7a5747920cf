import { describe, expect, it } from 'vitest';
import { fitQuality } from '../../src/ui/demand/fit-quality.ts';

describe('fitQuality', () => {
  it('words the error against what chance alone leaves', () => {
    expect(fitQuality(0.112, 0.11)).toBe('as close as chance allows');
    expect(fitQuality(0.15, 0.11)).toBe('close: a little more error than chance alone');
    expect(fitQuality(0.25, 0.11)).toBe('fair: the shape misses part of the pattern');
    expect(fitQuality(0.5, 0.11)).toBe('poor: much of the variation is not in the fitted shape');
    expect(fitQuality(0.1, 0)).toBe('');
  });
});
