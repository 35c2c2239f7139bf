/**
 * The composition root of the headless core: it opens the data folder and wires the areas. No
 * feature logic lives here; each area owns its collections, handlers and background jobs.
 */
import type {
  EventName,
  EventPayload,
  RequestChannel,
  RequestInput,
  RequestOutput,
  SubscriptionChannel,
  SubscriptionInput,
  SubscriptionOutput,
} from '../../shared/ipc/contract.ts';
import { AppError, type Result } from '../../shared/ipc/result.ts';
import type { ServerMessage } from '../../shared/ipc/wire.ts';
import { createBackupArea } from './backup/area.ts';
import { systemClock, todayOf, type Clock } from './clock.ts';
import type { Area, AreaApis, CoreContext } from './context.ts';
import { acquireDataDirLock } from './data-dir/lock.ts';
import { openDatabase, type RapportDatabase } from './db/database.ts';
import { createStorage, type StorageChoice } from './db/storage.ts';
import { createDetailsArea } from './details/area.ts';
import { createInteractionsArea } from './interactions/area.ts';
import { createInterchangeArea } from './interchange/area.ts';
import type { ImportService } from './interchange/import-service.ts';
import { createDispatcher, type RequestHandlers, type SubscriptionHandlers } from './ipc/dispatcher.ts';
import { createSession, type Session } from './ipc/session.ts';
import { guardOwnership } from './ownership.ts';
import { createPeopleArea } from './people/area.ts';
import type { Notifier } from './ports.ts';
import { createPracticeArea, createStartersArea } from './practice/area.ts';
import { createProjector, type Projector } from './projection/projector.ts';
import { createRemindersArea, type RemindersOptions } from './reminders/area.ts';
import { createSearchArea } from './search/area.ts';
import { createSettingsArea } from './settings/area.ts';
import { createSettingsStore } from './settings/settings-store.ts';
import { createTrashArea } from './trash/area.ts';
import { createTrash } from './trash/trash.ts';

export interface CoreOptions {
  dataDir: string;
  mode: 'desktop' | 'browser';
  version: string;
  clock?: Clock;
  /**
   * Start the background jobs (backup schedule, reminder notifications, the calendar file, the
   * search warm-up). The app and browser mode do; the CLI and most tests do not.
   */
  jobs?: boolean;
  /** Defaults to the app's storage for `dataDir`; tests pass their own. */
  storage?: StorageChoice;
  /** Desktop notifications, from the Electron shell. */
  notifier?: Notifier;
  /** Test seams for the reminders area. */
  reminders?: RemindersOptions;
  /** Fail any write by an area to a collection it does not own (tests turn this on). */
  guardOwnership?: boolean;
}

/** The headless application: database, areas and the IPC surface. Never touches Electron. */
export interface Core {
  readonly db: RapportDatabase;
  readonly dataDir: string;
  /** A contract request, typed on both sides. @throws AppError with the failure's code and message. */
  call<C extends RequestChannel>(channel: C, input: RequestInput<C>): Promise<RequestOutput<C>>;
  /**
   * A request as a transport receives it: any channel name, any input, both checked against the
   * contract like IPC. Tests use it to send what the types would not allow.
   */
  requestUnchecked(channel: string, input: unknown): Promise<Result<unknown>>;
  /** The same request, with a failure as a value instead of a rejection. */
  request<C extends RequestChannel>(channel: C, input: RequestInput<C>): Promise<Result<RequestOutput<C>>>;
  /** A live query: every result (or failure) reaches `onResult`. Returns the function that stops it. */
  watch<C extends SubscriptionChannel>(
    channel: C,
    input: SubscriptionInput<C>,
    onResult: (result: Result<SubscriptionOutput<C>>) => void,
  ): () => void;
  /** Attaches one renderer connection; `send` delivers responses, pushes and events to it. */
  connect(send: (message: ServerMessage) => void): Session;
  /** Pushes an event to every connected renderer. */
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  /** Import with a dry run, for the CLI (the contract's preview omits each person's fields). */
  readonly imports: ImportService;
  /** Derived data: `rapport rebuild` and tests. */
  readonly projection: Projector;
  /** Stops background jobs, waits for running work, closes the database and frees the folder. */
  close(): Promise<void>;
}

/**
 * Opens the data folder and everything in it.
 * @throws DataDirLockedError when another process (the desktop app, browser mode, the CLI) has it open.
 */
export async function openCore(options: CoreOptions): Promise<Core> {
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
  if (options.guardOwnership) guardOwnership(db);

  const settings = createSettingsStore(db, clock);
  const projection = createProjector(db, settings);
  const connections = new Set<(message: ServerMessage) => void>();
  const context: CoreContext = {
    db,
    clock,
    dataDir: options.dataDir,
    mode: options.mode,
    settings,
    projection,
    trash: createTrash(db, clock),
    areas: {} as AreaApis,
    notifier: options.notifier,
    emit(name, payload) {
      for (const send of connections) send({ type: 'event', name, payload });
    },
  };
  const people = createPeopleArea(context);
  const interactions = createInteractionsArea(context);
  const details = createDetailsArea(context);
  Object.assign(context.areas, { people: people.api, interactions: interactions.api, details: details.api });
  const interchange = createInterchangeArea(context);
  const settingsArea = createSettingsArea(context);
  const trash = createTrashArea(context);
  const search = createSearchArea(context);
  const reminders = createRemindersArea(context, options.reminders);
  const practice = createPracticeArea(context);
  const starters = createStartersArea(context);
  const backup = createBackupArea(context);
  const app: Area<'app.info', never> = {
    requests: {
      'app.info': async () => ({
        version: options.version,
        mode: options.mode,
        dataDir: options.dataDir,
        persistent: storage.persistent,
        today: todayOf(clock),
      }),
    },
    subscriptions: {},
  };
  const areas: Pick<Area<never, never>, 'jobs' | 'close'>[] = [
    ...[people, interactions, details, settingsArea, trash, search, reminders],
    ...[practice, starters, backup, interchange, app],
  ];
  // Spelled out, so the compiler proves every channel of the contract has exactly one handler.
  const requests: RequestHandlers = {
    ...people.requests,
    ...interactions.requests,
    ...details.requests,
    ...settingsArea.requests,
    ...trash.requests,
    ...search.requests,
    ...reminders.requests,
    ...practice.requests,
    ...starters.requests,
    ...backup.requests,
    ...interchange.requests,
    ...app.requests,
  };
  const subscriptions: SubscriptionHandlers = {
    ...people.subscriptions,
    ...interactions.subscriptions,
    ...reminders.subscriptions,
    ...practice.subscriptions,
    ...starters.subscriptions,
    ...backup.subscriptions,
  };

  try {
    await projection.start();
  } catch (error) {
    await db.close();
    lock.release();
    throw error;
  }
  const dispatcher = createDispatcher(requests, subscriptions);
  if (options.jobs) for (const area of areas) area.jobs?.start();

  return {
    db,
    dataDir: options.dataDir,
    imports: interchange.imports,
    projection,
    async call(channel, input) {
      const result = await dispatcher.request(channel, input);
      if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.details);
      return result.value as RequestOutput<typeof channel>;
    },
    requestUnchecked: (channel, input) => dispatcher.request(channel, input),
    request: (channel, input) => dispatcher.request(channel, input) as Promise<Result<RequestOutput<typeof channel>>>,
    watch: (channel, input, onResult) =>
      dispatcher.subscribe(channel, input, onResult as (result: Result<unknown>) => void),
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
    emit: context.emit,
    async close() {
      for (const area of areas) await area.jobs?.stop();
      for (const area of areas) await area.close?.();
      await projection.close();
      await db.close();
      lock.release();
    },
  };
}
