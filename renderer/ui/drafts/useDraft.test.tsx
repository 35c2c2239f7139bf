import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode, useRef } from 'react';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { useDraft } from './useDraft.ts';
import { useFormDraft } from './useFormDraft.ts';

const Note = z.object({ text: z.string() });

function NoteBox({ slot, start = '' }: { slot: string | null; start?: string }) {
  const draft = useDraft(slot, { text: start }, Note);
  return (
    <>
      <label>
        Note <input value={draft.values.text} onChange={(e) => draft.set({ text: e.target.value })} />
      </label>
      {draft.restored ? <p>restored</p> : null}
      <button type="button" onClick={draft.discard}>
        Discard
      </button>
    </>
  );
}
const box = () => screen.getByLabelText('Note') as HTMLInputElement;

describe('useDraft', () => {
  it('keeps what is typed per slot, follows a new slot, and forgets on discard', async () => {
    const view = render(<NoteBox slot="detail:sam" />);
    await userEvent.type(box(), 'new puppy Biscuit');
    view.rerender(<NoteBox slot="detail:ann" />);
    expect(box().value).toBe('');
    await userEvent.type(box(), 'moving to Leeds');
    view.rerender(<NoteBox slot="detail:sam" />);
    expect(box().value).toBe('new puppy Biscuit');
    expect(screen.getByText('restored')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Discard' }));
    expect(box().value).toBe('');
    view.unmount();
    render(<NoteBox slot="detail:ann" />);
    expect(box().value).toBe('moving to Leeds');
  });

  it('keeps what is being typed when the record under an open form changes, tied to what it started from', async () => {
    const view = render(<NoteBox slot="needs:sam" start="a mentor" />);
    await userEvent.type(box(), ' in design');
    view.rerender(<NoteBox slot="needs:sam" start="synced from the laptop" />);
    expect(box().value).toBe('a mentor in design');
    view.unmount();
    // Never offered over the newer record; still there for the record it was typed on.
    const newer = render(<NoteBox slot="needs:sam" start="synced from the laptop" />);
    expect(box().value).toBe('synced from the laptop');
    newer.unmount();
    render(<NoteBox slot="needs:sam" start="a mentor" />);
    expect(box().value).toBe('a mentor in design');
  });

  it('follows a new blank while untouched, and writes nothing until the user changes something', async () => {
    const view = render(<NoteBox slot="needs:sam" start="a mentor" />);
    view.rerender(<NoteBox slot="needs:sam" start="synced from the laptop" />);
    expect(box().value).toBe('synced from the laptop');
    expect(window.localStorage.getItem('rapport.form-drafts')).toBeNull();
    // Saved, then the record arrives changed: nothing is kept, nothing comes back.
    await userEvent.type(box(), '!');
    await userEvent.click(screen.getByRole('button', { name: 'Discard' }));
    view.rerender(<NoteBox slot="needs:sam" start="saved!" />);
    expect(box().value).toBe('saved!');
    expect(window.localStorage.getItem('rapport.form-drafts')).toBeNull();
  });

  it('never wipes a draft by opening the same slot from somewhere else', async () => {
    const typed = render(<NoteBox slot="starter:new" />);
    await userEvent.type(box(), 'Hello there');
    typed.unmount();
    render(<NoteBox slot="starter:new" start="from the library" />).unmount();
    render(<NoteBox slot="starter:new" />);
    expect(box().value).toBe('Hello there');
  });

  it('keeps nothing without a slot, and drops a draft made from another starting point', async () => {
    const view = render(<NoteBox slot={null} />);
    await userEvent.type(box(), 'not kept');
    view.unmount();
    expect(window.localStorage.getItem('rapport.form-drafts')).toBeNull();
    const edit = render(<NoteBox slot="starter:1" start="Hello {firstName}" />);
    await userEvent.type(box(), '!');
    edit.unmount();
    render(<NoteBox slot="starter:1" start="Hi {firstName}, edited elsewhere" />);
    expect(box().value).toBe('Hi {firstName}, edited elsewhere');
  });
});

function Uncontrolled({ slot, name = 'Sam', role }: { slot: string; name?: string; role?: string }) {
  const form = useRef<HTMLFormElement>(null);
  const typed = useFormDraft(slot, form);
  return (
    <form ref={form}>
      <label>
        Name <input name="name" defaultValue={name} />
      </label>
      <label>
        Role <input name="role" defaultValue={role} />
      </label>
      <label>
        Passphrase <input name="secret" type="password" />
      </label>
      <label>
        Card image <input name="card" type="file" />
      </label>
      <label>
        Close <input name="tier" type="radio" value="close" />
      </label>
      <label>
        Yearly <input name="tier" type="radio" value="yearly" defaultChecked />
      </label>
      {typed.restored ? <p>restored</p> : null}
      <button type="button" onClick={typed.discard}>
        Start over
      </button>
    </form>
  );
}

describe('useFormDraft', () => {
  it('puts what was typed back into uncontrolled fields, never a password', async () => {
    const view = render(<Uncontrolled slot="person:sam" />);
    await userEvent.type(screen.getByLabelText('Name'), ' Okafor');
    await userEvent.type(screen.getByLabelText('Passphrase'), 'hunter2');
    await userEvent.click(screen.getByLabelText('Close'));
    view.unmount();
    expect(window.localStorage.getItem('rapport.form-drafts')).not.toContain('hunter2');

    render(<Uncontrolled slot="person:sam" />);
    expect(screen.getByText('restored')).toBeTruthy();
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Sam Okafor');
    expect((screen.getByLabelText('Close') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Passphrase') as HTMLInputElement).value).toBe('');
    await act(async () => screen.getByRole('button', { name: 'Start over' }).click());
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Sam');
    expect((screen.getByLabelText('Yearly') as HTMLInputElement).checked).toBe(true);
    expect(window.localStorage.getItem('rapport.form-drafts')).toBeNull();
  });

  it('reads the fields as they opened once, even when React runs its effects twice (StrictMode)', async () => {
    const view = render(<Uncontrolled slot="person:sam" />);
    await userEvent.type(screen.getByLabelText('Name'), ' Okafor');
    view.unmount();
    render(
      <StrictMode>
        <Uncontrolled slot="person:sam" />
      </StrictMode>,
    );
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Sam Okafor');
    await act(async () => screen.getByRole('button', { name: 'Start over' }).click());
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Sam');
  });

  it('never forgets a draft because of a control it does not keep (a file chosen)', async () => {
    const typed = render(<Uncontrolled slot="person:sam" />);
    await userEvent.type(screen.getByLabelText('Name'), ' Okafor');
    typed.unmount();
    render(<Uncontrolled slot="person:sam" name="Sam Okafor" />); // opens as typed: nothing to restore
    await userEvent.upload(screen.getByLabelText('Card image'), new File(['x'], 'card.png', { type: 'image/png' }));
    expect(window.localStorage.getItem('rapport.form-drafts')).toContain('Sam Okafor');
  });

  it('ties typing to the record as it is when typing starts, when it changed while the form was open', async () => {
    const view = render(<Uncontrolled slot="person:sam" />);
    // React moves an uncontrolled field that opened empty to its new default (one that opened with
    // a value stays as it was shown).
    view.rerender(<Uncontrolled slot="person:sam" role="CTO" />);
    expect((screen.getByLabelText('Role') as HTMLInputElement).value).toBe('CTO');
    await userEvent.click(screen.getByLabelText('Close'));
    view.unmount();
    render(<Uncontrolled slot="person:sam" role="CTO" />);
    expect(screen.getByText('restored')).toBeTruthy();
    expect((screen.getByLabelText('Close') as HTMLInputElement).checked).toBe(true);
  });

  it('offers nothing to a form that opens differently (the record changed since)', async () => {
    const view = render(<Uncontrolled slot="person:sam" />);
    await userEvent.type(screen.getByLabelText('Name'), ' Okafor');
    view.unmount();
    render(<Uncontrolled slot="person:sam" name="Samuel" />);
    expect(screen.queryByText('restored')).toBeNull();
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Samuel');
  });
});
