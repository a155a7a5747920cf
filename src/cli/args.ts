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
    parsed = parseArgs({ args: joinDashValues(args, options), options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new InputError((error as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
  refuseEmptyValues(parsed.values);
  return parsed;
}

/**
 * parseArgs refuses any value that starts with a dash as "ambiguous" (`--replications -1`,
 * `--seed -abc`), and points the user at the `--name=-XYZ` spelling instead of saying what the flag
 * expects. So a value flag followed by a word with one dash that is not one of the command's flags
 * is joined into `--name=-1`, and the flag's own check judges it as it judges the `=` spelling; a
 * value flag followed by one of the command's flags, by a word with two dashes, or by nothing, is
 * refused in words that name the flag.
 */
function joinDashValues(args: readonly string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      out.push(...args.slice(i));
      break;
    }
    const name = valueFlagName(arg, options);
    const next = args[i + 1];
    if (name === undefined) out.push(arg);
    else if (next === undefined) throw new InputError(`--${name}: expected a value, got nothing`);
    else if (!next.startsWith('-')) out.push(arg);
    else if (isFlag(next, options) || next === '--') throw new InputError(`--${name}: expected a value, got the flag ${next}`);
    // A word like --jsno is more likely a mistyped flag than a value: taken only as --seed=--jsno.
    else if (next.startsWith('--')) throw new InputError(`--${name}: expected a value, got "${next}" (write --${name}=${next} if that is the value)`);
    else {
      out.push(`--${name}=${next}`);
      i++;
    }
  }
  return out;
}

/** True for `--name`, `--name=…` or `-n` naming one of `options`. */
function isFlag(arg: string, options: Options): boolean {
  const long = arg.startsWith('--') ? arg.slice(2).split('=')[0] : undefined;
  return Object.entries(options).some(([name, option]) => long === name || (option.short !== undefined && arg === `-${option.short}`));
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
  return value === undefined ? fallback : wholeNumber(`--${name}`, value, min);
}

/**
 * A number written in decimals ("12", "-0.5", "5e8"), else NaN: JavaScript's Number() would also
 * read "0x10" as 16, "0b11" as 3 and "" as 0, none of which a user typing a count means.
 */
export function decimal(value: string): number {
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(value.trim()) ? Number(value) : NaN;
}

/** True when --help or -h comes before any `--`: every command answers it with its usage. */
export function wantsHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/** `value` as a whole number ≥ `min`; otherwise an InputError that starts with `label`. */
export function wholeNumber(label: string, value: string, min = 1): number {
  const n = decimal(value);
  if (!Number.isInteger(n) || n < min) throw new InputError(`${label}: expected a whole number ≥ ${min}, got "${value}"`);
  return n;
}
