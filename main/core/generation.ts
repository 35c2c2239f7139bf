/**
 * A generation: one opened database and the areas wired on it. No feature logic lives here; each
 * area owns its collections, handlers and background jobs.
 */
import type { AppInfo } from '../../shared/ipc/channels/app.ts';
import { createBackupArea } from './backup/area.ts';
import { createCardsArea } from './cards/area.ts';
import type { OcrAssets } from './cards/ocr-engine.ts';
import { todayOf, type Clock } from './clock.ts';
import type { Area, AreaApis, CoreContext } from './context.ts';
import { openDatabase, sqliteConnectionOf, type RapportDatabase } from './db/database.ts';
import type { StorageChoice } from './db/storage.ts';
import { createDetailsArea } from './details/area.ts';
import { createEventsArea } from './events/area.ts';
import { createInteractionsArea } from './interactions/area.ts';
import { createInterchangeArea } from './interchange/area.ts';
import type { ImportService } from './interchange/import-service.ts';
import {
  createDispatcher,
  type Dispatcher,
  type RequestHandlers,
  type SubscriptionHandlers,
} from './ipc/dispatcher.ts';
import { inArea } from './area.ts';
import { createWriteJournal } from './lifecycle/write-journal.ts';
import { dataFolder } from './lifecycle/data-folder.ts';
import { releaseReserve } from './lifecycle/reserve.ts';
import type { LifecycleChannel } from './lifecycle/handlers.ts';
import { copyOpenDatabase } from './lifecycle/safety-copies.ts';
import type { Uploads } from './lifecycle/uploads.ts';
import { guardOwnership } from './ownership.ts';
import { createNetworkArea } from './network/area.ts';
import { createPeopleArea } from './people/area.ts';
import type { Notifier, SecretStore } from './ports.ts';
import { createPracticeArea, createStartersArea } from './practice/area.ts';
import { createProjector, type Projector } from './projection/projector.ts';
import { createRemindersArea, type RemindersOptions } from './reminders/area.ts';
import { createSearchArea } from './search/area.ts';
import { createSettingsArea } from './settings/area.ts';
import { createSettingsStore, type SettingsStore } from './settings/settings-store.ts';
import { createSyncArea } from './sync/area.ts';
import type { SyncTuning } from './sync/sync-service.ts';
import { createTrashArea } from './trash/area.ts';
import { createTrash } from './trash/trash.ts';

/** What a generation needs from the core that opens it. */
export interface GenerationOptions {
  dataDir: string;
  mode: 'desktop' | 'browser';
  version: string;
  clock: Clock;
  storage: StorageChoice;
  notifier: Notifier | undefined;
  reminders: RemindersOptions | undefined;
  guardOwnership: boolean;
  ocr: OcrAssets | undefined;
  /** Events go to every renderer connected to the core, whichever generation is open. */
  emit: CoreContext['emit'];
  /** Channels the core serves itself: uploads, and everything that replaces the database. */
  overrides: Pick<RequestHandlers, LifecycleChannel>;
  uploads: Uploads;
  rememberBackupFolder: CoreContext['rememberBackupFolder'];
  /** What `app.info` reports about the database (a read-only copy, say). */
  database: AppInfo['database'];
  /** Where sync keeps its password and key. */
  secrets: SecretStore;
  syncTuning: SyncTuning | undefined;
}

/**
 * One opened database with its areas and handlers. The core (core.ts) opens a new generation
 * when a restore replaces the database file, so nothing here outlives its database.
 */
export interface Generation {
  readonly db: RapportDatabase;
  readonly dispatcher: Dispatcher;
  readonly imports: ImportService;
  readonly projection: Projector;
  readonly settings: SettingsStore;
  startJobs(): void;
  /** Stops background jobs, waits for running work, closes the database. */
  close(): Promise<void>;
}

export async function openGeneration(options: GenerationOptions): Promise<Generation> {
  const { storage, clock } = options;
  const db = await openDatabase(storage, clock);
  if (options.guardOwnership) guardOwnership(db);

  const settings = createSettingsStore(db, clock, (expected) => journal.expect(expected));
  const projection = createProjector(db, settings);
  // Filled in below as the areas are built; the journal undoes through them and the trash.
  const apis = {} as AreaApis;
  const journal = createWriteJournal(dataFolder(options.dataDir).journal, clock, {
    areas: apis,
    projection,
    get trash() {
      return trash;
    },
  });
  const trash = createTrash(db, clock, journal);
  const context: CoreContext = {
    db,
    clock,
    dataDir: options.dataDir,
    mode: options.mode,
    settings,
    projection,
    trash,
    journal,
    areas: apis,
    notifier: options.notifier,
    emit: options.emit,
    uploads: options.uploads,
    rememberBackupFolder: options.rememberBackupFolder,
    async safetyCopy(reason) {
      const connection = sqliteConnectionOf(db);
      if (!connection) return;
      const folder = dataFolder(options.dataDir);
      await copyOpenDatabase(connection, folder, clock.now(), reason, await db.contacts.count().exec());
    },
  };
  const people = createPeopleArea(context);
  const interactions = createInteractionsArea(context);
  const details = createDetailsArea(context);
  const events = createEventsArea(context);
  Object.assign(context.areas, {
    people: people.api,
    interactions: interactions.api,
    details: details.api,
    events: events.api,
  });
  const interchange = createInterchangeArea(context);
  const settingsArea = createSettingsArea(context);
  const trashArea = createTrashArea(context);
  const search = createSearchArea(context);
  const reminders = createRemindersArea(
    context,
    options.reminders,
    options.database.state === 'ok' && storage.persistent ? { version: options.version } : undefined,
  );
  const practice = createPracticeArea(context);
  const starters = createStartersArea(context);
  const backup = createBackupArea(context);
  const sync = createSyncArea(context, {
    secrets: options.secrets,
    canSync: options.database.state === 'ok',
    tuning: options.syncTuning,
  });
  const network = createNetworkArea(context);
  const cards = createCardsArea(context, options.ocr);
  const app: Area<'app.info', never> = {
    requests: {
      'app.info': async () => ({
        version: options.version,
        mode: options.mode,
        dataDir: options.dataDir,
        persistent: storage.persistent,
        today: todayOf(clock),
        database: options.database,
      }),
    },
    subscriptions: {},
  };
  const areas: Pick<Area<never, never>, 'jobs' | 'close'>[] = [
    ...[people, interactions, details, settingsArea, trashArea, search, reminders],
    ...[practice, starters, events, backup, interchange, network, cards, sync, app],
  ];
  // Spelled out, so the compiler proves every channel of the contract has exactly one handler.
  const requests: RequestHandlers = {
    ...people.requests,
    ...interactions.requests,
    ...details.requests,
    ...settingsArea.requests,
    ...trashArea.requests,
    ...search.requests,
    ...reminders.requests,
    ...practice.requests,
    ...starters.requests,
    ...events.requests,
    ...backup.requests,
    ...interchange.requests,
    ...sync.requests,
    ...network.requests,
    ...cards.requests,
    ...app.requests,
    ...options.overrides,
  };
  const subscriptions: SubscriptionHandlers = {
    ...people.subscriptions,
    ...interactions.subscriptions,
    ...settingsArea.subscriptions,
    ...search.subscriptions,
    ...reminders.subscriptions,
    ...practice.subscriptions,
    ...starters.subscriptions,
    ...events.subscriptions,
    ...backup.subscriptions,
    ...sync.subscriptions,
    ...network.subscriptions,
  };

  try {
    await projection.start();
    await rollBackUnfinishedOperations(context);
  } catch (error) {
    await projection.close();
    await db.close();
    throw error;
  }
  let jobsStarted = false;
  return {
    db,
    dispatcher: createDispatcher(requests, subscriptions),
    imports: interchange.imports,
    projection,
    settings,
    startJobs() {
      if (jobsStarted) return;
      jobsStarted = true;
      for (const area of areas) area.jobs?.start();
    },
    async close() {
      for (const area of areas) await area.jobs?.stop();
      for (const area of areas) await area.close?.();
      await projection.close();
      await db.close();
    },
  };
}

/** Operations a crash interrupted (an import, a capture) are undone before anyone sees their half-written data. */
async function rollBackUnfinishedOperations(context: CoreContext): Promise<void> {
  const { journal } = context;
  const { intents, unreadable } = journal.unfinished();
  for (const name of unreadable)
    console.warn(`[rapport] A record of an unfinished operation could not be read and was left as it is: ${name}`);
  if (!intents.length) return;
  // Undo needs room on a disk an import may have filled: the reserve holds it.
  releaseReserve(dataFolder(context.dataDir));
  for (const intent of intents) {
    await inArea('interchange', () => journal.rollBack(intent));
    journal.end(intent.id);
    console.info(`[rapport] Undid ${intent.label}, which did not finish (started ${intent.startedAt}).`);
  }
}
