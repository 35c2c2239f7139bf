import { mkdirSync } from 'node:fs';
import type { EventName, EventPayload } from '../../shared/ipc/contract.ts';
import type { ServerMessage } from '../../shared/ipc/wire.ts';
import { systemClock, type Clock } from './clock.ts';
import { createContactsService } from './contacts/contacts-service.ts';
import { openDatabase, type RapportDatabase } from './db/database.ts';
import { createStorage, type StorageChoice } from './db/storage.ts';
import { createDispatcher, type Dispatcher } from './ipc/dispatcher.ts';
import { createSession, type Session } from './ipc/session.ts';

export interface CoreOptions {
  dataDir: string;
  mode: 'desktop' | 'browser';
  version: string;
  clock?: Clock;
  /** Defaults to the app's storage for `dataDir`; tests pass their own. */
  storage?: StorageChoice;
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

export async function createCore(options: CoreOptions): Promise<Core> {
  mkdirSync(options.dataDir, { recursive: true });
  const storage = options.storage ?? createStorage(options.dataDir);
  const clock = options.clock ?? systemClock;
  const db = await openDatabase(storage);
  const contacts = createContactsService(db, clock);

  const dispatcher = createDispatcher(
    {
      'app.info': async () => ({ version: options.version, mode: options.mode, dataDir: options.dataDir, persistent: storage.persistent }),
      'contacts.create': (input) => contacts.create(input),
      'contacts.get': ({ id }) => contacts.get(id),
    },
    {
      'contacts.watch': (input) => contacts.watchSummaries(input),
    },
  );

  const connections = new Set<(message: ServerMessage) => void>();
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
    emit(name, payload) {
      for (const send of connections) send({ type: 'event', name, payload });
    },
    async close() {
      await db.close();
    },
  };
}
