/** Real cores on throwaway data folders for the backup and interchange tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock, type Clock } from '../clock.ts';
import { createCore, type Core } from '../core.ts';

const opened: { core: Core; dir: string }[] = [];
const folders: string[] = [];

/** A fresh temporary folder, removed by `closeAll`. */
export function tempDir(prefix = 'rapport-backup-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

export async function openCore(options: { dir?: string; clock?: Clock } = {}): Promise<Core & { dir: string }> {
  const dir = options.dir ?? tempDir();
  const core = await createCore({
    dataDir: dir,
    mode: 'browser',
    version: '0.0.0-test',
    clock: options.clock ?? fixedClock('2026-03-01T09:00:00Z'),
  });
  opened.push({ core, dir });
  return Object.assign(core, { dir });
}

/** Closes a core early (e.g. so the CLI can take its data folder). */
export async function closeCore(core: Core): Promise<void> {
  const index = opened.findIndex((o) => o.core === core);
  if (index !== -1) opened.splice(index, 1);
  await core.close();
}

export async function closeAll(): Promise<void> {
  for (const { core } of opened.splice(0)) await core.close();
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Calls a request channel and returns its value, failing the test on an error result. */
export async function call<T = unknown>(core: Core, channel: string, input: unknown): Promise<T> {
  const result = await core.dispatcher.request(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** A few people with an interaction and a detail, through the real services. */
export async function seedPeople(core: Core): Promise<{ ada: string; grace: string }> {
  const ada = await call<{ id: string }>(core, 'contacts.create', {
    displayName: 'Ada Lovelace',
    emails: [{ value: 'ada@example.org' }],
    tags: ['maths'],
  });
  const grace = await call<{ id: string }>(core, 'contacts.create', {
    displayName: 'Grace Hopper',
    phones: [{ value: '+1 555 010 2000', label: 'work' }],
  });
  await call(core, 'interactions.log', {
    interaction: { type: 'coffee', date: '2026-02-20', contactIds: [ada.id, grace.id], notes: 'Compilers' },
    details: [{ text: 'New puppy called Biscuit', contactId: ada.id }],
  });
  await call(core, 'settings.setKeepInTouch', {
    tiers: {
      close: { idealDays: 10, maxDays: 20 },
      regular: { idealDays: 30, maxDays: 60 },
      occasional: { idealDays: 90, maxDays: 180 },
      yearly: { idealDays: 365, maxDays: 500 },
    },
  });
  return { ada: ada.id, grace: grace.id };
}
