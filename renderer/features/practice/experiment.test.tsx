import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { PracticeSession } from '../../../shared/domain/practice/model.ts';
import { ladder, planned } from '../../../shared/domain/practice/practice-builders.ts';
import { practiceProgress } from '../../../shared/domain/practice/progress.ts';
import type { RequestInput } from '../../../shared/ipc/contract.ts';
import { renderInApp, TODAY } from '../../test-support/render.tsx';
import { OutcomeForm } from './OutcomeForm.tsx';
import { PlanForm } from './PlanForm.tsx';
import { PracticeScreen } from './PracticeScreen.tsx';

type Before = RequestInput<'practice.startSession'>;
type After = RequestInput<'practice.finishSession'>['after'];

const stamp = '2026-03-18T09:00:00.000Z';
const asPlanned = (input: Before, id = 'new'): PracticeSession => ({
  ...input,
  id,
  status: 'planned',
  safetyBehavioursToDrop: input.safetyBehavioursToDrop ?? [],
  createdAt: stamp,
  updatedAt: stamp,
});

describe('planning a practice as an experiment', () => {
  it('asks for a checkable prediction, its belief and the safety behaviours to drop, the user’s own included', async () => {
    const sent: Before[] = [];
    renderInApp(
      <PlanForm
        seed={{ task: 'Call a shop', situation: 'phone', ladderId: 'calls', stepId: 'calls-1' }}
        today={TODAY}
        ownBehaviours={['Wearing headphones']}
        onStarted={vi.fn()}
      />,
      {
        requests: {
          'practice.startSession': (input) => {
            sent.push(input);
            return asPlanned(input);
          },
        },
      },
    );
    const hint = screen.getByLabelText('What do you predict will happen?').getAttribute('aria-describedby')!;
    expect(document.getElementById(hint)?.textContent).toMatch(/^Something you can answer yes or no afterwards/);
    expect(screen.getByRole('note').textContent).toMatch(/too much.*step back a rung/i);

    await userEvent.type(screen.getByLabelText('Anxiety now (0–10)'), '6');
    await userEvent.type(
      screen.getByLabelText('What do you predict will happen?'),
      'They will hang up within a minute',
    );
    await userEvent.type(screen.getByLabelText('How strongly do you believe it will happen? (0–100 %)'), '75');
    const drops = screen.getByRole('group', { name: 'Which safety behaviours will you drop?' });
    await userEvent.click(within(drops).getByRole('checkbox', { name: 'Rehearsing every word in advance' }));
    await userEvent.click(within(drops).getByRole('checkbox', { name: 'Wearing headphones' }));
    // The user's own new one: Enter adds it ticked, and does not submit the plan.
    await userEvent.type(within(drops).getByLabelText('Another one of yours'), 'Reading from a script{Enter}');
    expect(within(drops).getByRole('checkbox', { name: 'Reading from a script' })).toHaveProperty('checked', true);
    expect(sent).toEqual([]);

    await userEvent.click(screen.getByRole('button', { name: 'Save and go' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      date: TODAY,
      task: 'Call a shop',
      situation: 'phone',
      ladderId: 'calls',
      stepId: 'calls-1',
      sudsBefore: 6,
      prediction: 'They will hang up within a minute',
      beliefBefore: 75,
      safetyBehavioursToDrop: ['Rehearsing every word in advance', 'Wearing headphones', 'Reading from a script'],
    });
  });
});

describe('completing the experiment', () => {
  const session = planned('s1', {
    task: 'Call a shop',
    prediction: 'They will hang up within a minute',
    beliefBefore: 75,
    safetyBehavioursToDrop: ['Rehearsing every word in advance', 'Staying on my phone'],
  });

  function renderOutcome() {
    const sent: After[] = [];
    const onFinished = vi.fn();
    renderInApp(<OutcomeForm session={session} onFinished={onFinished} />, {
      requests: {
        'practice.finishSession': ({ after }) => {
          sent.push(after);
          return { ...session, status: 'done', completedOn: TODAY, after };
        },
      },
    });
    return { sent, onFinished };
  }

  it('re-rates the belief, asks how the user coped only when it came true, and records staying', async () => {
    const { sent, onFinished } = renderOutcome();
    expect(document.body.textContent).toContain('You predicted: “They will hang up within a minute”.');
    expect(screen.getByRole('note').textContent).toMatch(
      /^If that was too much, step back a rung.*a doctor or a qualified therapist/,
    );

    await userEvent.type(screen.getByLabelText('Anxiety at its highest (0–10)'), '7');
    await userEvent.type(screen.getByLabelText('Anxiety at the end of the step (0–10)'), '3');
    const stayed = screen.getByRole('group', { name: 'Did you stay until the step was done?' });
    await userEvent.click(within(stayed).getByRole('radio', { name: 'I stayed until it was done' }));
    await userEvent.type(screen.getByLabelText('What actually happened?'), 'They said to call back later');
    const cameTrue = screen.getByRole('group', { name: 'Did your prediction come true?' });
    expect(screen.queryByLabelText('How did you cope?')).toBeNull();
    await userEvent.click(within(cameTrue).getByRole('radio', { name: 'Yes' }));
    await userEvent.type(screen.getByLabelText('How did you cope?'), 'I said thanks and called back at four');
    await userEvent.type(screen.getByLabelText('How strongly do you believe the prediction now? (0–100 %)'), '40');
    const managed = screen.getByRole('group', { name: 'Which safety behaviours did you manage without?' });
    expect(
      within(managed)
        .getAllByRole('checkbox')
        .map((c) => c.closest('label')?.textContent),
    ).toEqual(['Rehearsing every word in advance', 'Staying on my phone']);
    await userEvent.click(within(managed).getByRole('checkbox', { name: 'Staying on my phone' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save how it went' }));

    await waitFor(() => expect(onFinished).toHaveBeenCalled());
    expect(sent[0]).toEqual({
      sudsPeak: 7,
      sudsEnd: 3,
      stayed: 'until-done',
      outcome: 'They said to call back later',
      predictionHappened: true,
      coping: 'I said thanks and called back at four',
      beliefAfter: 40,
      learned: '',
      droppedSafetyBehaviours: ['Staying on my phone'],
    });
  });

  it('keeps a half-written reflection for the next time the session is opened, until it is saved', async () => {
    const first = renderOutcome();
    await userEvent.type(screen.getByLabelText('Anxiety at its highest (0–10)'), '8');
    await userEvent.type(screen.getByLabelText('What actually happened?'), 'They were friendly');
    const cameTrue = screen.getByRole('group', { name: 'Did your prediction come true?' });
    await userEvent.click(within(cameTrue).getByRole('radio', { name: 'No' }));
    cleanup(); // the dialog closed without saving

    const again = renderOutcome();
    expect(screen.getByText(/Restored what you typed before/)).toBeTruthy();
    expect(screen.getByLabelText('Anxiety at its highest (0–10)')).toHaveProperty('value', '8');
    expect(screen.getByLabelText('What actually happened?')).toHaveProperty('value', 'They were friendly');
    expect(
      within(screen.getByRole('group', { name: 'Did your prediction come true?' })).getByRole('radio', { name: 'No' }),
    ).toHaveProperty('checked', true);
    await userEvent.type(screen.getByLabelText('Anxiety at the end of the step (0–10)'), '2');
    const stayed = screen.getByRole('group', { name: 'Did you stay until the step was done?' });
    await userEvent.click(within(stayed).getByRole('radio', { name: 'I stayed until it was done' }));
    await userEvent.type(screen.getByLabelText('How strongly do you believe the prediction now? (0–100 %)'), '10');
    await userEvent.click(screen.getByRole('button', { name: 'Save how it went' }));
    await waitFor(() => expect(again.onFinished).toHaveBeenCalled());
    expect(again.sent[0]).toMatchObject({ sudsPeak: 8, outcome: 'They were friendly', predictionHappened: false });
    expect(first.sent).toEqual([]);
    cleanup();
    renderOutcome();
    expect(screen.queryByText(/Restored what you typed before/)).toBeNull();
    expect(screen.getByLabelText('What actually happened?')).toHaveProperty('value', '');
  });

  it('names every unanswered question at once and does not close', async () => {
    const { onFinished } = renderOutcome();
    await userEvent.click(screen.getByRole('button', { name: 'Save how it went' }));
    const messages = (await screen.findAllByRole('alert')).map((a) => a.textContent);
    expect(messages).toEqual(
      expect.arrayContaining([
        'Choose whether you stayed or left early',
        'Choose yes or no',
        'Write what actually happened',
        'Choose a number from 0 to 100',
      ]),
    );
    expect(
      screen.getByLabelText('How strongly do you believe the prediction now? (0–100 %)').getAttribute('aria-invalid'),
    ).toBe('true');
    expect(onFinished).not.toHaveBeenCalled();
  });
});

describe('the Practice screen', () => {
  it('plans a ladder step, completes it, and shows the try on the step and the re-rating in the belief chart', async () => {
    const calls = ladder();
    let sessions: PracticeSession[] = [];
    const pushes = new Set<() => void>();
    const changed = () => pushes.forEach((push) => push());
    const watch = <T,>(value: () => T) =>
      ((_input: unknown, push: (v: T) => void) => {
        const send = () => push(value());
        pushes.add(send);
        send();
        return () => pushes.delete(send);
      }) as never;
    renderInApp(<PracticeScreen />, {
      subscriptions: {
        'practice.watchLadders': watch(() => [calls]),
        'practice.watchSessions': watch(() => sessions),
        'practice.watchProgress': watch(() => practiceProgress(sessions, [calls], 2, TODAY)),
        'events.watchPracticeLinks': (_i, push) => push([]),
      },
      requests: {
        'practice.startSession': (input) => {
          const session = asPlanned(input, 'p1');
          sessions = [session];
          changed();
          return session;
        },
        'practice.finishSession': ({ id, after }) => {
          sessions = sessions.map((s) => (s.id === id ? { ...s, status: 'done', completedOn: TODAY, after } : s));
          changed();
          return sessions[0]!;
        },
      },
    });
    const rungs = await screen.findByRole('list', { name: 'Steps of Phone calls' });
    expect(within(rungs).getAllByRole('listitem')[0]!.textContent).toContain('Not tried yet.');

    await userEvent.click(screen.getByRole('button', { name: 'Practise step 1 of Phone calls' }));
    const plan = await screen.findByRole('dialog', { name: 'Before you start' });
    await userEvent.type(within(plan).getByLabelText('Anxiety now (0–10)'), '5');
    await userEvent.type(within(plan).getByLabelText('What do you predict will happen?'), 'They will sound annoyed');
    await userEvent.type(within(plan).getByLabelText('How strongly do you believe it will happen? (0–100 %)'), '80');
    await userEvent.click(within(plan).getByRole('button', { name: 'Save and go' }));

    await userEvent.click(await screen.findByRole('button', { name: 'How did it go: Call a shop' }));
    const done = await screen.findByRole('dialog', { name: 'How did it go?' });
    await userEvent.type(within(done).getByLabelText('Anxiety at its highest (0–10)'), '5');
    await userEvent.type(within(done).getByLabelText('Anxiety at the end of the step (0–10)'), '2');
    await userEvent.click(within(done).getByRole('radio', { name: 'I stayed until it was done' }));
    await userEvent.type(within(done).getByLabelText('What actually happened?'), 'They were helpful');
    await userEvent.click(within(done).getByRole('radio', { name: 'No' }));
    await userEvent.type(
      within(done).getByLabelText('How strongly do you believe the prediction now? (0–100 %)'),
      '15',
    );
    await userEvent.click(within(done).getByRole('button', { name: 'Save how it went' }));

    await waitFor(() =>
      expect(within(rungs).getAllByRole('listitem')[0]!.textContent).toContain(
        '1 try. Last time: highest 5, at the end 2. Repeat this step until even its highest point feels like a 3 or below, then move up.',
      ),
    );
    const beliefs = screen.getByRole('figure', { name: 'Belief in your predictions, before and after' });
    expect(beliefs.textContent).toContain('you believed your prediction 80% on average beforehand and 15% afterwards');
  });
});
