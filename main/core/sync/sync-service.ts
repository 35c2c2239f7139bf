/**
 * Sync for this installation: where it syncs (a device setting), its password and key (the host's
 * SecretStore), and the running session. Operations run one at a time. Starting never waits for
 * the server: an unreachable server turns into an "offline" status and a retry with back-off, so
 * set-up, start-up and Resume return at once and everything keeps working locally.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { BehaviorSubject, defer, type Observable, type Subscription } from 'rxjs';
import type { Passphrase, SyncConnection, SyncState, SyncStatus } from '../../../shared/ipc/channels/sync.ts';
import { AppError } from '../../../shared/ipc/result.ts';
import type { z } from 'zod';
import type { Clock } from '../clock.ts';
import { COLLECTIONS, sourceCollections } from '../db/collections.ts';
import type { RapportDatabase } from '../db/database.ts';
import type { SecretStore } from '../ports.ts';
import { isDeviceSetting, type SettingsStore } from '../settings/settings-store.ts';
import { ConnectionGate, type GateOptions } from './connection-gate.ts';
import type { KdfParams, SyncKey } from './crypto.ts';
import { SyncError } from './errors.ts';
import {
  deleteSyncSecrets,
  readSyncSecrets,
  syncConfigKey,
  writeSyncSecrets,
  type SyncDeviceConfig,
} from './sync-config.ts';
import type { SyncSession } from './sync-session.ts';
import { joinSync, probeSyncSpace, setUpNewSync } from './sync-space.ts';
import { SyncTransport } from './transport.ts';
import { syncErrorStatus, toAppError } from './sync-errors.ts';

export interface SyncTuning {
  /** Tests use a cheap scrypt; real syncs use the default cost. */
  kdfCost?: Partial<Pick<KdfParams, 'N' | 'r' | 'p'>>;
  gate?: GateOptions;
}

export interface SyncServiceOptions {
  db: RapportDatabase;
  settings: SettingsStore;
  secrets: SecretStore;
  clock: Clock;
  /** False for a read-only copy of the database: it never syncs. */
  canSync: boolean;
  tuning?: SyncTuning;
}

type SetUpInput = SyncConnection & { passphrase: z.output<typeof Passphrase> };
type ConfigOf = NonNullable<SyncDeviceConfig>;

export interface SyncService {
  readonly state$: Observable<SyncState>;
  state(): Promise<SyncState>;
  testConnection(input: SyncConnection): Promise<{ syncExists: boolean; message: string }>;
  setUp(input: SetUpInput): Promise<SyncState>;
  join(input: SyncConnection & { passphrase: string }): Promise<SyncState>;
  reconnect(input: { password: string; passphrase?: string | undefined }): Promise<SyncState>;
  pause(): Promise<SyncState>;
  resume(): Promise<SyncState>;
  disconnect(): Promise<SyncState>;
  /** Starts syncing where this device was set up; called with the background jobs. */
  start(): void;
  /** Stops syncing (the set-up stays); waits for the replications to end. */
  stop(): Promise<void>;
}

interface Run {
  abort: AbortController;
  transport: SyncTransport;
  session?: SyncSession;
  subscription?: Subscription;
  started: Promise<void>;
}

export function createSyncService(options: SyncServiceOptions): SyncService {
  const { db, settings, secrets, clock } = options;
  const collections = sourceCollections.filter((name) => COLLECTIONS[name].synced).map((name) => db[name]);
  let config: SyncDeviceConfig = null;
  let keyKept = false;
  let status: SyncStatus = { state: 'off' };
  let run: Run | null = null;
  const state$ = new BehaviorSubject<SyncState>(snapshot());

  function snapshot(): SyncState {
    return {
      status,
      ...(config ? { server: { url: config.url, database: config.database, username: config.username } } : {}),
      keyKept,
      secretsPersist: secrets.persistent,
      ...(config?.lastSyncedAt ? { lastSyncedAt: config.lastSyncedAt } : {}),
    };
  }
  const publish = () => state$.next(snapshot());
  const setStatus = (next: SyncStatus) => {
    const arrived = next.state === 'up-to-date' && status.state !== 'up-to-date';
    status = next;
    // Kept in memory while syncing and saved when sync stops: a write here would itself be a
    // change to sync, and the next "up to date" would write again.
    if (arrived && config) config = { ...config, lastSyncedAt: clock.now().toISOString() };
    publish();
  };

  // One operation at a time: Pause pressed during a set-up waits for it.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => {});
    return next;
  };

  const newTransport = (username: string, password: string, closed?: AbortSignal) =>
    new SyncTransport({
      credentials: { username, password },
      gate: new ConnectionGate(options.tuning?.gate),
      ...(closed ? { closed } : {}),
    });

  const secretsMissing = (): SyncStatus => ({
    state: 'needs-credentials',
    message: secrets.persistent
      ? 'Enter your sync password and passphrase to start syncing again.'
      : 'This computer has no keychain Rapport can keep them in: enter your sync password and passphrase again.',
  });

  /** What this device knows before sync starts (the CLI never starts it). */
  async function load(): Promise<void> {
    config = await settings.read(syncConfigKey);
    keyKept = (await readSyncSecrets(secrets))?.key !== undefined;
    if (config?.paused) status = { state: 'paused' };
    else if (config && !keyKept) status = secretsMissing();
  }

  async function stopRun(): Promise<void> {
    const current = run;
    run = null;
    if (!current) return;
    current.abort.abort();
    await current.started;
    current.subscription?.unsubscribe();
    await current.session?.stop();
    const lastSyncedAt = config?.lastSyncedAt;
    if (lastSyncedAt) {
      await settings.update(syncConfigKey, (saved) => (saved ? { ...saved, lastSyncedAt } : saved));
    }
  }

  /** Starts the replications in the background, retrying while the server is away. */
  async function begin(): Promise<void> {
    await stopRun();
    if (!config) return setStatus({ state: 'off' });
    if (config.paused) return setStatus({ state: 'paused' });
    const stored = await readSyncSecrets(secrets);
    if (!stored?.key) return setStatus(secretsMissing());
    const abort = new AbortController();
    const transport = newTransport(config.username, stored.password, abort.signal);
    const current: Run = { abort, transport, started: Promise.resolve() };
    run = current;
    setStatus({ state: 'syncing', changes: 0 });
    current.started = keepTrying(current, config, { bytes: Buffer.from(stored.key, 'base64') });
  }

  async function keepTrying(current: Run, server: ConfigOf, key: SyncKey): Promise<void> {
    const { signal } = current.abort;
    while (!signal.aborted) {
      try {
        // The replication code (RxDB's CouchDB plugin and its protocol) loads only once sync runs.
        const { startSync } = await import('./sync-session.ts');
        const session = await startSync({
          server,
          transport: current.transport,
          key,
          collections,
          keepLocal: (collection, id) => collection === 'settings' && isDeviceSetting(id),
        });
        if (signal.aborted) return void (await session.stop());
        current.session = session;
        current.subscription = session.status$.subscribe(setStatus);
        return;
      } catch (error) {
        if (signal.aborted) return;
        if (!(error instanceof SyncError) || error.code !== 'offline') return await failed(error);
        const { nextAttemptAt } = current.transport.gate.state$.value;
        setStatus({
          state: 'offline',
          retryAt: nextAttemptAt,
          message: 'The sync server is not answering. Your changes are kept here and sync when it is back.',
        });
        await delay(Math.max(0, nextAttemptAt - Date.now()), undefined, { signal }).catch(() => {});
      }
    }
  }

  async function failed(error: unknown): Promise<void> {
    if (error instanceof SyncError && error.code === 'wrong-passphrase') {
      // The sync was set up again with another passphrase: the kept key is useless now.
      const stored = await readSyncSecrets(secrets);
      if (stored) await writeSyncSecrets(secrets, { password: stored.password });
      keyKept = false;
    }
    if (!(error instanceof SyncError)) console.error('[rapport] Sync could not start:', error);
    setStatus(syncErrorStatus(error));
  }

  async function connectWith(input: SyncConnection, obtainKey: (t: SyncTransport) => Promise<SyncKey>) {
    if (!options.canSync) throw new AppError('unavailable', 'This is a read-only copy of your data; it cannot sync.');
    if (config) {
      throw new AppError('conflict', `This device already syncs with ${config.url}. Disconnect it first.`);
    }
    const key = await obtainKey(newTransport(input.username, input.password)).catch(toAppError);
    await writeSyncSecrets(secrets, { password: input.password, key: key.bytes.toString('base64') });
    config = await settings.write(syncConfigKey, {
      url: input.url,
      database: input.database,
      username: input.username,
      paused: false,
    });
    keyKept = true;
    await begin();
    return snapshot();
  }

  function requireConfig(): ConfigOf {
    if (!config) throw new AppError('not_found', 'Sync is not set up on this device.');
    return config;
  }

  // Read at first use (the status line's first watch, a request, or the jobs' start), not while the
  // core opens: a settings read and the keychain are not needed to show the first screen.
  let loading: Promise<void> | undefined;
  const loaded = () => (loading ??= load().then(publish));

  return {
    state$: defer(() => {
      void loaded().catch(() => {});
      return state$;
    }),
    state: async () => (await loaded(), snapshot()),
    async testConnection(input) {
      const { server, syncExists } = await probeSyncSpace(newTransport(input.username, input.password), input).catch(
        toAppError,
      );
      const message = syncExists
        ? `Connected to ${server}. A sync already lives in "${input.database}": join it with its passphrase.`
        : `Connected to ${server}. There is no sync in "${input.database}" yet: set up a new one.`;
      return { syncExists, message };
    },
    setUp: (input) =>
      serial(async () => {
        await loaded();
        return connectWith(input, (t) => setUpNewSync(t, input, input.passphrase, options.tuning?.kdfCost));
      }),
    join: (input) =>
      serial(async () => {
        await loaded();
        return connectWith(input, (t) => joinSync(t, input, input.passphrase));
      }),
    reconnect: (input) =>
      serial(async () => {
        await loaded();
        const current = requireConfig();
        const stored = await readSyncSecrets(secrets);
        const transport = newTransport(current.username, input.password);
        let key = input.passphrase ? undefined : stored?.key;
        if (!key) {
          if (!input.passphrase) {
            throw new AppError('invalid_input', 'Enter the sync passphrase too.', [
              { path: ['passphrase'], message: 'Enter the passphrase this sync was set up with' },
            ]);
          }
          key = (await joinSync(transport, current, input.passphrase).catch(toAppError)).bytes.toString('base64');
        } else {
          await probeSyncSpace(transport, current).catch(toAppError);
        }
        await writeSyncSecrets(secrets, { password: input.password, key });
        keyKept = true;
        await begin();
        return snapshot();
      }),
    pause: () =>
      serial(async () => {
        await loaded();
        config = await settings.write(syncConfigKey, { ...requireConfig(), paused: true });
        await begin();
        return snapshot();
      }),
    resume: () =>
      serial(async () => {
        await loaded();
        config = await settings.write(syncConfigKey, { ...requireConfig(), paused: false });
        await begin();
        return snapshot();
      }),
    disconnect: () =>
      serial(async () => {
        await loaded();
        await stopRun();
        // The set-up goes first: a crash before the secrets are gone leaves sync off, not a
        // half-disconnected sync asking for a password.
        await settings.remove(syncConfigKey);
        await deleteSyncSecrets(secrets);
        config = null;
        keyKept = false;
        setStatus({ state: 'off' });
        return snapshot();
      }),
    start() {
      if (!options.canSync) return;
      void serial(async () => {
        await loaded();
        if (config) await begin();
      });
    },
    stop: () => serial(stopRun),
  };
}
