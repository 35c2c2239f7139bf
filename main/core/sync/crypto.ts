import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { z } from 'zod';
import { lazyObject } from '../../../shared/lazy-schema.ts';

/**
 * The sync key and the sealing of values with it: AES-256-GCM from node:crypto, the key derived
 * from the user's passphrase with scrypt and a per-sync random salt. The parameters travel with
 * the key check on the server, so they can be raised later without breaking older syncs.
 */

export const KdfParams = lazyObject(() => ({
  name: z.literal('scrypt'),
  /** CPU/memory cost, a power of two. 2^17 with r = 8 uses 128 MiB and ~0.3 s here (OWASP's scrypt floor). */
  N: z
    .number()
    .int()
    .min(2 ** 10)
    .max(2 ** 22),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  /** 16 random bytes, base64. */
  salt: z.string().min(16).max(100),
}));
export type KdfParams = z.infer<typeof KdfParams>;

/** A derived 256-bit key. Keep it in the OS keychain (Electron safeStorage), never in plain text. */
export interface SyncKey {
  readonly bytes: Buffer;
}

export function newKdfParams(cost: Partial<Pick<KdfParams, 'N' | 'r' | 'p'>> = {}): KdfParams {
  return { name: 'scrypt', N: 2 ** 17, r: 8, p: 1, ...cost, salt: randomBytes(16).toString('base64') };
}

/** Runs scrypt on libuv's thread pool, so the main thread stays responsive while it works. */
export function deriveSyncKey(passphrase: string, params: KdfParams): Promise<SyncKey> {
  const { N, r, p, salt } = KdfParams.parse(params);
  return new Promise((resolve, reject) => {
    const maxmem = 128 * N * r * 2 + 1024 * 1024;
    scrypt(passphrase.normalize('NFC'), Buffer.from(salt, 'base64'), 32, { N, r, p, maxmem }, (error, bytes) =>
      error ? reject(error) : resolve({ bytes }),
    );
  });
}

/** Restores a key stored by `exportSyncKey` (for the desktop keychain). */
export function importSyncKey(base64: string): SyncKey {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length !== 32) throw new Error('A sync key is 32 bytes');
  return { bytes };
}

export function exportSyncKey(key: SyncKey): string {
  return key.bytes.toString('base64');
}

const FORMAT = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Seals `plaintext` bound to `aad` (any other context fails to open). Base64 of format ‖ iv ‖ ciphertext ‖ tag. */
export function seal(key: SyncKey, aad: string, plaintext: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.bytes, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.of(FORMAT), iv, body, cipher.getAuthTag()]).toString('base64');
}

export class OpenFailed extends Error {}

/** Opens what `seal` produced with the same key and `aad`; throws OpenFailed otherwise. */
export function open(key: SyncKey, aad: string, sealed: string): string {
  const raw = Buffer.from(sealed, 'base64');
  if (raw.length < 1 + IV_BYTES + TAG_BYTES || raw[0] !== FORMAT) throw new OpenFailed('Unknown cipher format');
  const decipher = createDecipheriv('aes-256-gcm', key.bytes, raw.subarray(1, 1 + IV_BYTES));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
  try {
    return Buffer.concat([
      decipher.update(raw.subarray(1 + IV_BYTES, raw.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch (error) {
    throw new OpenFailed('The sealed value does not open with this key', { cause: error });
  }
}
