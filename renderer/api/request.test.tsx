import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it, vi } from 'vitest';
import { renderInApp } from '../test-support/render.tsx';
import { useRequest } from './request.ts';

function Reader({ read, onError }: { read: () => Promise<never>; onError?: (message: string) => void }) {
  const request = useRequest();
  return (
    <button
      type="button"
      onClick={() =>
        void request(read, { action: 'read contacts.vcf', ...(onError ? { onError: (e) => onError(e.message) } : {}) })
      }
    >
      Read
    </button>
  );
}

it('says a call that threw before reaching the core failed, instead of leaving the screen waiting', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  const moved = async () => Promise.reject(new DOMException('A requested file could not be found.', 'NotFoundError'));
  renderInApp(<Reader read={moved} />);
  await userEvent.click(screen.getByRole('button', { name: 'Read' }));
  expect(await screen.findByText('Could not read contacts.vcf')).toBeTruthy();
  expect(
    screen.getByText('The file could not be read: it may have been moved or deleted since it was chosen.'),
  ).toBeTruthy();

  const onError = vi.fn();
  renderInApp(<Reader read={async () => Promise.reject(new Error('boom'))} onError={onError} />);
  await userEvent.click(screen.getAllByRole('button', { name: 'Read' }).at(-1)!);
  await vi.waitFor(() =>
    expect(onError).toHaveBeenCalledWith('Something went wrong that Rapport did not expect. Try again.'),
  );
});
