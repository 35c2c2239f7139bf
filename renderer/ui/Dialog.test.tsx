import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { expect, it } from 'vitest';
import { Dialog, ESCAPE_CLOSES_LIST } from './Dialog.tsx';
import { ScreenHeading } from './ScreenHeading.tsx';

/** A screen with a row whose button opens a dialog; "Done" in the dialog removes the row. */
function Screen() {
  const [open, setOpen] = useState(false);
  const [rowShown, setRowShown] = useState(true);
  return (
    <main>
      <ScreenHeading>Today</ScreenHeading>
      {rowShown ? <button onClick={() => setOpen(true)}>Log</button> : null}
      <button>Elsewhere</button>
      <Dialog open={open} title="Log interaction" onClose={() => setOpen(false)}>
        <input aria-label="Notes" />
        <button
          onClick={() => {
            setRowShown(false);
            setOpen(false);
          }}
        >
          Done
        </button>
      </Dialog>
    </main>
  );
}

it('gives focus back to the button that opened the dialog when it closes', async () => {
  render(<Screen />);
  await userEvent.click(screen.getByRole('button', { name: 'Log' }));
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Notes' })));
  await userEvent.keyboard('{Escape}');
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Log' })));
});

it("gives focus to the screen's heading when what opened the dialog is gone", async () => {
  render(<Screen />);
  await userEvent.click(screen.getByRole('button', { name: 'Log' }));
  await userEvent.click(await screen.findByRole('button', { name: 'Done' }));
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Today' })));
});

function Closable({ withForm }: { withForm: boolean }) {
  const [open, setOpen] = useState(true);
  return (
    <Dialog open={open} title="Edit" onClose={() => setOpen(false)}>
      {withForm ? (
        <form>
          <input aria-label="Name" />
        </form>
      ) : (
        <p>Nothing to type here.</p>
      )}
    </Dialog>
  );
}

it('stays open on a click outside when it holds a form (Escape still closes it), and closes otherwise', async () => {
  render(<Closable withForm />);
  await userEvent.click(document.querySelector('.dialog-overlay')!);
  expect(screen.queryByRole('dialog', { name: 'Edit' })).not.toBeNull();
  await userEvent.keyboard('{Escape}');
  await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Edit' })).toBeNull());
  cleanup();
  render(<Closable withForm={false} />);
  await userEvent.click(document.querySelector('.dialog-overlay')!);
  await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Edit' })).toBeNull());
});

it('lets Escape close an open list of suggestions first, and the dialog on the next Escape', async () => {
  function Suggesting() {
    const [open, setOpen] = useState(true);
    const [listed, setListed] = useState(true);
    return (
      <Dialog open={open} title="Log interaction" onClose={() => setOpen(false)}>
        <input
          aria-label="With"
          role="combobox"
          aria-expanded={listed}
          {...{ [ESCAPE_CLOSES_LIST]: listed || undefined }}
          onKeyDown={(e) => e.key === 'Escape' && setListed(false)}
        />
      </Dialog>
    );
  }
  render(<Suggesting />);
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'With' })));
  await userEvent.keyboard('{Escape}');
  expect(screen.getByRole('dialog', { name: 'Log interaction' })).toBeTruthy();
  expect(screen.getByRole('combobox').getAttribute('aria-expanded')).toBe('false');
  await userEvent.keyboard('{Escape}');
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
});

it('closes on Escape from a combobox that is always expanded (the search palette box)', async () => {
  function Palette() {
    const [open, setOpen] = useState(true);
    return (
      <Dialog open={open} title="Search" onClose={() => setOpen(false)}>
        <input aria-label="Search" role="combobox" aria-expanded />
      </Dialog>
    );
  }
  render(<Palette />);
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Search' })));
  await userEvent.keyboard('{Escape}');
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
});

it('keeps focus in a dialog when a screen opens under it, and gives it to that heading on Escape', async () => {
  // Ctrl+1 then Ctrl+K at once: the screen shows its heading when its data comes, after the search opened.
  function Late() {
    const [open, setOpen] = useState(true);
    const [loaded, setLoaded] = useState(false);
    return (
      <main>
        {loaded ? <ScreenHeading>Today</ScreenHeading> : null}
        <button onClick={() => setLoaded(true)}>Data came</button>
        <Dialog open={open} title="Search" onClose={() => setOpen(false)}>
          <input aria-label="Search people" />
        </Dialog>
      </main>
    );
  }
  render(<Late />);
  const box = screen.getByRole('textbox', { name: 'Search people' });
  await waitFor(() => expect(document.activeElement).toBe(box));
  await userEvent.keyboard('Cal');
  // The data arriving is not a user action: the button is outside the dialog's focus trap.
  screen.getByRole('button', { name: 'Data came', hidden: true }).click();
  await screen.findByRole('heading', { name: 'Today', hidden: true });
  await userEvent.keyboard('l');
  expect(document.activeElement).toBe(box);
  expect(box).toHaveProperty('value', 'Call');
  await userEvent.keyboard('{Escape}');
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Today' })));
});
