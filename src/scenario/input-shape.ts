/**
 * Checks on the raw JSON before the schema sees it. A `__proto__` key would be dropped without a
 * word by any object built from it, and a value nested hundreds of levels deep can only be an
 * accident or an attack; both are reported with their path. The walk uses its own stack, so it
 * cannot itself overflow the call stack.
 */
import type { Problem } from '../shared/problems.ts';

/** No field of a scenario is nested more than about ten levels; this leaves room for growth. */
export const MAX_DEPTH = 32;

export function shapeProblems(json: unknown, maxDepth = MAX_DEPTH): Problem[] {
  const problems: Problem[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: json, path: '', depth: 0 }];
  const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));
  while (stack.length > 0 && problems.length < 20) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= maxDepth) {
      problems.push({ path, message: `expected at most ${maxDepth} levels of nesting, got more` });
      continue;
    }
    if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, path: join(path, i), depth: depth + 1 }));
      continue;
    }
    for (const key of Object.keys(value)) {
      if (key === '__proto__') problems.push({ path: join(path, key), message: 'expected a name other than "__proto__", got "__proto__"' });
      else stack.push({ value: (value as Record<string, unknown>)[key], path: join(path, key), depth: depth + 1 });
    }
  }
  return problems;
}
