import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TimelineEntry } from '../../../shared/domain/views.ts';
import { installFakeRapport, ok } from '../../test-support/fake-rapport.ts';
import { Timeline } from './Timeline.tsx';

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

// happy-dom lays nothing out, so every box would measure 0×0 and the virtual list would show no rows.
beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800);
});
afterEach(() => {
  delete window.rapport;
  vi.restoreAllMocks();
});

describe('Timeline', () => {
  it('shows the empty text when nothing matches', async () => {
    installFakeRapport({
      timeline: { watch: (_input: unknown, cb: (r: unknown) => void) => (cb(ok({ total: 0, revision: 1 })), () => {}) },
    });
    render(<Timeline filter={{}} label="Timeline" emptyText="Nothing logged yet." />);
    expect(await screen.findByText('Nothing logged yet.')).toBeTruthy();
  });

  it('fetches the first page for the filter and groups entries under week and day headings', async () => {
    const entries = [
      entry('a', '2026-03-11', 'Coffee by the river'),
      entry('b', '2026-03-11', 'Second chat'),
      entry('c', '2026-03-02', 'Last week'),
    ];
    const page = vi.fn(async () => ok({ entries, hasMore: false }));
    installFakeRapport({
      timeline: {
        watch: (_i: unknown, cb: (r: unknown) => void) => (cb(ok({ total: 3, revision: 1 })), () => {}),
        page,
      },
    });
    render(<Timeline filter={{ contactId: 'p1' }} label="Timeline with Sam" emptyText="none" />);
    await waitFor(() => expect(screen.getByText('Coffee by the river')).toBeTruthy());
    expect(page).toHaveBeenCalledWith({ filter: { contactId: 'p1' }, offset: 0, limit: 100 });
    const weekHeadings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(weekHeadings).toEqual(['Week of 9 March 2026', 'Week of 2 March 2026']);
    const dayHeadings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(dayHeadings).toEqual(['Wednesday 11 March', 'Monday 2 March']);
    expect(screen.getAllByRole('link', { name: 'Sam Okafor' })).toHaveLength(3);
  });

  it('fetches again when main says the data changed', async () => {
    let push: (r: unknown) => void = () => {};
    const page = vi.fn(async () => ok({ entries: [entry('a', '2026-03-11', 'Before')], hasMore: false }));
    installFakeRapport({
      timeline: {
        watch: (_i: unknown, cb: (r: unknown) => void) => ((push = cb), cb(ok({ total: 1, revision: 1 })), () => {}),
        page,
      },
    });
    render(<Timeline filter={{}} label="Timeline" emptyText="none" />);
    await screen.findByText('Before');
    page.mockResolvedValueOnce(
      ok({ entries: [entry('b', '2026-03-12', 'After'), entry('a', '2026-03-11', 'Before')], hasMore: false }),
    );
    push(ok({ total: 2, revision: 2 }));
    expect(await screen.findByText('After')).toBeTruthy();
    expect(page).toHaveBeenCalledTimes(2);
  });
});
