import { describe, expect, it } from 'vitest';
import { shownChannel } from '../../src/ui/results/channels.ts';
import type { Report } from '../../src/model/report.ts';

/** Just the part of a report shownChannel reads: contacts offered per channel. */
const report = (offered: Partial<Record<'999' | '101' | 'online', number>>) =>
  ({ channels: Object.fromEntries((['999', '101', 'online'] as const).map((c) => [c, { offered: { mean: offered[c] ?? 0 } }])) }) as unknown as Report;

describe('shownChannel', () => {
  it('opens on 999 whenever any scenario has 999 calls', () => {
    expect(shownChannel([report({ '999': 300, '101': 900, online: 80 })])).toBe('999');
    expect(shownChannel([report({ '101': 900 }), report({ '999': 1 })])).toBe('999');
  });
  it('opens a scenario without 999 calls on the channel it has', () => {
    expect(shownChannel([report({ '101': 900, online: 80 })])).toBe('101');
    expect(shownChannel([report({ online: 80 }), report({ online: 40 })])).toBe('online');
  });
  it('falls back to 999 when nothing was offered at all', () => {
    expect(shownChannel([report({})])).toBe('999');
    expect(shownChannel([])).toBe('999');
  });
});
