import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Detail } from '../../../shared/domain/detail.ts';
import { installFakeRapport } from '../../test-support/fake-rapport.ts';
import { picksFrom } from '../../test-support/people-picks.ts';
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
  installFakeRapport({ requests: picksFrom(people) });
  const props: LogFormProps = {
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

  it('takes the message back once someone is chosen', async () => {
    renderForm();
    await userEvent.click(screen.getByRole('button', { name: 'Log it' }));
    expect(screen.getByText('Choose at least one person')).toBeTruthy();
    await userEvent.type(screen.getByRole('combobox', { name: 'With' }), 'sam{Enter}');
    expect(screen.queryByText('Choose at least one person')).toBeNull();
  });

  it('logs what happened: a day still to come is refused, naming the field', async () => {
    const props = renderForm();
    await userEvent.type(screen.getByRole('combobox', { name: 'With' }), 'sam{Enter}');
    fireEvent.change(screen.getByLabelText('Date'), { target: { value: '2027-03-01' } });
    await userEvent.click(screen.getByRole('button', { name: 'Log it' }));
    expect(props.submit).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Date').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('That day has not come yet. Log it once it has happened.');
  });

  it('shows "Ask about" chips for the chosen people, and one click resolves a detail', async () => {
    const props = renderForm({ initialPeople: ['sam'] });
    const chip = await screen.findByRole('button', { name: 'Mark “new puppy Biscuit” as asked about' });
    await userEvent.click(chip);
    expect(props.resolveDetail).toHaveBeenCalledWith('d1');
    await waitFor(() => expect(screen.queryByText('new puppy Biscuit')).toBeNull());
  });
});

describe('LogForm: what was typed outlives the dialog', () => {
  it("brings back a closed dialog's text the next time it opens the same way, until it is logged", async () => {
    renderForm({ initialPeople: ['sam'] });
    await userEvent.type(screen.getByLabelText('Notes'), 'Talked about the move to Leeds');
    await userEvent.click(screen.getByLabelText('Advice', { selector: 'fieldset:first-of-type input' }));
    cleanup(); // Escape, a click outside, a reload

    const props = renderForm({ initialPeople: ['sam'] });
    expect(screen.getByText(/Restored what you typed before/)).toBeTruthy();
    expect((screen.getByLabelText('Notes') as HTMLTextAreaElement).value).toBe('Talked about the move to Leeds');
    await userEvent.click(screen.getByRole('button', { name: 'Log it' }));
    expect(props.submit).toHaveBeenCalledWith(
      expect.objectContaining({
        interaction: expect.objectContaining({ notes: 'Talked about the move to Leeds', gave: ['advice'] }),
      }),
    );
    cleanup();

    renderForm({ initialPeople: ['sam'] });
    expect(screen.queryByText(/Restored what you typed before/)).toBeNull();
    expect((screen.getByLabelText('Notes') as HTMLTextAreaElement).value).toBe('');
  });

  it('keeps a draft per way of opening, and Start over empties the form and the draft', async () => {
    renderForm({ initialPeople: ['sam'] });
    await userEvent.type(screen.getByLabelText('Notes'), 'For Sam');
    cleanup();
    renderForm({ initialPeople: ['ana'] });
    expect((screen.getByLabelText('Notes') as HTMLTextAreaElement).value).toBe('');
    cleanup();
    renderForm({ initialPeople: ['sam'] });
    expect((screen.getByLabelText('Notes') as HTMLTextAreaElement).value).toBe('For Sam');
    await userEvent.click(screen.getByRole('button', { name: 'Start over' }));
    expect((screen.getByLabelText('Notes') as HTMLTextAreaElement).value).toBe('');
    cleanup();
    renderForm({ initialPeople: ['sam'] });
    expect(screen.queryByText(/Restored what you typed before/)).toBeNull();
  });

  it("keeps an edit's draft for that interaction as it was, until it is saved", async () => {
    const editing = {
      id: 'i9',
      type: 'call' as const,
      date: '2026-03-01',
      contactIds: ['sam'],
      notes: 'Old notes',
      gave: [],
      asked: [],
      mutual: false,
      createdAt: '',
      updatedAt: '',
    };
    renderForm({ editing });
    await userEvent.type(screen.getByLabelText('Notes'), ' and more');
    cleanup(); // Escape or the ✕ half way through the edit

    // Another interaction's edit, and a new log, do not get it.
    renderForm({ editing: { ...editing, id: 'i10' } });
    expect((screen.getByLabelText('Notes') as HTMLTextAreaElement).value).toBe('Old notes');
    cleanup();
    // Nor does this one once it has changed since (on another device): typed over what it was then.
    renderForm({ editing: { ...editing, notes: 'Changed elsewhere' } });
    expect((screen.getByLabelText('Notes') as HTMLTextAreaElement).value).toBe('Changed elsewhere');
    cleanup();

    const props = renderForm({ editing });
    expect(screen.getByText(/Restored what you typed before/)).toBeTruthy();
    expect((screen.getByLabelText('Notes') as HTMLTextAreaElement).value).toBe('Old notes and more');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(props.submit).toHaveBeenCalledWith(
      expect.objectContaining({ interaction: expect.objectContaining({ notes: 'Old notes and more' }) }),
    );
    cleanup();
    renderForm({ editing });
    expect(screen.queryByText(/Restored what you typed before/)).toBeNull();
    expect((screen.getByLabelText('Notes') as HTMLTextAreaElement).value).toBe('Old notes');
  });
});

describe('LogForm: the picker asks the core as the user types', () => {
  /** Answers picks only when the test lets them go, in any order. */
  function heldPicks(everyone: Parameters<typeof picksFrom>[0]) {
    const answers = picksFrom(everyone);
    const held = new Map<string, () => void>();
    installFakeRapport({
      requests: {
        ...answers,
        'people.pick': (input) =>
          new Promise((resolve) => held.set(input.q, () => resolve(answers['people.pick']!(input) as never))),
      },
    });
    return async (q: string) => {
      await waitFor(() => expect(held.has(q)).toBe(true));
      held.get(q)!();
    };
  }
  const renderHeld = () =>
    render(
      <LogForm
        today="2026-03-10"
        submit={vi.fn()}
        loadOpenDetails={async () => []}
        resolveDetail={async () => {}}
        onLogged={vi.fn()}
      />,
    );
  const chosen = () => screen.getByRole('list', { name: 'Chosen people' });

  it('Enter pressed before the answer arrives chooses from that answer', async () => {
    const release = heldPicks(people);
    renderHeld();
    await userEvent.type(screen.getByRole('combobox', { name: 'With' }), 'sam{Enter}');
    expect(chosen().textContent).toBe('');
    await release('sam');
    await waitFor(() => expect(chosen().textContent).toContain('Sam Okafor'));
    expect(screen.getByRole('combobox', { name: 'With' })).toHaveProperty('value', '');
  });

  it('never shows an answer for older text', async () => {
    const release = heldPicks(people);
    renderHeld();
    await userEvent.type(screen.getByRole('combobox', { name: 'With' }), 'an');
    await release('an');
    const options = await screen.findByRole('listbox', { name: 'Matching people' });
    await waitFor(() =>
      expect(
        within(options)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual([expect.stringContaining('Ana Ruiz'), 'Add “an” as a new person']),
    );
    await release('a'); // "a" also matches Sam Okafor
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(within(options).getAllByRole('option')).toHaveLength(2);
  });

  it('shows the matches only while the name box has focus, so they never cover the fields below', async () => {
    renderForm();
    const box = screen.getByRole('combobox', { name: 'With' });
    await userEvent.type(box, 'a');
    await screen.findByRole('listbox', { name: 'Matching people' });
    expect(box.getAttribute('aria-expanded')).toBe('true');
    await userEvent.tab();
    expect(screen.queryByRole('listbox', { name: 'Matching people' })).toBeNull();
    expect(box.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(box);
    await screen.findByRole('listbox', { name: 'Matching people' });
  });

  it('Escape empties the box and closes the list, so a second Escape can close the dialog', async () => {
    renderForm();
    const box = screen.getByRole('combobox', { name: 'With' });
    await userEvent.type(box, 'a');
    await screen.findByRole('listbox', { name: 'Matching people' });
    await userEvent.keyboard('{Escape}');
    expect((box as HTMLInputElement).value).toBe('');
    expect(screen.queryByRole('listbox', { name: 'Matching people' })).toBeNull();
    expect(box.getAttribute('aria-expanded')).toBe('false');
  });

  it('does not choose when several match equally well, even if Enter came first', async () => {
    const release = heldPicks([
      { id: 'nair', displayName: 'Priya Nair' },
      { id: 'shah', displayName: 'Priya Shah' },
    ]);
    renderHeld();
    await userEvent.type(screen.getByRole('combobox', { name: 'With' }), 'priya{Enter}');
    await release('priya');
    expect((await screen.findByRole('status')).textContent).toContain('2 people match “priya”');
    expect(chosen().textContent).toBe('');
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    await waitFor(() => expect(chosen().textContent).toContain('Priya Shah'));
  });
});
