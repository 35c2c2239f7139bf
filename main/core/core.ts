/**
 * The headless core: it holds the data folder (lock, health, generations of the opened database)
 * and serves one IPC surface that outlives any single database. A restore swaps the generation
 * underneath: requests wait at a gate, live queries are re-attached, connections stay open.
 * Never touches Electron.
 */
import type { OcrAssets } from './cards/ocr-engine.ts';
import { AsyncLocalStorage } from 'node:async_hooks';
import { resolve } from 'node:path';
import { requestChannels, subscriptionChannels } from '../../shared/ipc/contract.ts';
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
import type { DatabaseState } from '../../shared/ipc/channels/lifecycle.ts';
import { AppError, fail, type Result } from '../../shared/ipc/result.ts';
import type { ServerMessage } from '../../shared/ipc/wire.ts';
import { systemClock, todayOf, type Clock } from './clock.ts';
import { acquireDataDirLock, isAlive } from './data-dir/lock.ts';
import type { RapportDatabase } from './db/database.ts';
import { createStorage, type StorageChoice } from './db/storage.ts';
import { openGeneration, type Generation } from './generation.ts';
import type { ImportService } from './interchange/import-service.ts';
import { createDispatcher, type Dispatcher, type RequestHandlers } from './ipc/dispatcher.ts';
import { createSession, type Session } from './ipc/session.ts';
import { checkAfterOpening, type DatabaseCheck } from './lifecycle/background-check.ts';
import {
  dataFolder,
  READ_ONLY_DATABASE_NAME,
  removeAbandonedTemporaryFiles,
  removeLeftovers,
} from './lifecycle/data-folder.ts';
import { lifecycleHandlers, READ_ONLY_REQUESTS } from './lifecycle/handlers.ts';
import { createOperations, type Operations } from './lifecycle/operations.ts';
import { decideOpening, type Opening } from './lifecycle/recovery.ts';
import { ensureReserve } from './lifecycle/reserve.ts';
import { readFolderState, updateFolderState } from './lifecycle/state-file.ts';
import { createUploads } from './lifecycle/uploads.ts';
import type { Notifier, SecretStore } from './ports.ts';
import type { Projector } from './projection/projector.ts';
import type { RemindersOptions } from './reminders/area.ts';
import { getRxStorageSqlite } from './storage/index.ts';
import { createMemorySecretStore } from './sync/memory-secrets.ts';
import type { SyncTuning } from './sync/sync-service.ts';

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
  /** Defaults to the app's storage for `dataDir`; benchmarks pass an in-memory one. */
  storage?: StorageChoice;
  /** Desktop notifications, from the Electron shell. */
  notifier?: Notifier;
  /** Test seams for the reminders area. */
  reminders?: RemindersOptions;
  /** Fail any write by an area to a collection it does not own (tests turn this on). */
  guardOwnership?: boolean;
  /** Where sync keeps its password and key: the OS keychain in the app, memory elsewhere. */
  secrets?: SecretStore;
  /** Test seams for sync (a cheap key derivation, fast retries). */
  syncTuning?: SyncTuning;
  /** Where the OCR data (and worker) are; the installed @tesseract.js-data/eng package by default. */
  ocr?: OcrAssets;
  /**
   * After a run that did not shut down cleanly, a database file of at least `fromBytes` opens first
   * and gets SQLite's full check in the background (default: `CHECK_IN_BACKGROUND_FROM_BYTES` with
   * `jobs`; without, as in the CLI, a command waits for the check). `sql` is a test seam.
   */
  backgroundCheck?: { fromBytes?: number; sql?: string };
}

/**
 * Below this size the full check runs before opening: it takes under about 0.1 s there (3 ms per
 * MB, docs/backups.md), and damage then shows from the first screen instead of during use.
 */
export const CHECK_IN_BACKGROUND_FROM_BYTES = 32 * 1024 * 1024;

/** The headless application: the data folder and the IPC surface. Never touches Electron. */
export interface Core {
  /** The open database. @throws AppError `unavailable` while the core is in recovery. */
  readonly db: RapportDatabase;
  readonly dataDir: string;
  /** Whether the database is open normally, as a read-only copy, or not at all (recovery). */
  readonly database: DatabaseState;
  /**
   * The background check of the database (after an unclean shutdown, for a large file): settles
   * when it has passed, found damage (the core is then in recovery), could not run, or was stopped.
   */
  readonly databaseCheck: Promise<DatabaseCheck>;
  /** A contract request, typed on both sides. @throws AppError with the failure's code and message. */
  call<C extends RequestChannel>(channel: C, input: RequestInput<C>): Promise<RequestOutput<C>>;
  /** The same request, with a failure as a value instead of a rejection. */
  request<C extends RequestChannel>(channel: C, input: RequestInput<C>): Promise<Result<RequestOutput<C>>>;
  /**
   * A request as a transport receives it: any channel name, any input, both checked against the
   * contract like IPC. Tests use it to send what the types would not allow.
   */
  requestUnchecked(channel: string, input: unknown): Promise<Result<unknown>>;
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
  /** Listens to one event in process (the CLI's progress lines); returns the function that stops it. */
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Import with a dry run, for the CLI (the contract's preview omits each person's fields). */
  readonly imports: ImportService;
  /** Derived data: `rapport rebuild` and tests. */
  readonly projection: Projector;
  /** Restores and recovery, for in-process callers (the CLI) that are not limited by message sizes. */
  readonly operations: Operations;
  /** Stops background jobs, waits for running work, closes the database and frees the folder. */
  close(): Promise<void>;
}

/** How long a restore waits for requests already running before it closes the database anyway. */
const DRAIN_MS = 30_000;
/** When, after opening, the state file's people count is brought up to date. */
const COUNT_PEOPLE_AFTER_MS = 3_000;

/**
 * Opens the data folder. A lost or damaged database is never replaced silently: the core then
 * opens in recovery (`database.state === 'needs-recovery'`) and offers the ways out.
 * @throws DataDirLockedError when another process (the desktop app, browser mode, the CLI) has it open.
 */
export async function openCore(options: CoreOptions): Promise<Core> {
  const folder = dataFolder(resolve(options.dataDir));
  const lock = acquireDataDirLock(folder.dir);
  const clock = options.clock ?? systemClock;
  const connections = new Set<(message: ServerMessage) => void>();
  const emit: Core['emit'] = (name, payload) => {
    for (const send of connections) send({ type: 'event', name, payload });
  };
  const uploads = createUploads();
  // One store for the core's life: a restore opens a new generation that must still find them.
  const secrets = options.secrets ?? createMemorySecretStore();

  let generation: Generation | null = null;
  let peopleCount: NodeJS.Timeout | undefined;
  let trouble: Extract<Opening, { mode: 'recovery' }> | undefined;
  let readOnly = false;
  let gate: Promise<void> | undefined;
  let closing = false;
  const running = new Map<symbol, Promise<unknown>>();
  const self = new AsyncLocalStorage<symbol>();
  const live = new Set<LiveQuery>();

  const database = (): DatabaseState =>
    trouble && readOnly
      ? { state: 'read-only', detail: trouble.detail }
      : trouble
        ? { state: 'needs-recovery', problem: trouble.problem, detail: trouble.detail }
        : { state: 'ok' };

  const operations = createOperations({
    folder,
    clock,
    generation: () => generation,
    trouble: () => trouble,
    progress: (progress) => emit('app.progress', progress),
    swap,
  });
  const lifecycle = lifecycleHandlers({ uploads, operations });

  async function open(readOnlyCopy?: string): Promise<Generation> {
    const storage = readOnlyCopy
      ? {
          // A copy to read what it holds: its index keys are left as they are (storage/key-format.ts).
          storage: getRxStorageSqlite({ databaseDirectory: folder.dir, keyConversionRows: 0 }) as never,
          databaseName: READ_ONLY_DATABASE_NAME,
          persistent: true,
        }
      : (options.storage ?? createStorage(folder.dir));
    readOnly = readOnlyCopy !== undefined;
    const opened = await openGeneration({
      dataDir: folder.dir,
      mode: options.mode,
      version: options.version,
      clock,
      storage,
      notifier: options.notifier,
      reminders: options.reminders,
      guardOwnership: options.guardOwnership ?? false,
      ocr: options.ocr,
      emit,
      overrides: lifecycle,
      uploads,
      rememberBackupFolder: (backupFolder) => {
        // Asked at every start: a write (and its two fsyncs) only when the folder changed.
        if (!readOnly && readFolderState(folder)?.backupFolder !== backupFolder)
          void updateFolderState(folder, { backupFolder }, clock.now());
      },
      database: database(),
      secrets,
      syncTuning: options.syncTuning,
    });
    if (!readOnly) {
      // Not awaited: on disk a few milliseconds later, before anything that closes waits for it.
      void updateFolderState(folder, { cleanShutdown: false }, clock.now());
      // How many people the folder holds (what recovery says it held) is counted once the first
      // screen has its data: counting 50,000 people took 80 ms of every start. Closing counts again.
      clearTimeout(peopleCount);
      peopleCount = setTimeout(() => {
        // A generation closed since (a restore swapped it) has no database: nothing to count.
        void (async () => {
          const people = await opened.db.contacts.count().exec();
          await updateFolderState(folder, { people }, clock.now());
        })().catch(() => {});
      }, COUNT_PEOPLE_AFTER_MS);
      peopleCount.unref();
      ensureReserve(folder);
      if (options.jobs) opened.startJobs();
    }
    return opened;
  }

  /** The core's answer when no database is open: recovery's own channels, "unavailable" for the rest. */
  const recovery: Dispatcher = createDispatcher(
    {
      ...(Object.fromEntries(requestChannels.map((c) => [c, unavailable])) as unknown as RequestHandlers),
      'app.info': async () => ({
        version: options.version,
        mode: options.mode,
        dataDir: folder.dir,
        persistent: true,
        today: todayOf(clock),
        database: database(),
      }),
      ...lifecycle,
    },
    Object.fromEntries(subscriptionChannels.map((c) => [c, unavailable])) as never,
  );
  function unavailable(): never {
    throw new AppError('unavailable', `Rapport's database needs attention: ${trouble?.detail ?? 'it is not open.'}`);
  }
  const target = (): Dispatcher => generation?.dispatcher ?? recovery;

  /** The full check after an unclean shutdown, for a large file: damage found takes the core to recovery. */
  const check = checkAfterOpening(
    folder.database,
    async (detail) => {
      const checked = generation;
      while (gate) await gate;
      // Closed, or replaced by a restore meanwhile: what was found is about a file no longer in use.
      if (closing || generation !== checked) return false;
      await swap(() => {}, { recovery: { mode: 'recovery', problem: 'damaged', detail } });
      return true;
    },
    { sql: options.backgroundCheck?.sql },
  );

  /**
   * Closes the generation, changes the files, opens the database again; requests wait meanwhile.
   * `recovery` instead leaves the database closed, in that state (damage found while open).
   */
  async function swap(
    replaceFiles: () => void,
    how: { readOnlyCopy?: string; recovery?: Extract<Opening, { mode: 'recovery' }> },
  ): Promise<void> {
    // One swap at a time: damage found by the check may take the core to recovery during a restore.
    while (gate) await gate;
    let release!: () => void;
    gate = new Promise<void>((resolve) => (release = resolve));
    try {
      const mine = self.getStore();
      const others = [...running].filter(([id]) => id !== mine).map(([, p]) => p.catch(() => {}));
      await Promise.race([Promise.all(others), new Promise((r) => setTimeout(r, DRAIN_MS).unref())]);
      // A check of the file about to be replaced has nothing left to say, and must let go of it
      // (its open read would keep the write-ahead log from merging at close).
      const wasChecking = check.running;
      await check.stop();
      for (const query of live) query.detach();
      const previous = generation;
      generation = null;
      await previous?.close();
      if (how.recovery) {
        trouble = how.recovery;
      } else {
        try {
          replaceFiles();
        } catch (error) {
          // Nothing was replaced: the old database opens again as it was (and still owes its check).
          if (previous && !readOnly) generation = await open();
          if (generation && wasChecking) check.start();
          throw error;
        }
        check.forget();
        removeLeftovers(
          folder,
          [folder.readOnlyCopy].filter((f) => f !== how.readOnlyCopy),
        );
        trouble = how.readOnlyCopy ? trouble : undefined;
        generation = await open(how.readOnlyCopy);
      }
      for (const query of live) query.attach();
      emit('app.databaseReplaced', {});
    } finally {
      gate = undefined;
      release();
    }
  }

  const dispatcher: Dispatcher = {
    async request(channel, input) {
      while (gate) await gate;
      if (readOnly && !READ_ONLY_REQUESTS.has(channel)) {
        return fail({
          code: 'unavailable',
          message: 'This is a read-only copy of a damaged database: you can look and export, not change.',
        });
      }
      const id = Symbol(channel);
      const work = self.run(id, () => target().request(channel, input));
      running.set(id, work);
      try {
        return await work;
      } finally {
        running.delete(id);
      }
    },
    subscribe(channel, input, onResult) {
      const query = new LiveQuery(() => target(), channel, input, onResult);
      live.add(query);
      if (!gate) query.attach();
      return () => {
        live.delete(query);
        query.detach();
      };
    },
  };

  try {
    removeLeftovers(folder, [folder.readOnlyCopy]);
    removeAbandonedTemporaryFiles(folder, isAlive);
    const fromBytes = options.backgroundCheck?.fromBytes ?? (options.jobs ? CHECK_IN_BACKGROUND_FROM_BYTES : Infinity);
    const opening = await decideOpening(folder, fromBytes);
    if (opening.mode === 'recovery') trouble = opening;
    else {
      generation = await open();
      if (opening.checkInBackground) check.start();
    }
  } catch (error) {
    lock.release();
    throw error;
  }

  const current = () => {
    if (!generation) unavailable();
    return generation;
  };
  return {
    get db() {
      return current().db;
    },
    get imports() {
      return current().imports;
    },
    get projection() {
      return current().projection;
    },
    get database() {
      return database();
    },
    get databaseCheck() {
      return check.outcome;
    },
    dataDir: folder.dir,
    operations,
    async call(channel, input) {
      const result = await dispatcher.request(channel, input);
      if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.details);
      return result.value as RequestOutput<typeof channel>;
    },
    request: (channel, input) => dispatcher.request(channel, input) as Promise<Result<RequestOutput<typeof channel>>>,
    requestUnchecked: (channel, input) => dispatcher.request(channel, input),
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
    emit,
    on(name, listener) {
      const send = (message: ServerMessage) => {
        if (message.type === 'event' && message.name === name) listener(message.payload as EventPayload<typeof name>);
      };
      connections.add(send);
      return () => connections.delete(send);
    },
    async close() {
      // Not awaited: a statement cannot be interrupted, so the worker ends when its read does.
      closing = true;
      clearTimeout(peopleCount);
      void check.stop();
      operations.cancel();
      for (const query of live) query.detach();
      live.clear();
      const last = generation;
      generation = null;
      if (last) {
        const people =
          readOnly || last.db.closed
            ? undefined
            : await last.db.contacts
                .count()
                .exec()
                .catch(() => undefined);
        await last.close();
        // An unfinished check leaves the shutdown "not clean", so the next start checks again.
        if (people !== undefined) await updateFolderState(folder, { people, cleanShutdown: !check.owed }, clock.now());
      }
      lock.release();
    },
  };
}

/** A live query that survives generations: detached while a restore swaps the database, then re-attached. */
class LiveQuery {
  private stop: (() => void) | undefined;
  private readonly target: () => Dispatcher;
  private readonly channel: string;
  private readonly input: unknown;
  private readonly onResult: (result: Result<unknown>) => void;
  constructor(target: () => Dispatcher, channel: string, input: unknown, onResult: (result: Result<unknown>) => void) {
    this.target = target;
    this.channel = channel;
    this.input = input;
    this.onResult = onResult;
  }
  attach() {
    this.stop ??= this.target().subscribe(this.channel, this.input, this.onResult);
  }
  detach() {
    this.stop?.();
    this.stop = undefined;
  }
}
