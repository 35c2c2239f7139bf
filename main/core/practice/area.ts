import type { practiceRequests, practiceSubscriptions } from '../../../shared/ipc/channels/practice.ts';
import { asArea } from '../area.ts';
import type { Area, CoreContext } from '../context.ts';
import { upgradeTrashedSession, type LadderDocument, type UserStarterDocument } from './collections.ts';
import { createPracticeService } from './practice-service.ts';
import { createStartersService } from './starters-service.ts';

/**
 * IPC reaches only the app's own window (desktop) or its page (browser mode), so suggestions
 * requested over IPC may use `private` details: the person's page already shows them. Anything
 * that surfaces starters elsewhere (notifications, tray) must call the service with false.
 */
const MAIN_WINDOW = { allowPrivate: true } as const;

type PracticeRequest = Extract<keyof typeof practiceRequests, `practice.${string}`>;
type PracticeSubscription = Extract<keyof typeof practiceSubscriptions, `practice.${string}`>;
type StartersRequest = Extract<keyof typeof practiceRequests, `starters.${string}`>;
type StartersSubscription = Extract<keyof typeof practiceSubscriptions, `starters.${string}`>;

/** The practice area: fear ladders, sessions, the weekly goal and progress. */
export function createPracticeArea(ctx: CoreContext): Area<PracticeRequest, PracticeSubscription> {
  const practice = asArea(
    'practice',
    createPracticeService({
      db: ctx.db,
      clock: ctx.clock,
      settings: ctx.settings,
      interactions: () => ctx.areas.interactions,
      trash: ctx.trash,
      journal: ctx.journal,
    }),
  );
  ctx.trash.registerRestorer(
    'practice_ladders',
    async (docs) => {
      await ctx.db.practice_ladders.bulkUpsert(docs as LadderDocument[]);
    },
    async (ids) => {
      await ctx.db.practice_ladders.bulkRemove(ids);
    },
  );
  ctx.trash.registerRestorer(
    'practice_sessions',
    async (docs) => {
      await ctx.db.practice_sessions.bulkUpsert(docs.map(upgradeTrashedSession));
    },
    async (ids) => {
      await ctx.db.practice_sessions.bulkRemove(ids);
    },
  );
  return {
    requests: {
      'practice.saveLadder': ({ id, fields }) => practice.saveLadder(id, fields),
      'practice.deleteLadder': ({ id }) => practice.deleteLadder(id),
      'practice.startSession': (input) => practice.startSession(input),
      'practice.finishSession': ({ id, after }) => practice.finishSession(id, after),
      'practice.deleteSession': ({ id }) => practice.deleteSession(id),
      'practice.settleSetAside': async ({ kind, id, conflictId, choice }) => {
        await practice.settleSetAside(kind, id, conflictId, choice);
        return { settled: true as const };
      },
      'practice.setWeeklyGoal': async ({ goal }) => ({ goal: await practice.setWeeklyGoal(goal) }),
    },
    subscriptions: {
      'practice.watchLadders': () => practice.watchLadders(),
      'practice.watchSessions': () => practice.watchSessions(),
      'practice.watchProgress': () => practice.watchProgress(),
    },
  };
}

/** The starters area: your own starters, favourites and personalised suggestions. */
export function createStartersArea(ctx: CoreContext): Area<StartersRequest, StartersSubscription> {
  const starters = asArea(
    'starters',
    createStartersService(ctx.db, ctx.clock, ctx.settings, () => ctx.areas.details, ctx.trash),
  );
  ctx.trash.registerRestorer(
    'user_starters',
    async (docs) => void (await ctx.db.user_starters.bulkUpsert(docs as UserStarterDocument[])),
    async (ids) => void (await ctx.db.user_starters.bulkRemove(ids)),
  );
  return {
    requests: {
      'starters.saveOwn': ({ id, fields }) => starters.saveOwn(id, fields),
      'starters.settleSetAside': ({ id, conflictId, choice }) => starters.settleSetAside(id, conflictId, choice),
      'starters.deleteOwn': async ({ id }) => {
        const gone = await starters.deleteOwn(id);
        return gone ? { deleted: true, ...gone } : { deleted: false };
      },
      'starters.toggleFavourite': async ({ starterId, favourite }) => ({
        favourites: await starters.setFavourite(starterId, favourite),
      }),
      'starters.suggestFor': (input) => starters.suggestFor(input, MAIN_WINDOW),
    },
    subscriptions: {
      'starters.watchMine': () => starters.watchMine(),
      'starters.watchSuggestions': (input) => starters.watchSuggestions(input, MAIN_WINDOW),
    },
  };
}
