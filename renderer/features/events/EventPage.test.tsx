import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
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

describe('the follow-up queue', () => {
  const ann = {
    contactId: 'ann',
    displayName: 'Ann Lee',
    state: 'due' as const,
    metOn: '2026-03-17',
    dueBy: '2026-03-19',
    subject: 'Good to meet you at Leeds JS',
    draft: 'Hi Ann,\n\nGood to meet you.',
    email: 'ann@example.com',
  };
  const withAnn = (metOn = ann.metOn): EventView => ({ ...viewOn('2026-03-17'), followUps: [{ ...ann, metOn }] });

  it('lets the draft be edited, keeps the edit when the page closes, and opens the edited text in email', async () => {
    const { unmount } = show(withAnn());
    const box = await screen.findByLabelText('Draft to Ann Lee');
    await userEvent.type(box, ' See you at the next one!');
    unmount();
    show(withAnn());
    const again = await screen.findByLabelText('Draft to Ann Lee');
    expect((again as HTMLTextAreaElement).value).toBe('Hi Ann,\n\nGood to meet you. See you at the next one!');
    expect(screen.getByText('Restored what you typed before.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open in email' }).getAttribute('href')).toContain(
      encodeURIComponent('See you at the next one!'),
    );
  });

  it('offers no Mark sent before the meeting, for someone captured ahead of the event’s day', async () => {
    show(withAnn('2026-03-20'));
    expect(await screen.findByText('Send it after you meet on 20 Mar 2026')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Mark Ann Lee sent' })).toBeNull();
  });

  it('moves focus to the next person’s Mark sent when one is marked sent and leaves the list', async () => {
    const bo = { ...ann, contactId: 'bo', displayName: 'Bo Chen', email: undefined };
    let push: (view: EventView) => void = () => {};
    const both: EventView = { ...viewOn('2026-03-17'), followUps: [ann, bo] };
    renderInApp(<EventPage id="e1" />, {
      subscriptions: { 'events.watch': (_input, p) => ((push = p), p(both)) },
      requests: {
        'events.markSent': () => ({
          id: 'i9',
          type: 'email' as const,
          date: '2026-03-18',
          contactIds: ['ann'],
          initiatedBy: 'me' as const,
          gave: [],
          asked: [],
          mutual: false,
          createdAt: '2026-03-18T09:00:00.000Z',
          updatedAt: '2026-03-18T09:00:00.000Z',
        }),
      },
    });
    const mark = await screen.findByRole('button', { name: 'Mark Ann Lee sent' });
    mark.focus();
    await userEvent.keyboard('{Enter}');
    push({ ...both, followUps: [bo, { ...ann, state: 'done', followedUpOn: '2026-03-18' }] });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Mark Bo Chen sent' })));
  });
});
