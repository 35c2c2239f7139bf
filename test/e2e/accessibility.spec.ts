import { rmSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expectAccessible, expectInLandmarks } from './helpers.ts';
import { DEMO_60, seededFolder } from './seeded-folder.ts';
import { test as served, expect, startServe } from './serve-fixture.ts';

const SCREENS = [
  ['1', 'Today'],
  ['2', 'Timeline'],
  ['3', 'People'],
  ['4', 'Events'],
  ['5', 'Practice'],
  ['6', 'Conversation starters'],
  ['7', 'Network'],
  ['8', 'Settings'],
] as const;

/**
 * The demo profile served on a fixed day, one server per worker: these tests only read (a checkbox
 * ticked or a dialog opened lives in the page, which each test has its own of), so they share it.
 */
const test = served.extend<object, { demo: { url: string } }>({
  demo: [
    async ({}, use) => {
      const dataDir = await seededFolder('demo-60', DEMO_60);
      try {
        const app = await startServe(dataDir, ['--today', '2026-03-10']);
        await use({ url: app.url });
        await app.stop();
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    { scope: 'worker', timeout: 120_000 },
  ],
});

/** Every screen, then a person's page, each checked by `check` once it has loaded. */
async function walkScreens(page: Page, check: (state: string) => Promise<void>) {
  for (const [key, heading] of SCREENS) {
    await page.keyboard.press(`Control+${key}`);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.getByText('Loading…')).toHaveCount(0);
    await check(heading);
  }
  await page.keyboard.press('Control+3');
  await page
    .getByRole('list', { name: /People/ })
    .getByRole('link')
    .first()
    .click();
  await expect(page.getByRole('feed')).toBeVisible();
  await check('a person');
}

for (const scheme of ['light', 'dark'] as const) {
  test(`every screen passes axe in ${scheme} mode`, async ({ page, demo }) => {
    test.setTimeout(240_000);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(demo.url);
    await walkScreens(page, (state) => expectAccessible(page, `${state} (${scheme})`));
  });
}

test('open dialogs, menus, the palette with results and the picker pass axe', async ({ page, demo }) => {
  test.setTimeout(240_000);
  await page.goto(demo.url);
  // The palette with results, the log dialog with the
  // picker open, the People menus, a timeline entry's menu, the ladder builder.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('a');
  await expect(page.getByRole('option').first()).toBeVisible();
  await expectAccessible(page, 'search palette with results');
  await page.keyboard.press('Escape');

  await page.keyboard.press('Control+l');
  await page.keyboard.type('a');
  await expect(page.getByRole('listbox', { name: 'Matching people' })).toBeVisible();
  await expectAccessible(page, 'log dialog, picker open');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');

  await page.keyboard.press('Control+3');
  await page.getByRole('button', { name: 'More people actions' }).click();
  await expect(page.getByRole('menu')).toBeVisible();
  await expectAccessible(page, 'People menu');
  await expectInLandmarks(page, 'People menu');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /^Show:/ }).click();
  await expectAccessible(page, 'People filter menu');
  await expectInLandmarks(page, 'People filter menu');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Add person' }).hover();
  await expect(page.getByRole('tooltip')).toBeVisible();
  await expectInLandmarks(page, 'a tooltip');
  await page.mouse.move(0, 0);
  await page.getByRole('checkbox').first().check();
  await expect(page.getByRole('toolbar', { name: /Actions for 1 person/ })).toBeVisible();
  await expectAccessible(page, 'People with a selection');

  await page.keyboard.press('Control+2');
  await page
    .getByRole('button', { name: /Actions for/ })
    .first()
    .click();
  await expect(page.getByRole('menu')).toBeVisible();
  await expectAccessible(page, 'timeline entry menu');
  await expectInLandmarks(page, 'timeline entry menu');
  await page.keyboard.press('Escape');

  await page.keyboard.press('Control+5');
  await page.getByRole('button', { name: 'New ladder' }).click();
  await expect(page.getByRole('dialog', { name: 'New fear ladder' })).toBeVisible();
  await expectAccessible(page, 'ladder builder');
});
