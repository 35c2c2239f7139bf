/**
 * Crash-safety harness: a child appends numbered batches, the parent
 * SIGKILLs it at random moments and checks after every kill that the file
 * holds exactly a prefix of the committed batches. Used by crash.test.ts
 * and scripts/stress/storage-crash.ts.
 */
import { spawn } from 'node:child_process';
import { DatabaseSync } from 'node:sqlite';
import path from 'node:path';
import { fillWithDefaultSettings, type RxDocumentData, type RxJsonSchema, type RxStorageInstance } from 'rxdb';
import { childScript } from '../testing/child-script.ts';
import { getRxStorageSqlite } from './index.ts';
import { createInstance, prepare, rng } from './test-helpers.ts';

export type CrashDoc = { id: string; batch: number; seq: number; payload: string };
export const CRASH_DB_NAME = 'crash';

export const crashSchema: RxJsonSchema<RxDocumentData<CrashDoc>> = fillWithDefaultSettings({
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 40 },
    batch: { type: 'integer', minimum: 0, maximum: 1_000_000, multipleOf: 1 },
    seq: { type: 'integer', minimum: -1, maximum: 1_000_000, multipleOf: 1 },
    payload: { type: 'string' },
  },
  required: ['id', 'batch', 'seq', 'payload'],
  indexes: ['batch'],
});

/** 0 for an empty store, else one past the highest batch present. */
export async function nextBatchNumber(store: RxStorageInstance<CrashDoc, any, any>): Promise<number> {
  const newest = await store.query(
    prepare(crashSchema, {
      selector: { _deleted: { $eq: false }, batch: { $gte: 0 }, seq: { $gte: 0 } } as any,
      sort: [{ batch: 'desc' }],
      limit: 1,
    }),
  );
  const top = newest.documents[0];
  return top ? top.batch + 1 : 0;
}

export type CrashCycleResult = {
  cycles: number;
  batchesCommitted: number;
  maxAckedBatch: number;
  killedMidBatch: number;
};

/**
 * Runs `cycles` spawn → write → SIGKILL → verify rounds against a database
 * in `directory`.
 * @throws on the first cycle whose database is not an exact prefix of
 *   complete batches, misses an acknowledged batch, or fails integrity_check.
 */
export async function runCrashCycles(opts: {
  directory: string;
  cycles: number;
  seed: number;
  synchronous?: 'NORMAL' | 'FULL';
  docsPerBatch?: number;
  /** Upper bound of the random delay after the child's first ack, in ms. */
  maxKillDelayMs?: number;
  log?: (line: string) => void;
}): Promise<CrashCycleResult> {
  const random = rng(opts.seed);
  const perBatch = opts.docsPerBatch ?? 100;
  const child = childScript('crash-child');
  let maxAcked = -1;
  let killedMidBatch = 0;
  let present = 0;
  for (let cycle = 0; cycle < opts.cycles; cycle++) {
    const acked = await spawnAndKill(
      child,
      [opts.directory, opts.synchronous ?? 'FULL', String(perBatch)],
      random() * (opts.maxKillDelayMs ?? 60),
    );
    maxAcked = Math.max(maxAcked, acked);
    present = await verifyPrefix(opts.directory, perBatch, maxAcked);
    if (present - 1 > acked) killedMidBatch++; // committed but killed before the ack was written
    opts.log?.(`cycle ${cycle + 1}/${opts.cycles}: ${present} batches present, last ack ${acked}`);
  }
  return { cycles: opts.cycles, batchesCommitted: present, maxAckedBatch: maxAcked, killedMidBatch };
}

function spawnAndKill(script: string, args: string[], delayMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let lastAck = -1;
    let buffered = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line) lastAck = Number(line);
      if (!timer) timer = setTimeout(() => proc.kill('SIGKILL'), delayMs);
    });
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const watchdog = setTimeout(() => proc.kill('SIGKILL'), 20_000);
    proc.on('exit', (_code, signal) => {
      clearTimeout(watchdog);
      if (signal !== 'SIGKILL' || (lastAck < 0 && stderr))
        reject(new Error(`crash child exited unexpectedly (${signal}): ${stderr}`));
      else resolve(lastAck);
    });
  });
}

/** Returns the number of batches present after checking they form a complete prefix. */
async function verifyPrefix(directory: string, perBatch: number, mustInclude: number): Promise<number> {
  const raw = new DatabaseSync(path.join(directory, CRASH_DB_NAME + '.sqlite'));
  const integrity = raw.prepare('PRAGMA integrity_check').get() as { integrity_check: string };
  raw.close();
  if (integrity.integrity_check !== 'ok') throw new Error('integrity_check failed: ' + integrity.integrity_check);

  const store = await createInstance<CrashDoc>(
    getRxStorageSqlite({ databaseDirectory: directory }),
    crashSchema,
    CRASH_DB_NAME,
    'batches',
  );
  try {
    const all = (await store.query(prepare(crashSchema, { selector: {}, sort: [{ id: 'asc' }] }))).documents;
    const perBatchCount = new Map<number, number>();
    let counter: number | undefined;
    for (const doc of all) {
      if (doc.id === 'counter') counter = doc.batch;
      else perBatchCount.set(doc.batch, (perBatchCount.get(doc.batch) ?? 0) + 1);
    }
    const batches = [...perBatchCount.keys()].sort((a, b) => a - b);
    batches.forEach((batch, i) => {
      if (batch !== i) throw new Error(`batches are not a prefix: found ${batch} at position ${i}`);
      if (perBatchCount.get(batch) !== perBatch)
        throw new Error(`batch ${batch} is partial: ${perBatchCount.get(batch)} docs`);
    });
    if (batches.length - 1 < mustInclude)
      throw new Error(`acknowledged batch ${mustInclude} is missing (have ${batches.length})`);
    if (batches.length > 0 && counter !== batches.length - 1)
      throw new Error(`counter ${counter} != newest batch ${batches.length - 1}`);
    return batches.length;
  } finally {
    await store.close();
  }
}
