import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../shared/ipc/result.ts';
import { renderInApp } from '../test-support/render.tsx';
import { useToast, type ToastSpec } from './Toast.tsx';

/** A screen whose buttons show the given toasts, next to a text field and an editable area. */
function Actions({ toasts }: { toasts: ToastSpec[] }) {
  const toast = useToast();
  return (
    <>
      {toasts.map((t) => (
        <button key={t.title} type="button" onClick={() => toast(t)}>
          Do: {t.title}
        </button>
      ))}
      <label>
        Notes <textarea />
      </label>
      <label>
        Name <input />
      </label>
      <label>
        Keep <input type="checkbox" />
      </label>
      <div role="textbox" aria-label="Editable" contentEditable tabIndex={0} />
    </>
  );
}

const undoable = (title: string) => ({ title, undo: { run: vi.fn(async () => ok({})) } });
const notifications = () => screen.getByRole('region', { name: /Notifications/ });
const toastSaying = (text: string) => within(notifications()).getByText(text).closest('li')!;

/** The core's undo.apply: busy (a retryable failure) until `fails` is set to false, then undoing. */
function busyThenUndoing() {
  const core = {
    fails: true,
    apply: vi.fn(() =>
      core.fails
        ? { code: 'unavailable' as const, message: 'The database is busy; try again.' }
        : { label: 'x', restored: 1 },
    ),
  };
  return core;
}

async function doAll(specs: ToastSpec[]) {
  renderInApp(<Actions toasts={specs} />);
  for (const spec of specs) await userEvent.click(screen.getByRole('button', { name: `Do: ${spec.title}` }));
  await within(notifications()).findByText(specs.at(-1)!.title);
}

describe('Ctrl/Cmd+Z', () => {
  it('undoes the newest action whose toast offers Undo, one per press, and then nothing', async () => {
    const archived = undoable('Archived Sam');
    const snoozed = undoable('Snoozed Ana until 19 Mar');
    await doAll([archived, snoozed, { title: 'Copied the message.' }]);

    await userEvent.keyboard('{Control>}z{/Control}');
    await within(notifications()).findByText('Undone: snoozed Ana until 19 Mar');
    expect(snoozed.undo.run).toHaveBeenCalledTimes(1);
    expect(archived.undo.run).not.toHaveBeenCalled();

    await userEvent.keyboard('{Meta>}z{/Meta}');
    await within(notifications()).findByText('Undone: archived Sam');
    expect(archived.undo.run).toHaveBeenCalledTimes(1);

    // Nothing left to undo: the key is the browser's again.
    expect(fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true })).toBe(true);
    expect(snoozed.undo.run).toHaveBeenCalledTimes(1);
    expect(archived.undo.run).toHaveBeenCalledTimes(1);
  });

  it('leaves Ctrl+Z to the text while typing in a field or editable text, but not on a checkbox', async () => {
    const archived = undoable('Archived Sam');
    await doAll([archived]);
    for (const field of [
      screen.getByLabelText('Notes'),
      screen.getByLabelText('Name'),
      screen.getByRole('textbox', { name: 'Editable' }),
    ]) {
      // Not prevented: the browser undoes the typing.
      expect(fireEvent.keyDown(field, { key: 'z', ctrlKey: true })).toBe(true);
    }
    expect(archived.undo.run).not.toHaveBeenCalled();

    screen.getByLabelText('Keep').focus();
    await userEvent.keyboard('{Control>}z{/Control}');
    await within(notifications()).findByText('Undone: archived Sam');
    expect(archived.undo.run).toHaveBeenCalledTimes(1);
  });

  it('leaves the toasts alone while a dialog or menu is open over them', async () => {
    const archived = undoable('Archived Sam');
    await doAll([archived]);
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    dialog.innerHTML = '<button type="button">Save</button>';
    document.body.append(dialog);
    dialog.querySelector('button')!.focus();
    expect(fireEvent.keyDown(dialog.querySelector('button')!, { key: 'z', ctrlKey: true })).toBe(true);
    // Focus elsewhere, the modal still open.
    expect(fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true })).toBe(true);
    expect(archived.undo.run).not.toHaveBeenCalled();
    dialog.remove();
    await userEvent.keyboard('{Control>}z{/Control}');
    await within(notifications()).findByText('Undone: archived Sam');
  });

  it('does not redo (Shift), repeat while held, or reach a toast that was dismissed', async () => {
    const archived = undoable('Archived Sam');
    await doAll([archived]);
    await userEvent.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true, repeat: true });
    expect(archived.undo.run).not.toHaveBeenCalled();

    await userEvent.click(within(toastSaying('Archived Sam')).getByRole('button', { name: 'Dismiss' }));
    await userEvent.keyboard('{Control>}z{/Control}');
    expect(archived.undo.run).not.toHaveBeenCalled();
  });

  it('undoes once, however quickly the key is pressed again', async () => {
    const archived = undoable('Archived Sam');
    await doAll([archived]);
    const press = () =>
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true }));
    // Twice before React has drawn the toast closed.
    act(() => {
      press();
      press();
    });
    await within(notifications()).findByText('Undone: archived Sam');
    expect(archived.undo.run).toHaveBeenCalledTimes(1);
  });

  it('undoes through the core for a token, and a failure can be tried again', async () => {
    const core = busyThenUndoing();
    renderInApp(<Actions toasts={[{ title: 'Deleted Sam', undo: { token: 't1' } }]} />, {
      requests: { 'undo.apply': core.apply },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Do: Deleted Sam' }));
    await within(notifications()).findByText('Deleted Sam');
    await userEvent.keyboard('{Control>}z{/Control}');
    const error = await within(notifications()).findByText('Could not undo');
    expect(core.apply).toHaveBeenCalledWith({ token: 't1' });
    core.fails = false;
    await userEvent.click(within(error.closest('li')!).getByRole('button', { name: 'Retry' }));
    await within(notifications()).findByText('Undone: deleted Sam');
    await waitFor(() => expect(core.apply).toHaveBeenCalledTimes(2));
  });

  it('tries a failed undo again on the next press, not the action before it', async () => {
    const core = busyThenUndoing();
    const archived = undoable('Archived Ana');
    renderInApp(<Actions toasts={[archived, { title: 'Deleted Sam', undo: { token: 't1' } }]} />, {
      requests: { 'undo.apply': core.apply },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Do: Archived Ana' }));
    await userEvent.click(screen.getByRole('button', { name: 'Do: Deleted Sam' }));
    await within(notifications()).findByText('Deleted Sam');
    await userEvent.keyboard('{Control>}z{/Control}');
    await within(notifications()).findByText('Could not undo');
    core.fails = false;
    await userEvent.keyboard('{Control>}z{/Control}');
    await within(notifications()).findByText('Undone: deleted Sam');
    expect(core.apply).toHaveBeenCalledTimes(2);
    expect(archived.undo.run).not.toHaveBeenCalled();
  });

  it('offers no Retry when the undo cannot be done (things changed since, or it is gone)', async () => {
    const refused = (title: string, code: 'conflict' | 'not_found', message: string) => ({
      title,
      undo: { run: vi.fn(async () => ({ ok: false as const, error: { code, message } })) },
    });
    await doAll([
      refused('Snoozed Ana until 19 Mar', 'conflict', 'It changed since.'),
      refused('Deleted Sam', 'not_found', 'There is nothing left to undo.'),
    ]);
    for (const text of ['There is nothing left to undo.', 'It changed since.']) {
      await userEvent.keyboard('{Control>}z{/Control}');
      const error = (await within(notifications()).findByText(text)).closest('li')!;
      expect(within(error).queryByRole('button', { name: 'Retry' })).toBeNull();
    }
  });

  it('is named on the Undo button, and said with the toast for screen readers', async () => {
    await doAll([undoable('Archived Sam')]);
    const undo = within(toastSaying('Archived Sam')).getByRole('button', { name: 'Undo' });
    expect(undo.getAttribute('aria-keyshortcuts')).toBe('Control+Z');
    // Radix reads this instead of the button, where the toast is announced.
    expect(undo.closest('[data-radix-toast-announce-alt]')?.getAttribute('data-radix-toast-announce-alt')).toBe(
      'Press Control+Z to undo',
    );
  });
});

it('offers a way on from what was done, which closes the toast', async () => {
  const open = vi.fn();
  renderInApp(<Actions toasts={[{ ...undoable('Added Ada Lovelace'), next: { label: 'Open', run: open } }]} />);
  await userEvent.click(screen.getByRole('button', { name: 'Do: Added Ada Lovelace' }));
  await userEvent.click(within(toastSaying('Added Ada Lovelace')).getByRole('button', { name: 'Open' }));
  expect(open).toHaveBeenCalledOnce();
  await waitFor(() => expect(within(notifications()).queryByText('Added Ada Lovelace')).toBeNull());
});
