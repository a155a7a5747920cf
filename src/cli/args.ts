/**
 * A small, strict flag parser built on node:util parseArgs: unknown flags, missing values and empty
 * values are reported as InputError so every command gets the same clear message.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError } from './errors.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseFlags<const O extends Options>(args: string[], options: O) {
  let parsed;
  try {
    parsed = parseArgs({ args: joinNegativeValues(args, options), options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new InputError((error as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
  refuseEmptyValues(parsed.values);
  return parsed;
}

/** A token such as -1, -0.5, -.5, -1e3 or -Infinity: a value the flag's own check should judge. */
const NEGATIVE_NUMBER = /^-(\d|\.\d|Infinity$)/;

/**
 * `--replications -1` is refused by parseArgs as "ambiguous" (the -1 could be a flag), which points
 * the user at the `--replications=-XYZ` spelling instead of saying what the flag expects. A value
 * flag followed by a negative number is joined into `--name=-1`, so the flag's own check answers
 * the same way for both spellings.
 */
function joinNegativeValues(args: readonly string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      out.push(...args.slice(i));
      break;
    }
    const name = valueFlagName(arg, options);
    const next = args[i + 1];
    if (name !== undefined && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      out.push(`--${name}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** The long name of a flag that takes a value, for `--name` or its short `-n`; else undefined. */
function valueFlagName(arg: string, options: Options): string | undefined {
  const long = arg.startsWith('--') ? arg.slice(2) : undefined;
  for (const [name, option] of Object.entries(options)) {
    if (option.type !== 'string') continue;
    if (long === name || (option.short !== undefined && arg === `-${option.short}`)) return name;
  }
  return undefined;
}

/**
 * `--seed ''` (most often an unset shell variable) would otherwise run with an empty seed, and
 * `--out ''` would fail later with a less clear message: no flag has a meaningful empty value.
 */
function refuseEmptyValues(values: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(values)) {
    const list: unknown[] = Array.isArray(value) ? value : [value];
    if (list.some((v) => typeof v === 'string' && v.trim() === '')) {
      throw new InputError(`--${name}: expected a value, got an empty one (is a shell variable unset?)`);
    }
  }
}

/** Parses a whole number flag, naming the flag when it is not one. */
export function intFlag(name: string, value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    throw new InputError(`--${name}: expected a whole number ≥ ${min}, got "${value}"`);
  }
  return n;
}
