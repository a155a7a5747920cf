// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { caseLibrary, defaultPolicy, type Policy } from '../../src/triage/index.ts';
import Trainer from '../../src/ui/trainer/Trainer.svelte';

afterEach(cleanup);

async function choose(caseId: string): Promise<void> {
  await fireEvent.change(screen.getByLabelText('Training case'), { target: { value: caseId } });
}

/** Picks a radio in the current question's group and presses Next. */
async function answer(legend: RegExp, option: string): Promise<void> {
  const group = screen.getByRole('group', { name: legend });
  await fireEvent.click(within(group).getByRole('radio', { name: option }));
  await fireEvent.click(screen.getByRole('button', { name: 'Next' }));
}

function currentState(): string | null | undefined {
  return document.querySelector('[aria-current="step"]')?.getAttribute('data-state');
}

describe('Trainer', () => {
  it('walks a domestic-abuse case through the questions and DASH to the expected grade and rationale', async () => {
    render(Trainer, { cases: caseLibrary });
    await choose('da-breach-non-molestation');
    expect(screen.getByText(/shouting through the letterbox/)).toBeInTheDocument();
    expect(currentState()).toBe('threat');
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();

    const c = caseLibrary.find((x) => x.id === 'da-breach-non-molestation')!;
    for (const [question, level] of Object.entries(c.expectedAnswers)) {
      await answer(new RegExp(`^${question}:`, 'i'), level);
    }
    expect(currentState()).toBe('dash');
    await fireEvent.click(screen.getByRole('button', { name: 'DASH completed' }));

    const outcome = screen.getByRole('region', { name: 'Outcome' });
    expect(outcome).toHaveTextContent('Your answers lead to grade 1 (emergency), response deploy-now.');
    expect(outcome).toHaveTextContent('✓ Expected grade 1 (emergency).');
    expect(outcome).toHaveTextContent('Rationale: Grade 1 (emergency): a highly vulnerable person is at high risk.');
    expect(outcome).toHaveTextContent('DASH risk assessment: 20 min.');
    expect(currentState()).toBe('outcome');
    const passed = [...document.querySelectorAll('li.passed')].map((li) => li.getAttribute('data-state'));
    expect(passed).toEqual(['threat', 'harm', 'risk', 'investigation', 'vulnerability', 'engagement', 'dash']);
  });

  it('shows a mismatch when the trainee under-grades, and the answers that differ', async () => {
    render(Trainer, { cases: caseLibrary });
    await choose('elderly-welfare-living-alone');
    for (const q of ['threat', 'harm', 'risk', 'investigation', 'vulnerability', 'engagement']) await answer(new RegExp(`^${q}:`, 'i'), 'none');
    const outcome = screen.getByRole('region', { name: 'Outcome' });
    expect(outcome).toHaveTextContent('Your answers lead to grade 4');
    expect(outcome).toHaveTextContent('✗ Expected grade 1 (emergency).');
    const row = within(outcome).getByRole('row', { name: /vulnerability/ });
    expect(within(row).getByText('none')).toBeInTheDocument();
    expect(within(row).getByText('high')).toBeInTheDocument();
  });

  it('ends at once on a high threat, and asks the FOUR questions for stalking', async () => {
    render(Trainer, { cases: caseLibrary });
    await choose('atm-attack-in-progress');
    await answer(/^threat:/i, 'high');
    expect(screen.getByRole('region', { name: 'Outcome' })).toHaveTextContent('grade 1 (emergency)');

    await choose('stalking-former-colleague');
    expect(currentState()).toBe('threat');
    for (const q of ['threat', 'harm', 'risk', 'investigation', 'vulnerability', 'engagement']) await answer(new RegExp(`^${q}:`, 'i'), 'low');
    for (const item of ['fixated', 'obsessive', 'unwanted', 'repeated']) {
      expect(currentState()).toBe(`four.${item}`);
      await answer(new RegExp(`is the behaviour ${item}`), 'yes');
    }
    expect(screen.getByRole('region', { name: 'Outcome' })).toHaveTextContent('grade 2 (priority)');
  });

  it('skips the vulnerability question for a child missing from care', async () => {
    render(Trainer, { cases: caseLibrary });
    await choose('missing-from-care-exploitation');
    for (const q of ['threat', 'harm', 'risk', 'investigation']) await answer(new RegExp(`^${q}:`, 'i'), 'low');
    expect(currentState()).toBe('engagement');
  });

  it('grades with the policy it is given', async () => {
    const lenient: Policy = { ...defaultPolicy, thresholds: { scheduled: 10, priority: 20, emergency: 30 } };
    render(Trainer, { cases: caseLibrary, policy: lenient });
    await choose('noisy-party-asb');
    for (const q of ['threat', 'harm', 'risk', 'investigation', 'vulnerability', 'engagement']) await answer(new RegExp(`^${q}:`, 'i'), 'low');
    // All "low" scores 6: scheduled (grade 3) under the default policy, below this policy's scheduled threshold.
    expect(screen.getByRole('region', { name: 'Outcome' })).toHaveTextContent('Your answers lead to grade 4');
  });
});
