/** `occsim validate FILE`: checks a scenario and explains every problem found. */
import { parseFlags } from './args.ts';
import { InputError } from './errors.ts';
import { loadScenarioFile } from './scenario-file.ts';

export default async function validate(args: string[]): Promise<number> {
  const { positionals } = parseFlags(args, {});
  if (positionals.length === 0) throw new InputError('expected one or more scenario files');
  for (const file of positionals) {
    const s = await loadScenarioFile(file);
    process.stdout.write(`${file}: ok — "${s.name}", ${s.horizon.days} days\n`);
  }
  return 0;
}
