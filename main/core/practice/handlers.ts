import type { practiceRequests, practiceSubscriptions } from '../../../shared/ipc/channels/practice.ts';
import type { AreaHandlers, CoreContext } from '../context.ts';
import { createPracticeService } from './practice-service.ts';
import { createStartersService } from './starters-service.ts';

/**
 * IPC reaches only the app's own window (desktop) or its page (browser mode), so suggestions
 * requested over IPC may use `private` details: the person's page already shows them. Anything
 * that surfaces starters elsewhere (notifications, tray) must call the service with false.
 */
const MAIN_WINDOW = { allowPrivate: true } as const;

/** The practice area's IPC handlers: ladders, sessions, progress, own starters, favourites, suggestions. */
export function createPracticeHandlers(
  ctx: CoreContext,
): AreaHandlers<keyof typeof practiceRequests, keyof typeof practiceSubscriptions> {
  const practice = createPracticeService({
    db: ctx.db,
    clock: ctx.clock,
    interactions: ctx.interactions,
    trash: ctx.trash,
  });
  const starters = createStartersService(ctx.db, ctx.clock, ctx.details);
  return {
    requests: {
      'practice.saveLadder': ({ id, fields }) => practice.saveLadder(id, fields),
      'practice.deleteLadder': ({ id }) => practice.deleteLadder(id),
      'practice.startSession': (input) => practice.startSession(input),
      'practice.finishSession': ({ id, after }) => practice.finishSession(id, after),
      'practice.deleteSession': ({ id }) => practice.deleteSession(id),
      'practice.setWeeklyGoal': async ({ goal }) => ({ goal: await practice.setWeeklyGoal(goal) }),
      'starters.saveOwn': ({ id, fields }) => starters.saveOwn(id, fields),
      'starters.deleteOwn': async ({ id }) => ({ deleted: await starters.deleteOwn(id) }),
      'starters.toggleFavourite': async ({ starterId, favourite }) => ({
        favourites: await starters.setFavourite(starterId, favourite),
      }),
      'starters.suggestFor': (input) => starters.suggestFor(input, MAIN_WINDOW),
    },
    subscriptions: {
      'practice.watchLadders': () => practice.watchLadders(),
      'practice.watchSessions': () => practice.watchSessions(),
      'practice.watchProgress': ({ weeks }) => practice.watchProgress(weeks),
      'starters.watchMine': () => starters.watchMine(),
      'starters.watchSuggestions': (input) => starters.watchSuggestions(input, MAIN_WINDOW),
    },
  };
}
