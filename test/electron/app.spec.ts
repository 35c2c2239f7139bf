import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectron } from './find-electron.ts';

const found = findElectron();
// Printed so a CI log says why the desktop spec did not run.
if ('missing' in found) console.log(`[electron spec] skipped: ${found.missing}`);

test.describe('desktop app (real Electron)', () => {
  test.skip('missing' in found, 'missing' in found ? found.missing : '');

  test('launches, shows People, and adds a person', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'rapport-electron-'));
    const app = await electron.launch({
      executablePath: (found as { path: string }).path,
      args: ['out/main/index.js'],
      env: { ...process.env, RAPPORT_DATA_DIR: userData, ELECTRON_ENABLE_LOGGING: '1' },
    });
    try {
      const page = await app.firstWindow();
      const isolated = await page.evaluate(
        () =>
          typeof (window as unknown as { require?: unknown }).require === 'undefined' &&
          typeof window.rapport === 'object',
      );
      expect(isolated).toBe(true);
      await page.getByRole('link', { name: 'People' }).click();
      await page.getByLabel('Name').fill('Ada Lovelace');
      await page.getByRole('button', { name: 'Add person' }).click();
      await expect(page.getByRole('list', { name: /People/ }).getByText('Ada Lovelace')).toBeVisible();
    } finally {
      await app.close();
      rmSync(userData, { recursive: true, force: true });
    }
  });
});
