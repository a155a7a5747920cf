/**
 * The scenario format's front door: `parseScenario` turns untrusted JSON into a typed `Scenario`
 * or a list of every problem with its field path. The CLI, the worker, URL state and the editors
 * all call it, so they accept and reject exactly the same things.
 */
import { z } from '../shared/zod.ts';
import { scenarioSchema, type Scenario } from './schema.ts';
import { crossCheck } from './check.ts';
import { problemsFromZod, type Problem } from '../shared/problems.ts';
import { shapeProblems } from './input-shape.ts';

export * from './schema.ts';
export { groupsOf, skillsOf, FIXED_GROUP_ID } from './staff-groups.ts';
export { GENERAL_TYPE, mixOf } from './call-mix.ts';
export { formatProblem, type Problem } from '../shared/problems.ts';
export { scenarioText, MAX_SCENARIO_BYTES } from './text.ts';

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] };

export function parseScenario(json: unknown): ParseResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return { ok: false, problems: [{ path: '', message: `expected a scenario object, got ${Array.isArray(json) ? 'a list' : json === null ? 'null' : typeof json}` }] };
  const shape = shapeProblems(json);
  if (shape.length) return { ok: false, problems: shape };
  const parsed = scenarioSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: problemsFromZod(parsed.error) };
  const problems = crossCheck(parsed.data);
  return problems.length ? { ok: false, problems } : { ok: true, scenario: parsed.data };
}

/** Parses scenario text (a file, a URL fragment, an import): JSON syntax errors become a problem too. */
export function parseScenarioText(text: string): ParseResult {
  const read = scenarioJson(text);
  return read.ok ? parseScenario(read.json) : read;
}

/** The JSON of scenario text, not yet validated; a syntax error is a problem. */
export function scenarioJson(text: string): { ok: true; json: unknown } | { ok: false; problems: Problem[] } {
  try {
    // A byte-order mark is how some editors start a UTF-8 file; it is not part of the JSON.
    return { ok: true, json: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: `not valid JSON: ${(error as Error).message}` }] };
  }
}

/** JSON Schema of the input format, for editors (published as scenarios/scenario.schema.json). */
export function scenarioJsonSchema(): object {
  return z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' });
}
