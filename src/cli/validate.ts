/** `occsim validate FILE...`: checks every scenario file given and explains every problem found. */
import { parseFlags } from './args.ts';
import { InputError } from './errors.ts';
import { loadScenarioFile } from './scenario-file.ts';
import { counted } from '../shared/counted.ts';

const VALIDATE_HELP = `Usage: occsim validate FILE...

  Checks each scenario file against the format and the checks across fields, and names every
  problem with its field path; exits 2 if any file has one.`;

export default async function validate(args: string[]): Promise<number> {
  const { values, positionals } = parseFlags(args, { help: { type: 'boolean', short: 'h' } });
  if (values.help) return (process.stdout.write(VALIDATE_HELP + '\n'), 0);
  if (positionals.length === 0) throw new InputError('expected one or more scenario files', [VALIDATE_HELP]);
  const bad: InputError[] = [];
  for (const file of positionals) {
    try {
      const { scenario: s } = await loadScenarioFile(file);
      process.stdout.write(`${file}: ok — "${s.name}", ${counted(s.horizon.days, 'day')}\n`);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      // Keep going: a problem in one file should not hide the problems in the next.
      bad.push(error);
      process.stderr.write(`${error.message}\n${error.problems.map((p) => `  ${p}\n`).join('')}`);
    }
  }
  if (bad.length === 0) return 0;
  throw new InputError(`${bad.length} of ${positionals.length} file${positionals.length === 1 ? '' : 's'} ha${bad.length === 1 ? 's' : 've'} problems`);
}
