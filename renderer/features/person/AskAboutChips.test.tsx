import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { expect, it } from 'vitest';
import type { Detail } from '../../../shared/domain/detail.ts';
import { renderInApp } from '../../test-support/render.tsx';
import { ScreenHeading } from '../../ui/ScreenHeading.tsx';
import { AskAboutChips } from './AskAboutChips.tsx';

const detail = (id: string, text: string): Detail => ({
  id,
  contactId: 'sam',
  text,
  learnedOn: '2026-02-01',
  sensitivity: 'normal',
  status: 'open',
  createdAt: '2026-02-01T09:00:00.000Z',
  updatedAt: '2026-02-01T09:00:00.000Z',
});

/** Sam's page as far as the chips go: marking one asked about takes it away, as the live view does. */
function SamsPage() {
  const [open, setOpen] = useState([detail('d1', 'Marathon'), detail('d2', 'New puppy'), detail('d3', 'Sabbatical')]);
  return (
    <>
      <ScreenHeading>Sam Okafor</ScreenHeading>
      <AskAboutChips
        level={2}
        details={open}
        onResolve={(done) => setOpen((list) => list.filter((d) => d.id !== done.id))}
      />
    </>
  );
}

const markButton = (text: string) => screen.getByRole('button', { name: `Mark “${text}” as asked about` });

it('marking a detail asked about moves focus to the next one, and after the last to the heading', async () => {
  renderInApp(<SamsPage />);
  markButton('New puppy').focus();
  await userEvent.keyboard('{Enter}');
  await waitFor(() => expect(document.activeElement).toBe(markButton('Sabbatical')));
  // The last chip: the one before it takes its place.
  await userEvent.keyboard('{Enter}');
  await waitFor(() => expect(document.activeElement).toBe(markButton('Marathon')));
  await userEvent.keyboard('{Enter}');
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Sam Okafor' })));
});

it('shows the follow-up day a detail was given, so it can be checked', () => {
  renderInApp(
    <AskAboutChips details={[{ ...detail('d4', 'Job offer'), followUpOn: '2026-02-10' }]} onResolve={() => {}} />,
  );
  expect(screen.getByRole('listitem').textContent).toContain('Job offer, follow up 10 Feb');
});
