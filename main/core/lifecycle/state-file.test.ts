import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test, vi } from 'vitest';
import { openTestCore } from '../testing/test-core.ts';
import { dataFolder } from './data-folder.ts';
import { readFolderState, updateFolderState } from './state-file.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const now = new Date('2026-03-18T12:00:00Z');

test('updates are seen at once in this process and land on disk in the order they were made', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-state-'));
  dirs.push(dir);
  const folder = dataFolder(dir);
  const writes = [
    updateFolderState(folder, { people: 3, cleanShutdown: false }, now),
    updateFolderState(folder, { backupFolder: '/backups/here' }, now),
    updateFolderState(folder, { people: 4 }, now),
  ];
  // Before any write has landed, reads see all three.
  expect(readFolderState(folder)).toMatchObject({ people: 4, cleanShutdown: false, backupFolder: '/backups/here' });
  await Promise.all(writes);
  const onDisk = JSON.parse(readFileSync(folder.state, 'utf8')) as unknown;
  expect(onDisk).toMatchObject({ version: 1, people: 4, cleanShutdown: false, backupFolder: '/backups/here' });
  await updateFolderState(folder, { cleanShutdown: true }, now);
  expect(JSON.parse(readFileSync(folder.state, 'utf8'))).toMatchObject({ people: 4, cleanShutdown: true });
});

test('an open core says the folder is not clean at once, and how many people it holds a moment later', async () => {
  const t = await openTestCore();
  await t.call('contacts.create', { displayName: 'Ada Okafor' });
  await t.call('contacts.create', { displayName: 'Sam Lee' });
  await t.close();
  const folder = dataFolder(t.dir);
  // As if the last run had ended with fewer people written down (a crash after adding them).
  const state = JSON.parse(readFileSync(folder.state, 'utf8')) as object;
  writeFileSync(folder.state, JSON.stringify({ ...state, people: 0 }));
  await t.reopen();
  expect(readFolderState(folder)).toMatchObject({ people: 0, cleanShutdown: false });
  await vi.waitFor(() => expect(JSON.parse(readFileSync(folder.state, 'utf8'))).toMatchObject({ people: 2 }), {
    timeout: 6_000,
  });
});
