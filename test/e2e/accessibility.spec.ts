import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectAccessible } from './helpers.ts';
import { expect, startServe, test } from './serve-fixture.ts';

const SCREENS = [
  ['1', 'Today'],
  ['2', 'Timeline'],
  ['3', 'People'],
  ['4', 'Practice'],
  ['5', 'Conversation starters'],
  ['6', 'Settings'],
  ['7', 'Events'],
  ['8', 'Network'],
] as const;

/** A served demo profile (60 people, 400 interactions) on a fixed day. */
async function demo() {
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-e2e-axe-'));
  execFileSync(process.execPath, [
    'scripts/seed-demo.ts',
    ...['--contacts', '60', '--interactions', '400', '--data-dir', dataDir, '--today', '2026-03-10'],
  ]);
  const served = await startServe(dataDir, ['--today', '2026-03-10']);
  return {
    url: served.url,
    async stop() {
      await served.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

for (const scheme of ['light', 'dark'] as const) {
  test(`every screen passes axe in ${scheme} mode`, async ({ page }) => {
    test.setTimeout(240_000);
    const served = await demo();
    try {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(served.url);
      for (const [key, heading] of SCREENS) {
        await page.keyboard.press(`Control+${key}`);
        await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
        await expect(page.getByText('Loading…')).toHaveCount(0);
        await expectAccessible(page, `${heading} (${scheme})`);
      }
      await page.keyboard.press('Control+3');
      await page
        .getByRole('list', { name: /People/ })
        .getByRole('link')
        .first()
        .click();
      await expect(page.getByRole('feed')).toBeVisible();
      await expectAccessible(page, `a person (${scheme})`);
    } finally {
      await served.stop();
    }
  });
}

test('open dialogs, menus, the palette with results and the picker pass axe', async ({ page }) => {
  test.setTimeout(240_000);
  const served = await demo();
  try {
    await page.goto(served.url);
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
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /^Show:/ }).click();
    await expectAccessible(page, 'People filter menu');
    await page.keyboard.press('Escape');
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
    await page.keyboard.press('Escape');

    await page.keyboard.press('Control+4');
    await page.getByRole('button', { name: 'New ladder' }).click();
    await expect(page.getByRole('dialog', { name: 'New fear ladder' })).toBeVisible();
    await expectAccessible(page, 'ladder builder');
  } finally {
    await served.stop();
  }
});
