// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { caseLibrary, defaultPolicy, type Policy } from '../../src/triage/index.ts';
import Trainer from '../../src/ui/trainer/Trainer.svelte';

// The trainer keeps its state in localStorage: each test starts from none.
afterEach(() => {
  cleanup();
  localStorage.clear();
});

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
    expect(outcome).toHaveTextContent('Your answers lead to grade 1 (emergency): send officers now (immediate attendance).');
    expect(outcome).toHaveTextContent('✓ The expected answers lead to grade 1 (emergency) under this policy.');
    // Threat medium +5, harm medium +3, risk high +6, vulnerability high +6 = 20 (investigation and engagement add nothing).
    expect(screen.getByTestId('contributions')).toHaveTextContent('Threat medium +5 · Harm medium +3 · Risk high +6 · Vulnerability high +6 = 20: emergency from 16');
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
    expect(outcome).toHaveTextContent('✗ The expected answers lead to grade 1 (emergency) under this policy.');
    const row = within(outcome).getByRole('row', { name: /vulnerability/ });
    expect(row).toHaveClass('differs');
    expect(within(row).getAllByRole('cell')[0]).toHaveTextContent('none ✗');
    expect(within(row).getAllByRole('cell')[1]).toHaveTextContent(/^high/);
    const c = caseLibrary.find((x) => x.id === 'elderly-welfare-living-alone')!;
    const differing = Object.entries(c.expectedAnswers).filter(([, level]) => level !== 'none').map(([q]) => q);
    expect([...outcome.querySelectorAll('tr.differs th')].map((th) => th.textContent)).toEqual(differing);
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

  it('grades with the open scenario\'s policy, names it, and can switch to the default', async () => {
    const strict: Policy = { ...defaultPolicy, name: 'Strict force', thresholds: { ...defaultPolicy.thresholds, scheduled: 2 } };
    render(Trainer, { cases: caseLibrary, scenario: { scenarioName: 'County', policy: strict } });
    expect(screen.getByTestId('trainer-policy')).toHaveTextContent('Grading with “Strict force”, the policy of the open scenario “County”.');
    await choose('noisy-party-asb');
    for (const q of ['threat', 'harm', 'risk', 'investigation', 'vulnerability', 'engagement']) await answer(new RegExp(`^${q}:`, 'i'), 'low');
    // All "low" scores 5: at or above this policy's scheduled threshold 2, below the default's 7.
    expect(screen.getByRole('region', { name: 'Outcome' })).toHaveTextContent('Your answers lead to grade 3');
    expect(screen.getByTestId('contributions')).toHaveTextContent('= 5: scheduled from 2');
    await fireEvent.click(screen.getByRole('radio', { name: 'the default' }));
    expect(screen.getByTestId('trainer-policy')).toHaveTextContent('Grading with “occsim default”, the default policy.');
    expect(screen.getByRole('region', { name: 'Outcome' })).toHaveTextContent('Your answers lead to grade 4');
  });

  it('answers "what if" a threshold were different on the spot, and refuses one out of order in words', async () => {
    render(Trainer, { cases: caseLibrary });
    await choose('da-breach-non-molestation');
    const c = caseLibrary.find((x) => x.id === 'da-breach-non-molestation')!;
    for (const [question, level] of Object.entries({ ...c.expectedAnswers, risk: 'medium', vulnerability: 'medium' })) {
      await answer(new RegExp(`^${question}:`, 'i'), level);
    }
    await fireEvent.click(screen.getByRole('button', { name: 'DASH completed' }));
    // Threat medium +5, harm medium +3, risk medium +3, vulnerability medium +3 = 14: priority.
    expect(screen.getByRole('region', { name: 'Outcome' })).toHaveTextContent('Your answers lead to grade 2');
    await fireEvent.input(screen.getByRole('textbox', { name: 'emergency from' }), { target: { value: '14' } });
    expect(screen.getByTestId('trainer-policy')).toHaveTextContent('what if emergency from 14 (policy: 16)');
    expect(screen.getByRole('region', { name: 'Outcome' })).toHaveTextContent('Your answers lead to grade 1');
    await fireEvent.input(screen.getByRole('textbox', { name: 'emergency from' }), { target: { value: '5' } });
    expect(screen.getByText(/Not applied: emergency: must be ≥ priority \(9\), got 5/)).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Outcome' })).toHaveTextContent('Your answers lead to grade 2');
  });
});

describe('Trainer, kept between visits', () => {
  it('keeps the case in hand, its answers and the "what if" thresholds through a reload', async () => {
    const first = render(Trainer, { cases: caseLibrary });
    await choose('noisy-party-asb');
    await answer(/^threat:/i, 'medium');
    await fireEvent.click(screen.getByText('What if the thresholds were different?'));
    await fireEvent.input(screen.getByRole('textbox', { name: 'emergency from' }), { target: { value: '14' } });
    first.unmount();

    render(Trainer, { cases: caseLibrary });
    expect(screen.getByLabelText('Training case')).toHaveValue('noisy-party-asb');
    expect(screen.getByRole('group', { name: /^harm:/i })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'emergency from' })).toHaveValue('14');
    expect(screen.getByTestId('trainer-policy')).toHaveTextContent('what if emergency from 14 (policy: 16)');
  });

  it('starts afresh from kept state it cannot use: a case no longer in the library, or text that is not JSON', async () => {
    localStorage.setItem('occsim.trainer', JSON.stringify({ source: 'sideways', whatIf: { emergency: 7 }, selectedId: 'no-such-case', events: [{ type: 'ANSWER', level: 'high' }] }));
    const first = render(Trainer, { cases: caseLibrary });
    expect(screen.getByLabelText('Training case')).toHaveValue('');
    expect(screen.getByRole('textbox', { name: 'emergency from' })).toHaveValue('');
    first.unmount();
    localStorage.setItem('occsim.trainer', '{not json');
    render(Trainer, { cases: caseLibrary });
    expect(screen.getByLabelText('Training case')).toHaveValue('');
  });
});

describe('Trainer classroom run', () => {
  async function pickOnly(ids: string[]): Promise<void> {
    await fireEvent.click(screen.getByRole('radio', { name: 'classroom run' }));
    await fireEvent.click(screen.getByRole('button', { name: 'None' }));
    for (const id of ids) await fireEvent.click(screen.getByRole('checkbox', { name: new RegExp(caseLibrary.find((c) => c.id === id)!.title.replace(/[()]/g, '.')) }));
  }

  it('takes a trainee through the chosen cases without showing the expected answers, then scores them', async () => {
    render(Trainer, { cases: caseLibrary });
    await pickOnly(['noisy-party-asb', 'atm-attack-in-progress']);
    await fireEvent.input(screen.getByRole('textbox', { name: 'Trainee' }), { target: { value: 'Sam' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Start the run' }));
    // Library order: the ATM attack comes first.
    expect(screen.getByTestId('run-progress')).toHaveTextContent(/^Case 1 of 2 · Sam: ATM attack/);
    await answer(/^threat:/i, 'high');
    expect(screen.getByTestId('case-answered')).toHaveTextContent('Answered: grade 1 (emergency).');
    expect(screen.queryByRole('region', { name: 'Outcome' })).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Next case' }));
    for (const q of ['threat', 'harm', 'risk', 'investigation', 'vulnerability', 'engagement']) await answer(new RegExp(`^${q}:`, 'i'), 'medium');
    await fireEvent.click(screen.getByRole('button', { name: 'See the scoreboard' }));

    const board = screen.getByTestId('scoreboard');
    expect(screen.getByTestId('scoreboard-summary')).toHaveTextContent(
      'Sam gave the policy’s grade on 1 of 2 cases (1 more urgent, 0 less urgent), and the expected answer to 1 of 7 questions asked.',
    );
    const noisy = board.querySelector('tr[data-case="noisy-party-asb"]')!;
    expect(noisy.querySelector('td.grade')).toHaveTextContent('2 priority ▲ more urgent');
    expect(noisy.querySelectorAll('td.differs')).toHaveLength(6);
    const totals = [...within(board).getByRole('row', { name: /^Agreement/ }).querySelectorAll('td')].map((td) => td.textContent);
    // Threat was asked twice (agreeing on the ATM attack); the rest only on the party.
    expect(totals).toEqual(['1 of 2 grades', '1 of 2', '0 of 1', '0 of 1', '0 of 1', '0 of 1', '0 of 1']);
  });

  it('keeps a run through a reload: the trainee picks up at the question they were on', async () => {
    const first = render(Trainer, { cases: caseLibrary });
    await pickOnly(['noisy-party-asb']);
    await fireEvent.click(screen.getByRole('button', { name: 'Start the run' }));
    await answer(/^threat:/i, 'none');
    await answer(/^harm:/i, 'low');
    first.unmount();

    render(Trainer, { cases: caseLibrary });
    expect(screen.getByTestId('run-progress')).toHaveTextContent(/^Case 1 of 1: Noisy party/);
    expect(screen.getByRole('group', { name: /^risk:/i })).toBeInTheDocument();
    for (const q of ['risk', 'investigation', 'vulnerability', 'engagement']) await answer(new RegExp(`^${q}:`, 'i'), 'low');
    await fireEvent.click(screen.getByRole('button', { name: 'See the scoreboard' }));
    expect(screen.getByTestId('scoreboard').querySelector('tr[data-case="noisy-party-asb"] td:nth-of-type(3)')).toHaveTextContent('none ✓');
  });

  it('refuses to start with no case ticked, and ends early with the rest not finished', async () => {
    render(Trainer, { cases: caseLibrary });
    await pickOnly([]);
    await fireEvent.click(screen.getByRole('button', { name: 'Start the run' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Tick at least one case for the run.');
    await fireEvent.click(screen.getByRole('checkbox', { name: /Noisy party/ }));
    await fireEvent.click(screen.getByRole('checkbox', { name: /Stalking by a former colleague/ }));
    await fireEvent.click(screen.getByRole('button', { name: 'Start the run' }));
    await fireEvent.click(screen.getByRole('button', { name: 'End the run now' }));
    expect(screen.getByTestId('scoreboard-summary')).toHaveTextContent('on 0 of 2 cases; 2 not finished');
  });
});
