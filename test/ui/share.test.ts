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
  it('refuse a link that inflates past the size of any scenario, and say so', async () => {
    // A few KB of deflated zeros that would unpack to 64 MB.
    const zeros = new Uint8Array(64 * 1024 * 1024);
    const deflated = new Uint8Array(await new Response(new Blob([zeros]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
    let binary = '';
    for (const b of deflated) binary += String.fromCharCode(b);
    const hash = '#z=' + btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
    expect(await decodeShare(hash)).toEqual({ ok: false, message: 'The link does not hold a readable scenario: it unpacks to more than 8,388,608 bytes, the most a scenario may have.' });
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

describe('opening a share link', () => {
  it('opens its scenario once: the same link again selects the copy already made, not “… 2”', async () => {
    const { AppState } = await import('../../src/ui/app.svelte.ts');
    const { memoryStore } = await import('../../src/ui/workspace/store.ts');
    const store = memoryStore<import('../../src/ui/workspace/workspace.svelte.ts').ScenarioDoc>();
    const json = { name: 'Rota B — nights', demand: { channels: { '999': { callsPerDay: 310 } } } };
    const hash = await encodeShare(json);
    const first = new AppState(store);
    await first.start(hash);
    expect(first.workspace.ownDocs.map((d) => d.draft['name'])).toEqual(['Rota B — nights']);
    expect(first.workspace.current?.draft['name']).toBe('Rota B — nights');
    await first.workspace.flush();
    const again = new AppState(store);
    await again.start(hash);
    expect(again.workspace.ownDocs.map((d) => d.draft['name'])).toEqual(['Rota B — nights']);
    expect(again.workspace.current?.id).toBe(first.workspace.current?.id);
    expect(again.workspace.notice).toBe('The shared scenario is already open as “Rota B — nights”.');
    expect(again.tab).toBe('edit');
  });
});
