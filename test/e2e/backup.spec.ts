import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { addPerson } from './helpers.ts';
import { expect, startServe, test } from './serve-fixture.ts';

/** Calls `window.rapport.<area>.<method>(input)` in the page and returns the Result. */
function api(page: Page, channel: string, input: unknown) {
  return page.evaluate(
    async ([channel, input]) => {
      const [area, method] = (channel as string).split('.') as [string, string];
      const target = (
        window as unknown as { rapport: Record<string, Record<string, (i: unknown) => Promise<unknown>>> }
      ).rapport;
      return target[area]![method]!(input) as Promise<{
        ok: boolean;
        value?: unknown;
        error?: { code: string; message: string };
      }>;
    },
    [channel, input] as const,
  );
}

test("a backup restores into a fresh server's empty profile, and the people are there", async ({ page, served }) => {
  const folder = mkdtempSync(join(tmpdir(), 'rapport-e2e-backups-'));
  const freshDir = mkdtempSync(join(tmpdir(), 'rapport-e2e-fresh-'));
  try {
    await page.goto(served.url);
    await addPerson(page, 'Ada Lovelace', 'Analytical Engines');
    await addPerson(page, 'Grace Hopper', 'US Navy');

    expect(
      await api(page, 'backup.setSettings', { frequency: 'daily', folder, keepDaily: 7, keepWeekly: 4 }),
    ).toMatchObject({ ok: true });
    const backup = await api(page, 'backup.runNow', {});
    expect(backup).toMatchObject({ ok: true, value: { counts: { contacts: 2 } } });
    // By keyboard: "Back up now" keeps focus while it runs and after (a disabled button dropped it).
    await page.keyboard.press('Control+8');
    const now = page.getByRole('button', { name: 'Back up now' });
    await now.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Backup written and verified', { exact: true })).toBeVisible();
    await expect(now).toBeFocused();

    const fresh = await startServe(freshDir);
    try {
      const second = await page.context().newPage();
      await second.goto(fresh.url);
      await second.getByRole('link', { name: 'People' }).click();
      await expect(second.getByText('Nobody here yet')).toBeVisible();
      await api(second, 'backup.setSettings', { frequency: 'daily', folder, keepDaily: 7, keepWeekly: 4 });
      const listed = await api(second, 'backup.list', {});
      const name = (listed.value as { name: string }[])[0]!.name;
      expect(await api(second, 'backup.restore', { name, overwrite: false })).toMatchObject({
        ok: true,
        value: { counts: { contacts: 2 } },
      });
      // The live list picks the restored people up without a reload.
      const list = second.getByRole('list', { name: /People/ });
      await expect(list.getByText('Ada Lovelace')).toBeVisible();
      await expect(list.getByText('Grace Hopper')).toBeVisible();
      // A second restore would overwrite a non-empty profile: refused without confirmation.
      expect(await api(second, 'backup.restore', { name, overwrite: false })).toMatchObject({
        ok: false,
        error: { code: 'conflict' },
      });
    } finally {
      await fresh.stop();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
    rmSync(freshDir, { recursive: true, force: true });
  }
});

test('the exported archive restores into an empty profile', async ({ page, served }) => {
  const freshDir = mkdtempSync(join(tmpdir(), 'rapport-e2e-fresh-'));
  try {
    await page.goto(served.url);
    await addPerson(page, 'Katherine Johnson', 'NASA');
    const archive = await api(page, 'interchange.exportArchive', {});
    const { text, fileName } = archive.value as { text: string; fileName: string };
    expect(JSON.parse(text)).toMatchObject({ format: 'rapport-archive', version: 1 });

    const fresh = await startServe(freshDir);
    try {
      const second = await page.context().newPage();
      await second.goto(fresh.url);
      await second.getByRole('link', { name: 'People' }).click();
      expect(await api(second, 'interchange.restoreArchive', { fileName, text })).toMatchObject({ ok: true });
      await expect(second.getByRole('list', { name: /People/ }).getByText('Katherine Johnson')).toBeVisible();
    } finally {
      await fresh.stop();
    }
  } finally {
    rmSync(freshDir, { recursive: true, force: true });
  }
});
