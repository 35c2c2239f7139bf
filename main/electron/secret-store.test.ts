import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSafeStorage } from '../../test/fake-electron/system.ts';
import { Recorder } from '../../test/fake-electron/recorder.ts';

/** safeStorage from the fake Electron: AES-GCM with a per-app key, as a keyring would give. */
const keychain = vi.hoisted(() => ({ backend: 'gnome_libsecret', storage: null as unknown }));
vi.mock('electron', () => ({
  get safeStorage() {
    const storage = keychain.storage as Record<string, unknown>;
    return { ...storage, getSelectedStorageBackend: () => keychain.backend };
  },
}));
const { createKeychainSecretStore } = await import('./secret-store.ts');

const dirs: string[] = [];
function dataDir() {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-secrets-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  keychain.backend = 'gnome_libsecret';
});
keychain.storage = createSafeStorage(
  new Recorder(() => true),
  () => true,
  () => 'Rapport',
);

describe('the keychain secret store', () => {
  it('keeps secrets across launches, encrypted on disk, and forgets a deleted one', async () => {
    const dir = dataDir();
    const first = await createKeychainSecretStore(dir);
    expect(first.persistent).toBe(true);
    await first.write('sync', 'password and key');
    await first.write('other', 'kept');
    expect(readFileSync(join(dir, 'sync-secrets.bin'), 'utf8')).not.toContain('password');

    const next = await createKeychainSecretStore(dir);
    expect(await next.read('sync')).toBe('password and key');
    await next.delete('sync');
    expect(await next.read('sync')).toBeUndefined();
    expect(await next.read('other')).toBe('kept');
  });

  it('asks again instead of failing when the file cannot be decrypted', async () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'sync-secrets.bin'), Buffer.from('not sealed by this keychain').toString('base64'));
    const store = await createKeychainSecretStore(dir);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await store.read('sync')).toBeUndefined();
  });

  it.runIf(process.platform === 'linux')('keeps secrets only in memory on Linux without a keyring', async () => {
    keychain.backend = 'basic_text';
    const dir = dataDir();
    const store = await createKeychainSecretStore(dir);
    expect(store.persistent).toBe(false);
    await store.write('sync', 'in memory');
    expect(await store.read('sync')).toBe('in memory');
    expect(() => readFileSync(join(dir, 'sync-secrets.bin'))).toThrow();
  });
});
