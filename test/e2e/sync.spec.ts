import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startTestSyncServer, type TestSyncServer } from '../../main/core/sync/test-server.ts';
import { addPerson, expectAccessible } from './helpers.ts';
import { expect, startServe, test, type ServedApp } from './serve-fixture.ts';

/**
 * Two browser-mode apps on two data folders and one sync server on loopback: set up on the
 * first, join on the second, and a person added on one appears on the other.
 */

const USER = 'sam';
const PASSWORD = 'correct horse';
const PASSPHRASE = 'our long sync passphrase';

let server: TestSyncServer;
test.beforeAll(async () => {
  server = await startTestSyncServer({ user: USER, password: PASSWORD });
});
test.afterAll(async () => {
  await server.stop();
});

/** Fills Settings → Sync with the keyboard. */
async function fillSyncForm(page: Page): Promise<void> {
  await page.keyboard.press('Control+8');
  const card = syncCard(page);
  await card.getByRole('textbox', { name: 'Server address' }).focus();
  await page.keyboard.type(server.url);
  await page.keyboard.press('Tab');
  // The database name starts as "rapport"; keep it.
  await page.keyboard.press('Tab');
  await page.keyboard.type(USER);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSPHRASE);
  // Typed twice to set up a new sync; joining does not read it.
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSPHRASE);
}

const syncCard = (page: Page) => page.getByRole('region', { name: 'Sync between your devices' });

async function press(page: Page, button: 'Set up a new sync' | 'Join an existing sync'): Promise<void> {
  await syncCard(page).getByRole('button', { name: button }).click();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Synced/ })).toBeVisible({
    timeout: 30_000,
  });
}

test('a person added on one device appears on the other', async ({ browser, page, served }) => {
  test.setTimeout(240_000);
  const otherDir = mkdtempSync(join(tmpdir(), 'rapport-e2e-b-'));
  let other: ServedApp | undefined;
  try {
    other = await startServe(otherDir);
    await page.goto(served.url);

    await fillSyncForm(page);
    await syncCard(page).getByRole('button', { name: 'Test connection' }).click();
    await expect(syncCard(page).getByRole('status')).toContainText('There is no sync in "rapport" yet');
    await expectAccessible(page, 'sync settings after a connection test');

    await press(page, 'Set up a new sync');
    await expect(syncCard(page)).toContainText(server.url);
    await expectAccessible(page, 'sync settings while syncing');

    const pageB = await browser.newPage({ locale: 'en-GB' });
    await pageB.goto(other.url);
    await fillSyncForm(pageB);
    await press(pageB, 'Join an existing sync');

    await addPerson(page, 'Ada Lovelace', 'Analytical Engines');
    await pageB.keyboard.press('Control+3');
    await expect(pageB.getByRole('list', { name: /People/ }).getByRole('link', { name: /Ada Lovelace/ })).toBeVisible({
      timeout: 30_000,
    });
    await pageB.close();
  } finally {
    await other?.stop();
    rmSync(otherDir, { recursive: true, force: true });
  }
});
