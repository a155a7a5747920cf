/**
 * The rota editor's chart of staff on the floor against the requirement. The numbers come from the
 * planner in the plan worker (workers/plan.worker.ts), asked again whenever the valid scenario or
 * the interval changes; the latest answer wins. Channel and method only re-read that answer.
 */
import { wrap } from 'comlink';
import type { Scenario } from '../core.ts';
import type { StaffingRequirement } from '../../plan/requirement.ts';
import type { PlanWorkerApi } from '../../plan/worker-api.ts';
import { rotaSeries, type ChartChannel, type ChartMethod } from './rota.ts';

export interface PlanApi {
  staffing(scenario: Scenario, intervalMinutes: number): Promise<StaffingRequirement> | StaffingRequirement;
}

export class RotaChart {
  interval = $state<15 | 30 | 60>(60);
  channel = $state<ChartChannel>('phone');
  method = $state<ChartMethod>('A');
  error = $state<string | null>(null);
  private req = $state.raw<StaffingRequirement | null>(null);
  private asked = 0;

  readonly series = $derived(this.req ? rotaSeries(this.req, this.req.startWeekday, this.channel, this.method) : null);
  readonly intervals = $derived(this.req?.floor.length ?? 0);
  /** The interval of the answer on show (the one asked for may still be on its way). */
  readonly shownInterval = $derived(this.req?.intervalMinutes ?? this.interval);

  constructor(private readonly api: PlanApi) {}

  async request(scenario: Scenario, intervalMinutes: number): Promise<void> {
    const n = ++this.asked;
    try {
      const req = await this.api.staffing(scenario, intervalMinutes);
      if (n !== this.asked) return;
      this.req = req;
      this.error = null;
    } catch (e) {
      if (n === this.asked) this.error = (e as Error).message;
    }
  }
}

let shared: RotaChart | undefined;

/** One plan worker for the visit, started the first time the rota editor opens. */
export function rotaChart(): RotaChart {
  if (!shared) {
    const worker = new Worker(new URL('../../../workers/plan.worker.ts', import.meta.url), { type: 'module', name: 'occsim-plan' });
    shared = new RotaChart(wrap<PlanWorkerApi>(worker));
  }
  return shared;
}
