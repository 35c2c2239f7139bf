import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addPerson, api, expectAccessible, openPersonPage, toasts, undoFrom } from './helpers.ts';
import { expect, startServe, test } from './serve-fixture.ts';

test('an ambiguous name is never picked silently; a mis-logged coffee is edited to the right person, deleted and undone; People sorts by last contact', async ({
  page,
}) => {
  // A whole first week in one scenario, with axe in each state: minutes on a busy 2-core machine.
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-e2e-mistakes-'));
  const served = await startServe(dataDir, ['--today', '2026-03-10']);
  try {
    await page.goto(served.url);
    await addPerson(page, 'Priya Nair', 'Acme');
    await addPerson(page, 'Sam Okafor');
    const idOf = async (name: string) =>
      (await api<{ id: string; title: string }[]>(page, 'search.query', { q: name, limit: 5 })).find(
        (h) => h.title === name,
      )!.id;
    await api(page, 'interactions.log', {
      interaction: { type: 'call', date: '2026-03-09', contactIds: [await idOf('Sam Okafor')] },
    });
    await api(page, 'interactions.log', {
      interaction: { type: 'coffee', date: '2026-02-01', contactIds: [await idOf('Priya Nair')] },
    });
    await addPerson(page, 'Priya Shah');

    // 1. "Priya" matches two people: Enter does not choose; the one just added is offered first.
    await page.keyboard.press('Control+l');
    await page.keyboard.type('Priya');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Log an interaction' });
    await expect(dialog.getByText('2 people match “Priya”')).toBeVisible();
    await expect(dialog.getByRole('list', { name: 'Chosen people' }).getByRole('listitem')).toHaveCount(0);
    await expectAccessible(page, 'Log dialog with the picker open');
    await page.keyboard.press('ArrowDown');
    await expect(
      dialog.getByRole('listbox', { name: 'Matching people' }).getByRole('option', { selected: true }),
    ).toContainText('Priya Shah');
    // The slip: one arrow too many, and the coffee goes to Priya Nair.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('list', { name: 'Chosen people' })).toContainText('Priya Nair');
    await dialog.getByRole('button', { name: 'Log it' }).click();
    await expect(toasts(page)).toContainText('Logged a coffee with Priya Nair');

    // 2. Fix it from Priya Nair's timeline: Edit, swap the person, save.
    await openPersonPage(page, 'Priya Nair');
    const entry = page.getByRole('feed', { name: 'Timeline with Priya Nair' }).getByRole('article', {
      name: 'Coffee or meal on 10 Mar 2026',
    });
    await entry.getByRole('button', { name: /Actions for/ }).click();
    await expectAccessible(page, 'Timeline entry menu');
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit interaction' });
    await expect(edit.getByRole('combobox', { name: 'With' })).toBeFocused();
    await page.keyboard.press('Backspace');
    await page.keyboard.type('Priya Shah');
    await page.keyboard.press('Enter');
    await expect(edit.getByRole('list', { name: 'Chosen people' })).toHaveText(/Priya Shah/);
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect(toasts(page)).toContainText('Saved a coffee with Priya Shah');
    await expect(entry).toBeHidden();

    // 3. On Priya Shah's page: delete it, then Undo.
    await openPersonPage(page, 'Priya Shah');
    const moved = page.getByRole('feed', { name: 'Timeline with Priya Shah' }).getByRole('article', {
      name: 'Coffee or meal on 10 Mar 2026',
    });
    await expect(moved).toBeVisible();
    await moved.getByRole('button', { name: /Actions for/ }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await expect(toasts(page)).toContainText('Deleted a coffee with Priya Shah');
    await expect(page.getByText('Nothing logged with Priya Shah yet')).toBeVisible();
    await undoFrom(page, 'Deleted a coffee with Priya Shah');
    await expect(moved).toBeVisible();
    // On a person's page the sidebar's Log interaction and Ctrl+L log with them, as the page's own button does.
    const withPriya = page.getByRole('dialog', { name: 'Log an interaction' });
    await page.getByRole('navigation').getByRole('button', { name: 'Log interaction' }).click();
    await expect(withPriya.getByRole('list', { name: 'Chosen people' })).toHaveText(/Priya Shah/);
    await page.keyboard.press('Escape');
    await expect(withPriya).toBeHidden();
    await page.keyboard.press('Control+l');
    await expect(withPriya.getByRole('list', { name: 'Chosen people' })).toHaveText(/Priya Shah/);
    await page.keyboard.press('Escape');
    await expect(withPriya).toBeHidden();

    // 4. People sorted by last contact: the newest first, never-contacted last.
    await page.keyboard.press('Control+3');
    await page.getByRole('button', { name: 'Sort by: Name' }).click();
    await expectAccessible(page, 'Sort menu open');
    await page.getByRole('menuitemradio', { name: 'Last contact' }).click();
    const names = page.getByRole('list', { name: /People/ }).locator('.person-name');
    await expect(names).toHaveText(['Priya Shah', 'Sam Okafor', 'Priya Nair']);
  } finally {
    await served.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
