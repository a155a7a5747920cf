/**
 * THRIVE in the simulation's hot loop. Built once per scenario: for each call type, the cumulative
 * probabilities of each level per question and one outcome table per context variant (e.g. a
 * missing-person call is from care with some probability). A sample draws six uniforms (plus one
 * when the call type has several context variants) and returns a shared, frozen outcome: O(1) and
 * allocation-free. `gradeMixOf` gives the exact expected grade mix by enumeration, for reports.
 */
import defaultMixJson from '../../seeds/thrive-answer-mix.json' with { type: 'json' };
import { z } from '../shared/zod.ts';
import { compileOutcomeTable, type TableContext } from './compile.ts';
import { COMBINATIONS, QUESTIONS, type TriageOutcome } from './levels.ts';
import { defaultPolicy } from './policy.ts';
import { answerMixSchema, type AnswerMix, type CallTypeMix, type Policy, type TriageConfig } from './schema.ts';
import { own } from '../shared/own.ts';

const seedFileSchema = z.strictObject({ source: z.string(), notes: z.array(z.string()), mix: answerMixSchema });

/** The default answer mix (seeds/thrive-answer-mix.json); its `default` entry covers unknown call types. */
export const defaultAnswerMix: AnswerMix = seedFileSchema.parse(defaultMixJson).mix;

export interface TriageSampler {
  readonly callTypes: readonly string[];
  sample(callType: number, random: () => number): TriageOutcome;
}

interface Profile {
  /** Per question, the 3 cut points between none|low|medium|high (Infinity past the last possible level). */
  readonly cuts: Float64Array;
  /** The same probabilities, kept for exact expectations. */
  readonly probabilities: Float64Array;
  readonly variantCuts: Float64Array;
  readonly variantProbabilities: readonly number[];
  readonly tables: readonly (readonly TriageOutcome[])[];
}

const FLAGS = ['domesticAbuse', 'stalking', 'missingFromCare'] as const;
/** Three cut points per question. */
const CUTS = 3 * QUESTIONS.length;

/** Splits a call type's probabilistic flags into definite contexts with their probabilities. */
function contextVariants(mix: CallTypeMix): { context: TableContext; probability: number }[] {
  let variants: { context: TableContext; probability: number }[] = [{ context: {}, probability: 1 }];
  for (const flag of FLAGS) {
    const value = mix.context?.[flag] ?? false;
    const p = typeof value === 'number' ? value : value ? 1 : 0;
    variants = variants.flatMap((v) => [
      { context: { ...v.context, [flag]: true }, probability: v.probability * p },
      { context: v.context, probability: v.probability * (1 - p) },
    ]);
  }
  return variants.filter((v) => v.probability > 0);
}

/** Cumulative cut points; levels after the last with positive probability can never be drawn. */
function cutsOf(probabilities: readonly number[]): number[] {
  const cuts: number[] = [];
  let sum = 0;
  for (let k = 0; k < probabilities.length - 1; k++) {
    sum += probabilities[k]!;
    const rest = probabilities.slice(k + 1).reduce((a, b) => a + b, 0);
    cuts.push(rest > 0 ? sum : Infinity);
  }
  return cuts;
}

const tableCache = new WeakMap<Policy, Map<string, TriageOutcome[]>>();

function tableFor(policy: Policy, context: TableContext): TriageOutcome[] {
  let byContext = tableCache.get(policy);
  if (!byContext) tableCache.set(policy, (byContext = new Map()));
  const key = JSON.stringify(FLAGS.map((f) => context[f] === true));
  let table = byContext.get(key);
  if (!table) byContext.set(key, (table = compileOutcomeTable(policy, context)));
  return table;
}

function profileOf(policy: Policy, mix: CallTypeMix): Profile {
  const variants = contextVariants(mix);
  return {
    cuts: Float64Array.from(QUESTIONS.flatMap((q) => cutsOf(mix[q]))),
    probabilities: Float64Array.from(QUESTIONS.flatMap((q) => mix[q])),
    variantCuts: Float64Array.from(cutsOf(variants.map((v) => v.probability))),
    variantProbabilities: variants.map((v) => v.probability),
    tables: variants.map((v) => tableFor(policy, v.context)),
  };
}

export class TableSampler implements TriageSampler {
  readonly profiles: readonly Profile[];

  constructor(
    readonly callTypes: readonly string[],
    policy: Policy,
    mix: AnswerMix,
  ) {
    const fallback = mix['default'];
    if (!fallback) throw new Error('THRIVE answer mix has no "default" entry for unknown call types');
    this.profiles = callTypes.map((id) => profileOf(policy, own(mix, id) ?? fallback));
  }

  sample(callType: number, random: () => number): TriageOutcome {
    const profile = this.profiles[callType]!;
    const { cuts, tables } = profile;
    let table = tables[0]!;
    if (tables.length > 1) {
      const u = random();
      let v = 0;
      while (v < profile.variantCuts.length && u >= profile.variantCuts[v]!) v++;
      table = tables[v]!;
    }
    let index = 0;
    let place = 1;
    for (let q = 0; q < CUTS; q += 3) {
      const u = random();
      const level = u < cuts[q]! ? 0 : u < cuts[q + 1]! ? 1 : u < cuts[q + 2]! ? 2 : 3;
      index += level * place;
      place *= 4;
    }
    return table[index]!;
  }
}

/**
 * A sampler for a scenario's triage block. Its answer mix overrides the default per call type; an
 * override without `context` keeps the default's flags, so retuning the domestic-abuse probabilities
 * does not silently drop the DASH assessment.
 */
export function createTriageSampler(config: TriageConfig, callTypeIds: readonly string[]): TableSampler {
  const mix: AnswerMix = { ...defaultAnswerMix };
  for (const [id, entry] of Object.entries(config.answerMix ?? {})) mix[id] = { context: own(defaultAnswerMix, id)?.context, ...entry };
  return new TableSampler(callTypeIds, config.policy ?? defaultPolicy, mix);
}

/** Exact expectation of f(outcome) over a call type's answers and context variants. */
export function expectationOf(sampler: TableSampler, callType: number, f: (outcome: TriageOutcome) => number): number {
  const profile = sampler.profiles[callType];
  if (!profile) throw new RangeError(`no call type at index ${callType}`);
  let total = 0;
  profile.tables.forEach((table, v) => {
    for (let index = 0; index < COMBINATIONS; index++) {
      let p = profile.variantProbabilities[v]!;
      for (let q = 0, rest = index; q < QUESTIONS.length; q++, rest = Math.floor(rest / 4)) {
        p *= profile.probabilities[q * 4 + (rest % 4)]!;
      }
      if (p > 0) total += p * f(table[index]!);
    }
  });
  return total;
}

/** Expected share of grades 1–4 (index 0–3) for a call type. */
export function gradeMixOf(sampler: TableSampler, callType: number): number[] {
  return [1, 2, 3, 4].map((g) => expectationOf(sampler, callType, (o) => (o.grade === g ? 1 : 0)));
}
