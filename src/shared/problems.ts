/**
 * Turns schema issues into plain problems: the field path and what was expected versus what was
 * found, e.g. `demand.channels.101.callsPerDay: expected a number ≥ 0, got -5`. Shared by the
 * scenario, policy and URL-state validators so every edge speaks the same way.
 */
import type { z } from 'zod';

export interface Problem {
  /** Dotted path to the field, '' for the document itself. */
  path: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  return p.path ? `${p.path}: ${p.message}` : p.message;
}

export function joinPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** The values a field may take, for "expected one of …": `"a" | "b"`. */
export function oneOf(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(' | ');
}

/** A short, readable rendering of a value the user supplied. */
export function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 37) + '...' : value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** Zod's type names in words a user knows ("int" is a whole number). */
const TYPE_WORDS: Record<string, string> = { int: 'whole number', nan: 'number' };
const article = (type: string) => {
  const word = TYPE_WORDS[type] ?? type;
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
};

function bound(issue: { minimum?: unknown; maximum?: unknown; inclusive?: boolean }, small: boolean): string {
  const value = small ? issue.minimum : issue.maximum;
  const op = small ? (issue.inclusive ? '≥' : '>') : issue.inclusive ? '≤' : '<';
  return `${op} ${String(value)}`;
}

function describe(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  const got = `, got ${shown(input)}`;
  // Messages written in the schema itself already say what was expected.
  if (issue.message.startsWith('expected ')) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return input === undefined ? `required: expected ${article(issue.expected)}` : `expected ${article(issue.expected)}${got}`;
    case 'too_small':
      if (issue.origin === 'array')
        return issue.exact ? `expected exactly ${issue.minimum} items${got}` : `expected at least ${issue.minimum} items${got}`;
      if (issue.origin === 'string') return `expected at least ${issue.minimum} characters${got}`;
      return `expected a number ${bound(issue, true)}${got}`;
    case 'too_big':
      if (issue.origin === 'array')
        return issue.exact ? `expected exactly ${issue.maximum} items${got}` : `expected at most ${issue.maximum} items${got}`;
      return `expected a number ${bound(issue, false)}${got}`;
    case 'invalid_value':
      return `expected one of ${oneOf(issue.values)}${got}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      if (options) {
        const value = input && typeof input === 'object' ? (input as Record<string, unknown>)[String(issue.path.at(-1))] : input;
        return `expected one of ${oneOf(options)}, got ${shown(value)}`;
      }
      return issue.message;
    }
    case 'invalid_format':
      return `expected ${issue.format === 'regex' ? `text matching ${issue.pattern}` : issue.format}${got}`;
    case 'not_multiple_of':
      return `expected a whole number${got}`;
    default:
      return issue.message;
  }
}

export function problemsFromZod(error: z.ZodError, prefix: readonly PropertyKey[] = []): Problem[] {
  return error.issues.map((issue) => ({ path: joinPath([...prefix, ...issue.path]), message: describe(issue) }));
}
