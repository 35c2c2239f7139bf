import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
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
