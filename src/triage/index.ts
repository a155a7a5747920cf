/**
 * THRIVE triage, the table of contents: the statechart (the one definition of the policy's flow),
 * the policy format and default, the compiled outcome tables and the sampler the simulation calls,
 * and the training case library.
 */
export {
  LEVELS,
  QUESTIONS,
  COMBINATIONS,
  GRADE_NAMES,
  QUESTION_PROMPTS,
  LEVEL_MEANINGS,
  QUESTION_DIRECTIONS,
  RESPONSE_WORDS,
  SENDS_OFFICER,
  answersToIndex,
  indexToAnswers,
  type Level,
  type Question,
  type Answers,
  type Grade,
  type Response,
  type TriageOutcome,
  type Direction,
} from './levels.ts';
export {
  policySchema,
  answerMixSchema,
  contextSchema,
  triageConfigSchema,
  type Policy,
  type AnswerMix,
  type CallTypeMix,
  type TriageConfig,
} from './schema.ts';
export { explainAssessment, contributionsOf, type Explanation, type Contribution } from './explain.ts';
export { defaultPolicy, gradeAssessment, FOUR_ITEMS, type FourItem, type TriageFlags } from './policy.ts';
export { thriveMachine, type TriageContext, type TriageEvent, type TriageInput } from './machine.ts';
export {
  compileOutcomeTable,
  assess,
  currentStep,
  eventFor,
  startAssessment,
  replay,
  type Step,
  type TableContext,
  type TriageSnapshot,
} from './compile.ts';
export {
  createTriageSampler,
  gradeMixOf,
  expectationOf,
  defaultAnswerMix,
  TableSampler,
  type TriageSampler,
} from './sampler.ts';
export { expectedGradeMix, type GradeMix } from './grade-mix.ts';
export { tableChanges, type TableChanges } from './table-changes.ts';
export { OFFICER_SENT, IMMEDIATE, type PublishedShare } from './calibration.ts';
export { caseLibrary, caseSchema, findCase, CASE_CHANNELS, CHANNEL_WORDS, type TrainingCase, type CaseChannel } from './cases.ts';
export { chartNodes, chartEdges, pathOf, stateKeyOf, type ChartNode, type ChartEdge } from './chart.ts';
export {
  scoreClassroom,
  scoreCase,
  scoreboardCsv,
  agreementText,
  type Attempt,
  type Scoreboard,
  type CaseScore,
  type QuestionScore,
  type GradeVerdict,
} from './classroom.ts';
