import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { renderCards } from '../cards/render-cards.ts';
import { SAMPLE_CARDS } from '../cards/sample-cards.ts';
import { expectAccessible, openPersonPage, toasts } from './helpers.ts';
import { expect, test } from './serve-fixture.ts';

/** With CARD_SCREENSHOTS=<folder>, the views are also saved at two sizes in light and dark. */
const shots = process.env.CARD_SCREENSHOTS;
async function screenshots(page: Page, name: string) {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  const size = page.viewportSize()!;
  for (const [width, height] of [
    [1280, 800],
    [900, 600],
  ] as const) {
    await page.setViewportSize({ width, height });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${shots}/${name}-${width}x${height}-${scheme}.png` });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize(size);
}

test('a business card photo fills Add person for review, and saving adds the person', async ({ page, served }) => {
  // The first read starts the OCR worker; on a loaded machine that alone can take many seconds.
  test.setTimeout(240_000);
  const card = SAMPLE_CARDS[0]!;
  const [image] = await renderCards([card]);
  await page.goto(served.url);
  await page.keyboard.press('Control+3');
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeFocused();
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'Add person' });
  await expect(dialog.getByLabel('Name')).toBeFocused();
  await expectAccessible(page, 'add person with the card reader');

  // From the name field to the reader's button, by keyboard; Enter opens the file picker.
  const choose = dialog.getByRole('button', { name: 'Choose card image…' });
  while (!(await choose.evaluate((el) => el === document.activeElement))) await page.keyboard.press('Tab');
  const picker = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await picker).setFiles(image!);

  await expect(dialog.getByRole('status')).toContainText('Check each field', { timeout: 60_000 });
  await expect(dialog.getByLabel('Name')).toHaveValue(card.name);
  await expect(dialog.getByLabel('Email')).toHaveValue(card.email);
  await expect(dialog.getByLabel('Phone')).toHaveValue(card.phone);
  await expect(dialog.getByLabel('Organisation')).toHaveValue(card.organisation);
  await expect(dialog.getByLabel('Name')).toBeFocused();
  await expectAccessible(page, 'add person, reviewing a read card');
  await screenshots(page, 'add-person-review');

  // The user corrects a field before saving: what they typed is what is kept.
  await dialog.getByLabel('Role').fill('');
  await dialog.getByLabel('Role').focus();
  await page.keyboard.type('Partnerships lead');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(toasts(page).getByText(`Added ${card.name}`)).toBeVisible();
  await openPersonPage(page, card.name);
  const main = page.getByRole('main');
  await expect(main.getByText(card.email)).toBeVisible();
  await expect(main.getByText(card.phone)).toBeVisible();
  await expect(main.getByText('Partnerships lead').first()).toBeVisible();
});

test('an image with no card in it says so, and nothing is filled in', async ({ page, served }) => {
  await page.goto(served.url);
  await page.keyboard.press('Control+3');
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeFocused();
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'Add person' });
  const picker = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose card image…' }).press('Enter');
  await (await picker).setFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(dialog.getByRole('alert')).toHaveText(/notes.txt is not an image Rapport can open/);
  await expect(dialog.getByLabel('Name')).toHaveValue('');
});

test('My card: your details in Settings, shown full-screen as a QR code, Escape closes', async ({ page, served }) => {
  await page.goto(served.url);
  await page.keyboard.press('Control+8');
  const form = page.getByRole('form', { name: 'My card' });
  await expect(form.getByRole('button', { name: 'Show my card' })).toBeDisabled();
  await form.getByLabel('Name').focus();
  await page.keyboard.type('Amara Okafor');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Head of Partnerships');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Northwind Analytics');
  await page.keyboard.press('Tab');
  await page.keyboard.type('amara@northwind');
  await page.keyboard.press('Enter');
  await expect(form.getByText('Enter an email address like name@example.org')).toBeVisible();
  await form.getByLabel('Email').focus();
  await page.keyboard.type('.example');
  await page.keyboard.press('Tab');
  await page.keyboard.type('+44 20 7946 0321');
  await page.keyboard.press('Enter');
  await expect(toasts(page).getByText('Saved your card')).toBeVisible();
  await expectAccessible(page, 'settings with My card');
  await screenshots(page, 'settings-my-card');

  await form.getByRole('button', { name: 'Show my card' }).press('Enter');
  const shown = page.getByRole('dialog', { name: 'My card' });
  await expect(shown.getByRole('img', { name: 'QR code with the contact card of Amara Okafor' })).toBeVisible();
  const box = (await shown.getByRole('img').boundingBox())!;
  expect(box.width).toBeGreaterThan(300);
  await expectAccessible(page, 'my card full-screen');
  await screenshots(page, 'my-card');
  await page.keyboard.press('Escape');
  await expect(shown).toBeHidden();

  // The palette offers it too.
  await page.keyboard.press('Control+k');
  await page.keyboard.press('End');
  await expect(page.getByRole('option', { name: 'Show my card' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'My card' })).toBeVisible();
});
