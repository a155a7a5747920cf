/**
 * State of the forecast panel: the period to forecast, an optional preset whose factors the planner
 * edits (level per channel, call-type multipliers, share moved online), and the resulting scenario
 * demand section with its daily prediction interval. Runs through the same worker API as the import.
 */
import { PRESETS, type Forecast, type PresetFactors, type PresetName } from '../../history/forecast.ts';
import type { DemandFit } from '../../history/fit.ts';
import type { UserEvent } from '../../history/special.ts';
import type { Channel } from '../../history/types.ts';
import type { DemandApi } from './demand-import.svelte.ts';

export class DemandForecast {
  start = $state('');
  days = $state(28);
  preset = $state<PresetName | ''>('');
  /** An editable copy of the chosen preset's factors. */
  factors = $state<PresetFactors | null>(null);
  result = $state.raw<Forecast | null>(null);
  error = $state('');

  constructor(private readonly api: DemandApi) {}

  choosePreset(name: PresetName | '') {
    this.preset = name;
    this.factors = name ? structuredClone(PRESETS[name]) : null;
  }

  async run(fit: DemandFit, callTypes?: Partial<Record<Channel, Record<string, number>>>, events: UserEvent[] = []) {
    this.error = '';
    try {
      this.result = await this.api.forecast(fit, {
        start: this.start,
        days: this.days,
        events,
        ...(callTypes ? { callTypes } : {}),
        ...(this.factors ? { presetFactors: $state.snapshot(this.factors) } : {}),
      });
    } catch (error) {
      this.result = null;
      this.error = (error as Error).message;
    }
  }
}
