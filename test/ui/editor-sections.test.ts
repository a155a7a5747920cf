// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import Editor from '../../src/ui/editors/Editor.svelte';
import { SECTIONS, sectionOf } from '../../src/ui/editors/sections.ts';
import { Workspace, type ScenarioDoc } from '../../src/ui/workspace/workspace.svelte.ts';
import { memoryStore } from '../../src/ui/workspace/store.ts';
import { parseScenario, scenarioSchema, type Scenario } from '../../src/scenario/index.ts';
import baseline from '../../scenarios/baseline.json' with { type: 'json' };
import covid from '../../scenarios/covid-secure.json' with { type: 'json' };
import triage101 from '../../scenarios/warwickshire-101-triage.json' with { type: 'json' };

afterEach(cleanup);

// The rota pane starts its chart worker; jsdom has none, and the chart is not what is tested here.
class SilentWorker extends EventTarget {
  postMessage() {}
  terminate() {}
}
globalThis.Worker ??= SilentWorker as unknown as typeof Worker;

async function workspace(json: unknown = baseline) {
  const ws = new Workspace(memoryStore<ScenarioDoc>(), [{ slug: 'baseline', json }], parseScenario);
  await ws.load();
  return ws as unknown as Workspace<Scenario>;
}

const pane = (label: string) => within(screen.getByRole('navigation', { name: 'Scenario sections' })).getByRole('button', { name: (n) => n.startsWith(label) });

describe('editor sections', () => {
  it('sectionOf sends every field’s problems to the pane that shows the field', async () => {
    // Desk periods and the 101 triage step, which the baseline lacks, so their panes have fields.
    const ws = await workspace({ ...baseline, desks: covid.desks, triage101: triage101.triage101 });
    render(Editor, { ws, onrun: () => {} });
    const heads = new Set<string>();
    for (const s of SECTIONS.filter((s) => s.id !== 'json')) {
      await fireEvent.click(pane(s.label));
      const ids = [...document.querySelectorAll<HTMLElement>('input[id^="f-"], select[id^="f-"], textarea[id^="f-"]')].map((e) => e.id);
      expect(ids.length, s.label).toBeGreaterThan(0);
      for (const id of ids) {
        const head = id.split('-')[1]!;
        heads.add(head);
        expect(sectionOf(head), `${id} is on ${s.label}`).toBe(s.id);
      }
    }
    // Every part of the scenario a pane edits is found on one; the rest is edited as JSON, except
    // the THRIVE policy, edited on Triage in its own form (no scenario-path field ids).
    const shownNowhere = Object.keys(scenarioSchema.shape).filter((k) => !heads.has(k));
    for (const k of shownNowhere) expect(sectionOf(k), k).toBe(k === 'triage' ? 'triage' : 'json');
    expect(shownNowhere.sort()).toEqual(['$schema', 'optimise', 'triage']);
  });

  it('flags a missing period on Demand, where its fields are, and shows the empty days as missing', async () => {
    const ws = await workspace({ a: 1 });
    render(Editor, { ws, onrun: () => {} });
    const link = screen.getByRole('button', { name: 'Period' });
    expect(link.closest('li')).toHaveTextContent('Period: required: expected an object');
    expect(pane('Demand')).toHaveTextContent('⚠');
    expect(pane('General')).toHaveTextContent('⚠ 1'); // the name, which is missing too
    await fireEvent.click(link);
    const days = await screen.findByLabelText('Days simulated');
    expect(days).toHaveAttribute('aria-invalid', 'true');
    expect(days).toHaveAccessibleDescription('required: expected a number');
  });
});
