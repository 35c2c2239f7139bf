import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it } from 'vitest';
import type { IntroSuggestionView } from '../../../shared/ipc/channels/network.ts';
import { renderInApp } from '../../test-support/render.tsx';
import { NetworkScreen } from './NetworkScreen.tsx';

const draft = { subject: 'An introduction?', body: 'Would you like me to introduce you?' };
const intros: IntroSuggestionView[] = Array.from({ length: 8 }, (_, n) => ({
  seeker: { id: `s${n}`, displayName: `Seeker ${n}`, lookingFor: 'a Rust mentor' },
  helper: { id: `h${n}`, displayName: `Helper ${n}`, canHelpWith: 'mentoring Rust developers' },
  shared: ['rust', 'mentor'],
  score: 2,
  drafts: [draft, draft],
}));

it('shows the first five suggested introductions, and all of them on request', async () => {
  renderInApp(<NetworkScreen />, {
    requests: {
      'network.introSuggestions': () => intros,
      'network.getSettings': () => ({ weeklyNoAskTarget: 3, jobHuntMode: false, guardMonths: 6 }),
    },
  });
  const showAll = await screen.findByRole('button', { name: 'Show all 8' });
  const list = screen.getByRole('region', { name: /Suggested introductions/ });
  expect(list.querySelectorAll('ul.intro-list > li')).toHaveLength(5);
  await userEvent.click(showAll);
  expect(list.querySelectorAll('ul.intro-list > li')).toHaveLength(8);
  await userEvent.click(screen.getByRole('button', { name: 'Show fewer' }));
  expect(list.querySelectorAll('ul.intro-list > li')).toHaveLength(5);
});

/** The interaction main answers with; the card reads nothing from it. */
const LOGGED = {
  id: 'i1',
  type: 'email' as const,
  date: '2026-03-10',
  contactIds: ['s0', 'h0'],
  gave: ['intro' as const],
  asked: [],
  mutual: false,
  createdAt: '2026-03-10T09:00:00.000Z',
  updatedAt: '2026-03-10T09:00:00.000Z',
};

it('after logging an introduction, keyboard focus is on the next one’s Log introduction', async () => {
  let logged = new Set<string>();
  renderInApp(<NetworkScreen />, {
    requests: {
      'network.introSuggestions': () => intros.filter((i) => !logged.has(i.seeker.id)),
      'network.getSettings': () => ({ weeklyNoAskTarget: 3, jobHuntMode: false, guardMonths: 6 }),
      'network.logIntro': ({ seekerId }) => {
        logged = new Set([...logged, seekerId]);
        return { interaction: LOGGED };
      },
    },
  });
  const first = await screen.findByRole('button', { name: 'Log introduction of Seeker 0 and Helper 0' });
  first.focus();
  await userEvent.keyboard('{Enter}');
  await screen.findByRole('button', { name: 'Log introduction of Seeker 5 and Helper 5' });
  expect(document.activeElement).toBe(
    screen.getByRole('button', { name: 'Log introduction of Seeker 1 and Helper 1' }),
  );
});
