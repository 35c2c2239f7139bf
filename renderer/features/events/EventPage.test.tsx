import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { EventView } from '../../../shared/ipc/channels/events.ts';
import { eventRecord } from '../../test-support/events.ts';
import { renderInApp, TODAY } from '../../test-support/render.tsx';
import { EventPage } from './EventPage.tsx';

const viewOn = (startsOn: string, endsOn?: string): EventView => ({
  event: eventRecord({ startsOn, ...(endsOn ? { endsOn } : {}) }),
  today: TODAY,
  prep: { likely: [], starters: [] },
  followUps: [],
  review: { met: 0, followedUp: 0, waiting: 0, summary: '' },
});
const show = (view: EventView) =>
  renderInApp(<EventPage id="e1" />, { subscriptions: { 'events.watch': (_input, push) => push(view) } });

describe('an event page', () => {
  it('offers to tell people you will be there until the event is over', async () => {
    show(viewOn(TODAY));
    expect(await screen.findByRole('button', { name: 'Will you be there?' })).toBeTruthy();
  });

  it('does not once it is past', async () => {
    show(viewOn('2026-03-10', '2026-03-17'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Leeds JS' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Will you be there?' })).toBeNull();
  });

  it('puts the follow-ups and the review before the prep sheet once the event is over', async () => {
    // Headings without their counts ("Follow-ups 0"), once the app's today is known.
    const sectionsAre = (titles: string[]) =>
      waitFor(() =>
        expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent?.replace(/ \d+$/, ''))).toEqual(
          titles,
        ),
      );
    const { unmount } = show(viewOn(TODAY));
    await sectionsAre(['Prep sheet', 'Follow-ups', 'Review']);
    unmount();
    show(viewOn('2026-03-10', '2026-03-17'));
    await sectionsAre(['Follow-ups', 'Review', 'Prep sheet']);
  });
});
