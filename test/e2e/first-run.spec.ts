import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectAccessible, toasts, undoFrom } from './helpers.ts';
import { expect, startServe, test } from './serve-fixture.ts';

const CONNECTIONS = [
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Ada,Lovelace,https://www.linkedin.com/in/ada,ada@example.org,Engines,Analyst,12 Mar 2024',
  'Linus,Pauling,https://www.linkedin.com/in/linus,,,,03 Jan 2023',
].join('\n');

test('first run: welcome, a default rhythm, an import that fills Today, Done with a channel and Undo, a snooze on the person page', async ({
  page,
}) => {
  // A whole first week in one scenario, with axe in each state: minutes on a busy 2-core machine.
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-e2e-first-run-'));
  const served = await startServe(dataDir, ['--today', '2026-03-10']);
  try {
    await page.goto(served.url);
    const welcome = page.getByRole('region', { name: 'Welcome to Rapport' });
    await expect(welcome).toBeVisible();
    await expectAccessible(page, 'Today, first run');

    // 1. A default rhythm for new and imported people.
    await page.keyboard.press('Control+8');
    await page.getByLabel('Rhythm for new and imported people').selectOption('regular');
    // Leaving the screen before saving loses nothing: the change is there on the way back. (Today
    // first shows: two shortcuts faster than the screens change leave Settings where it was.)
    await page.keyboard.press('Control+1');
    await expect(welcome).toBeVisible();
    await page.keyboard.press('Control+8');
    await expect(page.getByText('Restored what you typed before.')).toBeVisible();
    await expect(page.getByLabel('Rhythm for new and imported people')).toHaveValue('regular');
    await expectAccessible(page, 'Settings with a restored draft');
    await page.getByRole('button', { name: 'Save rhythms' }).click();
    await expect(toasts(page)).toContainText('Saved the keep-in-touch rhythms');

    // 2. Import from the welcome card.
    await page.keyboard.press('Control+1');
    await welcome.getByRole('button', { name: /Import contacts/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Import contacts' });
    await dialog
      .getByLabel(/LinkedIn Connections.csv/)
      .setInputFiles({ name: 'Connections.csv', mimeType: 'text/csv', buffer: Buffer.from(CONNECTIONS) });
    await expect(dialog).toContainText('2 people');
    await expectAccessible(page, 'Import preview');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog).toContainText('Imported: 2 created');
    await dialog.getByRole('button', { name: 'Done' }).click();

    // 3. Connected long ago with a two-month rhythm: Today is not empty.
    const overdue = page.getByRole('region', { name: /^Overdue/ });
    await expect(overdue.getByRole('link', { name: 'Ada Lovelace' })).toBeVisible();
    await expect(overdue.getByRole('link', { name: 'Linus Pauling' })).toBeVisible();
    await expectAccessible(page, 'Today with people due');

    // 4. Done asks how; Enter would take the suggestion, here we choose a call. Undo puts Ada back.
    await overdue.getByRole('button', { name: 'Done: I got in touch with Ada Lovelace' }).click();
    await expect(page.getByRole('button', { name: 'Message', exact: true })).toBeFocused();
    await expectAccessible(page, 'Done popover');
    await page.getByRole('button', { name: 'Call', exact: true }).click();
    await expect(toasts(page)).toContainText('Logged a call with Ada Lovelace');
    await expect(overdue.getByRole('link', { name: 'Ada Lovelace' })).toBeHidden();
    await undoFrom(page, 'Logged a call with Ada Lovelace');
    await expect(overdue.getByRole('link', { name: 'Ada Lovelace' })).toBeVisible();

    // 5. Later → Snooze 1 week, and the person page says until when.
    await overdue.getByRole('button', { name: 'Later for Linus Pauling' }).click();
    await expectAccessible(page, 'Later menu');
    await page.getByRole('menuitem', { name: 'Snooze 1 week' }).click();
    await expect(toasts(page)).toContainText('Snoozed Linus Pauling until 17 Mar');
    await page.keyboard.press('Control+3');
    // Today links to Linus too: the click waits for People to have opened.
    await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeFocused();
    await page.getByRole('link', { name: /Linus Pauling/ }).click();
    await expect(page.getByText(/Snoozed until 17 Mar 2026/)).toBeVisible();
  } finally {
    await served.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
