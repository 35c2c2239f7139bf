import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { z } from 'zod';
import { writeFileAtomic } from '../core/lifecycle/atomic-file.ts';
import type { SecretStore } from '../core/ports.ts';
import { createMemorySecretStore } from '../core/sync/memory-secrets.ts';

/** Linux backends that are no keychain at all: Chromium's hard-coded key, or none found. */
const NOT_A_KEYCHAIN = new Set(['basic_text', 'unknown']);

const Secrets = z.record(z.string(), z.string());

/**
 * Sync's password and key, encrypted with the OS keychain through safeStorage (Keychain on macOS,
 * DPAPI on Windows, the Secret Service or KWallet on Linux), in one file in the data folder.
 * Where Linux has no keyring, safeStorage would "encrypt" with a key anyone can read, so the
 * secrets stay in memory instead and Settings → Sync says they are asked for after a restart.
 * Must be created after the app is ready.
 */
export async function createKeychainSecretStore(dataDir: string): Promise<SecretStore> {
  const usable =
    (await safeStorage.isAsyncEncryptionAvailable()) &&
    !(process.platform === 'linux' && NOT_A_KEYCHAIN.has(safeStorage.getSelectedStorageBackend()));
  if (!usable) return createMemorySecretStore();
  const file = join(dataDir, 'sync-secrets.bin');

  async function readAll(): Promise<Record<string, string>> {
    let sealed: string;
    try {
      sealed = readFileSync(file, 'utf8');
    } catch {
      return {};
    }
    try {
      const { result } = await safeStorage.decryptStringAsync(Buffer.from(sealed, 'base64'));
      return Secrets.parse(JSON.parse(result));
    } catch (error) {
      // A file from another user account or a reset keychain: the secrets are asked for again.
      console.warn('[rapport] The kept sync secrets could not be read; sync will ask for them again.', error);
      return {};
    }
  }
  async function writeAll(secrets: Record<string, string>): Promise<void> {
    const sealed = await safeStorage.encryptStringAsync(JSON.stringify(secrets));
    writeFileAtomic(file, sealed.toString('base64'));
  }

  return {
    persistent: true,
    read: async (name) => (await readAll())[name],
    write: async (name, value) => writeAll({ ...(await readAll()), [name]: value }),
    async delete(name) {
      const { [name]: _gone, ...rest } = await readAll();
      await writeAll(rest);
    },
  };
}
