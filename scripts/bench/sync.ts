/**
 * Sync benchmark (`npm run bench:sync`): figures printed, nothing asserted.
 *
 *   1. Initial sync of P people + I interactions to an empty second device, end-to-end encrypted:
 *      time, documents/s, and that device's largest event-loop delay.
 *   2. The same download without encryption, in the same run: the encryption cost as a ratio.
 *   3. Upload of U interactions from a device to an empty sync, encrypted and not: time and the
 *      uploading device's largest event-loop delay.
 *   4. Live change latency from device A to device B, p50 and p95.
 *   5. The server alone (raw _changes reads), so the figures above can be read against it.
 *
 * Every phase also prints the CPU time used by the devices and by the server process: on a shared
 * machine wall-clock times and event-loop delays include time the process was not scheduled.
 *
 * Options: --people 10000 --interactions 200000 --upload 20000 --live 60 --server-dir DIR
 * (default: a temporary folder). The sync server (pouchdb-server's engine on LevelDB) runs in its
 * own process, as a real server would.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { RxCollection } from 'rxdb';
import { startCollectionSync, type CollectionSync } from '../../main/core/sync/collection-sync.ts';
import type { SyncKey } from '../../main/core/sync/crypto.ts';
import { createEncryptingCodec, createPlainCodec, type DocumentCodec } from '../../main/core/sync/document-codec.ts';
import { collectionDatabaseUrl, ensureDatabase, setUpNewSync } from '../../main/core/sync/sync-space.ts';
import { openTestDevice, type TestDevice } from '../../main/core/sync/test-device.ts';
import { startTestSyncServer } from '../../main/core/sync/test-server.ts';
import { TEST_CREDENTIALS, testSpace, testTransport } from '../../main/core/sync/test-sync.ts';
import type { SyncServerConfig } from '../../main/core/sync/sync-space.ts';
import { makePeople, makeInteractions } from './sync-data.ts';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '10000' },
    interactions: { type: 'string', default: '200000' },
    upload: { type: 'string', default: '20000' },
    live: { type: 'string', default: '60' },
    'server-dir': { type: 'string' },
  },
});
const counts = {
  people: Number(values.people),
  interactions: Number(values.interactions),
  upload: Number(values.upload),
  live: Number(values.live),
};
const work = mkdtempSync(path.join(tmpdir(), 'rapport-bench-sync-'));
const server = await startTestSyncServer({
  // On disk by default: 420k documents in pouchdb's memory adapter exhaust the server's heap.
  dir: values['server-dir'] ?? path.join(work, 'server'),
  user: TEST_CREDENTIALS.username,
  password: TEST_CREDENTIALS.password,
});
const transport = testTransport();
const devices: TestDevice[] = [];
let folders = 0;

async function device(): Promise<TestDevice> {
  const opened = await openTestDevice(path.join(work, `device-${++folders}`), { withInteractions: true });
  devices.push(opened);
  return opened;
}

type Sources = { people: RxCollection; interactions: RxCollection };
const sourcesOf = (d: TestDevice): Sources => ({ people: d.people, interactions: d.interactions! });

/** Starts one replication per collection, encrypted with `key` or plain when `key` is null. */
async function sync(d: TestDevice, space: SyncServerConfig, key: SyncKey | null): Promise<CollectionSync[]> {
  const syncs: CollectionSync[] = [];
  for (const collection of Object.values(sourcesOf(d))) {
    const url = collectionDatabaseUrl(space, collection.name);
    await ensureDatabase(transport, url);
    syncs.push(startCollectionSync({ collection, url, transport, key }));
  }
  return syncs;
}

/** Writes documents straight to the server, sealed as a device would seal them. */
async function seed(space: SyncServerConfig, key: SyncKey | null, name: string, docs: Record<string, unknown>[]) {
  const url = collectionDatabaseUrl(space, name);
  await ensureDatabase(transport, url);
  const options = { collection: name, schemaVersion: 0, upgrade: async () => ({ _id: '' }) };
  const codec: DocumentCodec = key ? createEncryptingCodec({ ...options, key }) : createPlainCodec(options);
  for (let i = 0; i < docs.length; i += 1000) {
    const batch = docs.slice(i, i + 1000).map(({ id, ...rest }) => codec.encode({ _id: String(id), ...rest }));
    const response = await transport.request(`${url}_bulk_docs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ docs: batch }),
    });
    await response.text();
  }
}

/** CPU seconds the server process has used so far (Linux /proc; 0 elsewhere). */
function serverCpuMs(): number {
  try {
    const fields = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

interface Timing<T> {
  ms: number;
  loopMaxMs: number;
  loopP99Ms: number;
  /** CPU used by this process (the devices) and by the server process. */
  clientCpuMs: number;
  serverCpuMs: number;
  value: T;
}

async function timed<T>(work: () => Promise<T>): Promise<Timing<T>> {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const [cpu, serverCpu, start] = [process.cpuUsage(), serverCpuMs(), performance.now()];
  const value = await work();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  loop.disable();
  return {
    ms,
    loopMaxMs: loop.max / 1e6,
    loopP99Ms: loop.percentile(99) / 1e6,
    clientCpuMs: (used.user + used.system) / 1000,
    serverCpuMs: serverCpuMs() - serverCpu,
    value,
  };
}

function describe(timing: Timing<unknown>, docs: number): string {
  return (
    `${fmt(timing.ms)}, ${Math.round(docs / (timing.ms / 1000))} docs/s; loop max ${timing.loopMaxMs.toFixed(0)} ms ` +
    `(p99 ${timing.loopP99Ms.toFixed(0)}); CPU device ${fmt(timing.clientCpuMs)}, server ${fmt(timing.serverCpuMs)}`
  );
}

async function awaitAll(syncs: CollectionSync[]) {
  await Promise.all(syncs.map((s) => s.awaitInSync()));
}

const people = makePeople(counts.people);
const interactions = makeInteractions(counts.interactions, people);
const total = people.length + interactions.length;
const rows: [string, string][] = [];
const report = ([label, value]: [string, string]) => {
  rows.push([label, value]);
  console.log(`  ${label}: ${value}`);
};
const fmt = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

// 1 + 2: initial download, encrypted and plain.
const download: Record<'encrypted' | 'plain', Timing<unknown>> = {} as never;
for (const mode of ['encrypted', 'plain'] as const) {
  const space = testSpace(server.url);
  const kdf = await timed(() => setUpNewSync(transport, space, 'benchmark passphrase'));
  const key = mode === 'encrypted' ? kdf.value : null;
  if (mode === 'encrypted') report(['Key derivation (scrypt N=2^17, r=8)', `${kdf.ms.toFixed(0)} ms`]);
  const seeded = await timed(async () => {
    await seed(space, key, 'people', people);
    await seed(space, key, 'interactions', interactions);
  });
  report([`Seeding the server directly (${mode})`, `${fmt(seeded.ms)}`]);
  const b = await device();
  const result = await timed(async () => {
    const syncs = await sync(b, space, key);
    await awaitAll(syncs);
    return syncs;
  });
  const count = (await b.people.count().exec()) + (await b.interactions!.count().exec());
  if (count !== total) throw new Error(`Device got ${count} of ${total} documents (${mode})`);
  download[mode] = result;
  report([`Initial sync to an empty device, ${mode} (${total} docs)`, describe(result, total)]);
  await Promise.all(result.value.map((s) => s.stop()));
  await b.close();
}
report([
  'Encryption cost, download (encrypted / plain)',
  `${(download.encrypted.ms / download.plain.ms).toFixed(2)}× time, ` +
    `${(download.encrypted.clientCpuMs / download.plain.clientCpuMs).toFixed(2)}× device CPU`,
]);

// 3: upload from a device.
const upload: Record<'encrypted' | 'plain', Timing<unknown>> = {} as never;
for (const mode of ['encrypted', 'plain'] as const) {
  const space = testSpace(server.url);
  const key = await setUpNewSync(transport, space, 'benchmark passphrase', { N: 2 ** 12 });
  const a = await device();
  await a.interactions!.bulkInsert(makeInteractions(counts.upload, people).map((i) => ({ ...i, id: randomUUID() })));
  const result = await timed(async () => {
    const syncs = await sync(a, space, mode === 'encrypted' ? key : null);
    await awaitAll(syncs);
    return syncs;
  });
  upload[mode] = result;
  report([`Upload from a device, ${mode} (${counts.upload} docs)`, describe(result, counts.upload)]);
  await Promise.all(result.value.map((s) => s.stop()));
  await a.close();
}
report([
  'Encryption cost, upload (encrypted / plain)',
  `${(upload.encrypted.ms / upload.plain.ms).toFixed(2)}× time, ` +
    `${(upload.encrypted.clientCpuMs / upload.plain.clientCpuMs).toFixed(2)}× device CPU`,
]);

// 4: live latency A → B.
{
  const space = testSpace(server.url);
  const key = await setUpNewSync(transport, space, 'benchmark passphrase', { N: 2 ** 12 });
  const [a, b] = [await device(), await device()];
  const syncs = [...(await sync(a, space, key)), ...(await sync(b, space, key))];
  await awaitAll(syncs);
  const insertedAt = new Map<string, number>();
  const latencies: number[] = [];
  const seen = b.people.$.subscribe((event) => {
    const at = insertedAt.get(event.documentId);
    if (at !== undefined && event.operation === 'INSERT') latencies.push(performance.now() - at);
  });
  for (let i = 0; i < counts.live; i++) {
    const person = { ...makePeople(1)[0]!, id: `live-${i}` };
    insertedAt.set(person.id, performance.now());
    await a.people.insert(person);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  await awaitAll(syncs);
  await new Promise((resolve) => setTimeout(resolve, 500));
  seen.unsubscribe();
  latencies.sort((x, y) => x - y);
  const pick = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  report([
    `Live change latency A → B (${latencies.length} changes)`,
    `p50 ${pick(0.5).toFixed(0)} ms, p95 ${pick(0.95).toFixed(0)} ms`,
  ]);
  await Promise.all(syncs.map((s) => s.stop()));
}

// 5: the server alone.
{
  const space = testSpace(server.url);
  await seed(space, null, 'interactions', interactions.slice(0, 20_000));
  const url = collectionDatabaseUrl(space, 'interactions');
  const raw = await timed(async () => {
    let since: unknown = 0;
    for (;;) {
      const response = await transport.request(`${url}_changes?include_docs=true&limit=500&since=${String(since)}`);
      const body = (await response.json()) as { results: unknown[]; last_seq: unknown };
      if (body.results.length === 0) break;
      since = body.last_seq;
    }
  });
  report(['Server alone: _changes with docs (20000 docs)', `${Math.round(20_000 / (raw.ms / 1000))} docs/s`]);
}

await Promise.all(devices.map((d) => d.close().catch(() => undefined)));
await server.stop('SIGTERM');
rmSync(work, { recursive: true, force: true });

report(['Load average (1 min) at the end, 2 cores', loadavg()[0]!.toFixed(1)]);
const width = Math.max(...rows.map(([label]) => label.length));
console.log(`\nSync benchmark (pouchdb-server on LevelDB, ${total} documents)`);
for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
