import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { practicePrompts as practicePromptsOf } from '../../../shared/content/library.ts';
import { LadderBuilder, type LadderBuilderProps } from './LadderBuilder.tsx';

const practicePrompts = practicePromptsOf();

function setup() {
  const save = vi.fn<LadderBuilderProps['save']>(async (input) => ({
    ok: true as const,
    value: {
      id: 'l1',
      name: input.fields.name,
      steps: input.fields.steps.map((s, i) => ({ ...s, id: `s${i}` })),
      createdAt: '',
      updatedAt: '',
    },
  }));
  const onSaved = vi.fn();
  render(<LadderBuilder save={save} onSaved={onSaved} />);
  return { save, onSaved };
}

async function addOwn(text: string) {
  await userEvent.type(screen.getByLabelText('Your step'), text);
  await userEvent.click(screen.getByRole('button', { name: 'Add step' }));
}

describe('LadderBuilder', () => {
  it('reorders steps from the keyboard, keeping focus on the moved step, and saves that order', async () => {
    const { save } = setup();
    await userEvent.type(screen.getByLabelText('Ladder name'), 'Calls');
    for (const t of ['Call a shop', 'Call a friend', 'Call a stranger']) await addOwn(t);

    screen.getByRole('button', { name: 'Move step 3 up' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByLabelText('Step 2')).toHaveProperty('value', 'Call a stranger');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move step 2 up' }));
    await userEvent.keyboard('{Enter}');
    expect(screen.getByLabelText('Step 1')).toHaveProperty('value', 'Call a stranger');
    // At the top "up" is disabled, so focus went to the same step's "down".
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move step 1 down' }));
    expect(screen.getByRole('status').textContent).toBe('Moved “Call a stranger” to position 1 of 3.');

    await userEvent.click(screen.getByRole('button', { name: 'Save ladder' }));
    expect(save.mock.calls[0]![0].fields.steps.map((s) => s.text)).toEqual([
      'Call a stranger',
      'Call a shop',
      'Call a friend',
    ]);
  });

  it('keeps focus on a Remove when a step is removed, and on the ladder name once none is left', async () => {
    setup();
    for (const t of ['Call a shop', 'Call a friend']) await addOwn(t);
    screen.getByRole('button', { name: /^Remove step 1/ }).focus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByLabelText('Step 1')).toHaveProperty('value', 'Call a friend');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /^Remove step 1/ }));
    await userEvent.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByLabelText('Ladder name'));
  });

  it('adds a library prompt and a written step with no rating, so the user rates each one themselves', async () => {
    const { save } = setup();
    const prompt = practicePrompts.find((p) => p.situation === 'phone')!;
    await userEvent.type(screen.getByLabelText('Ladder name'), 'Phone');
    await userEvent.selectOptions(screen.getByLabelText('Situation'), 'phone');
    await userEvent.selectOptions(screen.getByLabelText('Prompt'), prompt.id);
    await userEvent.click(screen.getByRole('button', { name: 'Add prompt' }));
    await addOwn('Call a friend');
    expect(screen.getByLabelText('Expected anxiety, step 1 (0–10)')).toHaveProperty('value', '');
    expect(screen.getByLabelText('Expected anxiety, step 2 (0–10)')).toHaveProperty('value', '');

    await userEvent.type(screen.getByLabelText('Expected anxiety, step 1 (0–10)'), '4');
    await userEvent.type(screen.getByLabelText('Expected anxiety, step 2 (0–10)'), '2');
    await userEvent.click(screen.getByRole('button', { name: 'Save ladder' }));
    expect(save.mock.calls[0]![0].fields.steps).toEqual([
      { text: prompt.text, suds: 4, promptId: prompt.id, situation: 'phone' },
      { text: 'Call a friend', suds: 2 },
    ]);
  });

  it('adds your own step with Enter without saving the ladder, and keeps a step half written', async () => {
    const save = vi.fn();
    const view = render(<LadderBuilder save={save} onSaved={vi.fn()} />);
    await userEvent.type(screen.getByLabelText('Your step'), 'Say hello to the host{Enter}');
    expect(screen.getByLabelText('Step 1')).toHaveProperty('value', 'Say hello to the host');
    expect(screen.getByLabelText('Your step')).toHaveProperty('value', '');
    expect(save).not.toHaveBeenCalled();
    await userEvent.type(screen.getByLabelText('Your step'), 'Ask a speaker a ques');
    view.unmount();
    render(<LadderBuilder save={save} onSaved={vi.fn()} />);
    expect(screen.getByLabelText('Step 1')).toHaveProperty('value', 'Say hello to the host');
    expect(screen.getByLabelText('Your step')).toHaveProperty('value', 'Ask a speaker a ques');
  });

  it('shows a missing rating on that step, and the message follows the step when it moves', async () => {
    const save = vi.fn(async () => ({
      ok: false as const,
      error: {
        code: 'invalid_input' as const,
        message: 'Check the highlighted fields.',
        details: [{ path: ['fields', 'steps', 1, 'suds'], message: 'Choose a number from 0 to 10' }],
      },
    }));
    render(<LadderBuilder save={save} onSaved={vi.fn()} />);
    await addOwn('Call a shop');
    await addOwn('Call a stranger');
    await userEvent.click(screen.getByRole('button', { name: 'Save ladder' }));
    const rating = screen.getByLabelText('Expected anxiety, step 2 (0–10)');
    expect(rating.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(rating);
    expect(screen.getByRole('alert').textContent).toBe('Choose a number from 0 to 10');
    await userEvent.click(screen.getByRole('button', { name: 'Move step 2 up' }));
    expect(screen.getByLabelText('Expected anxiety, step 1 (0–10)').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Expected anxiety, step 2 (0–10)').getAttribute('aria-invalid')).toBeNull();
  });

  it('shows the field message main sends back and does not close', async () => {
    const save = vi.fn(async () => ({
      ok: false as const,
      error: {
        code: 'invalid_input' as const,
        message: 'bad',
        details: [{ path: ['fields', 'steps'], message: 'Add at least one step' }],
      },
    }));
    const onSaved = vi.fn();
    render(<LadderBuilder save={save} onSaved={onSaved} />);
    await userEvent.click(screen.getByRole('button', { name: 'Save ladder' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Add at least one step');
    expect(onSaved).not.toHaveBeenCalled();
    // Answered, the message goes.
    await userEvent.type(screen.getByLabelText('Your step'), 'Say hello to the host{Enter}');
    expect(screen.queryByText('Add at least one step')).toBeNull();
  });
});
