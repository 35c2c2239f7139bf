import type { Locator, Page } from '@playwright/test';
import { addPerson, openPersonPage } from './helpers.ts';
import { expect, test } from './serve-fixture.ts';

/** The top and bottom edges of each control, rounded to the pixel. */
async function edges(controls: Locator[]): Promise<string[]> {
  const boxes = await Promise.all(controls.map((c) => c.boundingBox()));
  return boxes.map((b) => `${Math.round(b!.y)}–${Math.round(b!.y + b!.height)}`);
}

/** The height of a message in lines of its own text. */
const lines = (message: Locator) =>
  message.evaluate((p) => Math.round(p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight)));

async function checkRows(page: Page) {
  // A birthday that does not exist: a one-line message under Day.
  await openPersonPage(page, 'Sam Okafor');
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const edit = page.getByRole('dialog', { name: 'Edit Sam Okafor' });
  const birthday = edit.getByRole('group', { name: 'Birthday (year optional)' });
  await birthday.getByLabel('Day', { exact: true }).fill('31');
  await birthday.getByLabel('Month', { exact: true }).fill('2');
  await page.keyboard.press('Enter');
  const dayMessage = birthday.getByText('That day does not exist in that month');
  await expect(dayMessage).toBeVisible();
  expect(await lines(dayMessage)).toBe(1);
  const [day, ...others] = await edges(
    ['Day', 'Month', 'Year'].map((name) => birthday.getByLabel(name, { exact: true })),
  );
  expect(others).toEqual([day, day]);
  await page.keyboard.press('Escape');
  await expect(edit).toBeHidden();

  // A day still to come in the log dialog: a two-line message under Date, between a select and inputs.
  await page.getByRole('main').getByRole('button', { name: 'Log interaction' }).click();
  const log = page.getByRole('dialog', { name: 'Log an interaction' });
  await log.getByLabel('Date').fill('2099-01-15');
  await log.getByRole('button', { name: 'Log it' }).click();
  const dateMessage = log.getByText('That day has not come yet. Log it once it has happened.');
  await expect(dateMessage).toBeVisible();
  expect(await lines(dateMessage)).toBe(2);
  const [what, ...rest] = await edges(
    ['What', 'Date', 'Time (optional)', 'Who reached out'].map((name) => log.getByLabel(name, { exact: true })),
  );
  expect(rest).toEqual([what, what, what]);
  await page.keyboard.press('Escape');
}

for (const [width, height] of [
  [1280, 800],
  [900, 600],
] as const)
  test(`fields in a row stay in line at their controls while one shows a message, at ${width}×${height}`, async ({
    page,
    served,
  }) => {
    await page.setViewportSize({ width, height });
    await page.goto(served.url);
    await addPerson(page, 'Sam Okafor');
    await checkRows(page);
  });
