import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import QRCode from 'qrcode';
import { renderCards } from '../cards/render-cards.ts';
import { SAMPLE_CARDS } from '../cards/sample-cards.ts';
import { api } from './helpers.ts';
import { expect, test } from './serve-fixture.ts';

/**
 * At an event, quick capture reads a card: a QR code of a card Rapport made (someone's My card)
 * and a photo of a printed card both fill the form for review.
 */

async function readIntoCapture(page: Page, image: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: /Quick capture/ });
  const picker = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose card image…' }).click();
  await (await picker).setFiles(image);
}

test('a Rapport QR card and a card photo both fill quick capture', async ({ page, served }) => {
  // The first OCR read starts its worker; on a loaded machine that alone takes seconds.
  test.setTimeout(240_000);
  const folder = mkdtempSync(join(tmpdir(), 'rapport-e2e-capture-'));
  try {
    await page.goto(served.url);
    // Someone's My card, as their Rapport would show it.
    await api(page, 'cards.setProfile', {
      name: 'Grace Hopper',
      email: 'grace@example.org',
      phone: '+44 20 7946 0000',
    });
    const { vcard } = await api<{ vcard: string }>(page, 'cards.myCard', {});
    const qr = join(folder, 'my-card.png');
    writeFileSync(qr, await QRCode.toBuffer(vcard, { width: 600, margin: 4 }));
    const card = SAMPLE_CARDS[0]!;
    const [photo] = await renderCards([card]);

    const today = new Date().toISOString().slice(0, 10);
    const event = await api<{ id: string }>(page, 'events.create', {
      fields: { kind: 'meet-up', name: 'Design meet-up', startsOn: today },
    });
    await page.evaluate((id) => (window.location.hash = `#/events/${id}`), event.id);
    await page.getByRole('button', { name: 'Quick capture' }).click();
    const dialog = page.getByRole('dialog', { name: /Quick capture/ });

    await readIntoCapture(page, qr);
    await expect(dialog.getByLabel('Name')).toHaveValue('Grace Hopper', { timeout: 60_000 });
    await expect(dialog.getByLabel('Email')).toHaveValue('grace@example.org');
    await expect(dialog.getByLabel('Phone')).toHaveValue('+44 20 7946 0000');

    await readIntoCapture(page, photo!);
    await expect(dialog.getByLabel('Name')).toHaveValue(card.name, { timeout: 120_000 });
    await expect(dialog.getByLabel('Email')).toHaveValue(card.email);
    await expect(dialog.getByLabel('Phone')).toHaveValue(card.phone);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
