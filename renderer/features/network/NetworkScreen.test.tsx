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
