import type { Area, CoreContext } from '../context.ts';
import { createSearchService } from './search-service.ts';

/** Search builds its index soon after start, not on the first Ctrl+K; the delay keeps start-up light. */
export const WARM_UP_DELAY_MS = 1500;

/** The search area: a derived in-memory index over people, interactions and details. Writes nothing. */
export function createSearchArea(ctx: CoreContext): Area<'search.query', never> {
  const search = createSearchService(ctx.db);
  let warmUp: ReturnType<typeof setTimeout> | undefined;
  return {
    requests: {
      // Events are searched apart from the people index (events/search.ts) and listed first.
      'search.query': async ({ q, limit }) => {
        const [events, rest] = await Promise.all([ctx.areas.events.search(q, 5), search.query(q, limit)]);
        return [...events, ...rest].slice(0, limit);
      },
    },
    subscriptions: {},
    jobs: {
      start() {
        warmUp = setTimeout(() => search.warmUp(), WARM_UP_DELAY_MS);
        warmUp.unref();
      },
      async stop() {
        clearTimeout(warmUp);
      },
    },
    close: () => search.close(),
  };
}
