import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Detail } from '../../../shared/domain/detail.ts';
import { LogForm, type LogFormProps } from './LogForm.tsx';

const people = [
  { id: 'sam', displayName: 'Sam Okafor', organisation: 'Harbour Lane Studio' },
  { id: 'ana', displayName: 'Ana Ruiz' },
];
const biscuit: Detail = {
  id: 'd1',
  contactId: 'sam',
  text: 'new puppy Biscuit',
  learnedOn: '2026-02-01',
  sensitivity: 'normal',
  status: 'open',
  createdAt: '2026-02-01T00:00:00.000Z',
  updatedAt: '2026-02-01T00:00:00.000Z',
};

function renderForm(overrides: Partial<LogFormProps> = {}) {
  const props: LogFormProps = {
    people,
    today: '2026-03-10',
    submit: vi.fn(async (input) => ({
      ok: true as const,
      value: {
        id: 'i1',
        ...input.interaction,
        contactIds: ['sam'],
        gave: [],
        asked: [],
        mutual: false,
        createdAt: '',
        updatedAt: '',
      } as never,
    })),
    loadOpenDetails: vi.fn(async (ids: string[]) => (ids.includes('sam') ? [biscuit] : [])),
    resolveDetail: vi.fn(async () => {}),
    onLogged: vi.fn(),
    ...overrides,
  };
  render(<LogForm {...props} />);
  return props;
}

describe('LogForm', () => {
  it('logs a coffee with a chosen person and a detail to remember, dated today by default', async () => {
    const props = renderForm();
    await userEvent.type(screen.getByRole('combobox', { name: 'With' }), 'sam{Enter}');
    await userEvent.type(screen.getByLabelText('Detail'), 'training for a half marathon');
    await userEvent.click(screen.getByLabelText('Advice', { selector: 'fieldset:first-of-type input' }));
    await userEvent.click(screen.getByRole('button', { name: 'Log it' }));
    expect(props.submit).toHaveBeenCalledWith({
      interaction: {
        type: 'coffee',
        date: '2026-03-10',
        contactIds: ['sam'],
        gave: ['advice'],
        asked: [],
        mutual: false,
      },
      newPeople: [],
      details: [{ text: 'training for a half marathon', sensitivity: 'normal' }],
    });
    expect(props.onLogged).toHaveBeenCalled();
  });

  it('adds a new person in the same step', async () => {
    const props = renderForm();
    await userEvent.type(screen.getByRole('combobox', { name: 'With' }), 'Priya Nair');
    await userEvent.click(screen.getByRole('option', { name: 'Add “Priya Nair” as a new person' }));
    await userEvent.click(screen.getByRole('button', { name: 'Log it' }));
    expect(props.submit).toHaveBeenCalledWith(
      expect.objectContaining({ newPeople: ['Priya Nair'], interaction: expect.objectContaining({ contactIds: [] }) }),
    );
  });

  it('says who is missing instead of sending a log with nobody', async () => {
    const props = renderForm();
    await userEvent.click(screen.getByRole('button', { name: 'Log it' }));
    expect(props.submit).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('Choose at least one person');
    expect(screen.getByRole('combobox', { name: 'With' }).getAttribute('aria-invalid')).toBe('true');
  });

  it('shows "Ask about" chips for the chosen people, and one click resolves a detail', async () => {
    const props = renderForm({ initialPeople: ['sam'] });
    const chip = await screen.findByRole('button', { name: 'Mark “new puppy Biscuit” as asked about' });
    await userEvent.click(chip);
    expect(props.resolveDetail).toHaveBeenCalledWith('d1');
    await waitFor(() => expect(screen.queryByText('new puppy Biscuit')).toBeNull());
  });
});
