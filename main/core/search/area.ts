import { throttleTime } from 'rxjs';
import type { Area, CoreContext } from '../context.ts';
import { createSearchService } from './search-service.ts';

/** How often the search box hears how far a build has read. */
const PROGRESS_EVERY_MS = 250;

/**
 * The search area: answers from the persistent FTS5 index in the database file, which the search
 * projection (owned by the projector, so `rapport rebuild` rebuilds it too) keeps up to date.
 * Writes no collection.
 */
export function createSearchArea(ctx: CoreContext): Area<'search.query', 'search.watchIndex'> {
  const projection = ctx.projection.search;
  const search = createSearchService(projection);
  return {
    requests: {
      // Events are searched apart from the people index (events/search.ts) and listed first.
      'search.query': async ({ q, limit }) => {
        const [events, rest] = await Promise.all([ctx.areas.events.search(q, 5), search.query(q, limit)]);
        return [...events, ...rest].slice(0, limit);
      },
    },
    subscriptions: {
      // A build reports every batch (a thousand documents): a few pushes a second are enough to watch.
      'search.watchIndex': () =>
        projection.state$.pipe(throttleTime(PROGRESS_EVERY_MS, undefined, { leading: true, trailing: true })),
    },
    jobs: {
      // Catches up with writes made while closed (all of them after a restore) before the first search.
      start: () => void projection.flush().catch(() => {}),
      stop: async () => {},
    },
  };
}
