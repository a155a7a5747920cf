/**
 * The `occsim` command line: dispatches to one module per command. Every command is
 * `(args) => Promise<exit code>`; bad input surfaces as InputError and is printed without a stack.
 */
import { InputError, EXIT_BAD_INPUT, EXIT_FAILURE } from './errors.ts';

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  run: { summary: 'run replications of a scenario', load: async () => (await import('./run.ts')).default },
  compare: { summary: 'compare two scenarios on common random numbers', load: async () => (await import('./compare.ts')).default },
  merge: { summary: 'merge the shard files of a sharded run', load: async () => (await import('./merge.ts')).default },
  validate: { summary: 'check scenario files and explain every problem', load: async () => (await import('./validate.ts')).default },
  schema: { summary: 'print the JSON Schema of the scenario format', load: async () => (await import('./schema.ts')).default },
  triage: { summary: 'THRIVE triage: outcome table, training cases', load: async () => (await import('./triage.ts')).default },
  demand: { summary: 'demand from call history: fit, forecast, synth, holidays', load: async () => (await import('./demand.ts')).default },
  optimise: { summary: 'propose the cheapest rota that meets the standards, proven by simulation', load: async () => (await import('./optimise.ts')).default },
  sweep: { summary: 'many scenarios × replications, here or on a Slurm cluster', load: async () => (await import('./sweep.ts')).default },
  staff: { summary: 'handlers needed per interval by Erlang C and A, against the rota', load: async () => (await import('./staff.ts')).default },
};

export function usage(): string {
  const rows = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return ['Usage: occsim <command> [options]', '', 'Commands:', ...rows, '', 'occsim <command> --help for details.'].join('\n');
}

/**
 * A reader that stops early (`occsim run --json | head`) closes the pipe; the rest of the output
 * has nowhere to go, which is not an error. Any other write failure is reported in one line.
 */
function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') process.stderr.write(`occsim: cannot write output: ${error.message}\n`);
      process.exit(error.code === 'EPIPE' ? 0 : EXIT_FAILURE);
    });
  }
}

export async function main(argv: string[]): Promise<number> {
  quietOnClosedPipe();
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage() + '\n');
    return name === undefined ? EXIT_BAD_INPUT : 0;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`occsim: unknown command "${name}"\n\n${usage()}\n`);
    return EXIT_BAD_INPUT;
  }
  try {
    return await (await command.load())(rest);
  } catch (error) {
    if (error instanceof InputError) {
      process.stderr.write(`occsim ${name}: ${error.message}\n`);
      for (const p of error.problems) process.stderr.write(`  ${p}\n`);
      return EXIT_BAD_INPUT;
    }
    // A bug, not bad input: one line for the user; the stack only when asked for (OCCSIM_DEBUG=1).
    const detail = process.env['OCCSIM_DEBUG'] ? ((error as Error).stack ?? String(error)) : ((error as Error).message ?? String(error));
    process.stderr.write(`occsim ${name}: internal error: ${detail}\n`);
    return EXIT_FAILURE;
  }
}
