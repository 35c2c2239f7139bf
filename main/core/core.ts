import type { EventName, EventPayload } from '../../shared/ipc/contract.ts';
import type { ServerMessage } from '../../shared/ipc/wire.ts';
import { systemClock, todayOf, type Clock } from './clock.ts';
import { createContactsService } from './contacts/contacts-service.ts';
import { acquireDataDirLock } from './data-dir/lock.ts';
import { createMergeService } from './contacts/merge-service.ts';
import { openDatabase, type RapportDatabase } from './db/database.ts';
import { createStorage, type StorageChoice } from './db/storage.ts';
import { createDetailsService } from './details/details-service.ts';
import { createInteractionsService } from './interactions/interactions-service.ts';
import { createTimelineService } from './interactions/timeline-service.ts';
import type { CoreContext } from './context.ts';
import { createInterchangeHandlers } from './interchange/handlers.ts';
import { createDispatcher, type Dispatcher } from './ipc/dispatcher.ts';
import { createSession, type Session } from './ipc/session.ts';
import { createPersonViewService } from './people/person-view-service.ts';
import type { Notifier } from './ports.ts';
import { createPracticeHandlers } from './practice/handlers.ts';
import { createRemindersHandlers } from './reminders/handlers.ts';
import { createSearchService } from './search/search-service.ts';
import { createSettingsService } from './settings/settings-service.ts';
import { createTrashService } from './trash/trash-service.ts';

export interface CoreOptions {
  dataDir: string;
  mode: 'desktop' | 'browser';
  version: string;
  clock?: Clock;
  /** Defaults to the app's storage for `dataDir`; tests pass their own. */
  storage?: StorageChoice;
  /** Desktop notifications, from the Electron shell. */
  notifier?: Notifier;
}

/** The headless application: database, services and the IPC surface. Never touches Electron. */
export interface Core {
  readonly db: RapportDatabase;
  readonly dispatcher: Dispatcher;
  /** Attaches one renderer connection; `send` delivers responses, pushes and events to it. */
  connect(send: (message: ServerMessage) => void): Session;
  /** Pushes an event to every connected renderer. */
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  close(): Promise<void>;
}

/**
 * Opens the data folder and everything in it.
 * @throws DataDirLockedError when another process (the desktop app, browser mode, the CLI) has it open.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  const lock = acquireDataDirLock(options.dataDir);
  const storage = options.storage ?? createStorage(options.dataDir);
  const clock = options.clock ?? systemClock;
  let db: RapportDatabase;
  try {
    db = await openDatabase(storage);
  } catch (error) {
    lock.release();
    throw error;
  }
  const settings = createSettingsService(db, clock);
  const trash = createTrashService(db, clock);
  const contacts = createContactsService(db, clock, settings, trash);
  const interactions = createInteractionsService(db, clock, contacts, trash);
  const details = createDetailsService(db, clock);
  const timeline = createTimelineService(db);
  const people = createPersonViewService(db, clock, settings, details);
  const merging = createMergeService(db, contacts, interactions, trash, clock);
  const search = createSearchService(db);
  // Build the search index soon after start, not on the first Ctrl+K; the delay keeps start-up light.
  const warmUp = setTimeout(() => search.warmUp(), 1500);
  warmUp.unref();

  const connections = new Set<(message: ServerMessage) => void>();
  const emit: CoreContext['emit'] = (name, payload) => {
    for (const send of connections) send({ type: 'event', name, payload });
  };
  const context: CoreContext = {
    db,
    clock,
    dataDir: options.dataDir,
    mode: options.mode,
    contacts,
    interactions,
    details,
    settings,
    trash,
    notifier: options.notifier,
    emit,
  };
  const reminders = createRemindersHandlers(context);
  const interchange = createInterchangeHandlers(context);
  const practice = createPracticeHandlers(context);
  const areas = [reminders, interchange, practice];

  const dispatcher = createDispatcher(
    {
      'app.info': async () => ({
        version: options.version,
        mode: options.mode,
        dataDir: options.dataDir,
        persistent: storage.persistent,
        today: todayOf(clock),
      }),
      'contacts.create': (input) => contacts.create(input),
      'contacts.get': ({ id }) => contacts.get(id),
      'contacts.update': ({ id, fields }) => contacts.update(id, fields),
      'contacts.archive': async ({ ids, archived }) => ({ changed: await contacts.setArchived(ids, archived) }),
      'contacts.retag': async ({ ids, add, remove }) => ({ changed: await contacts.retag(ids, add, remove) }),
      'contacts.delete': ({ ids }) => contacts.remove(ids),
      'contacts.setTier': ({ ids, tier }) => contacts.setTier(ids, tier),
      'contacts.dismissDuplicate': async ({ ids: [a, b] }) => ({ dismissed: await merging.dismiss(a, b) }),
      'contacts.duplicates': () => merging.candidates(),
      'contacts.merge': ({ primaryId, secondaryId, fields }) => merging.merge(primaryId, secondaryId, fields),
      'undo.apply': async ({ token }) => {
        const { label, restored, contactIds } = await trash.restore(token);
        await interactions.refreshLastInteraction(contactIds);
        return { label, restored };
      },
      'interactions.log': (input) => interactions.log(input),
      'interactions.update': ({ id, fields }) => interactions.update(id, fields),
      'interactions.delete': ({ id }) => interactions.remove(id),
      'timeline.page': ({ filter, offset, limit }) => timeline.page(filter, offset, limit),
      'details.add': (input) => details.add(input),
      'details.listOpen': async ({ contactIds }) =>
        (await Promise.all(contactIds.map((id) => details.openFor(id)))).flat(),
      'details.resolve': ({ id }) => details.resolve(id),
      'details.reopen': ({ id }) => details.reopen(id),
      'settings.getKeepInTouch': () => settings.keepInTouch(),
      'settings.setKeepInTouch': (input) => settings.setKeepInTouch(input),
      'search.query': ({ q, limit }) => search.query(q, limit),
      ...reminders.requests,
      ...interchange.requests,
      ...practice.requests,
    },
    {
      'contacts.watch': (input) => contacts.watchList(input),
      'person.watch': ({ id }) => people.watchPerson(id),
      'timeline.watch': ({ filter }) => timeline.watchTotal(filter),
      ...reminders.subscriptions,
      ...interchange.subscriptions,
      ...practice.subscriptions,
    },
  );

  return {
    db,
    dispatcher,
    connect(send) {
      connections.add(send);
      const session = createSession(dispatcher, send);
      return {
        receive: session.receive,
        close() {
          connections.delete(send);
          session.close();
        },
      };
    },
    emit,
    async close() {
      clearTimeout(warmUp);
      for (const area of areas) await area.close?.();
      search.close();
      await db.close();
      lock.release();
    },
  };
}
