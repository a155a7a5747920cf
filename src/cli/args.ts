/**
 * A small, strict flag parser built on node:util parseArgs: unknown flags and missing values are
 * reported as InputError so every command gets the same clear message.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError } from './errors.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseFlags<const O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new InputError((error as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
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
