/** Reads and validates a scenario file for the command line; every failure is an InputError. */
import { readFile } from 'node:fs/promises';
import { formatProblem, parseScenarioText, type Scenario } from '../scenario/index.ts';
import { InputError } from './errors.ts';

export async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
    throw new InputError(`cannot read "${path}": ${why}`);
  }
}

export async function loadScenarioFile(path: string): Promise<Scenario> {
  const parsed = parseScenarioText(await readText(path));
  if (!parsed.ok) {
    const n = parsed.problems.length;
    throw new InputError(`${path}: ${n} problem${n === 1 ? '' : 's'}`, parsed.problems.map(formatProblem));
  }
  return parsed.scenario;
}
