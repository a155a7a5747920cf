import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare } from '../../src/ui/workspace/share.ts';

describe('share links', () => {
  it('round-trip a scenario, including non-ASCII text', async () => {
    const json = { name: 'Rota B — nights', demand: { channels: { '999': { callsPerDay: 310 } } } };
    const hash = await encodeShare(json);
    expect(hash).toMatch(/^#z=[A-Za-z0-9_-]+$/);
    expect(await decodeShare(hash)).toEqual({ ok: true, json });
  });
  it('compress a full scenario to a few kilobytes', async () => {
    const baseline = JSON.parse(readFileSync(new URL('../../scenarios/baseline.json', import.meta.url), 'utf8'));
    const hash = await encodeShare(baseline);
    expect(hash.length).toBeLessThan(JSON.stringify(baseline).length / 3);
    expect(await decodeShare(hash)).toEqual({ ok: true, json: baseline });
  });
  it('still open older uncompressed links', async () => {
    expect(await decodeShare('#s=eyJuYW1lIjoieCJ9')).toEqual({ ok: true, json: { name: 'x' } });
  });
  it('ignore other fragments', async () => {
    expect(await decodeShare('#results')).toBeUndefined();
    expect(await decodeShare('')).toBeUndefined();
  });
  it('report a damaged link instead of throwing', async () => {
    expect((await decodeShare('#s=eyJuYW1lIjoi'))?.ok).toBe(false);
    expect((await decodeShare('#z=eyJuYW1lIjoi'))?.ok).toBe(false);
  });
});
