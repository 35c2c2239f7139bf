/**
 * Renders sample cards to PNG with Playwright's Chromium (`/usr/bin/chromium` here), cached by
 * the card's contents in a temp folder, so a second run of the bench or the test reuses them.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { cardHtml, type SampleCard } from './sample-cards.ts';

export const CARD_CACHE = join(tmpdir(), 'rapport-card-images');

const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;

/** One PNG path per card, in order; only missing images are drawn. */
export async function renderCards(cards: readonly SampleCard[]): Promise<string[]> {
  mkdirSync(CARD_CACHE, { recursive: true });
  const paths = cards.map((card) => {
    const hash = createHash('sha256').update(cardHtml(card)).digest('hex').slice(0, 16);
    return join(CARD_CACHE, `${hash}.png`);
  });
  const missing = cards.flatMap((card, i) => (existsSync(paths[i]!) ? [] : [{ card, path: paths[i]! }]));
  if (!missing.length) return paths;
  const browser = await chromium.launch({ executablePath });
  try {
    const page = await browser.newPage({ viewport: { width: 1050, height: 600 } });
    for (const { card, path } of missing) {
      await page.setContent(cardHtml(card));
      await page.screenshot({ path });
    }
  } finally {
    await browser.close();
  }
  return paths;
}
