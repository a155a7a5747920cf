/**
 * Reads input files for the command line; every failure is an InputError that names the file.
 * Only regular files are read: a FIFO or a device such as /dev/zero would block or never end. The
 * bytes go through the same decoder and size cap as a file imported in the app or a share link.
 */
import { open, stat } from 'node:fs/promises';
import { formatProblem, parseScenario, scenarioJson, scenarioText, MAX_SCENARIO_BYTES, type Problem, type Scenario } from '../scenario/index.ts';
import { InputError } from './errors.ts';

function why(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
}

/** Checks that `path` is a regular file and returns its size in bytes. */
export async function regularFile(path: string): Promise<number> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new InputError(`cannot read "${path}": ${why(error)}`);
  }
  if (info.isDirectory()) throw new InputError(`cannot read "${path}": it is a directory`);
  if (!info.isFile()) throw new InputError(`cannot read "${path}": expected a regular file, got ${info.isFIFO() ? 'a pipe' : info.isSocket() ? 'a socket' : 'a device'}`);
  return info.size;
}

export async function readText(path: string, maxBytes = MAX_SCENARIO_BYTES): Promise<string> {
  const size = await regularFile(path);
  if (size > maxBytes) throw new InputError(`cannot read "${path}": expected at most ${maxBytes.toLocaleString('en')} bytes, got ${size.toLocaleString('en')}`);
  let bytes: Uint8Array;
  try {
    const file = await open(path, 'r');
    try {
      // Read no more than the cap even if the file grows while it is read.
      const buffer = new Uint8Array(size + 1);
      const { bytesRead } = await file.read(buffer, 0, size + 1, 0);
      bytes = buffer.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
  } catch (error) {
    throw new InputError(`cannot read "${path}": ${why(error)}`);
  }
  const text = scenarioText(bytes, maxBytes);
  if (!text.ok) throw new InputError(`${path}: ${text.message}`);
  return text.text;
}

/**
 * Reads and validates a scenario file, once: the validated scenario, for the model and the
 * workers, and the JSON as written (shard files and proposals keep the user's own text).
 */
export async function loadScenarioFile(path: string): Promise<{ scenario: Scenario; json: unknown }> {
  const read = scenarioJson(await readText(path));
  if (!read.ok) throw problemsIn(path, read.problems);
  const parsed = parseScenario(read.json);
  if (!parsed.ok) throw problemsIn(path, parsed.problems);
  return { scenario: parsed.scenario, json: read.json };
}

function problemsIn(path: string, problems: Problem[]): InputError {
  const n = problems.length;
  return new InputError(`${path}: ${n} problem${n === 1 ? '' : 's'}`, problems.map(formatProblem));
}
