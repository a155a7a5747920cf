/**
 * `occsim triage`: THRIVE for trainers at the terminal. `--table` prints every combination of
 * answers with its outcome (`--json` for the exact array format), `--cases` lists the training
 * cases, and `--case ID` steps through one: the caller's words, each question the machine asks with
 * the case's answer, then the grade against the expected one, the rationale and the teaching notes.
 * `--policy FILE` swaps in a trainer's or force's policy; a bad file is reported field by field.
 */
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline/promises';
import {
  CHANNEL_WORDS,
  COMBINATIONS,
  GRADE_NAMES,
  QUESTIONS,
  QUESTION_PROMPTS,
  assess,
  caseLibrary,
  compileOutcomeTable,
  defaultPolicy,
  findCase,
  indexToAnswers,
  policySchema,
  type Policy,
  type Step,
  type TableContext,
  type TrainingCase,
} from '../triage/index.ts';
import { formatProblem, problemsFromZod } from '../shared/problems.ts';
import { parseFlags } from './args.ts';
import { InputError } from './errors.ts';

const HELP = `Usage: occsim triage --table [--json] [--policy FILE] [--context FLAGS]
       occsim triage --case ID [--policy FILE]
       occsim triage --cases

  --table           every combination of THRIVE answers (4096) with its grade, response and rationale
  --json            with --table: a JSON array of { answers, grade, response, rationale }
  --policy FILE     a THRIVE policy JSON file (default: seeds/thrive-policy.json)
  --context FLAGS   with --table: comma-separated domesticAbuse, stalking, missingFromCare
  --case ID         step through one training case
  --cases           list the training cases
`;

const CONTEXT_FLAGS = ['domesticAbuse', 'stalking', 'missingFromCare'] as const;

async function loadPolicy(file: string | undefined): Promise<Policy> {
  if (file === undefined) return defaultPolicy;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read policy file "${file}"${code === 'ENOENT' ? ': no such file' : `: ${(error as Error).message}`}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(`policy file "${file}" is not valid JSON: ${(error as Error).message}`);
  }
  const result = policySchema.safeParse(data, { reportInput: true });
  if (!result.success) throw new InputError(`policy file "${file}" is not a valid THRIVE policy`, problemsFromZod(result.error).map(formatProblem));
  return result.data;
}

function parseContext(value: string | undefined): TableContext {
  const context: TableContext = {};
  for (const name of value ? value.split(',').map((s) => s.trim()) : []) {
    const flag = CONTEXT_FLAGS.find((f) => f === name);
    if (!flag) throw new InputError(`--context: expected a comma-separated list of ${CONTEXT_FLAGS.join('|')}, got "${name}"`);
    context[flag] = true;
  }
  return context;
}

function printTable(policy: Policy, context: TableContext, json: boolean): void {
  const table = compileOutcomeTable(policy, context);
  const rows = table.map((outcome, index) => ({ answers: indexToAnswers(index), grade: outcome.grade, response: outcome.response, rationale: outcome.rationale }));
  if (json) {
    process.stdout.write(`[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`);
    return;
  }
  const lines = [[...QUESTIONS.map((q) => q.padEnd(13)), 'grade', 'response'.padEnd(16), 'rationale'].join(' ')];
  for (const r of rows) {
    lines.push([...QUESTIONS.map((q) => r.answers[q].padEnd(13)), String(r.grade).padEnd(5), r.response.padEnd(16), r.rationale].join(' '));
  }
  process.stdout.write(`${lines.join('\n')}\n${COMBINATIONS} combinations, policy "${policy.name}"\n`);
}

function describeStep(step: Step, c: TrainingCase): string {
  switch (step.kind) {
    case 'question':
      return `${QUESTION_PROMPTS[step.question]}\n    → ${c.expectedAnswers[step.question]}`;
    case 'dash':
      return 'Domestic abuse: complete the DASH risk assessment with the caller.\n    → done';
    case 'four':
      return `FOUR (stalking): is the behaviour ${step.item}?\n    → ${c.four ? (c.four[step.item] ? 'yes' : 'no') : 'yes'}`;
    case 'done':
      return '';
  }
}

async function stepThrough(policy: Policy, c: TrainingCase): Promise<void> {
  const pause = process.stdin.isTTY && process.stdout.isTTY ? createInterface({ input: process.stdin, output: process.stdout }) : null;
  const show = async (text: string) => {
    process.stdout.write(`${text}\n`);
    if (pause) await pause.question('  (Enter to continue) ');
  };
  try {
    const flags = CONTEXT_FLAGS.filter((f) => c.context[f]);
    process.stdout.write(
      `Case ${c.id}: ${c.title}\n${CHANNEL_WORDS[c.channel]}\nCall type: ${c.callType}${flags.length ? ` (${flags.join(', ')})` : ''}\n\n${c.channel === 'online' ? 'The report says' : 'The caller says'}:\n`,
    );
    await show(c.script.map((line) => `  "${line}"`).join('\n'));
    const { steps, outcome } = assess(policy, { ...c.context, ...(c.four ? { four: c.four } : {}) }, c.expectedAnswers);
    process.stdout.write('\nThe assessment:\n');
    for (const step of steps) {
      if (step.kind === 'question' && step.question === 'engagement' && c.context.missingFromCare) {
        process.stdout.write('  Vulnerability is not asked: a child missing from care is high vulnerability.\n');
      }
      if (step.kind !== 'done') await show(`  ${describeStep(step, c)}`);
    }
    const match = outcome.grade === c.expectedGrade ? '✓ matches' : `✗ expected grade ${c.expectedGrade} (${GRADE_NAMES[c.expectedGrade]})`;
    process.stdout.write(
      [
        '',
        `Grade ${outcome.grade} (${GRADE_NAMES[outcome.grade]}), ${outcome.response}: ${match}`,
        `Rationale: ${outcome.rationale}`,
        '',
        'Teaching notes:',
        ...c.teachingNotes.map((n) => `  - ${n}`),
        `Source: ${c.source}`,
        '',
      ].join('\n'),
    );
  } finally {
    pause?.close();
  }
}

export default async function triage(args: string[]): Promise<number> {
  const { values, positionals } = parseFlags(args, {
    table: { type: 'boolean' },
    json: { type: 'boolean' },
    policy: { type: 'string' },
    context: { type: 'string' },
    case: { type: 'string' },
    cases: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (positionals.length > 0) throw new InputError(`unexpected argument "${positionals[0]}"`);
  const modes = [values.table && '--table', values.case !== undefined && '--case', values.cases && '--cases'].filter(Boolean);
  if (modes.length !== 1) throw new InputError(`choose one of --table, --case ID or --cases${modes.length ? `, got ${modes.join(' and ')}` : ''}`);
  if (values.json && !values.table) throw new InputError('--json goes with --table');
  if (values.context !== undefined && !values.table) throw new InputError('--context goes with --table');

  if (values.cases) {
    for (const c of caseLibrary) process.stdout.write(`${c.id.padEnd(34)} ${c.channel.padEnd(6)} grade ${c.expectedGrade}  ${c.title}\n`);
    return 0;
  }
  const policy = await loadPolicy(values.policy);
  if (values.table) {
    printTable(policy, parseContext(values.context), values.json === true);
    return 0;
  }
  const c = findCase(caseLibrary, values.case ?? '');
  if (!c) throw new InputError(`unknown case "${values.case}"; occsim triage --cases lists them`);
  await stepThrough(policy, c);
  return 0;
}
