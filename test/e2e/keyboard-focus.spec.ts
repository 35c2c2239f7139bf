import type { Page } from '@playwright/test';
import { api, openPersonPage } from './helpers.ts';
import { expect, test } from './serve-fixture.ts';

const person = (page: Page, displayName: string) => api<{ id: string }>(page, 'contacts.create', { displayName });

/**
 * Whether the focused element is inside the window, so the user can see where focus is. Polled: the
 * virtual timeline moves rows for a few frames as it measures them, and the reveal watch brings
 * the focused one back (reveal.ts).
 */
const focusInView = (page: Page) =>
  page.evaluate(() => {
    const box = document.activeElement?.getBoundingClientRect();
    return !!box && box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
  });

test('by keyboard: search reveals an entry far down the page on screen, deleting it keeps focus in the timeline, the person filter takes Enter, a bulk delete leaves focus on the list, a hit on another page is focused once it opens, even one older than the loaded pages', async ({
  page,
  served,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(served.url);
  const sam = await person(page, 'Sam Okafor');
  await person(page, 'Priya Nair');
  await person(page, 'Priya Shah');
  // 110 calls, a week apart, newest first: "Call number 35" is far below the first screen, and
  // "Call number 105" beyond the first page of 100 the timeline fetches.
  for (let n = 0; n < 110; n++) {
    const date = new Date(Date.UTC(2026, 2, 1) - n * 7 * 86_400_000).toISOString().slice(0, 10);
    await api(page, 'interactions.log', {
      interaction: { type: 'call', date, contactIds: [sam.id], notes: `Call number ${n}` },
    });
  }

  // 1. On Sam's page, Ctrl+K finds an old call: Enter closes the palette and focuses that entry.
  await openPersonPage(page, 'Sam Okafor');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('Call number 35');
  const palette = page.getByRole('dialog', { name: 'Search' });
  await expect(palette.getByRole('option', { name: /Call number 35/ }).first()).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  const feed = page.getByRole('feed', { name: 'Timeline with Sam Okafor' });
  const found = feed.getByRole('article').filter({ hasText: 'Call number 35' });
  await expect(found).toBeFocused();
  await expect.poll(() => focusInView(page)).toBe(true);

  // 2. Delete it from its menu: focus moves to the menu of the entry now in its place.
  await page.keyboard.press('Tab');
  await expect(found.getByRole('button', { name: /^Actions for/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Delete' }).focus();
  await page.keyboard.press('Enter');
  await expect(feed.getByText('Call number 35')).toHaveCount(0);
  const next = feed.getByRole('article').filter({ hasText: 'Call number 36' });
  await expect(next.getByRole('button', { name: /^Actions for/ })).toBeFocused();
  await expect.poll(() => focusInView(page)).toBe(true);

  // 3. The Timeline's person filter: a name two people share, then Enter, chooses the first match.
  await page.keyboard.press('Control+2');
  await page.getByRole('button', { name: /^Person/ }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type('Priya');
  await expect(page.getByRole('option', { name: /Priya Nair/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /^Person/ })).toContainText(/Priya (Nair|Shah)/);

  // 4. People: select Priya Shah, Delete in the bulk bar, confirm: focus is on the list.
  await page.keyboard.press('Control+3');
  await page.getByRole('checkbox', { name: 'Select Priya Shah' }).focus();
  await page.keyboard.press('Space');
  await page
    .getByRole('toolbar', { name: /^Actions for/ })
    .getByRole('button', { name: 'Delete' })
    .focus();
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: 'Delete 1 person?' }).getByRole('button', { name: 'Delete' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('checkbox', { name: 'Select Priya Shah' })).toHaveCount(0);
  await expect(page.getByRole('list', { name: /^People/ })).toBeFocused();

  // 5. From Today, Ctrl+K finds another old call: Enter opens Sam's page with that entry focused.
  await page.keyboard.press('Control+1');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('Call number 30');
  await expect(palette.getByRole('option', { name: /Call number 30/ }).first()).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(feed.getByRole('article').filter({ hasText: 'Call number 30' })).toBeFocused();
  await expect.poll(() => focusInView(page)).toBe(true);

  // 6. From Today again, a call older than the first page of 100 the page fetches: the timeline
  // asks where it stands, scrolls there and focuses it.
  await page.keyboard.press('Control+1');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('Call number 105');
  await expect(palette.getByRole('option', { name: /Call number 105/ }).first()).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(feed.getByRole('article').filter({ hasText: 'Call number 105' })).toBeFocused();
  await expect.poll(() => focusInView(page)).toBe(true);
});
