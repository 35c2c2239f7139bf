/**
 * Sync between the user's own devices through a CouchDB server they run (docs/sync.md).
 * Passwords and passphrases travel in requests only; no output ever carries one.
 */
import { z } from 'zod';
import { IsoInstant } from '../../domain/contact.ts';
import { SyncConflict } from '../../domain/sync/conflict-record.ts';
import { channel, lazyExtend, lazyObject } from '../../lazy-schema.ts';

/** CouchDB's rule for database names; `-<collection>` is appended for each collection. */
const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]*$/;

export const SyncServerConfig = lazyObject(() => ({
  url: z
    .url({ protocol: /^https?$/, error: 'Enter the server address, like https://couch.example.org/' })
    .max(2000)
    .transform((url) => (url.endsWith('/') ? url : `${url}/`)),
  database: z
    .string()
    .min(1, 'Enter a database name')
    .max(200, 'Keep the database name under 200 characters')
    .regex(DATABASE_NAME, 'Use lower-case letters, digits and _ $ ( ) + - /, starting with a letter'),
}));
export type SyncServerConfig = z.output<typeof SyncServerConfig>;

const Username = z.string().trim().min(1, 'Enter your user name on the server').max(200);
const Password = z.string().min(1, 'Enter the password of that user').max(1000);
export const Passphrase = z
  .string()
  .min(10, 'Choose a passphrase of at least 10 characters')
  .max(1000, 'Keep the passphrase under 1,000 characters');

export const SyncConnection = lazyExtend(SyncServerConfig, () => ({ username: Username, password: Password }));
export type SyncConnection = z.output<typeof SyncConnection>;

/** What the sidebar and Settings → Sync show. `message` says what happened and what to do. */
export const SyncStatus = z.discriminatedUnion('state', [
  /** Sync is not set up on this device. */
  lazyObject(() => ({ state: z.literal('off') })),
  lazyObject(() => ({ state: z.literal('up-to-date') })),
  /** `changes`: documents sent or received since this round of syncing began. */
  lazyObject(() => ({ state: z.literal('syncing'), changes: z.number().int().min(0) })),
  lazyObject(() => ({ state: z.literal('paused') })),
  /** `retryAt`: epoch milliseconds of the next attempt. */
  lazyObject(() => ({ state: z.literal('offline'), retryAt: z.number(), message: z.string() })),
  lazyObject(() => ({ state: z.literal('needs-credentials'), message: z.string() })),
  lazyObject(() => ({ state: z.literal('update-required'), message: z.string() })),
  lazyObject(() => ({ state: z.literal('error'), message: z.string() })),
]);
export type SyncStatus = z.infer<typeof SyncStatus>;

export const SyncState = lazyObject(() => ({
  status: SyncStatus,
  /** Where this device syncs, once set up. */
  server: z.object({ url: z.string(), database: z.string(), username: z.string() }).optional(),
  /** Whether the derived key is kept on this device; without it, reconnecting asks for the passphrase. */
  keyKept: z.boolean(),
  /** Whether kept secrets survive a restart (the OS keychain) or live only while Rapport runs. */
  secretsPersist: z.boolean(),
  /** When this device last finished a round with nothing left to send or receive. */
  lastSyncedAt: IsoInstant.optional(),
}));
export type SyncState = z.infer<typeof SyncState>;

/**
 * A record outside the person pages (which show their own) that holds values a sync merge set
 * aside: an event, a fear ladder, a practice, one of your starters.
 */
export const SetAsideRecord = lazyObject(() => ({
  kind: z.enum(['event', 'ladder', 'session', 'starter']),
  id: z.string(),
  /** What the user calls it: the event's or ladder's name, the practice's task, the starter's text. */
  title: z.string(),
  values: z.array(SyncConflict),
}));
export type SetAsideRecord = z.infer<typeof SetAsideRecord>;

export const syncRequests = {
  'sync.getState': channel(() => ({ input: z.object({}), output: SyncState })),
  /** Checks the address and credentials and says whether a sync already lives in that database. */
  'sync.testConnection': channel(() => ({
    input: SyncConnection,
    output: z.object({ syncExists: z.boolean(), message: z.string() }),
  })),
  /** First device: creates the sync and its key check, then starts syncing. */
  'sync.setUp': channel(() => ({ input: SyncConnection.extend({ passphrase: Passphrase }), output: SyncState })),
  /** Further devices: proves the passphrase against the key check, then starts syncing. */
  'sync.join': channel(() => ({
    input: SyncConnection.extend({ passphrase: z.string().min(1).max(1000) }),
    output: SyncState,
  })),
  /** New credentials after a 401, or the secrets again where they are not kept across restarts. */
  'sync.reconnect': channel(() => ({
    input: z.object({ password: Password, passphrase: z.string().min(1).max(1000).optional() }),
    output: SyncState,
  })),
  'sync.pause': channel(() => ({ input: z.object({}), output: SyncState })),
  'sync.resume': channel(() => ({ input: z.object({}), output: SyncState })),
  /** Stops syncing and forgets the server, the password and the key. The data stays on this device. */
  'sync.disconnect': channel(() => ({ input: z.object({}), output: SyncState })),
} as const;

export const syncSubscriptions = {
  'sync.watchState': channel(() => ({ input: z.object({}), output: SyncState })),
  'sync.watchSetAside': channel(() => ({ input: z.object({}), output: z.array(SetAsideRecord) })),
} as const;
