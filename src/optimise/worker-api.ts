/**
 * What the optimiser worker exposes (workers/optimise.worker.ts wraps it with comlink): propose a
 * rota for a scenario, with HiGHS in the worker and the simulations handed back to the page, which
 * runs them on its pool of simulation workers. The scenario arrives as the user wrote it and is
 * validated here, at the worker's edge, as the command line validates its file. Input the optimiser
 * cannot work with comes back as problems naming the field, not as a thrown error (comlink would
 * keep only its message).
 */
import type { Highs } from 'highs';
import { formatProblem, parseScenario } from '../scenario/index.ts';
import { OptimiseInputError, optimiseRota, type OptimiseOptions, type Proposal, type Simulate } from './optimise.ts';

export type ProposeResult = { ok: true; proposal: Proposal } | { ok: false; problems: string[] };

export interface ProposeRequest {
  scenario: unknown;
  /** The verification seed; the scenario's own seed (else "occsim") when empty, as `occsim optimise` does. */
  seed: string;
  replications: number;
  budgetSeconds: number;
}

export function optimiseWorkerApi(loadHighs: () => Promise<Highs>) {
  let highs: Promise<Highs> | undefined;
  return {
    async propose(request: ProposeRequest, simulate: Simulate, onProgress?: (stage: string, message: string) => void): Promise<ProposeResult> {
      const parsed = parseScenario(request.scenario);
      if (!parsed.ok) return { ok: false, problems: parsed.problems.map(formatProblem) };
      const scenario = parsed.scenario;
      const options: OptimiseOptions = {
        seed: request.seed.trim() || scenario.seed || 'occsim',
        replications: request.replications,
        budgetSeconds: request.budgetSeconds,
      };
      highs ??= loadHighs();
      try {
        const proposal = await optimiseRota(scenario, options, { highs: await highs, simulate, now: () => performance.now(), onProgress });
        return { ok: true, proposal };
      } catch (error) {
        if (error instanceof OptimiseInputError) return { ok: false, problems: error.problems.map((p) => `${p.path}: ${p.message}`) };
        throw error;
      }
    },
  };
}

export type OptimiseWorkerApi = ReturnType<typeof optimiseWorkerApi>;
