import { z } from 'zod';
import { IsoInstant } from '../../../shared/domain/contact.ts';
import type { SecretStore } from '../ports.ts';
import { settingsKey } from '../settings/settings-store.ts';
import { lazyObject } from '../../../shared/lazy-schema.ts';

/**
 * Where this device syncs: a device setting, so it is neither synced nor archived (a restored
 * backup must not start syncing to a server by itself). The password and key live apart, in the
 * host's SecretStore, never in the database.
 */
export const SyncDeviceConfig = lazyObject(() => ({
  url: z.string().min(1),
  database: z.string().min(1),
  username: z.string().min(1),
  paused: z.boolean(),
  lastSyncedAt: IsoInstant.optional(),
})).nullable();
export type SyncDeviceConfig = z.infer<typeof SyncDeviceConfig>;

export const syncConfigKey = settingsKey<SyncDeviceConfig>({
  id: 'sync',
  label: 'this device’s sync settings',
  schema: SyncDeviceConfig,
  fallback: null,
  scope: 'device',
});

const SyncSecrets = lazyObject(() => ({
  password: z.string().min(1),
  /** The derived key, base64; absent when only the password is known (the passphrase is asked again). */
  key: z.string().min(40).max(60).optional(),
}));
export type SyncSecrets = z.infer<typeof SyncSecrets>;

const SECRETS_NAME = 'sync';

export async function readSyncSecrets(store: SecretStore): Promise<SyncSecrets | undefined> {
  const text = await store.read(SECRETS_NAME);
  if (text === undefined) return undefined;
  try {
    const parsed = SyncSecrets.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    // Unreadable secrets are as good as none: the user is asked for them again.
    return undefined;
  }
}

export const writeSyncSecrets = (store: SecretStore, secrets: SyncSecrets): Promise<void> =>
  store.write(SECRETS_NAME, JSON.stringify(secrets));

export const deleteSyncSecrets = (store: SecretStore): Promise<void> => store.delete(SECRETS_NAME);
