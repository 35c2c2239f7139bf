import AxeBuilder from '@axe-core/playwright';
import axe from 'axe-core';
import { expect, type Page } from '@playwright/test';

/**
 * axe's source (580 kB) goes into each document once: AxeBuilder evaluates the source it is given
 * twice per check (once in analyze, again in runLegacy's inject), and on a loaded 2-core machine
 * each of those took 0.5-3.5 s, more than the check itself. The stand-in it evaluates instead only
 * asserts that the page runs scripts; the axe it then runs is the one installed here.
 */
async function installAxe(page: Page): Promise<void> {
  const installed = await page.evaluate(
    (version) => (window as { axe?: { version?: string } }).axe?.version === version,
    axe.version,
  );
  if (!installed) await page.evaluate(axe.source);
}
const AXE_ALREADY_INSTALLED = 'void 0;';

/**
 * Waits for the dialog, menu and toast animations that are running to end. A menu checked halfway
 * through fading in has its colours mixed with what is behind it, and fails the contrast rule: this
 * happened whenever a run was fast enough to reach the check within the fade's 120 ms.
 */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
}

/**
 * Runs axe on what is on screen now (a screen, an open dialog, menu or palette) and fails on any
 * serious or critical finding, naming the rule and the elements.
 *
 * Legacy mode runs `axe.run` in the page itself; the default mode runs each frame apart and joins
 * the results in a new blank page, which costs a tab and a second copy of axe per check. The app has
 * no frames, so both check the same. Only violations are read, so axe builds selectors for no other
 * results. Together they take a check from 11-49 s to 6-10 s on a loaded 2-core machine.
 */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  const started = Date.now();
  // Toasts hold still while axe reads the page, as they do under the pointer (Radix Toast pauses
  // its timers then): a check takes seconds here, and a toast fading out midway was read as text
  // too faint. (A window blur would pause them too, but it also closes open menus.)
  const toastPointer = (type: 'pointermove' | 'pointerleave') =>
    page.evaluate((type) => {
      const viewport = document.querySelector('.toast-viewport');
      // pointermove bubbles up to the viewport's wrapper, where Radix listens; pointerleave does not.
      (type === 'pointermove' ? viewport : viewport?.parentElement)?.dispatchEvent(
        new PointerEvent(type, { bubbles: type === 'pointermove' }),
      );
    }, type);
  await toastPointer('pointermove');
  await settled(page);
  await installAxe(page);
  const { violations } = await new AxeBuilder({ page, axeSource: AXE_ALREADY_INSTALLED })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .options({ resultTypes: ['violations'] })
    .setLegacyMode()
    .analyze()
    .finally(() => toastPointer('pointerleave'));
  if (process.env.AXE_TIMES) console.log(`axe ${state}: ${Date.now() - started} ms`);
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${state}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

/**
 * Fails when axe's `region` rule (a best practice, so not among the WCAG tags expectAccessible
 * runs) finds content outside every landmark: an open menu, popover or tooltip must render inside
 * the landmark it was opened from (ui/PopupLayer.tsx), where landmark navigation reaches it.
 */
export async function expectInLandmarks(page: Page, state: string): Promise<void> {
  await settled(page);
  await installAxe(page);
  const { violations } = await new AxeBuilder({ page, axeSource: AXE_ALREADY_INSTALLED })
    .withRules(['region'])
    .options({ resultTypes: ['violations'] })
    .setLegacyMode()
    .analyze();
  expect(violations.flatMap((v) => v.nodes.map((n) => `${state}: ${v.id} ${n.target.join(' ')}`))).toEqual([]);
}

/** Adds a person the way a user does: N on the People screen, then typing right away. */
export async function addPerson(page: Page, name: string, organisation?: string): Promise<void> {
  await page.keyboard.press('Control+3');
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeFocused();
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'Add person' });
  await expect(dialog).toBeVisible();
  await page.keyboard.type(name);
  if (organisation) {
    await page.keyboard.press('Tab');
    await page.keyboard.type(organisation);
  }
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(toasts(page).getByText(`Added ${name}`)).toBeVisible();
}

/** The toast region (Radix names it "Notifications"). */
export const toasts = (page: Page) => page.getByRole('region', { name: /Notifications/ });

/** Calls `window.rapport.<area>.<method>(input)` in the page and returns the value, failing on an error. */
export async function api<T = unknown>(page: Page, channel: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    async ([channel, input]) => {
      const [area, method] = (channel as string).split('.') as [string, string];
      const target = (
        window as unknown as { rapport: Record<string, Record<string, (i: unknown) => Promise<unknown>>> }
      ).rapport;
      return target[area]![method]!(input) as Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>;
    },
    [channel, input] as const,
  );
  if (!result.ok) throw new Error(`${channel}: ${result.error?.message}`);
  return result.value as T;
}

/** Opens a person's page from the People list. */
export async function openPersonPage(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+3');
  await page
    .getByRole('list', { name: /People/ })
    .getByRole('link', { name: new RegExp(name) })
    .click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** Presses Undo on the toast that says `text` (several toasts can be on screen at once). */
export async function undoFrom(page: Page, text: string): Promise<void> {
  await toasts(page).getByRole('listitem').filter({ hasText: text }).getByRole('button', { name: 'Undo' }).click();
}
