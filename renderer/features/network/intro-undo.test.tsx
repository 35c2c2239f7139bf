import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it, vi } from 'vitest';
import type { Interaction } from '../../../shared/domain/interaction.ts';
import type { IntroSuggestionView } from '../../../shared/ipc/channels/network.ts';
import { renderInApp } from '../../test-support/render.tsx';
import { NetworkScreen } from './NetworkScreen.tsx';

const intros: IntroSuggestionView[] = ['Ana Costa', 'Cy Young'].map((seeker, n) => ({
  seeker: { id: `s${n}`, displayName: seeker, lookingFor: 'a Rust mentor' },
  helper: { id: `h${n}`, displayName: 'Ben Okafor', canHelpWith: 'mentoring Rust developers' },
  shared: ['rust', 'mentor'],
  score: 2,
  drafts: [
    { subject: 'An introduction?', body: 'Hi there' },
    { subject: 'An introduction?', body: 'Hi Ben' },
  ],
}));

const logged = (seekerId: string, helperId: string): Interaction => ({
  id: `intro-${seekerId}`,
  type: 'email',
  date: '2026-03-18',
  contactIds: [seekerId, helperId],
  gave: ['intro'],
  asked: [],
  mutual: false,
  createdAt: '2026-03-18T09:00:00.000Z',
  updatedAt: '2026-03-18T09:00:00.000Z',
});

it('Undo of a logged introduction removes it, suggests the pair again, and brings back the typed messages', async () => {
  const done = new Set<string>();
  const undoIntro = vi.fn(({ interactionId }: { interactionId: string }) => {
    done.delete(interactionId.replace('intro-', ''));
    return {};
  });
  renderInApp(<NetworkScreen />, {
    requests: {
      'network.introSuggestions': () => intros.filter((i) => !done.has(i.seeker.id)),
      'network.getSettings': () => ({ weeklyNoAskTarget: 3, jobHuntMode: false, guardMonths: 6 }),
      'network.logIntro': ({ seekerId, helperId }) => {
        done.add(seekerId);
        return { interaction: logged(seekerId, helperId) };
      },
      'network.undoIntro': undoIntro,
    },
  });
  await userEvent.click(
    await screen.findByRole('button', { name: 'Draft opt-in messages for Ana Costa and Ben Okafor' }),
  );
  await userEvent.type(await screen.findByLabelText('Message to Ben Okafor'), ', would you meet Ana?');
  await userEvent.click(screen.getByRole('button', { name: 'Both said yes: log introduction' }));
  const notifications = screen.getByRole('region', { name: /Notifications/ });
  await within(notifications).findByText('Logged your introduction of Ana Costa and Ben Okafor');
  await waitFor(() => expect(screen.queryByText(/Ana Costa/, { selector: 'a' })).toBeNull());

  // Focus went to the next suggestion's button, not a text field: Ctrl+Z undoes the introduction.
  expect(document.activeElement).toBe(
    screen.getByRole('button', { name: 'Draft opt-in messages for Cy Young and Ben Okafor' }),
  );
  await userEvent.keyboard('{Control>}z{/Control}');
  await within(notifications).findByText('Undone: logged your introduction of Ana Costa and Ben Okafor');
  expect(undoIntro).toHaveBeenCalledWith({ interactionId: 'intro-s0' });
  const again = await screen.findByRole('button', { name: 'Draft opt-in messages for Ana Costa and Ben Okafor' });
  await userEvent.click(again);
  expect(((await screen.findByLabelText('Message to Ben Okafor')) as HTMLTextAreaElement).value).toBe(
    'Hi Ben, would you meet Ana?',
  );
});
