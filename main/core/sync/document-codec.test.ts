import { describe, expect, it } from 'vitest';
import { deriveSyncKey, newKdfParams, open, seal } from './crypto.ts';
import { createEncryptingCodec, documentAad, type CouchDocument } from './document-codec.ts';
import { SyncError } from './errors.ts';

const key = await deriveSyncKey('a long sync passphrase', newKdfParams({ N: 2 ** 12 }));
const upgrade = async (doc: CouchDocument, from: number) => ({ ...doc, upgradedFrom: from });
const codec = (schemaVersion = 1) => createEncryptingCodec({ key, collection: 'contacts', schemaVersion, upgrade });

describe('document codec', () => {
  it('leaves only _id, _rev, _deleted and ciphertext for the server, and reads it back', async () => {
    const sealed = codec().encode({ _id: 'p-1', _rev: '2-a', displayName: 'Ada', notes: 'secret' });
    expect(Object.keys(sealed).sort()).toEqual(['_id', '_rev', 'c']);
    expect(JSON.stringify(sealed)).not.toContain('Ada');
    expect(await codec().decode(sealed)).toEqual({ _id: 'p-1', _rev: '2-a', displayName: 'Ada', notes: 'secret' });
  });

  it('keeps a delete visible to the server and the body sealed', async () => {
    const sealed = codec().encode({ _id: 'p-1', _deleted: true, displayName: 'Ada' });
    expect(sealed._deleted).toBe(true);
    expect(await codec().decode(sealed)).toMatchObject({ _id: 'p-1', _deleted: true, displayName: 'Ada' });
  });

  it('refuses a sealed body moved to another id or collection', async () => {
    const sealed = codec().encode({ _id: 'p-1', displayName: 'Ada' });
    await expect(codec().decode({ ...sealed, _id: 'p-2' })).rejects.toMatchObject({ code: 'integrity' });
    const other = createEncryptingCodec({ key, collection: 'details', schemaVersion: 1, upgrade });
    await expect(other.decode(sealed)).rejects.toMatchObject({ code: 'integrity' });
  });

  it('refuses a tampered or unencrypted document and names it', async () => {
    const sealed = codec().encode({ _id: 'p-1', displayName: 'Ada' });
    const bytes = Buffer.from(sealed.c as string, 'base64');
    bytes[20] = bytes[20]! ^ 1;
    await expect(codec().decode({ ...sealed, c: bytes.toString('base64') })).rejects.toThrow(
      /^A person on the sync server does not open with this sync key; nothing was written \(server id p-1\)\.$/,
    );
    const error = await codec()
      .decode({ _id: 'p-9', displayName: 'plain' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).message).toMatch(/was not encrypted by Rapport, so it was not read \(server id p-9\)/);
  });

  it('stops at a document written by a newer schema, and upgrades older ones', async () => {
    const newer = codec(2).encode({ _id: 'p-1', displayName: 'Ada' });
    await expect(codec(1).decode(newer)).rejects.toMatchObject({
      code: 'update-required',
      message: 'Update Rapport on this device to keep syncing.',
    });
    const older = codec(0).encode({ _id: 'p-1', displayName: 'Ada' });
    expect(await codec(1).decode(older)).toMatchObject({ displayName: 'Ada', upgradedFrom: 0 });
  });

  it('refuses to send an id that could carry personal data', () => {
    expect(() => codec().encode({ _id: 'sam@example.org', displayName: 'Sam' })).toThrow(/could reveal personal data/);
    expect(() => codec().encode({ _id: 'Sam Lee', displayName: 'Sam' })).toThrow(SyncError);
    expect(codec().encode({ _id: '0b6f1c2e-8f0a-4c1e-9d1b-2f3a4b5c6d7e' })._id).toHaveLength(36);
  });

  it('binds the key check and documents to their context', () => {
    const sealed = seal(key, documentAad('people', 'a'), 'x');
    expect(open(key, documentAad('people', 'a'), sealed)).toBe('x');
    expect(() => open(key, documentAad('people', 'b'), sealed)).toThrow();
  });
});
