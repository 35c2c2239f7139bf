/**
 * Kill tests for the operations that write a lot at once: a restore and an import run as the
 * real `rapport` command in a child process, which is SIGKILLed at a random moment. After every
 * kill the folder is opened again and must hold exactly the data from before or the data from
 * after, compared document by document; an interrupted import, run again, must end exactly as an
 * uninterrupted one (no duplicates). Used by `lifecycle/kill-*.test.ts` (a few rounds in `npm test`)
 * and `npm run stress:storage` (50 rounds of each).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { inArea } from '../area.ts';
import { exportArchive, snapshot, type Documents } from '../backup/archive.ts';
import { fixedClock } from '../clock.ts';
import { openCore } from '../core.ts';
import { rawContact, rawInteraction } from '../testing/documents.ts';
import { expectedDerived } from '../projection/rebuild.ts';
import { childScript } from '../testing/child-script.ts';
import { dataFolder, filesIn } from './data-folder.ts';

const stamp = '2026-03-01T09:00:00.000Z';

export interface KillReport {
  rounds: number;
  /** Rounds that ended with the data from before / from after the operation. */
  before: number;
  after: number;
  /** How long the uninterrupted operation ran, in ms, from its first progress line to its exit: the kills' window. */
  fullMs: number;
}

/** People P0…Pn-1 (emails p<i>@example.org) with a coffee each and some shared meetings. */
export async function writePeople(dir: string, count: number, prefix: string, offset = 0): Promise<void> {
  const core = await openCore({ dataDir: dir, mode: 'desktop', version: 'kill', clock: fixedClock(stamp) });
  const people = Array.from({ length: count }, (_, n) => {
    const i = n + offset;
    return rawContact(`${prefix}-c${i}`, {
      displayName: `Person ${i}`,
      emails: [{ value: `p${i}@example.org` }],
      tags: i % 3 ? [] : ['kill-test'],
    });
  });
  const interactions = people.map((p, i) =>
    rawInteraction(`${prefix}-i${i}`, {
      type: 'coffee',
      date: `2025-${String(1 + (i % 12)).padStart(2, '0')}-10`,
      contactIds: i % 5 === 0 && people[i + 1] ? [p.id, people[i + 1]!.id] : [p.id],
    }),
  );
  await inArea('replication', async () => {
    await core.db.contacts.bulkInsert(people);
    await core.db.interactions.bulkInsert(interactions);
  });
  await core.projection.flush();
  await core.close();
}

/** JSON with every object's keys in sorted order. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * The source data in a form that does not depend on generated ids, nor (unless `stamps`) on the
 * time of writing: runs of the CLI read the real clock; the small operations run on a fixed one,
 * so their write times and edit stamps must come back exactly too.
 */
export function canonical(docs: Documents, options: { stamps?: boolean } = {}): unknown {
  const people = new Map(
    (docs.contacts ?? []).map((c) => [c.id, `${String(c.displayName)} <${stableJson(c.emails)}>`]),
  );
  const meetings = new Map(
    (docs.interactions ?? []).map((i) => [i.id, `${String(i.type)} ${String(i.date)} ${String(i.title ?? '')}`]),
  );
  const strip = ({
    id: _id,
    sortKey: _s,
    createdAt,
    updatedAt,
    editedAt,
    deletedAt,
    ...rest
  }: Record<string, unknown>) => (options.stamps ? { ...rest, createdAt, updatedAt, editedAt, deletedAt } : rest);
  // Key order is not data: a record put back by an undo comes back in its schema's order.
  const sorted = (rows: unknown[]) => rows.map(stableJson).sort();
  return {
    contacts: sorted(
      (docs.contacts ?? []).map((c) => ({
        ...strip(c),
        // "You introduced them" names the logged introduction that recorded it.
        ...(c.relationships
          ? {
              relationships: (c.relationships as Record<string, unknown>[]).map((r) =>
                r.introId ? { ...r, introId: meetings.get(r.introId as string) ?? '?' } : r,
              ),
            }
          : {}),
      })),
    ),
    interactions: sorted(
      (docs.interactions ?? []).map((i) => ({
        ...strip(i),
        contactIds: (i.contactIds as string[]).map((c) => people.get(c) ?? `?${c}`),
      })),
    ),
    // Generated ids (a person added, the interaction a detail came from) are named by content.
    details: sorted(
      (docs.details ?? []).map((d) => ({
        ...strip(d),
        contactId: people.get(d.contactId as string) ?? `?${String(d.contactId)}`,
        ...(d.interactionId ? { interactionId: meetings.get(d.interactionId as string) ?? '?' } : {}),
      })),
    ),
    settings: sorted(docs.settings ?? []),
    events: sorted((docs.events ?? []).map(strip)),
    practice_ladders: sorted((docs.practice_ladders ?? []).map(strip)),
    practice_sessions: sorted(
      (docs.practice_sessions ?? []).map((p) => ({
        ...strip(p),
        ...(p.interactionId ? { interactionId: meetings.get(p.interactionId as string) ?? '?' } : {}),
      })),
    ),
    user_starters: sorted((docs.user_starters ?? []).map(strip)),
    // An entry left by an undone operation would offer to bring back what it never removed.
    trash: sorted((docs.trash ?? []).map(strip)),
  };
}

/** Opens the folder (which undoes an unfinished operation), checks derived data, returns its canonical content. */
export async function state(dir: string, options: { stamps?: boolean } = {}): Promise<string> {
  const core = await openCore({ dataDir: dir, mode: 'desktop', version: 'kill' });
  try {
    const derived = await expectedDerived(core.db);
    const wanted = {
      participations: derived.participations,
      follow_ups: derived.followUps,
      meetings: derived.meetings,
      people_index: derived.peopleIndex,
    };
    for (const [name, rows] of Object.entries(wanted)) {
      const stored = await core.db[name as keyof typeof wanted].find().exec();
      const have = plain(stored.map((d) => d.toMutableJSON()));
      if (!isDeepStrictEqual(have, plain([...rows.values()])))
        throw new Error(
          `${name} after the kill differs from a rebuild (${stored.length} rows, a rebuild makes ${rows.size})`,
        );
    }
    return JSON.stringify(canonical(await snapshot(core.db), options));
  } finally {
    await core.close();
  }
}

/** Rows as plain data in id order, without RxDB's own fields: derived rows compared whatever wrote them. */
const plain = (rows: { id: string }[]) =>
  (JSON.parse(JSON.stringify(rows)) as { id: string }[]).sort((a, b) => (a.id < b.id ? -1 : 1));

export function copyFolder(from: string): string {
  const to = mkdtempSync(join(tmpdir(), 'rapport-kill-round-'));
  for (const name of readdirSync(from))
    if (name.endsWith('.sqlite') || name.endsWith('.json')) copyFileSync(join(from, name), join(to, name));
  // The safety copies too, when there are any: putting one back is one of the operations killed.
  const copies = join(from, 'safety-copies');
  if (existsSync(copies)) cpSync(copies, join(to, 'safety-copies'), { recursive: true });
  return to;
}

/**
 * Runs the CLI; with `killAfterMs`, kills it that long after its first progress line. Resolves with
 * how long it ran from that line to its exit. Kill moments are drawn from that window, not from the
 * process's whole run, whose start is not the operation's: a delay past the operation's end is a
 * round that kills nothing (one of the import test's three did, when the start was counted in).
 */
function runCli(args: string[], killAfterMs?: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let progressAt: number | undefined;
    const child = spawn(process.execPath, [childScript('cli'), ...args, '--progress'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (progressAt === undefined && stderr.includes('progress ')) {
        progressAt = performance.now();
        if (killAfterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    const watchdog = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('exit', (code, signal) => {
      clearTimeout(watchdog);
      if (code === 0 || signal === 'SIGKILL') resolve(performance.now() - (progressAt ?? started));
      else reject(new Error(`rapport ${args.join(' ')} exited with ${code}: ${stderr}`));
    });
  });
}

function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A folder of 300 people and an archive of `incoming` others, in `work`. */
async function restoreFixture(work: string, incoming: number): Promise<{ template: string; archive: string }> {
  const template = join(work, 'before');
  await writePeople(template, 300, 'old');
  const source = join(work, 'source');
  await writePeople(source, incoming, 'new', 1000);
  const core = await openCore({ dataDir: source, mode: 'desktop', version: 'kill', clock: fixedClock(stamp) });
  const archive = join(work, 'archive.json');
  writeFileSync(archive, (await exportArchive(core.db, fixedClock(stamp))).text);
  await core.close();
  return { template, archive };
}

/**
 * Runs the CLI with `args` once to the end on a copy of `template` (how long it takes, and the
 * state after), then `rounds` times killed at a random moment of that time: every round must leave
 * exactly the state from before or from after.
 */
async function killRounds(options: {
  template: string;
  args: (dir: string) => string[];
  rounds: number;
  seed: number;
  /** What the command does, for messages: "restore". */
  doing: string;
}): Promise<KillReport> {
  const before = await state(options.template);
  const calibration = copyFolder(options.template);
  const fullMs = await runCli(options.args(calibration));
  const after = await state(calibration);
  rmSync(calibration, { recursive: true, force: true });
  if (after === before) throw new Error(`The ${options.doing} changed nothing: the test would prove nothing`);

  const next = random(options.seed);
  const report: KillReport = { rounds: options.rounds, before: 0, after: 0, fullMs };
  for (let round = 0; round < options.rounds; round++) {
    const dir = copyFolder(options.template);
    await runCli(options.args(dir), next() * fullMs);
    const found = await state(dir);
    if (found === before) report.before++;
    else if (found === after) report.after++;
    else
      throw new Error(
        `Round ${round}: after a kill during the ${options.doing}, ${dir} holds neither the data from before nor from after`,
      );
    rmSync(dir, { recursive: true, force: true });
  }
  return report;
}

/** Kills `rapport restore` at random moments while it replaces 300 people with `incoming`. */
export async function killDuringRestore(options: {
  rounds: number;
  incoming: number;
  seed: number;
}): Promise<KillReport> {
  const work = mkdtempSync(join(tmpdir(), 'rapport-kill-restore-'));
  try {
    const { template, archive } = await restoreFixture(work, options.incoming);
    return await killRounds({
      ...options,
      template,
      args: (dir) => ['--data-dir', dir, 'restore', archive, '--yes'],
      doing: 'restore',
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Kills `rapport restore --safety-copy latest` at random moments while it puts 300 people back in
 * place of `incoming` (the safety copy a restore of them left). Every round ends with exactly one.
 */
export async function killDuringSafetyCopyPutBack(options: {
  rounds: number;
  incoming: number;
  seed: number;
}): Promise<KillReport> {
  const work = mkdtempSync(join(tmpdir(), 'rapport-kill-put-back-'));
  try {
    const { template, archive } = await restoreFixture(work, options.incoming);
    // The restore leaves the 300 as a safety copy: that is what each round puts back.
    await runCli(['--data-dir', template, 'restore', archive, '--yes']);
    return await killRounds({
      ...options,
      template,
      args: (dir) => ['--data-dir', dir, 'restore', '--safety-copy', 'latest', '--yes'],
      doing: 'put-back of a safety copy',
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A vCard file: `fresh` new people (ten of them twice), and 50 cards that match existing people by e-mail (merges). */
function vcardFile(fresh: number): string {
  const card = (name: string, email: string, extra = '') =>
    `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${name}\r\nEMAIL:${email}\r\n${extra}END:VCARD\r\n`;
  const cards = Array.from({ length: 50 }, (_, i) =>
    card(`Person ${i}`, `p${i}@example.org`, `ORG:Merged Org ${i}\r\nNOTE:From the import\r\n`),
  );
  for (let i = 0; i < fresh; i++) cards.push(card(`Imported ${i}`, `imported${i}@example.org`, 'TITLE:Guest\r\n'));
  // People the file holds twice: merged into one person each by the same write.
  for (let i = 0; i < Math.min(10, fresh); i++)
    cards.push(card(`Imported ${i}`, `imported${i}@example.org`, `TEL:+44 7700 9${String(i).padStart(5, '0')}\r\n`));
  return cards.join('');
}

/** Kills `rapport import` at random moments; every interrupted import is then run again to the end. */
export async function killDuringImport(options: {
  rounds: number;
  incoming: number;
  seed: number;
}): Promise<KillReport> {
  const work = mkdtempSync(join(tmpdir(), 'rapport-kill-import-'));
  try {
    const template = join(work, 'before');
    await writePeople(template, 300, 'old');
    const file = join(work, 'people.vcf');
    writeFileSync(file, vcardFile(options.incoming));
    const before = await state(template);
    const importArgs = (dir: string) => ['--data-dir', dir, 'import', file, '--policy', 'merge'];

    const calibration = copyFolder(template);
    const fullMs = await runCli(importArgs(calibration));
    const after = await state(calibration);
    rmSync(calibration, { recursive: true, force: true });
    if (after === before) throw new Error('The import changed nothing: the test would prove nothing');

    const next = random(options.seed);
    const report: KillReport = { rounds: options.rounds, before: 0, after: 0, fullMs };
    for (let round = 0; round < options.rounds; round++) {
      const dir = copyFolder(template);
      await runCli(importArgs(dir), next() * fullMs);
      const found = await state(dir);
      if (found === before) report.before++;
      else if (found === after) report.after++;
      else
        throw new Error(
          `Round ${round}: after a kill during import, ${dir} holds neither the data from before nor from after`,
        );
      if (found === before) {
        await runCli(importArgs(dir));
        if ((await state(dir)) !== after)
          throw new Error(`Round ${round}: the import run again after a kill did not end as an uninterrupted one`);
      }
      if (filesIn(dataFolder(dir).journal).length) throw new Error(`Round ${round}: an import record was left behind`);
      rmSync(dir, { recursive: true, force: true });
    }
    return report;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
