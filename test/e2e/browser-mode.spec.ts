import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectAccessible } from './helpers.ts';
import { expect, startServe, test } from './serve-fixture.ts';

test('a tab from an earlier start of the server says so, and the new link brings it back', async ({ page }) => {
  // Dark mode: its danger red is light, and white text on it was unreadable.
  await page.emulateMedia({ colorScheme: 'dark' });
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-e2e-refused-'));
  let served = await startServe(dataDir);
  try {
    await page.goto(served.url);
    await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
    // Same address, new launch token: the open tab's token is turned down.
    served = await served.restart(['--port', String(served.port)]);
    const banner = page.getByRole('alert').filter({ hasText: 'This tab was opened from an earlier start of Rapport' });
    await expect(banner).toBeVisible({ timeout: 20_000 });
    await expect(banner).toContainText('Open the link the server printed');
    await expectAccessible(page, 'the banner of a tab from an earlier start, dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expectAccessible(page, 'the banner of a tab from an earlier start, light');
    // The printed link: a new hash alone does not load the page again, so it is reloaded.
    await page.goto(served.url);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'earlier start' })).toHaveCount(0);
  } finally {
    await served.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
