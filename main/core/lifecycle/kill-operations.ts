/**
 * Kill tests for the small operations of several writes: quick capture (a new person or new ways
 * to reach a known one, the meeting, the detail) and logging an interaction with new people and a
 * detail. A child process runs the operation and SIGKILLs itself just before or just after one of
 * its storage writes (derived data's included); every such point is a round. After each kill
 * the folder is opened again and must hold exactly the data from before or from after.
 * Used by kill-operations.test.ts (some points in `npm test`) and `npm run stress:storage` (all).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixedClock } from '../clock.ts';
import { openCore } from '../core.ts';
import { copyFolder, state, writePeople } from './kill-harness.ts';
import { dataFolder, filesIn } from './data-folder.ts';

const CHILD = fileURLToPath(new URL('./kill-operation-child.ts', import.meta.url));
export type SmallOperation = 'capture-new' | 'capture-known' | 'log';

export interface OperationKillReport {
  /** Storage writes the whole operation makes: each is a point to kill before and after. */
  writes: number;
  rounds: number;
  before: number;
  after: number;
}

function runChild(dir: string, operation: SmallOperation, eventId: string, kill: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, dir, operation, eventId, kill], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const watchdog = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code, signal) => {
      clearTimeout(watchdog);
      if (code === 0 || signal === 'SIGKILL') resolve(out);
      else reject(new Error(`${operation} (${kill}) exited with ${code}: ${err}`));
    });
  });
}

/**
 * Kills `operation` at its write boundaries: all of them, or `sample` of them chosen by `seed`.
 * @throws when a round leaves anything but the data from before or from after.
 */
export async function killDuringOperation(
  operation: SmallOperation,
  options: { sample?: number; seed?: number } = {},
): Promise<OperationKillReport> {
  const work = mkdtempSync(join(tmpdir(), 'rapport-kill-op-'));
  try {
    const template = join(work, 'before');
    await writePeople(template, 30, 'old');
    const core = await openCore({
      dataDir: template,
      mode: 'desktop',
      version: 'kill',
      clock: fixedClock('2026-03-01T09:00:00.000Z'),
    });
    const event = await core.call('events.create', {
      fields: { kind: 'meet-up', name: 'Design meet-up', startsOn: '2026-03-02' },
    });
    await core.close();
    const before = await state(template);

    const calibration = copyFolder(template);
    const { writes } = JSON.parse(await runChild(calibration, operation, event.id, 'never')) as { writes: number };
    const after = await state(calibration);
    rmSync(calibration, { recursive: true, force: true });
    if (after === before) throw new Error(`${operation} changed nothing: the test would prove nothing`);
    if (writes < 2) throw new Error(`${operation} made ${writes} write: there is nothing to cut in two`);

    let points = Array.from({ length: writes }, (_, i) => [`before:${i + 1}`, `after:${i + 1}`]).flat();
    if (options.sample !== undefined) points = pick(points, options.sample, options.seed ?? 1);
    const report: OperationKillReport = { writes, rounds: points.length, before: 0, after: 0 };
    for (const point of points) {
      const dir = copyFolder(template);
      await runChild(dir, operation, event.id, point);
      const found = await state(dir);
      if (found === before) report.before++;
      else if (found === after) report.after++;
      else throw new Error(`${operation} killed ${point}: ${dir} holds neither the data from before nor from after`);
      if (filesIn(dataFolder(dir).journal).length) throw new Error(`${operation} killed ${point}: a record was left`);
      rmSync(dir, { recursive: true, force: true });
    }
    return report;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** `count` of `items`, chosen by a seeded shuffle. */
function pick<T>(items: T[], count: number, seed: number): T[] {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const shuffled = [...items];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  return shuffled.slice(0, count);
}
