import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef, useState } from 'react';
import { expect, it } from 'vitest';
import { Dialog } from './Dialog.tsx';
import { useFocusFallback } from './focus-fallback.ts';
import { ScreenHeading } from './ScreenHeading.tsx';

/**
 * A list with a bar that goes with the selection (as People's bulk bar): its Delete opens a
 * confirmation, and confirming removes the bar. The bar can go in the same moment the dialog
 * closes (the deletion's answer came first), before Radix gives focus back a task later.
 */
function Screen() {
  const [barShown, setBarShown] = useState(true);
  const [confirming, setConfirming] = useState(false);
  const list = useRef<HTMLUListElement>(null);
  const barFocus = useFocusFallback(() => list.current);
  return (
    <main>
      <ScreenHeading>People</ScreenHeading>
      <div {...barFocus}>
        {barShown ? (
          <div role="toolbar" aria-label="Actions">
            <button type="button" onClick={() => setConfirming(true)}>
              Delete
            </button>
            <Dialog open={confirming} title="Delete 1 person?" onClose={() => setConfirming(false)}>
              <button
                type="button"
                data-autofocus
                onClick={() => {
                  setConfirming(false);
                  setBarShown(false);
                }}
              >
                Confirm
              </button>
            </Dialog>
          </div>
        ) : null}
      </div>
      <ul ref={list} tabIndex={-1} aria-label="People">
        <li>Bo Li</li>
      </ul>
    </main>
  );
}

it('a bar that goes while the dialog it opened closes leaves focus on the list, not the heading', async () => {
  render(<Screen />);
  await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
  const confirm = await screen.findByRole('button', { name: 'Confirm' });
  await waitFor(() => expect(document.activeElement).toBe(confirm));
  fireEvent.click(confirm);
  expect(screen.queryByRole('toolbar')).toBeNull();
  // Radix gives focus back a task after the dialog has gone: it must not take it from the list.
  await new Promise((resolve) => setTimeout(resolve, 30));
  expect(document.activeElement).toBe(screen.getByRole('list', { name: 'People' }));
});
