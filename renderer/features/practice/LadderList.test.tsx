import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it, vi } from 'vitest';
import type { Ladder } from '../../../shared/domain/practice/model.ts';
import { renderInApp } from '../../test-support/render.tsx';
import { LadderList } from './LadderList.tsx';

const ladder = (id: string, name: string): Ladder => ({
  id,
  name,
  steps: [{ id: `${id}-s1`, text: 'Say hello to one new person', suds: 3 }],
  createdAt: '2026-03-01T09:00:00.000Z',
  updatedAt: '2026-03-01T09:00:00.000Z',
});

it('moves focus to the next ladder’s Delete when one is deleted, not to the page', async () => {
  const [work, talks] = [ladder('l1', 'Work events'), ladder('l2', 'Giving talks')];
  const props = { history: new Map(), onPractise: vi.fn(), onEdit: vi.fn(), onDelete: vi.fn() };
  const { rerender } = renderInApp(<LadderList ladders={[work, talks]} {...props} />, {
    subscriptions: { 'events.watchPracticeLinks': (_input, push) => push([]) },
  });
  screen.getByRole('button', { name: 'Delete Work events' }).focus();
  await userEvent.keyboard('{Enter}');
  expect(props.onDelete).toHaveBeenCalledWith(work);
  rerender(<LadderList ladders={[talks]} {...props} />);
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete Giving talks' })));
});
