/**
 * Kill tests for the small operations of several writes: quick capture (a new person or new ways
 * to reach a known one, the meeting, the detail), logging an interaction with new people and a
 * detail, merging two people (the kept person, the duplicate's interactions, details and
 * relationships, the trash entry, the removal), deleting two people (the trash entry, their
 * interactions removed or left, their details, themselves), the undo of that delete (each owner's
 * documents, then the entry), logging an introduction (the interaction, then the relationship on
 * both) and its undo, a relationship (one person, then the other), tags added to three people,
 * finishing a practice with a person (the interaction, then the session), Done on a snoozed person
 * (the interaction, then the snooze ended) and its undo, the undo of a log with new people and a
 * detail, and the deletes of one
 * document (an interaction, an event, a ladder, a practice session, one after another: the entry,
 * then the removal). Run once without a
 * kill in the test's own process, the operation counts its storage writes (derived data's
 * included); then, for every point just before or just after one of them, a round: a child process
 * runs the operation and SIGKILLs itself there (kill-operation-run.ts). After each kill the folder is opened
 * again and must hold exactly the data from before or from after, write times and edit stamps
 * included (both processes run on fixed clocks); for the deletes of one document, from before or
 * after one of them. One more round kills the operation once it has finished, before the projector
 * has written its checkpoint (it waits in memory: projection/state.ts): that must leave the data
 * from after.
 * Used by kill-operations.test.ts (some points in `npm test`) and `npm run stress:storage` (all).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inArea } from '../area.ts';
import { fixedClock } from '../clock.ts';
import { openCore, type Core } from '../core.ts';
import { childScript } from '../testing/child-script.ts';
import { copyFolder, state as stateOf, writePeople } from './kill-harness.ts';
import { INTRODUCTION, LOGGED, runSmallOperation } from './kill-operation-run.ts';
import { dataFolder, filesIn } from './data-folder.ts';

export type SmallOperation =
  | 'capture-new'
  | 'capture-known'
  | 'log'
  | 'merge'
  | 'delete-people'
  | 'undo'
  | 'one-by-one'
  | 'log-intro'
  | 'undo-intro'
  | 'relate'
  | 'retag'
  | 'finish-practice'
  | 'done'
  | 'undo-done'
  | 'undo-log';
const state = (dir: string) => stateOf(dir, { stamps: true });

export interface OperationKillReport {
  /** Storage writes the whole operation makes: each is a point to kill before and after. */
  writes: number;
  rounds: number;
  before: number;
  after: number;
  /** Of several operations in a row (one-by-one): rounds that ended between two of them. */
  between: number;
}

function runChild(dir: string, operation: SmallOperation, eventId: string, kill: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript('kill-operation-child'), dir, operation, eventId, kill], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const watchdog = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code, signal) => {
      clearTimeout(watchdog);
      if (code === 0 || signal === 'SIGKILL') resolve();
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
    if (['merge', 'delete-people', 'undo'].includes(operation)) await seedDuplicate(core);
    if (operation === 'undo') await core.call('contacts.delete', { ids: ['old-c6', 'old-c7'] });
    if (operation === 'one-by-one' || operation === 'finish-practice') await seedPractice(core);
    if (operation === 'undo-intro') await core.call('network.logIntro', INTRODUCTION);
    if (operation === 'done' || operation === 'undo-done')
      await core.call('reminders.snooze', { personId: 'old-c1', days: 7 });
    if (operation === 'undo-done') await core.call('reminders.done', { personId: 'old-c1' });
    if (operation === 'undo-log') await core.call('interactions.log', LOGGED);
    await core.close();
    const before = await state(template);

    // Without a kill the run is the same in any process (fixed clocks), so it needs no child of its own.
    const calibration = copyFolder(template);
    const { writes, between } = await runSmallOperation(calibration, operation, event.id, 'never');
    const after = await state(calibration);
    rmSync(calibration, { recursive: true, force: true });
    if (after === before) throw new Error(`${operation} changed nothing: the test would prove nothing`);
    if (writes < 2) throw new Error(`${operation} made ${writes} write: there is nothing to cut in two`);

    let points = Array.from({ length: writes }, (_, i) => [`before:${i + 1}`, `after:${i + 1}`]).flat();
    // A sample always kills just before the last write too: everything else of the operation is
    // in by then, the point where a write outside the journal shows.
    const last = `before:${writes}`;
    if (options.sample !== undefined) points = [...new Set([last, ...pick(points, options.sample, options.seed ?? 1)])];
    const report: OperationKillReport = { writes, rounds: points.length, before: 0, after: 0, between: 0 };
    for (const point of points) {
      const dir = copyFolder(template);
      await runChild(dir, operation, event.id, point);
      const found = await state(dir);
      if (found === before) report.before++;
      else if (found === after) report.after++;
      else if (between.includes(found)) report.between++;
      else throw new Error(`${operation} killed ${point}: ${dir} holds neither the data from before nor from after`);
      if (filesIn(dataFolder(dir).journal).length) throw new Error(`${operation} killed ${point}: a record was left`);
      rmSync(dir, { recursive: true, force: true });
    }
    // The checkpoint waits in memory after a pass: a kill then must find everything, and the
    // derived data again from the checkpoint written before (checked against a rebuild).
    const dir = copyFolder(template);
    await runChild(dir, operation, event.id, 'done');
    if ((await state(dir)) !== after) throw new Error(`${operation} killed once done: ${dir} lost what it wrote`);
    rmSync(dir, { recursive: true, force: true });
    return report;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Person 6 (old-c6), to be merged into Person 5, besides the coffee they share and one of their
 * own (writePeople): two more interactions (one shared with Person 7), three details, relationships
 * with Persons 5, 7 and 8, and values a sync merge set aside on them and on one of the interactions.
 */
async function seedDuplicate(core: Core): Promise<void> {
  const log = (contactIds: string[], type: 'call' | 'video-call', date: string, detail: string) =>
    core.call('interactions.log', {
      interaction: { type, date, contactIds },
      newPeople: [],
      details: [{ text: detail, contactId: 'old-c6' }],
    });
  await log(['old-c6', 'old-c7'], 'video-call', '2026-02-10', 'Moving to Leeds');
  await log(['old-c6'], 'call', '2026-02-20', 'Learning Portuguese');
  await core.call('details.add', { contactId: 'old-c6', text: 'Likes chess', learnedOn: '2026-01-05' });
  await core.call('network.relate', { fromId: 'old-c6', toId: 'old-c7', kind: 'works-with' });
  await core.call('network.relate', { fromId: 'old-c6', toId: 'old-c5', kind: 'knows' });
  await core.call('network.relate', { fromId: 'old-c8', toId: 'old-c6', kind: 'introduced' });
  const setAside = { id: 'notes@2026-02-28T09:00:00.000Z', field: 'notes', editedAt: '2026-02-28T09:00:00.000Z' };
  await inArea('replication', async () => {
    for (const id of ['old-c5', 'old-c6']) {
      const person = (await core.db.contacts.findOne(id).exec())!.toMutableJSON();
      await core.db.contacts.upsert({ ...person, conflicts: [{ ...setAside, value: `Typed on the phone (${id})` }] });
    }
    const coffee = (await core.db.interactions.findOne('old-i6').exec())!.toMutableJSON();
    await core.db.interactions.upsert({ ...coffee, conflicts: [{ ...setAside, value: 'Typed on the phone' }] });
  });
  await core.projection.flush();
}

/** A ladder and a planned practice session, for one-by-one. */
async function seedPractice(core: Core): Promise<void> {
  const starter = await core.call('starters.saveOwn', {
    fields: { text: 'How did the move go, [name]?', situation: 'reconnect' },
  });
  await core.call('starters.toggleFavourite', { starterId: starter.id, favourite: true });
  await core.call('practice.saveLadder', { fields: { name: 'Meet-ups', steps: [{ text: 'Say hello', suds: 3 }] } });
  await core.call('practice.startSession', {
    date: '2026-03-01',
    task: 'Say hello',
    situation: 'meet-up',
    sudsBefore: 5,
    prediction: 'They will look away',
    beliefBefore: 60,
  });
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
