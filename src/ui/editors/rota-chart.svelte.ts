/**
 * The rota editor's requirement beside the rota: a chart and a table of staff on the floor against
 * the handlers needed. The numbers come from the planner in the plan worker (workers/plan.worker.ts),
 * asked again whenever the valid scenario or the interval changes; the latest answer wins. Channel,
 * method and day only re-read that answer through `requirementTable` (src/plan).
 */
import { wrap } from 'comlink';
import type { Scenario } from '../core.ts';
import type { StaffingRequirement } from '../../plan/requirement.ts';
import type { PlanWorkerApi } from '../../plan/worker-api.ts';
import { requirementTable, type TableChannel, type TableMethod } from '../../plan/requirement-table.ts';

export interface PlanApi {
  staffing(scenario: Scenario, intervalMinutes: number): Promise<StaffingRequirement> | StaffingRequirement;
}

export class RotaChart {
  interval = $state<15 | 30 | 60>(60);
  channel = $state<TableChannel>('phone');
  method = $state<TableMethod>('A');
  /** The day the table lists, 0 = Monday. */
  day = $state(0);
  error = $state<string | null>(null);
  private req = $state.raw<StaffingRequirement | null>(null);
  private asked = 0;

  readonly table = $derived(this.req ? requirementTable(this.req, this.channel, this.method) : null);
  /** The table's rows for the chosen day. */
  readonly dayRows = $derived(this.table?.rows.filter((r) => Math.floor(r.hourOfWeek / 24) === this.day) ?? []);
  readonly shrinkage = $derived(this.req?.shrinkage ?? 0);
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
