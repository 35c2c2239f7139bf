import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { SubscriptionOutput } from '../../../shared/ipc/contract.ts';
import { renderInApp } from '../../test-support/render.tsx';
import { StarterSuggestions } from './StarterSuggestions.tsx';

type Suggestion = SubscriptionOutput<'starters.watchSuggestions'>[number];
const biscuit: Suggestion = {
  starterId: 'offer-help-x',
  text: 'Hi Sam, how is the new puppy Biscuit settling in?',
  usesDetailId: 'd1',
  situation: 'offer-help',
  channel: 'any',
};
const plain: Suggestion = {
  starterId: 'ask-advice-y',
  text: 'Sam, could I pick your brain about portfolios?',
  situation: 'ask-advice',
  channel: 'message',
};

function setup() {
  const watchSuggestions = vi.fn((_input: unknown, push: (v: Suggestion[]) => void) => push([biscuit, plain]));
  const { fake } = renderInApp(<StarterSuggestions contactId="sam" name="Sam Okafor" />, {
    requests: { 'details.listOpen': () => [] },
    subscriptions: { 'starters.watchSuggestions': watchSuggestions },
  });
  const writeText = vi.fn(async () => {});
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  return { watchSuggestions, writeText, fake };
}

describe('StarterSuggestions', () => {
  it('copies the chosen starter and says so in a live region', async () => {
    const { writeText } = setup();
    const item = (await screen.findByText(biscuit.text)).closest('li')!;
    await userEvent.click(within(item).getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith(biscuit.text);
    expect(screen.getAllByRole('status').some((s) => s.textContent === 'Copied to the clipboard.')).toBe(true);
  });

  it('ties each Copy button to its text so screen readers hear which one it copies', async () => {
    setup();
    const item = (await screen.findByText(plain.text)).closest('li')!;
    expect(within(item).getByRole('button', { name: 'Copy', description: plain.text })).toBeTruthy();
    expect(within(item).getByRole('button', { name: 'Use', description: plain.text })).toBeTruthy();
  });

  it('asks main again for the chosen channel', async () => {
    const { watchSuggestions } = setup();
    await screen.findByText(plain.text);
    await userEvent.selectOptions(screen.getByLabelText('How'), 'email');
    await waitFor(() =>
      expect(watchSuggestions).toHaveBeenLastCalledWith(
        { contactId: 'sam', channel: 'email', limit: 4 },
        expect.any(Function),
      ),
    );
  });

  it('says plainly when copying is refused', async () => {
    setup();
    await screen.findByText(plain.text);
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: vi.fn(async () => Promise.reject(new Error('denied'))) },
      configurable: true,
    });
    await userEvent.click(within(screen.getByText(plain.text).closest('li')!).getByRole('button', { name: 'Copy' }));
    expect(await screen.findByText('Could not copy. Select the text and copy it yourself.')).toBeTruthy();
  });

  it('“Use” opens the log form for this person with the starter as the notes', async () => {
    setup();
    await userEvent.click(
      within((await screen.findByText(biscuit.text)).closest('li')!).getByRole('button', { name: 'Use' }),
    );
    expect(((await screen.findByLabelText('Notes')) as HTMLTextAreaElement).value).toBe(biscuit.text);
  });

  it('“Use” on a starter for a message opens the log as a message, not a coffee', async () => {
    setup();
    await userEvent.click(
      within((await screen.findByText(plain.text)).closest('li')!).getByRole('button', { name: 'Use' }),
    );
    await screen.findByLabelText('Notes');
    expect(screen.getByRole('combobox', { name: /^What/ })).toHaveProperty('value', 'message');
  });
});
