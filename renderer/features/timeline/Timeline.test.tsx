import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { TimelineEntry } from '../../../shared/domain/views.ts';
import { renderInApp } from '../../test-support/render.tsx';
import { Timeline } from './Timeline.tsx';
import { withBoxesMeasuring } from '../../test-support/layout.ts';

const entry = (
  id: string,
  date: string,
  notes: string,
  people = [{ id: 'p1', displayName: 'Sam Okafor' }],
): TimelineEntry => ({
  id,
  type: 'coffee',
  date,
  contactIds: people.map((p) => p.id),
  gave: [],
  asked: [],
  mutual: false,
  notes,
  people,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

withBoxesMeasuring();

describe('Timeline', () => {
  it('shows the empty text when nothing matches', async () => {
    renderInApp(<Timeline filter={{}} label="Timeline" emptyText="Nothing logged yet." />, {
      subscriptions: { 'timeline.watch': (_input, push) => push({ total: 0, revision: 1 }) },
    });
    expect(await screen.findByText('Nothing logged yet.')).toBeTruthy();
  });

  it('fetches the first page for the filter and groups entries under week and day headings', async () => {
    const entries = [
      entry('a', '2026-03-11', 'Coffee by the river'),
      entry('b', '2026-03-11', 'Second chat', [
        { id: 'p1', displayName: 'Sam Okafor' },
        { id: 'p2', displayName: 'Ana Ruiz' },
      ]),
      entry('c', '2026-03-02', 'Last week'),
    ];
    const page = vi.fn(() => ({ entries, hasMore: false }));
    renderInApp(<Timeline filter={{ contactId: 'p1' }} label="Timeline with Sam" emptyText="none" />, {
      requests: { 'timeline.page': page },
      subscriptions: { 'timeline.watch': (_input, push) => push({ total: 3, revision: 1 }) },
    });
    await waitFor(() => expect(screen.getByText('Coffee by the river')).toBeTruthy());
    expect(page).toHaveBeenCalledWith({ filter: { contactId: 'p1' }, offset: 0, limit: 100 });
    const weekHeadings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(weekHeadings).toEqual(['Week of 9 March 2026', 'Week of 2 March 2026']);
    const dayHeadings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(dayHeadings).toEqual(['Wednesday 11 March', 'Monday 2 March']);
    // On Sam's own timeline his chip would only repeat; the others with him are named.
    expect(screen.queryAllByRole('link', { name: 'Sam Okafor' })).toHaveLength(0);
    expect(screen.getAllByRole('link', { name: 'Ana Ruiz' })).toHaveLength(1);
    // Two coffees on one day: each menu says whose it is.
    expect(
      screen.getByRole('button', { name: 'Actions for Coffee or meal with Sam Okafor on 11 Mar 2026' }),
    ).toBeTruthy();
    expect(
      screen.getByRole('button', { name: /^Actions for Coffee or meal with Sam Okafor and Ana Ruiz on 11 Mar 2026$/ }),
    ).toBeTruthy();
  });

  it('fetches again when main says the data changed', async () => {
    let push: (r: { total: number; revision: number }) => void = () => {};
    const page = vi.fn(() => ({ entries: [entry('a', '2026-03-11', 'Before')], hasMore: false }));
    renderInApp(<Timeline filter={{}} label="Timeline" emptyText="none" />, {
      requests: { 'timeline.page': page },
      subscriptions: {
        'timeline.watch': (_input, next) => {
          push = next;
          next({ total: 1, revision: 1 });
        },
      },
    });
    await screen.findByText('Before');
    page.mockReturnValueOnce({
      entries: [entry('b', '2026-03-12', 'After'), entry('a', '2026-03-11', 'Before')],
      hasMore: false,
    });
    push({ total: 2, revision: 2 });
    expect(await screen.findByText('After')).toBeTruthy();
    expect(page).toHaveBeenCalledTimes(2);
  });
  it('keeps the rows it shows while the page for a change is on its way', async () => {
    let push: (r: { total: number; revision: number }) => void = () => {};
    let answer: (page: { entries: TimelineEntry[]; hasMore: boolean }) => void = () => {};
    const page = vi
      .fn()
      .mockReturnValueOnce({ entries: [entry('a', '2026-03-11', 'Before')], hasMore: false })
      .mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    renderInApp(<Timeline filter={{}} label="Timeline" emptyText="none" />, {
      requests: { 'timeline.page': page },
      subscriptions: {
        'timeline.watch': (_input, next) => {
          push = next;
          next({ total: 1, revision: 1 });
        },
      },
    });
    const menu = await screen.findByRole('button', { name: /^Actions for/ });
    push({ total: 1, revision: 2 });
    await waitFor(() => expect(page).toHaveBeenCalledTimes(2));
    // The same button, still there: focus on it is not lost while the page is fetched again.
    expect(screen.getByRole('button', { name: /^Actions for/ })).toBe(menu);
    answer({ entries: [entry('a', '2026-03-11', 'After')], hasMore: false });
    expect(await screen.findByText('After')).toBeTruthy();
  });
  it('says when a page of entries could not be loaded, and Retry asks again', async () => {
    const page = vi
      .fn()
      .mockReturnValueOnce({ code: 'unavailable', message: 'The connection dropped' })
      .mockReturnValue({ entries: [entry('a', '2026-03-11', 'Back again')], hasMore: false });
    renderInApp(<Timeline filter={{}} label="Timeline" emptyText="none" />, {
      requests: { 'timeline.page': page },
      subscriptions: { 'timeline.watch': (_input, push) => push({ total: 1, revision: 1 }) },
    });
    expect((await screen.findByRole('alert')).textContent).toContain('The connection dropped');
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Back again')).toBeTruthy();
  });
});
