import type { RxConflictHandler } from 'rxdb';
import {
  detailsPolicy,
  eventsPolicy,
  interactionsPolicy,
  laddersPolicy,
  peoplePolicy,
  sessionsPolicy,
  settingsPolicy,
  userStartersPolicy,
} from '../../../shared/domain/sync/policies.ts';
import { interactionSortKey } from '../interactions/sort-key.ts';
import { createSyncConflictHandler } from './conflict-handler.ts';

/**
 * The conflict handler of every source collection of the app database, by collection name. Pass
 * each to `addCollections` (`contacts: { schema, migrationStrategies, conflictHandler:
 * syncConflictHandlers.contacts }`); `startSync` refuses a collection created without one.
 * Derived collections (participations, trash) are local and keep RxDB's default.
 */
export const syncConflictHandlers = {
  contacts: createSyncConflictHandler(peoplePolicy),
  interactions: createSyncConflictHandler(
    interactionsPolicy((doc) => ({
      ...doc,
      sortKey: interactionSortKey(
        String(doc.date),
        typeof doc.time === 'string' ? doc.time : undefined,
        String(doc.id),
      ),
    })),
  ),
  details: createSyncConflictHandler(detailsPolicy),
  settings: createSyncConflictHandler(settingsPolicy),
  practice_ladders: createSyncConflictHandler(laddersPolicy),
  practice_sessions: createSyncConflictHandler(sessionsPolicy),
  user_starters: createSyncConflictHandler(userStartersPolicy),
  events: createSyncConflictHandler(eventsPolicy),
} satisfies Record<string, RxConflictHandler<unknown>>;

export type SyncedCollectionName = keyof typeof syncConflictHandlers;
