/**
 * What the plan worker exposes (workers/plan.worker.ts wraps it with comlink): the staffing
 * requirement of a validated scenario for its first week. The rota editor's chart asks for it off
 * the page's thread, because the handling time includes triage's expected extra minutes, which
 * takes compiling the THRIVE outcome tables. The same object runs in-thread in component tests.
 */
import type { Scenario } from '../scenario/index.ts';
import { staffingRequirement, type StaffingRequirement } from './requirement.ts';

export const planWorkerApi = {
  staffing(scenario: Scenario, intervalMinutes: number): StaffingRequirement {
    return staffingRequirement(scenario, { intervalMinutes, days: 7 });
  },
};

export type PlanWorkerApi = typeof planWorkerApi;
