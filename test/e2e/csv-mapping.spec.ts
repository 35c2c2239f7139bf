import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expectAccessible, openPersonPage } from './helpers.ts';
import { expect, test } from './serve-fixture.ts';

/** Outlook desktop's real header row (File → Export → Comma Separated Values), from the importer's fixture. */
const HEADER = readFileSync('main/core/interchange/csv/fixtures/outlook.csv', 'latin1')
  .split(/\r?\n/)[0]!
  .split(',')
  .map((cell) => cell.replace(/^"|"$/g, ''));

// Fictional people. This user kept LinkedIn profiles in "User 1", which Outlook has no field for.
const PEOPLE: Record<string, string>[] = [
  {
    'First Name': 'Ines',
    'Last Name': 'Okonkwo-Berg',
    Company: 'Harbourline Freight',
    'Job Title': 'Operations Lead',
    'E-mail Address': 'ines@harbourline.example',
    'Mobile Phone': '+44 7700 900111',
    'User 1': 'https://www.linkedin.com/in/ines-okonkwo-berg',
  },
  {
    'First Name': 'Tomasz',
    'Last Name': 'Wielki',
    'Business Phone': '+48 22 555 0140',
    'User 1': 'https://www.linkedin.com/in/tomasz-wielki',
  },
];
// Outlook quotes every cell and fills its defaults into every row.
const DEFAULTS = { Gender: 'Unspecified', Priority: 'Normal', Private: 'False', Sensitivity: 'Normal' };
const OUTLOOK_CSV =
  [HEADER, ...PEOPLE.map((p) => HEADER.map((h) => ({ ...DEFAULTS, ...p })[h] ?? ''))]
    .map((row) => row.map((cell) => `"${cell}"`).join(','))
    .join('\r\n') + '\r\n';

async function chooseFile(page: Page) {
  await page.keyboard.press('Control+3');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import contacts' });
  await dialog
    .getByLabel(/Outlook/)
    .setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(OUTLOOK_CSV) });
  await expect(dialog.getByRole('status').first()).toHaveText(/contacts\.csv: 2 people/);
  return dialog;
}

test('an Outlook CSV: fix where one column goes, remember the layout, import, and the person has the field', async ({
  page,
  served,
}) => {
  await page.goto(served.url);
  const dialog = await chooseFile(page);

  // The columns fold open from the keyboard.
  const columns = dialog.getByText(/^Columns: recognised/);
  await columns.focus();
  await page.keyboard.press('Enter');
  await expect(dialog.getByText('Recognised as an Outlook export.')).toBeVisible();
  const userOne = dialog.getByRole('combobox', { name: 'Where "User 1" goes' });
  await expect(userOne).toHaveValue('keep');
  await expect(dialog.getByRole('row', { name: /User 1/ })).toContainText('https://www.linkedin.com/in/tomasz-wielki');
  await expectAccessible(page, 'Import preview, CSV columns open');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'Import preview, CSV columns open (dark)');
  await page.emulateMedia({ colorScheme: 'light' });

  // Type-ahead in the field list, as a keyboard user picks: W for "Web address or profile". One
  // letter: on a loaded machine keys typed more than a second apart restart the type-ahead, and
  // "Web" once became "e" for E-mail.
  await userOne.focus();
  await page.keyboard.type('W');
  await expect(userOne).toHaveValue('url');
  await expect(dialog.getByText('Read as an Outlook export, with your changes.')).toBeVisible();
  await expect(dialog.getByText('Reading the file again…')).toBeHidden();

  const remember = dialog.getByRole('checkbox', { name: 'Remember this layout' });
  await remember.focus();
  await page.keyboard.press('Space');
  await expect(remember).toBeChecked();
  await expect(dialog.getByText('Reading the file again…')).toBeHidden();
  await expectAccessible(page, 'Import preview, CSV columns changed');

  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toContainText('Imported: 2 created');
  await dialog.getByRole('button', { name: 'Done' }).click();

  await openPersonPage(page, 'Ines Okonkwo-Berg');
  const about = page.getByRole('complementary', { name: 'About' });
  await expect(about.getByRole('link', { name: 'linkedin' })).toHaveAttribute(
    'href',
    'https://www.linkedin.com/in/ines-okonkwo-berg',
  );
  await expect(about).toContainText('+44 7700 900111 (mobile)');

  // The next export from the same Outlook is read the remembered way, and the preview says so.
  const again = await chooseFile(page);
  await again.getByText(/^Columns: as you remembered them/).click();
  await expect(again.getByText('Read with the layout you remembered for these columns.')).toBeVisible();
  await expect(again.getByRole('combobox', { name: 'Where "User 1" goes' })).toHaveValue('url');
  await expect(again.getByRole('checkbox', { name: 'Remember this layout' })).toBeChecked();
});

test('at 900×600 the columns scroll in their own box under headers that stay readable, and Import stays in view', async ({
  page,
  served,
}) => {
  await page.setViewportSize({ width: 900, height: 600 });
  await page.goto(served.url);
  const dialog = await chooseFile(page);
  await dialog.getByText(/^Columns: recognised/).click();
  await dialog.getByRole('button', { name: /^Show the \d+ empty columns too$/ }).click();
  const table = dialog.getByRole('table', { name: 'Where each column of the file goes' });
  const box = table.locator('xpath=..');
  const fields = table.getByRole('combobox');
  // Whatever is on screen, an element is readable there when it is the one hit at its centre.
  const onTop = (locator: typeof table) =>
    locator.evaluate((element) => {
      const { left, top, width, height } = element.getBoundingClientRect();
      return document.elementFromPoint(left + width / 2, top + height / 2)?.closest('th, select, button') === element;
    });

  // The table scrolls inside its own box, which fits in the dialog above its foot, with no sideways scrolling.
  await box.scrollIntoViewIfNeeded();
  const [inside, dialogBox, foot] = await Promise.all([
    box.boundingBox(),
    dialog.boundingBox(),
    dialog.locator('.dialog-footer').boundingBox(),
  ]);
  expect(inside!.y).toBeGreaterThanOrEqual(dialogBox!.y - 1);
  expect(inside!.y + inside!.height).toBeLessThanOrEqual(foot!.y);
  const size = await box.evaluate((e) => ({
    client: e.clientHeight,
    scroll: e.scrollHeight,
    wide: e.scrollWidth - e.clientWidth,
  }));
  expect(size.scroll).toBeGreaterThan(size.client);
  expect(size.client).toBeLessThanOrEqual(300);
  expect(size.wide).toBe(0);
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeInViewport();
  expect(await onTop(dialog.getByRole('button', { name: 'Import', exact: true }))).toBe(true);

  // The last field, reached from the keyboard, is in view and not under the dialog's foot.
  const last = fields.last();
  await last.focus();
  await expect(last).toBeInViewport();
  expect(await onTop(last)).toBe(true);
  // Scrolled down, the headers stay on top of the rows, on one line each.
  for (const name of ['Column', 'Values in the file', 'Goes to']) {
    const header = table.getByRole('columnheader', { name });
    expect(await onTop(header)).toBe(true);
    expect((await header.boundingBox())!.height).toBeLessThan(48);
  }
  // Back up by the keyboard (Shift+Tab) to a row scrolled away: it comes into view below the headers, not under them.
  await box.evaluate((element) => (element.scrollTop = 120));
  await fields.nth(1).evaluate((element) => (element as HTMLSelectElement).focus({ preventScroll: true }));
  await page.keyboard.press('Shift+Tab');
  await expect(fields.first()).toBeFocused();
  expect(await onTop(fields.first())).toBe(true);
});
