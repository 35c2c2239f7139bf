import { readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECK_IN_BACKGROUND_FROM_BYTES } from '../../main/core/core.ts';
import { damageAnIndexPage } from '../../main/core/testing/damage.ts';
import { seededFolder } from './seeded-folder.ts';
import { expect, startServe, test } from './serve-fixture.ts';

/** A data folder with 300 people and a verified backup of them made today, as a user's would be. */
const folderWithBackup = () =>
  seededFolder('backed-up-300', [
    ['scripts/seed-demo.ts', '--contacts', '300', '--interactions', '600', '--data-dir', '{dir}'],
    ['main/cli.ts', '--data-dir', '{dir}', 'backup', 'now'],
  ]);
const backupsIn = (dir: string) => readdirSync(join(dir, 'backups')).filter((name) => name.startsWith('rapport-2'));

for (const [label, damage] of [
  ['deleted', (file: string) => rmSync(file)],
  ['truncated to 0 bytes', (file: string) => truncateSync(file, 0)],
] as const) {
  test(`a ${label} database is not replaced by an empty one: the app offers the 300-person backup and restores it`, async ({
    page,
  }) => {
    const dir = await folderWithBackup();
    const [backup] = backupsIn(dir);
    damage(join(dir, 'rapport.sqlite'));
    const app = await startServe(dir);
    try {
      await page.goto(app.url);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(/database is (missing|empty)/);
      await expect(page.getByText(/with 300 people/)).toBeVisible();
      // Nothing ran behind the user's back: the good backup is still the only one.
      expect(backupsIn(dir)).toEqual([backup]);

      await page.getByRole('button', { name: /^Restore the backup of/ }).click();
      await page.getByRole('link', { name: 'People' }).click();
      // 300 people, of whom the demo data archived a few; the list shows the others.
      await expect(page.getByRole('list', { name: /^People \((2[5-9]\d|300)\)$/ })).toBeVisible();
      expect(backupsIn(dir)).toEqual([backup]);
    } finally {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('damage found by the check after a crash, once the app is open, leads to the same recovery screen', async ({
  page,
}) => {
  // Large enough that the check runs after opening, in the background (about 40 MB with compact index keys).
  const dir = await seededFolder('backed-up-550-large', [
    ['scripts/seed-demo.ts', '--contacts', '550', '--interactions', '10000', '--data-dir', '{dir}'],
    ['main/cli.ts', '--data-dir', '{dir}', 'backup', 'now'],
  ]);
  const database = join(dir, 'rapport.sqlite');
  expect(statSync(database).size).toBeGreaterThanOrEqual(CHECK_IN_BACKGROUND_FROM_BYTES);
  damageAnIndexPage(database);
  // What a crash leaves: the last run never noted a clean shutdown.
  const stateFile = join(dir, 'rapport-state.json');
  writeFileSync(stateFile, JSON.stringify({ ...JSON.parse(readFileSync(stateFile, 'utf8')), cleanShutdown: false }));
  const app = await startServe(dir);
  try {
    await page.goto(app.url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your Rapport database is damaged');
    await expect(page.getByText(/btreeInitPage/)).toBeVisible();
    await expect(page.getByText(/with 550 people/)).toBeVisible();
    await page.getByRole('button', { name: 'Open read-only' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Read-only copy.' })).toBeVisible();
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
