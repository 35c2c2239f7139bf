import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { openTestCore } from '../testing/test-core.ts';
import { dataFolder } from './data-folder.ts';

/** The id of a process that has ended. */
const endedPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

test("opening the folder removes the temporary notes of processes that stopped mid-write, and no one else's files", async () => {
  const t = await openTestCore();
  const ada = await t.call('contacts.create', { displayName: 'Ada Okafor' });
  await t.close();
  const folder = dataFolder(t.dir);
  mkdirSync(folder.journal, { recursive: true });
  mkdirSync(folder.safetyCopies, { recursive: true });
  const dead = endedPid();
  const abandoned = [
    join(folder.dir, `rapport-state.json.${dead}.tmp`),
    join(folder.dir, `rapport-reminders.ics.${dead}.tmp`),
    join(folder.journal, `import-1.json.${dead}.tmp`),
    join(folder.safetyCopies, `before-restore.sqlite.json.${dead}.tmp`),
  ];
  const kept = [
    // A live process's write in progress, a lock being taken, and a file that is not ours.
    join(folder.dir, `rapport-today.json.${process.pid}.tmp`),
    join(folder.dir, `rapport.lock.${dead}.${Date.now()}.tmp`),
    join(folder.dir, `notes.txt.${dead}.tmp`),
  ];
  for (const file of [...abandoned, ...kept]) writeFileSync(file, '{"half":');
  // Something else by that name, which cannot be removed as a file: the folder still opens.
  const odd = join(folder.dir, `odd.json.${dead}.tmp`);
  mkdirSync(odd);
  kept.push(odd);

  await t.reopen();
  expect(abandoned.filter((file) => existsSync(file))).toEqual([]);
  expect(kept.filter((file) => !existsSync(file))).toEqual([]);
  // The folder's own files are untouched.
  expect(readdirSync(folder.dir)).toEqual(expect.arrayContaining(['rapport.sqlite', 'rapport-state.json']));
  expect(await t.call('contacts.get', { id: ada.id })).toMatchObject({ displayName: 'Ada Okafor' });
  await t.close();
});
