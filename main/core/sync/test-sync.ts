/**
 * Test helper: joins test devices to a test server through the real sync code. Not a test file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { filter, firstValueFrom, timeout } from 'rxjs';
import { ConnectionGate } from './connection-gate.ts';
import type { SyncKey } from './crypto.ts';
import type { SyncStatus } from './status.ts';
import { startSync, type SyncSession } from './sync-session.ts';
import { SyncServerConfig } from './sync-space.ts';
import type { TestDevice } from './test-device.ts';
import { SyncTransport, type SyncCredentials } from './transport.ts';

/** Cheap scrypt for tests; the app uses the defaults of newKdfParams. */
export const TEST_KDF_COST = { N: 2 ** 12, r: 8, p: 1 } as const;
export const TEST_CREDENTIALS: SyncCredentials = { username: 'sam', password: 'correct horse' };

let spaces = 0;

export function testSpace(serverUrl: string): SyncServerConfig {
  return SyncServerConfig.parse({ url: serverUrl, database: `rapport-test-${process.pid}-${++spaces}` });
}

/** A transport with a fast back-off (100 ms doubling to 1 s), so fault tests don't wait a minute. */
export function testTransport(credentials: SyncCredentials = TEST_CREDENTIALS): SyncTransport {
  return new SyncTransport({ credentials, gate: new ConnectionGate({ baseMs: 100, capMs: 1_000 }) });
}

export function syncDevice(device: TestDevice, server: SyncServerConfig, key: SyncKey, transport = testTransport()) {
  return startSync({ server, transport, key, collections: [device.people] });
}

export async function waitForStatus(
  session: SyncSession,
  state: SyncStatus['state'],
  ms = 10_000,
): Promise<SyncStatus> {
  return firstValueFrom(
    session.status$.pipe(
      filter((s) => s.state === state),
      timeout(ms),
    ),
  );
}

export function tempDir(prefix: string): { dir: string; dispose(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Reads a database the way an admin with the server's data would. */
export async function serverDocs(
  server: SyncServerConfig,
  collection: string,
  credentials = TEST_CREDENTIALS,
): Promise<{ total: number; body: string }> {
  const auth = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
  const url = `${server.url}${server.database}-${collection}/_all_docs?include_docs=true&conflicts=true`;
  const response = await fetch(url, { headers: { authorization: auth } });
  const body = await response.text();
  return { total: (JSON.parse(body) as { rows: unknown[] }).rows.length, body };
}
