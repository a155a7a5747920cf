// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import DemandImportView from '../../src/ui/demand/DemandImport.svelte';
import { DemandImport } from '../../src/ui/demand/demand-import.svelte.ts';
import { demandWorkerApi } from '../../src/history/worker-api.ts';

const sample = readFileSync(join(import.meta.dirname, '../../seeds/sample-history.csv'), 'utf8');

describe('DemandImport component', () => {
  it('imports the sample CSV from a file input and shows the fitted profile', async () => {
    const state = new DemandImport(demandWorkerApi);
    render(DemandImportView, { state });
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    const file = new File([sample], 'sample-history.csv', { type: 'text/csv' });
    Object.defineProperty(input, 'files', { value: [file] });
    await fireEvent.change(input);
    await waitFor(() => expect(screen.getByTestId('fit-profile')).toBeTruthy(), { timeout: 10_000 });
    expect(Number(screen.getByTestId('calls-per-day-999').textContent)).toBeGreaterThan(40);
    expect(Number(screen.getByTestId('calls-per-day-101').textContent)).toBeGreaterThan(100);
    expect(state.fit!.channels['999']!.hourOfWeek).toHaveLength(168);
  });

  it('asks before going on with skipped rows, and can stop or undo', async () => {
    const state = new DemandImport(demandWorkerApi);
    render(DemandImportView, { state });
    await state.read(sample, 'good.csv');
    expect(state.phase).toBe('fitted');
    const good = state.fit;

    await state.read('timestamp,channel\n2024-01-01T10:00,999\n31/02/2020 25:00,999\n', 'bad.csv');
    expect(state.phase).toBe('review');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('1 skipped'));
    expect(screen.getByRole('alert').textContent).toContain('row 3: timestamp "31/02/2020 25:00" is not a date');
    await fireEvent.click(screen.getByText('Stop'));
    expect(state.fit).toBe(good);
    expect(state.phase).toBe('fitted');

    await state.read('timestamp,channel\n2024-01-01T10:00,999\nnope,999\n', 'bad2.csv');
    await fireEvent.click(screen.getByText(/Go on with 1 row\b/));
    await waitFor(() => expect(state.fit).not.toBe(good));
    await fireEvent.click(screen.getByText('Undo import'));
    expect(state.fit).toBe(good);
  });

  it('a refused file is named in the refusal and never credited with the earlier import, which stays under its own name', async () => {
    const state = new DemandImport(demandWorkerApi);
    render(DemandImportView, { state });
    await state.read(sample, 'semi.csv');
    const good = state.fit;
    await state.read('', 'empty.csv');
    expect(state.phase).toBe('failed');
    expect(state.fit).toBe(good);
    const status = await screen.findByText(/was not imported/);
    expect(status.textContent).toBe('empty.csv was not imported: the file is empty: expected a header row. The earlier import, semi.csv, is unchanged below.');
    const rows = document.querySelector('.rows')!.textContent!;
    expect(rows).toMatch(/^semi\.csv: 5,268 rows read/);
    expect(document.body.textContent).not.toMatch(/empty\.csv: [\d,]+ rows/);
  });

  it('undo brings back the earlier import with its own file name', async () => {
    const state = new DemandImport(demandWorkerApi);
    await state.read(sample, 'first.csv');
    await state.read('timestamp,channel\n2024-01-01T10:00,999\n', 'second.csv');
    expect(state.fileName).toBe('second.csv');
    state.undo();
    expect(state.fileName).toBe('first.csv');
  });

  it('with nothing imported yet, a refusal names the file and nothing else', async () => {
    const state = new DemandImport(demandWorkerApi);
    await state.read('', 'empty.csv');
    expect(state.message).toBe('empty.csv was not imported: the file is empty: expected a header row.');
  });

  it('calls a one-call history too little to judge, before the charts, with no MAPE verdict', async () => {
    const state = new DemandImport(demandWorkerApi);
    render(DemandImportView, { state });
    await state.read('timestamp,channel\n2024-01-03T10:20,999\n', 'one.csv');
    const quality = await screen.findByTestId('fit-quality-999', {}, { timeout: 10_000 });
    expect(quality.textContent).toBe('Too little history to judge the fit: 1 day with calls, and hour by hour the fitted shape repeats it.');
    expect(document.body.textContent).not.toMatch(/as close as chance allows|MAPE hourly/);
    expect(document.querySelector('.rows')!.textContent).toMatch(/^one\.csv: 1 row read/);
    const profile = screen.getByTestId('fit-profile');
    expect(profile.textContent).toContain('(1 day)');
    // The warning comes before the first chart.
    const warning = profile.querySelector('.warning')!;
    expect(warning.textContent).toMatch(/^only 1 day of history: too little to judge the fit/);
    expect(warning.compareDocumentPosition(profile.querySelector('figure')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('reports a file it cannot read', async () => {
    const state = new DemandImport(demandWorkerApi);
    await state.read('when,where\n1,2\n', 'x.csv');
    expect(state.phase).toBe('failed');
    expect(state.message).toMatch(/names neither layout/);
  });
});

describe('marking an event', () => {
  it('refits with the event as its own special day', async () => {
    const state = new DemandImport(demandWorkerApi);
    render(DemandImportView, { state });
    await state.read(sample, 'sample.csv');
    await fireEvent.input(screen.getByLabelText('Event date'), { target: { value: '2024-06-15' } });
    await fireEvent.input(screen.getByLabelText('Event name'), { target: { value: 'festival' } });
    await fireEvent.click(screen.getByText('Mark'));
    await waitFor(() => expect(state.fit!.channels['999']!.special['festival']).toBeDefined());
    expect(state.events).toEqual([{ date: '2024-06-15', name: 'festival' }]);
  });
});

describe('ForecastPanel', async () => {
  const { default: ForecastPanel } = await import('../../src/ui/demand/ForecastPanel.svelte');
  const { DemandForecast } = await import('../../src/ui/demand/demand-forecast.svelte.ts');

  it('forecasts a period with an edited lockdown preset with the moved calls online', async () => {
    const imp = new DemandImport(demandWorkerApi);
    await imp.read(sample, 'sample.csv');
    const state = new DemandForecast(demandWorkerApi);
    state.start = '2024-08-19';
    state.days = 14;
    render(ForecastPanel, { state, fit: imp.fit!, history: imp.history });
    await fireEvent.change(screen.getByRole('combobox'), { target: { value: 'lockdown' } });
    expect(state.factors?.level['101']).toBe(0.85);
    const online = screen.getByLabelText(/101 moved online/) as HTMLInputElement;
    await fireEvent.input(online, { target: { value: '0.2' } });
    await fireEvent.click(screen.getByText('Forecast'));
    await waitFor(() => expect(screen.getByTestId('forecast-days')).toBeTruthy());
    expect(state.result!.daily).toHaveLength(14);
    expect(state.result!.notes.join(' ')).toContain('20 % of 101');
    expect(screen.getByTestId('forecast-days').textContent).toContain('bank holiday');
    expect(state.result!.demand.channels).toHaveProperty('online');
  });

  it('marks the bank holiday in the forecast chart at its day, with its name', async () => {
    const imp = new DemandImport(demandWorkerApi);
    await imp.read(sample, 'sample.csv');
    const state = new DemandForecast(demandWorkerApi);
    state.start = '2024-08-19';
    state.days = 14;
    const { container } = render(ForecastPanel, { state, fit: imp.fit!, history: imp.history });
    await fireEvent.click(screen.getByText('Forecast'));
    await waitFor(() => expect(screen.getByTestId('forecast-days')).toBeTruthy());
    // 26 August 2024 is the summer bank holiday in England and Wales: the eighth day of the period.
    expect(state.result!.daily.map((d) => d.special ?? null)).toEqual([...Array(7).fill(null), 'bank holiday', ...Array(6).fill(null)]);
    const chart = [...container.querySelectorAll('svg.chart')].find((svg) => svg.querySelector('title')?.textContent?.startsWith('Forecast calls per day'))!;
    const lines = chart.querySelectorAll('line.mark');
    expect(lines).toHaveLength(1);
    expect([...chart.querySelectorAll('text.mark')].map((t) => t.textContent)).toEqual(['bank holiday']);
    // The x scale runs day 0 to day 13 across the plot (left margin 56, right edge 760 − 16).
    expect(Number(lines[0]!.getAttribute('x1'))).toBeCloseTo(56 + (7 / 13) * (760 - 16 - 56), 6);
  });

  it('shows a bad period as an error', async () => {
    const imp = new DemandImport(demandWorkerApi);
    await imp.read(sample, 'sample.csv');
    const state = new DemandForecast(demandWorkerApi);
    state.start = 'soon';
    await state.run(imp.fit!);
    expect(state.error).toMatch(/not a date/);
  });
});

describe('cancelling an import', () => {
  it('stops a File import at the next progress report and changes nothing', async () => {
    const state = new DemandImport(demandWorkerApi);
    const rows = ['timestamp,channel'];
    for (let i = 0; i < 120_000; i++) rows.push('2024-01-01T10:00:00,999');
    const file = new File([rows.join('\n')], 'big.csv', { type: 'text/csv' });
    const reading = state.read(file, 'big.csv');
    expect(state.phase).toBe('reading');
    state.cancel();
    await reading;
    expect(state.phase).toBe('idle');
    expect(state.message).toMatch(/cancelled/);
    expect(state.fit).toBeNull();
  });
});
