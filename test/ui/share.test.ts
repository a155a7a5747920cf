import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare } from '../../src/ui/workspace/share.ts';

describe('share links', () => {
  it('round-trip a scenario, including non-ASCII text', () => {
    const json = { name: 'Rota B — nights', demand: { channels: { '999': { callsPerDay: 310 } } } };
    const hash = encodeShare(json);
    expect(hash).toMatch(/^#s=[A-Za-z0-9_-]+$/);
    expect(decodeShare(hash)).toEqual({ ok: true, json });
  });
  it('ignore other fragments', () => {
    expect(decodeShare('#results')).toBeUndefined();
    expect(decodeShare('')).toBeUndefined();
  });
  it('report a damaged link instead of throwing', () => {
    const result = decodeShare('#s=eyJuYW1lIjoi');
    expect(result?.ok).toBe(false);
  });
});
