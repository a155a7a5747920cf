// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import NumberField from '../../src/ui/editors/NumberField.svelte';
import { shownMessage, shownScale } from '../../src/ui/editors/fields.ts';
import { Workspace, getAt, type ScenarioDoc } from '../../src/ui/workspace/workspace.svelte.ts';
import { memoryStore } from '../../src/ui/workspace/store.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import baseline from '../../scenarios/baseline.json' with { type: 'json' };

afterEach(cleanup);

async function workspace() {
  const ws = new Workspace(memoryStore<ScenarioDoc>(), [{ slug: 'baseline', json: baseline }], parseScenario);
  await ws.load();
  return ws as Workspace<unknown>;
}

describe('NumberField', () => {
  it('marks a value that is not a number with the schema message and keeps what was typed', async () => {
    const ws = await workspace();
    render(NumberField, { ws, path: ['demand', 'channels', '101', 'callsPerDay'], label: '101 calls per day' });
    const input = screen.getByLabelText('101 calls per day');
    await fireEvent.input(input, { target: { value: '12a' } });
    expect(input).toHaveValue('12a');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/expected a number, got "12a"/)).toBeInTheDocument();
    expect(getAt(ws.current!.draft, ['demand', 'channels', '101', 'callsPerDay'])).toBe('12a');
  });

  it('writes a valid number and clears the message', async () => {
    const ws = await workspace();
    render(NumberField, { ws, path: ['demand', 'channels', '101', 'callsPerDay'], label: '101 calls per day' });
    const input = screen.getByLabelText('101 calls per day');
    await fireEvent.input(input, { target: { value: '-5' } });
    expect(screen.getByText(/expected a number ≥ 0, got -5/)).toBeInTheDocument();
    await fireEvent.input(input, { target: { value: '1200' } });
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(getAt(ws.current!.draft, ['demand', 'channels', '101', 'callsPerDay'])).toBe(1200);
    expect(ws.validation?.ok).toBe(true);
  });

  it('shows shares as percentages and stores them as fractions', async () => {
    const ws = await workspace();
    render(NumberField, { ws, path: ['staffing', 'shrinkage'], label: 'Shrinkage' });
    const input = screen.getByLabelText('Shrinkage (%)');
    expect(input).toHaveValue('25');
    await fireEvent.input(input, { target: { value: '30' } });
    expect(getAt(ws.current!.draft, ['staffing', 'shrinkage'])).toBe(0.3);
  });

  it('reports a percentage field’s bounds in the percentages the user typed', async () => {
    const ws = await workspace();
    render(NumberField, { ws, path: ['staffing', 'shrinkage'], label: 'Shrinkage' });
    const input = screen.getByLabelText('Shrinkage (%)');
    await fireEvent.input(input, { target: { value: '120' } });
    expect(input).toHaveAccessibleDescription('expected at most 95 %, got 120 %');
    await fireEvent.input(input, { target: { value: '-5' } });
    expect(input).toHaveAccessibleDescription('expected at least 0 %, got -5 %');
    // The stored message stays in fractions, as the JSON and the command line show it.
    expect(ws.problems.get('staffing.shrinkage')).toBe('expected a number ≥ 0, got -0.05');
  });
});

describe('NumberField emptyHint', () => {
  it('says what an empty optional field counts as, and goes back to the usual hint once filled', async () => {
    const ws = await workspace();
    render(NumberField, { ws, path: ['staffing', 'groups', 0, 'costPerHour'], label: 'Cost per hour', unit: '£', optional: true, emptyHint: 'Empty: counted as £0 an hour.' });
    const input = screen.getByLabelText('Cost per hour (£)');
    expect(input).not.toHaveAccessibleDescription();
    await fireEvent.input(input, { target: { value: '' } });
    expect(getAt(ws.current!.draft, ['staffing', 'groups', 0, 'costPerHour'])).toBeUndefined();
    expect(input).toHaveAccessibleDescription('Empty: counted as £0 an hour.');
    await fireEvent.input(input, { target: { value: '22' } });
    expect(input).not.toHaveAccessibleDescription();
  });
});

describe('shownMessage', () => {
  it('scales a bound message and leaves other messages alone', () => {
    expect(shownMessage('expected a number ≤ 0.9, got 1.5', 100, '%')).toBe('expected at most 90 %, got 150 %');
    expect(shownMessage('expected a number > 0, got -0.001', 100, '%')).toBe('expected more than 0 %, got -0.1 %');
    expect(shownMessage('expected a number ≤ 0.95, got 1.2')).toBe('expected a number ≤ 0.95, got 1.2');
    expect(shownMessage('expected a number, got "abc"', 100, '%')).toBe('expected a number, got "abc"');
    expect(shownMessage('expected toOnline + toCallback + toOtherTeam ≤ 1, got 1.1', 100, '%')).toBe('expected toOnline + toCallback + toOtherTeam at most 100 %, got 110 %');
  });

  it('knows which paths the editor shows as percentages', () => {
    for (const p of ['triage101', 'staffing.shrinkage', 'desks.periods.2.shieldingShare', 'triage101.toCallback', 'diversion.101.asb', 'targets.online.share', 'redial.101.to999'])
      expect(shownScale(p), p).toBe(100);
    for (const p of ['staffing.shifts.0.hours', 'targets.999.seconds', 'demand.channels.101.callsPerDay']) expect(shownScale(p), p).toBe(1);
  });
});

import JsonEditor from '../../src/ui/editors/JsonEditor.svelte';

describe('JsonEditor', () => {
  it('keeps text that is not JSON yet, across leaving and coming back, and applies it once valid', async () => {
    const ws = await workspace();
    const first = render(JsonEditor, { ws });
    const box = screen.getByLabelText('Scenario JSON');
    await fireEvent.input(box, { target: { value: '{ "name": "Half typed", ' } });
    expect(screen.getByText(/Not applied yet/)).toBeInTheDocument();
    first.unmount();
    render(JsonEditor, { ws });
    expect(screen.getByLabelText('Scenario JSON')).toHaveValue('{ "name": "Half typed", ');
    const text = JSON.stringify({ ...baseline, name: 'From JSON' });
    await fireEvent.input(screen.getByLabelText('Scenario JSON'), { target: { value: text } });
    expect(ws.current!.draft['name']).toBe('From JSON');
    expect(ws.current!.builtin).toBe(false);
  });

  it('shows text that is not JSON yet again after a reload, with its message, until valid text replaces it', async () => {
    localStorage.clear();
    const store = memoryStore<ScenarioDoc>();
    const ws = new Workspace(store, [{ slug: 'baseline', json: baseline }], parseScenario);
    await ws.load();
    const first = render(JsonEditor, { ws: ws as Workspace<unknown> });
    await fireEvent.input(screen.getByLabelText('Scenario JSON'), { target: { value: '{ "name": "Half typed", ' } });
    ws.stashPending(); // the page goes away before the autosave pause is over
    first.unmount();

    const again = new Workspace(store, [{ slug: 'baseline', json: baseline }], parseScenario);
    await again.load();
    render(JsonEditor, { ws: again as Workspace<unknown> });
    expect(again.current!.builtin).toBe(false);
    expect(screen.getByLabelText('Scenario JSON')).toHaveValue('{ "name": "Half typed", ');
    expect(screen.getByText(/^Not applied yet: /)).toBeInTheDocument();
    expect(again.current!.draft['name']).toBe('Baseline — my version');

    await fireEvent.input(screen.getByLabelText('Scenario JSON'), { target: { value: JSON.stringify({ ...baseline, name: 'Typed out' }) } });
    expect(again.current!.draft['name']).toBe('Typed out');
    expect(again.current!.unappliedJson).toBeUndefined();
    expect(screen.queryByText(/Not applied yet/)).toBeNull();
  });
});

describe('Workspace unload safety net', () => {
  it('recovers an edit made just before the page closed, before autosave wrote it', async () => {
    localStorage.clear();
    const store = memoryStore<ScenarioDoc>();
    const ws = new Workspace(store, [{ slug: 'baseline', json: baseline }], parseScenario);
    await ws.load();
    ws.set(['demand', 'channels', '999', 'callsPerDay'], 333);
    ws.stashPending(); // what pagehide does; the autosave timer never gets to run
    const id = ws.currentId;
    const again = new Workspace(memoryStore<ScenarioDoc>(), [{ slug: 'baseline', json: baseline }], parseScenario);
    await again.load();
    expect(getAt(again.byId(id)!.draft, ['demand', 'channels', '999', 'callsPerDay'])).toBe(333);
    expect(localStorage.getItem('occsim.unsavedScenarios')).toBeNull();
  });
});
