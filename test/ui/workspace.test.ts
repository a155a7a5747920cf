import { describe, expect, it, vi } from 'vitest';
import { Workspace, getAt, setAt, type ScenarioDoc, type Validation } from '../../src/ui/workspace/workspace.svelte.ts';
import { memoryStore } from '../../src/ui/workspace/store.ts';

const validate = (json: unknown): Validation<unknown> => {
  const calls = getAt(json, ['demand', 'callsPerDay']);
  return typeof calls === 'number' ? { ok: true, scenario: json } : { ok: false, problems: [{ path: 'demand.callsPerDay', message: 'Expected a number' }] };
};
const builtins = [{ slug: 'baseline', json: { name: 'Baseline', demand: { callsPerDay: 100 } } }];

async function workspace(store = memoryStore<ScenarioDoc>()) {
  const ws = new Workspace(store, builtins, validate);
  await ws.load();
  return { ws, store };
}

describe('setAt / getAt', () => {
  it('create the path on the way', () => {
    const d: Record<string, unknown> = {};
    setAt(d, ['a', 'b', 0], 5);
    expect(d).toEqual({ a: { b: [5] } });
    expect(getAt(d, ['a', 'b', 0])).toBe(5);
    expect(getAt(d, ['x', 'y'])).toBeUndefined();
  });
});

describe('Workspace', () => {
  it('opens on the first ready scenario', async () => {
    const { ws } = await workspace();
    expect(ws.current?.id).toBe('builtin:baseline');
    expect(ws.validation?.ok).toBe(true);
  });

  it('editing a ready scenario makes an own copy and leaves the original alone', async () => {
    const { ws } = await workspace();
    ws.set(['demand', 'callsPerDay'], 120);
    expect(ws.current?.builtin).toBe(false);
    expect(ws.current?.draft['name']).toBe('Baseline — my version');
    expect(getAt(ws.byId('builtin:baseline')!.draft, ['demand', 'callsPerDay'])).toBe(100);
  });

  it('keeps an invalid value as typed and reports it by path', async () => {
    const { ws } = await workspace();
    ws.set(['demand', 'callsPerDay'], '12a');
    expect(getAt(ws.current!.draft, ['demand', 'callsPerDay'])).toBe('12a');
    expect(ws.problems.get('demand.callsPerDay')).toBe('Expected a number');
  });

  it('autosaves edits and a new workspace on the same store finds them', async () => {
    vi.useFakeTimers();
    try {
      const { ws, store } = await workspace();
      ws.set(['demand', 'callsPerDay'], 140);
      await vi.runAllTimersAsync();
      expect(ws.saveStatus).toBe('saved');
      const again = await workspace(store);
      const own = again.ws.ownDocs;
      expect(own).toHaveLength(1);
      expect(getAt(own[0]!.draft, ['demand', 'callsPerDay'])).toBe(140);
    } finally {
      vi.useRealTimers();
    }
  });

  it('duplicates, renames and deletes own scenarios', async () => {
    const { ws, store } = await workspace();
    const copy = ws.duplicate('builtin:baseline')!;
    expect(copy.draft['name']).toBe('Baseline (copy)');
    ws.rename(copy.id, 'Night rota');
    expect(ws.byId(copy.id)!.draft['name']).toBe('Night rota');
    await ws.flush();
    await ws.remove(copy.id);
    expect(ws.ownDocs).toHaveLength(0);
    expect(await store.all()).toHaveLength(0);
  });

  it('refuses a file that is not JSON and imports a schema-invalid one with its problems', async () => {
    const { ws } = await workspace();
    const bad = ws.importText('{ nope', 'x.json');
    expect(bad.ok).toBe(false);
    const result = ws.importText(JSON.stringify({ demand: { callsPerDay: 'lots' } }), 'winter.json');
    expect(result.ok).toBe(true);
    expect(ws.current?.draft['name']).toBe('winter');
    expect(ws.notice).toMatch(/1 problem/);
    expect(JSON.parse(ws.exportText(ws.currentId))).toEqual({ demand: { callsPerDay: 'lots' }, name: 'winter' });
  });

  it('findSame finds an own scenario with the same content whatever its name, and nothing once it is edited', async () => {
    const { ws } = await workspace();
    const json = { name: 'Proposal', demand: { callsPerDay: 90 } };
    expect(ws.findSame(json)).toBeUndefined();
    const imported = ws.importJson(json);
    if (!imported.ok) throw new Error(imported.message);
    expect(ws.findSame(json)?.id).toBe(imported.doc.id);
    expect(ws.findSame({ ...json, name: 'Another name' })?.id).toBe(imported.doc.id);
    expect(ws.findSame({ name: 'Baseline', demand: { callsPerDay: 100 } })).toBeUndefined(); // ready scenarios are not copies
    ws.set(['demand', 'callsPerDay'], 95);
    expect(ws.findSame(json)).toBeUndefined();
  });

  it('new scenarios start from the first ready scenario under a unique name', async () => {
    const { ws } = await workspace();
    ws.create();
    ws.create();
    expect(ws.ownDocs.map((d) => d.draft['name'])).toEqual(['New scenario', 'New scenario 2']);
  });
});
