import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addPerson, api, toasts } from './helpers.ts';
import { expect, startServe, test } from './serve-fixture.ts';

test('log a coffee with a detail, find it, fall due as time passes, and get back on track with a call', async ({
  page,
}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-e2e-kit-'));
  let served = await startServe(dataDir, ['--today', '2026-03-10']);
  try {
    await page.goto(served.url);
    await addPerson(page, 'Sam Okafor');
    await page.getByRole('link', { name: /Sam Okafor/ }).click();

    // A "Close" rhythm: due after 3 weeks, overdue after 5.
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByLabel('Rhythm', { exact: true }).selectOption('close');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('On track · next by 31 Mar 2026')).toBeVisible();

    // 1. Log a coffee with the detail.
    await page.getByRole('main').getByRole('button', { name: 'Log interaction' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log an interaction' });
    await expect(dialog.getByRole('list', { name: 'Chosen people' })).toContainText('Sam Okafor');
    await dialog.getByLabel('Detail', { exact: true }).focus();
    await page.keyboard.type('new puppy Biscuit');
    await dialog.getByRole('button', { name: 'Log it' }).click();
    await expect(dialog).toBeHidden();

    // 2. The "Ask about" chip.
    await expect(page.getByRole('region', { name: 'Ask about' }).getByText('new puppy Biscuit')).toBeVisible();

    // 3. Search finds them by "Biscuit".
    await page.keyboard.press('Control+k');
    await page.keyboard.type('Biscuit');
    await expect(page.getByRole('combobox', { name: /Search/ })).toHaveValue('Biscuit');
    const hit = page.getByRole('option').filter({ hasText: 'Sam Okafor' }).first();
    await expect(hit.locator('mark')).toHaveText('Biscuit');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Sam Okafor' })).toBeVisible();

    // 4. Five weeks later (a restart with a later --today) they are overdue on Today.
    served = await served.restart(['--today', '2026-04-20']);
    await page.goto(served.url);
    const overdue = page.getByRole('region', { name: /Overdue/ });
    await expect(overdue.getByRole('link', { name: 'Sam Okafor' })).toBeVisible();

    // 5. Log a call and they are on track again.
    await overdue.getByRole('button', { name: 'Log an interaction with Sam Okafor' }).click();
    await page.getByRole('dialog').getByLabel('What').selectOption('call');
    await page.getByRole('dialog').getByRole('button', { name: 'Log it' }).click();
    await expect(overdue.getByRole('link', { name: 'Sam Okafor' })).toBeHidden();
    await expect(page.getByRole('region', { name: /Overdue \(0\)/ })).toBeVisible();
    await page.keyboard.press('Control+3');
    await expect(
      page
        .getByRole('list', { name: /People/ })
        .getByRole('listitem')
        .filter({ hasText: 'Sam Okafor' }),
    ).toContainText('On track');
  } finally {
    await served.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('the rhythm pickers say the intervals set in Settings, and follow a change while open', async ({
  page,
  served,
}) => {
  await page.goto(served.url);
  await addPerson(page, 'Sam Okafor');

  // Close every two weeks instead of three.
  await page.keyboard.press('Control+8');
  const rhythms = page.getByRole('form', { name: 'Keep-in-touch rhythms' });
  const close = rhythms.getByRole('group', { name: 'Close' });
  await close.getByLabel('Ideal (days)').fill('14');
  await close.getByLabel('Maximum (days)').fill('28');
  await rhythms.getByRole('button', { name: 'Save rhythms' }).click();
  await expect(toasts(page)).toContainText('Saved the keep-in-touch rhythms');
  await expect(rhythms.getByLabel('Rhythm for new and imported people')).toContainText('Close (every 2 weeks)');

  // Setting the rhythm of a selection…
  await page.keyboard.press('Control+3');
  await page.getByRole('checkbox', { name: 'Select Sam Okafor' }).check();
  await page
    .getByRole('toolbar', { name: /Actions for 1 person/ })
    .getByRole('button', { name: 'Set rhythm' })
    .click();
  await expect(page.getByRole('menuitem', { name: 'Close (every 2 weeks)' })).toBeVisible();
  await page.keyboard.press('Escape');

  // …and a person's edit, which follows a change made while it is open (another device's, say).
  await page.getByRole('link', { name: /Sam Okafor/ }).click();
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const rhythm = page.getByRole('dialog').getByLabel('Rhythm', { exact: true });
  await expect(rhythm.getByRole('option', { name: 'Close (every 2 weeks)' })).toBeAttached();
  const settings = await api<{ tiers: Record<string, { idealDays: number; maxDays: number }> }>(
    page,
    'settings.getKeepInTouch',
    {},
  );
  await api(page, 'settings.setKeepInTouch', {
    tiers: { ...settings.tiers, regular: { idealDays: 30, maxDays: 45 } },
  });
  await expect(rhythm.getByRole('option', { name: 'Regular (every month)' })).toBeAttached();
});

test('a person added before a restart of the browser-mode server is still there after it', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-e2e-restart-'));
  let served = await startServe(dataDir);
  try {
    await page.goto(served.url);
    await addPerson(page, 'Grace Hopper');
    await expect(page.getByRole('list', { name: /People/ }).getByText('Grace Hopper')).toBeVisible();
    served = await served.restart();
    await page.goto(served.url);
    await page.keyboard.press('Control+3');
    await expect(page.getByRole('list', { name: /People/ }).getByText('Grace Hopper')).toBeVisible();
  } finally {
    await served.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a second server on the same data folder refuses to start, naming the first', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-e2e-lock-'));
  const first = await startServe(dataDir);
  try {
    await expect(startServe(dataDir)).rejects.toThrow(/Rapport is already running \(pid \d+\)/);
  } finally {
    await first.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
