import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addPerson, toasts } from './helpers.ts';
import { expect, startServe, test } from './serve-fixture.ts';

test('an overdue person appears on Today, Done logs a message and takes them off the list', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-e2e-reminders-'));
  // 1. Added on 10 January with a "Close" rhythm (due after 3 weeks, overdue after 5)…
  let served = await startServe(dataDir, ['--today', '2026-01-10']);
  try {
    await page.goto(served.url);
    await addPerson(page, 'Priya Raman');
    await page.getByRole('link', { name: /Priya Raman/ }).click();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByLabel('Rhythm', { exact: true }).selectOption('close');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('On track · next by 31 Jan 2026')).toBeVisible();

    // …and it is now 1 March, seven weeks later.
    served = await served.restart(['--today', '2026-03-01']);
    await page.goto(served.url);

    // 2. Today shows them as overdue, and the nudge picks them.
    const overdue = page.getByRole('region', { name: /Overdue/ });
    await expect(overdue.getByRole('link', { name: 'Priya Raman' })).toBeVisible();
    await expect(page.getByRole('region', { name: /Just do it/ })).toContainText('Hi Priya,');

    // 3. Done asks how, starting on a message.
    await overdue.getByRole('button', { name: 'Done: I got in touch with Priya Raman' }).click();
    await expect(page.getByRole('button', { name: 'Message', exact: true })).toBeFocused();
    await page.keyboard.press('Enter');

    // 4. They leave the list…
    await expect(page.getByRole('region', { name: 'Overdue (0)' })).toBeVisible();
    await expect(page.getByRole('region', { name: /Due now/ }).getByRole('link', { name: 'Priya Raman' })).toBeHidden();
    await expect(page.getByRole('region', { name: /Just do it/ })).toContainText('Done for today');

    // …with a message logged today on their timeline.
    await page
      .getByRole('region', { name: /Just do it/ })
      .getByRole('link', { name: 'Priya Raman' })
      .click();
    await expect(
      page
        .getByRole('feed', { name: 'Timeline with Priya Raman' })
        .getByRole('article', { name: 'Message on 1 Mar 2026' }),
    ).toBeVisible();
    await expect(page.getByText(/On track · next by 22 Mar 2026/)).toBeVisible();
  } finally {
    await served.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('Later → Snooze 1 day hides a due person until tomorrow', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-e2e-snooze-'));
  let served = await startServe(dataDir, ['--today', '2026-01-10']);
  try {
    await page.goto(served.url);
    await addPerson(page, 'Tom Baker');
    await page.getByRole('link', { name: /Tom Baker/ }).click();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByLabel('Rhythm', { exact: true }).selectOption('close');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText(/On track/)).toBeVisible();

    served = await served.restart(['--today', '2026-02-01']);
    await page.goto(served.url);
    const due = page.getByRole('region', { name: /Due now/ });
    await expect(due.getByRole('link', { name: 'Tom Baker' })).toBeVisible();
    await due.getByRole('button', { name: 'Later for Tom Baker' }).click();
    await page.getByRole('menuitem', { name: 'Snooze 1 day' }).click();
    await expect(page.getByRole('region', { name: 'Due now (0)' })).toBeVisible();
    await expect(toasts(page)).toContainText('Snoozed Tom Baker until 2 Feb');
    // Not gone without a word: This week says when they are back.
    const week = page.getByRole('region', { name: /This week/ });
    await expect(week.getByRole('listitem').filter({ hasText: 'Tom Baker' })).toContainText('Back on 2 Feb (snoozed)');

    // Ctrl+Z takes it back: no snooze, due today again…
    await page.keyboard.press('Control+z');
    await expect(toasts(page)).toContainText('Undone: snoozed Tom Baker until 2 Feb');
    await expect(due.getByRole('link', { name: 'Tom Baker' })).toBeVisible();
    // …and snoozed again, by keyboard: Enter opens Later on its first item.
    await due.getByRole('button', { name: 'Later for Tom Baker' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menuitem', { name: 'Snooze 1 day' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: 'Due now (0)' })).toBeVisible();

    // The person page says so too, instead of "Due since…".
    await page.getByRole('link', { name: 'People' }).click();
    // From the People list: Today's links to him stay until the screen has changed.
    await page
      .getByRole('list', { name: /People/ })
      .getByRole('link', { name: /Tom Baker/ })
      .click();
    await expect(page.getByText(/Snoozed until 2 Feb 2026/)).toBeVisible();

    served = await served.restart(['--today', '2026-02-02']);
    await page.goto(served.url);
    await expect(page.getByRole('region', { name: /Due now/ }).getByRole('link', { name: 'Tom Baker' })).toBeVisible();
  } finally {
    await served.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
