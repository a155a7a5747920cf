/**
 * How one policy's outcome table differs from another's: how many of the 4,096 answer
 * combinations change grade, in which direction, and a few examples in words. The policy form
 * shows it beside the grade-mix preview, so an edit's reach is seen before it is run.
 */
import { compileOutcomeTable, type TableContext } from './compile.ts';
import { COMBINATIONS, QUESTIONS, indexToAnswers, type Grade } from './levels.ts';
import type { Policy } from './schema.ts';

export interface TableChanges {
  moreUrgent: number;
  lessUrgent: number;
  /** The first few changed combinations, e.g. "all low: grade 4 → 3". */
  examples: { answers: string; before: Grade; after: Grade }[];
}

function describe(index: number): string {
  const answers = indexToAnswers(index);
  const levels = new Set(QUESTIONS.map((q) => answers[q]));
  if (levels.size === 1) return `all ${answers.threat}`;
  return QUESTIONS.filter((q) => answers[q] !== 'none').map((q) => `${q} ${answers[q]}`).join(', ');
}

export function tableChanges(before: Policy, after: Policy, context: TableContext = {}, examples = 3): TableChanges {
  const a = compileOutcomeTable(before, context);
  const b = compileOutcomeTable(after, context);
  const changes: TableChanges = { moreUrgent: 0, lessUrgent: 0, examples: [] };
  for (let index = 0; index < COMBINATIONS; index++) {
    const from = a[index]!.grade;
    const to = b[index]!.grade;
    if (from === to) continue;
    if (to < from) changes.moreUrgent++;
    else changes.lessUrgent++;
    if (changes.examples.length < examples) changes.examples.push({ answers: describe(index), before: from, after: to });
  }
  return changes;
}
