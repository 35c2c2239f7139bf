/**
 * The backup folder chosen in Settings is noted outside the database (rapport-state.json), so that
 * recovery finds the backups when the database is lost. A folder chosen before that note existed is
 * noted after the start, not during it: here, at close.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { dataFolder } from '../lifecycle/data-folder.ts';
import { FolderState } from '../lifecycle/state-file.ts';
import { openTestCore, testDir } from '../testing/test-core.ts';
import { DEFAULT_BACKUP_SETTINGS } from './backup-service.ts';

it('notes a backup folder chosen before the note existed by the time the core has closed', async () => {
  const t = await openTestCore();
  const folder = join(testDir(), 'elsewhere');
  await t.call('backup.setSettings', { ...DEFAULT_BACKUP_SETTINGS, folder });
  await t.close();
  const notes = dataFolder(t.dir).state;
  const { backupFolder, ...older } = FolderState.parse(JSON.parse(readFileSync(notes, 'utf8')));
  expect(backupFolder).toBe(folder);
  // What a version before the note left behind: the folder is only in the database's settings.
  writeFileSync(notes, JSON.stringify(older));

  await t.reopen();
  await t.close();
  expect(FolderState.parse(JSON.parse(readFileSync(notes, 'utf8'))).backupFolder).toBe(folder);
});
