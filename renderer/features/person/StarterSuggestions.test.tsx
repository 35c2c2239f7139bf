import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { installFakeRapport, ok } from '../../test-support/fake-rapport.ts';
import { QuickLogProvider } from '../log/QuickLog.tsx';
import { StarterSuggestions } from './StarterSuggestions.tsx';

const biscuit = {
  starterId: 'offer-help-x',
  text: 'Hi Sam, how is the new puppy Biscuit settling in?',
  usesDetailId: 'd1',
  situation: 'offer-help',
  channel: 'any',
};
const plain = {
  starterId: 'ask-advice-y',
  text: 'Sam, could I pick your brain about portfolios?',
  situation: 'ask-advice',
  channel: 'message',
};

function setup(wrap = false) {
  const watchSuggestions = vi.fn((_input: unknown, onResult: (r: unknown) => void) => {
    onResult(ok([biscuit, plain]));
    return () => {};
  });
  installFakeRapport({
    starters: { watchSuggestions },
    app: { info: vi.fn(async () => ok({ today: '2026-03-18' })) },
    details: { listOpen: vi.fn(async () => ok([])) },
  });
  const writeText = vi.fn(async () => {});
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  const ui = <StarterSuggestions contactId="sam" name="Sam Okafor" />;
  render(wrap ? <QuickLogProvider>{ui}</QuickLogProvider> : ui);
  return { watchSuggestions, writeText };
}

describe('StarterSuggestions', () => {
  it('copies the chosen starter and says so in a live region', async () => {
    const { writeText } = setup();
    const item = screen.getByText(biscuit.text).closest('li')!;
    await userEvent.click(within(item).getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith(biscuit.text);
    expect(screen.getAllByRole('status').some((s) => s.textContent === 'Copied to the clipboard.')).toBe(true);
  });

  it('ties each Copy button to its text so screen readers hear which one it copies', () => {
    setup();
    const item = screen.getByText(plain.text).closest('li')!;
    expect(within(item).getByRole('button', { name: 'Copy', description: plain.text })).toBeTruthy();
    expect(within(item).getByRole('button', { name: 'Use', description: plain.text })).toBeTruthy();
  });

  it('asks main again for the chosen channel', async () => {
    const { watchSuggestions } = setup();
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
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: vi.fn(async () => Promise.reject(new Error('denied'))) },
      configurable: true,
    });
    await userEvent.click(within(screen.getByText(plain.text).closest('li')!).getByRole('button', { name: 'Copy' }));
    expect(await screen.findByText('Could not copy. Select the text and copy it yourself.')).toBeTruthy();
  });

  it('“Use” opens the log form for this person with the starter as the notes', async () => {
    setup(true);
    await userEvent.click(within(screen.getByText(biscuit.text).closest('li')!).getByRole('button', { name: 'Use' }));
    expect(((await screen.findByLabelText('Notes')) as HTMLTextAreaElement).value).toBe(biscuit.text);
  });
});
