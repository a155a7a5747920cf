// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Cards from '../../src/ui/results/Cards.svelte';
import HeatMap from '../../src/ui/charts/HeatMap.svelte';
import LineBand from '../../src/ui/charts/LineBand.svelte';
import Tabs from '../../src/ui/Tabs.svelte';
import ScenarioList from '../../src/ui/workspace/ScenarioList.svelte';
import ResultCharts from '../../src/ui/results/ResultCharts.svelte';
import { buildReport } from '../../src/model/report.ts';
import { runReplication } from '../../src/model/run.ts';
import { Workspace, type ScenarioDoc } from '../../src/ui/workspace/workspace.svelte.ts';
import { memoryStore } from '../../src/ui/workspace/store.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import baseline from '../../scenarios/baseline.json' with { type: 'json' };

afterEach(cleanup);

describe('Cards', () => {
  it('say the status in words as well as colour', () => {
    render(Cards, {
      cards: [
        { id: '999-sl', label: '999 answered within 10 s', value: '91.0 %', ci: '95 % CI 90.2 % – 91.8 %', target: 'Target 90 %', status: 'good', verdict: 'Meets target' },
        { id: '101-sl', label: '101 answered within 60 s', value: '70.0 %', ci: '95 % CI 68 % – 72 %', target: 'Target 80 %', status: 'bad', verdict: 'Misses target' },
      ],
    });
    const list = screen.getByRole('list', { name: 'Headline figures' });
    const [good, bad] = within(list).getAllByRole('listitem');
    expect(good).toHaveTextContent('Meets target');
    expect(good).toHaveClass('good');
    expect(bad).toHaveTextContent('Misses target');
  });
});

describe('HeatMap', () => {
  it('paints with the keyboard: arrows move, Enter paints the brush, + scales up', async () => {
    const onpaint = vi.fn();
    render(HeatMap, { title: 'Demand shape', values: Array.from({ length: 168 }, () => 1), onpaint, brush: 2 });
    const cells = screen.getAllByRole('gridcell');
    expect(cells).toHaveLength(168);
    expect(cells[0]).toHaveAttribute('tabindex', '0');
    await fireEvent.keyDown(cells[0]!, { key: 'ArrowRight' });
    await fireEvent.keyDown(cells[1]!, { key: 'ArrowDown' });
    expect(cells[25]).toHaveAttribute('tabindex', '0');
    expect(cells[25]).toHaveAccessibleName('Tue 01:00: 1.00');
    await fireEvent.keyDown(cells[25]!, { key: 'Enter' });
    expect(onpaint).toHaveBeenLastCalledWith([{ index: 25, value: 2 }]);
    await fireEvent.keyDown(cells[25]!, { key: '+' });
    expect(onpaint).toHaveBeenLastCalledWith([{ index: 25, value: 1.1 }]);
  });
});

describe('LineBand', () => {
  it('is an image titled by its title, with SVG and PNG export buttons', () => {
    render(LineBand, { title: 'Service level by hour of week', series: [{ name: '999', points: [{ x: 0, y: 0.9, lo: 0.85, hi: 0.95 }, { x: 1, y: 0.8 }] }], yLabel: 'share' });
    expect(screen.getByRole('img', { name: 'Service level by hour of week' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download “Service level by hour of week” as SVG' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download “Service level by hour of week” as PNG' })).toBeInTheDocument();
  });
});

describe('chart data tables', () => {
  it('give the numbers behind a chart, with the CI, once opened', async () => {
    render(LineBand, { title: 'Service level', series: [{ name: '999', points: [{ x: 0, y: 0.9, lo: 0.85, hi: 0.95 }, { x: 1, y: 0.8 }] }], yLabel: 'share', xFormat: (x: number) => `h${x}` });
    const details = screen.getByText('Data table').closest('details')!;
    details.open = true;
    await fireEvent(details, new Event('toggle'));
    const table = screen.getByRole('table', { name: 'Service level' });
    expect(within(table).getByRole('row', { name: /h0/ })).toHaveTextContent('0.9 (0.85–0.95)');
    expect(within(table).getByRole('row', { name: /h1/ })).toHaveTextContent('0.8');
  });
});

describe('Tabs', () => {
  it('move with the arrow keys and mark the selected tab', async () => {
    const tabs = [{ id: 'a', label: 'Alpha' }, { id: 'b', label: 'Beta' }];
    render(Tabs, { tabs, selected: 'a' });
    const alpha = screen.getByRole('tab', { name: 'Alpha' });
    expect(alpha).toHaveAttribute('aria-selected', 'true');
    await fireEvent.keyDown(alpha, { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Beta' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'Beta' })).toHaveFocus();
  });
});

describe('ScenarioList', () => {
  it('lists the ready scenarios, duplicates one and renames the copy', async () => {
    const ws = new Workspace(memoryStore<ScenarioDoc>(), [{ slug: 'baseline', json: baseline }], parseScenario);
    await ws.load();
    const onopen = vi.fn();
    render(ScenarioList, { workspace: ws as Workspace<unknown>, onopen });
    const name = (baseline as { name: string }).name;
    expect(screen.getByText(name)).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: `Duplicate ${name}` }));
    await fireEvent.click(screen.getByRole('button', { name: `Rename ${name} (copy)` }));
    const input = screen.getByLabelText('New name');
    await fireEvent.input(input, { target: { value: 'Night rota' } });
    await fireEvent.keyDown(input, { key: 'Enter' });
    expect(screen.getByText('Night rota')).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Open Night rota' }));
    expect(onopen).toHaveBeenCalledWith(ws.ownDocs[0]!.id);
    // An empty name is refused out loud; the scenario keeps the one it had.
    await fireEvent.click(screen.getByRole('button', { name: 'Rename Night rota' }));
    const again = screen.getByLabelText('New name');
    await fireEvent.input(again, { target: { value: '   ' } });
    await fireEvent.keyDown(again, { key: 'Enter' });
    expect(screen.getByText('Night rota')).toBeInTheDocument();
    expect(ws.notice).toBe('A scenario needs a name: it is still called “Night rota”.');
    expect(ws.noticeKind).toBe('problem');
  });
});

describe('ScenarioList import', () => {
  it("refusing a file does not leave an earlier import's notice above the refusal", async () => {
    const ws = new Workspace(memoryStore<ScenarioDoc>(), [{ slug: 'baseline', json: baseline }], parseScenario);
    await ws.load();
    render(ScenarioList, { workspace: ws as Workspace<unknown>, onopen: vi.fn() });
    const input = document.getElementById('import-file') as HTMLInputElement;
    const pick = async (file: File) => {
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      await fireEvent.change(input);
    };
    await pick(new File(['{"a":1}'], 'no period.json', { type: 'application/json' }));
    await waitFor(() => expect(ws.notice).toMatch(/^Imported “no period” with \d+ problems? to fix/));
    await pick(new File(['shift notes'], 'notes.json', { type: 'application/json' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^notes\.json is not valid JSON/));
    expect(ws.notice).toBe('');
  });
});

describe('ResultCharts', () => {
  it('open on a channel the scenario has contacts on, and keep the one the user picks', async () => {
    // A force whose 999 calls go elsewhere: the charts must not open on an empty 999.
    const channels = { ...baseline.demand.channels, '999': { ...baseline.demand.channels['999'], callsPerDay: 0 } };
    // Nor do its 101 callers who hang up ring 999 instead (the baseline sends a tenth of them there).
    const redial = { ...baseline.redial, '101': { ...baseline.redial['101'], to999: 0 } };
    const parsed = parseScenario({ ...baseline, horizon: { ...baseline.horizon, days: 2, warmupDays: 0 }, demand: { ...baseline.demand, channels }, redial });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const report = buildReport(parsed.scenario, 's', [runReplication(parsed.scenario, 's', 0)]);
    render(ResultCharts, { reports: [{ key: 'a', name: 'No 999', report }] });
    const pick = screen.getByRole('group', { name: 'Channel shown in the charts' });
    expect(within(pick).getByRole('radio', { name: '101' })).toBeChecked();
    await fireEvent.click(within(pick).getByRole('radio', { name: 'online' }));
    expect(within(pick).getByRole('radio', { name: 'online' })).toBeChecked();
    expect(within(pick).getByRole('radio', { name: '101' })).not.toBeChecked();
  });
});
