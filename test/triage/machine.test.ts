import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { assess, chartNodes, defaultPolicy, stateKeyOf, thriveMachine, type Answers, type Step, type TableContext } from '../../src/triage/index.ts';

const none: Answers = { threat: 'none', harm: 'none', risk: 'none', investigation: 'none', vulnerability: 'none', engagement: 'none' };

function asked(steps: Step[]): string[] {
  return steps.map((s) => (s.kind === 'question' ? s.question : s.kind === 'four' ? `four.${s.item}` : s.kind));
}

describe('thriveMachine', () => {
  it('asks the six THRIVE questions in order and grades all "none" as 4, resolved by phone', () => {
    const { steps, outcome } = assess(defaultPolicy, {}, none);
    expect(asked(steps)).toEqual(['threat', 'harm', 'risk', 'investigation', 'vulnerability', 'engagement', 'done']);
    expect(outcome).toMatchObject({ grade: 4, response: 'resolve-by-phone', extraMinutes: 0 });
  });

  it('goes straight to grade 1 on a high threat without asking the rest', () => {
    const { steps, outcome } = assess(defaultPolicy, { domesticAbuse: true, stalking: true }, { ...none, threat: 'high' });
    expect(asked(steps)).toEqual(['threat', 'done']);
    expect(outcome).toMatchObject({ grade: 1, response: 'deploy-now', extraMinutes: 0 });
    expect(outcome.rationale).toMatch(/immediate threat/);
  });

  it('takes vulnerability as high, without asking, for a child missing from care', () => {
    const { steps, outcome } = assess(defaultPolicy, { missingFromCare: true }, none);
    expect(asked(steps)).not.toContain('vulnerability');
    expect(outcome.grade).toBeLessThanOrEqual(2);
    expect(outcome.rationale).toMatch(/Missing from care/);
  });

  it('adds a DASH risk assessment for domestic abuse, with its minutes, and never resolves it by phone', () => {
    const { steps, outcome } = assess(defaultPolicy, { domesticAbuse: true }, none);
    expect(asked(steps).slice(-2)).toEqual(['dash', 'done']);
    expect(outcome).toMatchObject({ grade: 3, response: 'appointment', extraMinutes: defaultPolicy.domesticAbuse.dashMinutes });
    expect(outcome.rationale).toMatch(/DASH/);
  });

  it('asks the FOUR stalking questions and grades a full FOUR pattern with some risk at least priority', () => {
    const { steps, outcome } = assess(defaultPolicy, { stalking: true }, { ...none, risk: 'low' });
    expect(asked(steps).slice(-5)).toEqual(['four.fixated', 'four.obsessive', 'four.unwanted', 'four.repeated', 'done']);
    expect(outcome).toMatchObject({ grade: 2, extraMinutes: defaultPolicy.stalking.fourMinutes });
  });

  it('applies no stalking floor without the cause the policy names (FOUR markers but no risk at all)', () => {
    const { outcome } = assess(defaultPolicy, { stalking: true }, none);
    expect(outcome.grade).toBe(4);
    expect(outcome.rationale).toMatch(/4 of 4 present/);
  });

  it('applies no stalking floor when fewer FOUR markers than the policy needs are present', () => {
    const { outcome } = assess(defaultPolicy, { stalking: true, four: { fixated: true, repeated: true } }, none);
    expect(outcome.grade).toBe(4);
    expect(outcome.rationale).toMatch(/2 of 4 present/);
  });

  it('runs DASH before the FOUR questions when domestic abuse involves stalking', () => {
    const { steps, outcome } = assess(defaultPolicy, { domesticAbuse: true, stalking: true }, none);
    expect(asked(steps).slice(-6)).toEqual(['dash', 'four.fixated', 'four.obsessive', 'four.unwanted', 'four.repeated', 'done']);
    expect(outcome.extraMinutes).toBe(defaultPolicy.domesticAbuse.dashMinutes + defaultPolicy.stalking.fourMinutes);
  });

  it('refers a grade-4 call with some vulnerability to a partner agency, adding the referral minutes', () => {
    const { outcome } = assess(defaultPolicy, {}, { ...none, vulnerability: 'low' });
    expect(outcome).toMatchObject({ grade: 4, response: 'refer', extraMinutes: defaultPolicy.referral.minutes });
  });

  it('grades by the most urgent matching rule and names it in the rationale', () => {
    const { outcome } = assess(defaultPolicy, {}, { ...none, harm: 'high', risk: 'high' });
    expect(outcome.grade).toBe(1);
    expect(outcome.rationale).toContain('serious harm is being done');
  });

  it('grades by the concern score when no rule is more urgent', () => {
    const { outcome } = assess(defaultPolicy, {}, { ...none, harm: 'medium', risk: 'medium', vulnerability: 'medium' });
    expect(outcome).toMatchObject({ grade: 2, response: 'within-hour' });
    expect(outcome.rationale).toMatch(/concern score 9 reaches the priority threshold/);
  });

  it('gives the same outcome when driven as an actor as through the pure transition function', () => {
    const context: TableContext = { domesticAbuse: true };
    const answers: Answers = { ...none, harm: 'medium', risk: 'high' };
    const actor = createActor(thriveMachine, { input: { policy: defaultPolicy, flags: { domesticAbuse: true, stalking: false, missingFromCare: false } } });
    actor.start();
    for (const q of ['threat', 'harm', 'risk', 'investigation', 'vulnerability', 'engagement'] as const) actor.send({ type: 'ANSWER', level: answers[q] });
    actor.send({ type: 'COMPLETE_DASH' });
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().output).toEqual(assess(defaultPolicy, context, answers).outcome);
  });
});

describe('chartNodes', () => {
  it('outlines every state of the machine, nested states indented under their parent', () => {
    expect(chartNodes.map((n) => `${n.depth}:${n.key}`)).toEqual([
      '0:threat', '0:harm', '0:risk', '0:investigation', '0:vulnerability', '0:engagement', '0:dash',
      '0:four', '1:four.fixated', '1:four.obsessive', '1:four.unwanted', '1:four.repeated', '0:outcome',
    ]);
  });

  it('names the state a snapshot is in with the same dotted keys', () => {
    expect(stateKeyOf('harm')).toBe('harm');
    expect(stateKeyOf({ four: 'unwanted' })).toBe('four.unwanted');
  });
});
