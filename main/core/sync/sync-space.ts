import { z } from 'zod';
import { deriveSyncKey, KdfParams, newKdfParams, open, OpenFailed, seal, type SyncKey } from './crypto.ts';
import { SyncError } from './errors.ts';
import type { SyncTransport } from './transport.ts';
import type { SyncServerConfig } from '../../../shared/ipc/channels/sync.ts';

/**
 * A "sync space" on one server: the meta database `<database>` holding the key check, and one
 * database per synced collection, `<database>-<collection>` (the replication plugin follows one
 * `_changes` feed per collection, and CouchDB can't filter that feed by id prefix cheaply).
 *
 * The key check (`rapport-sync-key`) holds the KDF salt and parameters and a known text sealed
 * with the key, so a device can tell a wrong passphrase from a working one before it writes.
 */

export { SyncServerConfig } from '../../../shared/ipc/channels/sync.ts';

export const KEY_CHECK_ID = 'rapport-sync-key';
const KEY_CHECK_AAD = 'rapport-sync/v1/key-check';
const KEY_CHECK_TEXT = 'Rapport sync key check';

const KeyCheck = z.looseObject({ format: z.literal(1), kdf: KdfParams, check: z.string() });
type KeyCheck = z.infer<typeof KeyCheck>;

export const WRONG_PASSPHRASE_MESSAGE =
  'That passphrase does not match the one this sync was set up with. Nothing was synced; try again.';

export function metaDatabaseUrl(config: SyncServerConfig): string {
  return `${config.url}${encodeURIComponent(config.database)}/`;
}

/** The URL of a collection's database; it always ends with `/`, as the replication plugin requires. */
export function collectionDatabaseUrl(config: SyncServerConfig, collection: string): string {
  return `${config.url}${encodeURIComponent(`${config.database}-${collection}`)}/`;
}

/** Makes sure a database exists: GET, then PUT when it is missing (CouchDB 3 lets only admins PUT). */
export async function ensureDatabase(transport: SyncTransport, url: string): Promise<void> {
  const existing = await transport.request(url, { method: 'GET' });
  await existing.body?.cancel();
  if (existing.ok) return;
  if (existing.status !== 404) throw new SyncError('server', `The sync server answered ${existing.status} for ${url}.`);
  const created = await transport.request(url, { method: 'PUT' }, undefined, { refusalIsAnAnswer: true });
  await created.body?.cancel();
  if (created.ok || created.status === 412) return;
  if (created.status === 401 || created.status === 403) {
    throw new SyncError(
      'server',
      `The database ${url} does not exist and this user may not create it. Ask the server's admin to create it (see docs/sync.md).`,
    );
  }
  throw new SyncError('server', `The sync server could not create ${url} (${created.status}).`);
}

/** "Set up a new sync" (first device): creates the meta database and the key check. */
export async function setUpNewSync(
  transport: SyncTransport,
  config: SyncServerConfig,
  passphrase: string,
  cost?: Partial<Pick<KdfParams, 'N' | 'r' | 'p'>>,
): Promise<SyncKey> {
  if (passphrase.length < 10) throw new SyncError('wrong-passphrase', 'Choose a passphrase of at least 10 characters.');
  const url = metaDatabaseUrl(config);
  await ensureDatabase(transport, url);
  if (await readKeyCheck(transport, url)) throw alreadySetUp(config);
  const kdf = newKdfParams(cost);
  const key = await deriveSyncKey(passphrase, kdf);
  const doc: KeyCheck = { format: 1, kdf, check: seal(key, KEY_CHECK_AAD, KEY_CHECK_TEXT) };
  const written = await transport.request(`${url}${KEY_CHECK_ID}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(doc),
  });
  await written.body?.cancel();
  // 409: another device set it up between our read and our write; its passphrase wins.
  if (written.status === 409) throw alreadySetUp(config);
  if (!written.ok) throw new SyncError('server', `The sync server refused the key check (${written.status}).`);
  return key;
}

/** "Join an existing sync" (further devices): derives the key and proves it before anything syncs. */
export async function joinSync(
  transport: SyncTransport,
  config: SyncServerConfig,
  passphrase: string,
): Promise<SyncKey> {
  const check = await readKeyCheck(transport, metaDatabaseUrl(config));
  if (!check) {
    throw new SyncError(
      'not-set-up',
      `There is no sync in "${config.database}" yet. Set up a new sync on your first device.`,
    );
  }
  const key = await deriveSyncKey(passphrase, check.kdf);
  if (!opens(check, key)) throw new SyncError('wrong-passphrase', WRONG_PASSPHRASE_MESSAGE);
  return key;
}

/** Checks a stored key against the server's key check; run before every start. */
export async function verifySyncKey(transport: SyncTransport, config: SyncServerConfig, key: SyncKey): Promise<void> {
  const check = await readKeyCheck(transport, metaDatabaseUrl(config));
  if (!check)
    throw new SyncError('not-set-up', `The sync in "${config.database}" is gone from the server. Set it up again.`);
  if (!opens(check, key)) {
    throw new SyncError(
      'wrong-passphrase',
      'The sync was set up again with another passphrase. Enter the new passphrase.',
    );
  }
}

const ServerWelcome = z.looseObject({
  version: z.string().optional(),
  vendor: z.looseObject({ name: z.string().optional() }).optional(),
});

/**
 * "Test connection": proves the address speaks the CouchDB protocol and the credentials work, and
 * says whether a sync already lives in the database. Throws SyncError like every other call.
 */
export async function probeSyncSpace(
  transport: SyncTransport,
  config: SyncServerConfig,
): Promise<{ server: string; syncExists: boolean }> {
  const response = await transport.request(config.url, { method: 'GET' });
  const body = response.ok ? await transport.readJson(response, config.url).catch(() => null) : null;
  if (!response.ok) await response.body?.cancel();
  const welcome = ServerWelcome.safeParse(body);
  const speaksCouch = typeof body === 'object' && body !== null && ('couchdb' in body || 'express-pouchdb' in body);
  if (!welcome.success || !speaksCouch) {
    throw new SyncError('server', `${config.url} answers, but not as a CouchDB server. Check the address.`);
  }
  const name = welcome.data.vendor?.name ?? 'CouchDB';
  const server = welcome.data.version ? `${name} ${welcome.data.version}` : name;
  return { server, syncExists: (await readKeyCheck(transport, metaDatabaseUrl(config))) !== null };
}

function opens(check: KeyCheck, key: SyncKey): boolean {
  try {
    return open(key, KEY_CHECK_AAD, check.check) === KEY_CHECK_TEXT;
  } catch (error) {
    if (error instanceof OpenFailed) return false;
    throw error;
  }
}

async function readKeyCheck(transport: SyncTransport, metaUrl: string): Promise<KeyCheck | null> {
  const url = `${metaUrl}${KEY_CHECK_ID}`;
  const response = await transport.request(url, { method: 'GET' });
  if (response.status === 404) {
    await response.body?.cancel();
    return null;
  }
  if (!response.ok) throw new SyncError('server', `The sync server answered ${response.status} for the key check.`);
  const parsed = KeyCheck.safeParse(await transport.readJson(response, url));
  if (!parsed.success)
    throw new SyncError('server', 'The key check on the sync server is damaged or from another app.');
  return parsed.data;
}

function alreadySetUp(config: SyncServerConfig): SyncError {
  return new SyncError(
    'already-set-up',
    `"${config.database}" already holds a sync. Choose "Join an existing sync" and enter its passphrase.`,
  );
}
