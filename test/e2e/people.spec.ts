import { WebSocket } from 'ws';
import { addPerson, expectAccessible } from './helpers.ts';
import { expect, test } from './serve-fixture.ts';

test('adding a person (N, typing at once) lists them on the People screen, and Undo takes them back', async ({
  page,
  served,
}) => {
  await page.goto(served.url);
  await page.getByRole('link', { name: 'People' }).click();
  await expect(page.getByText('Nobody here yet')).toBeVisible();
  await expectAccessible(page, 'People, empty');
  await page.keyboard.press('n');
  await expect(page.getByRole('dialog', { name: 'Add person' })).toBeVisible();
  await expectAccessible(page, 'Add person dialog');
  await page.keyboard.type('Ada Lovelace');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Analytical Engines');
  await page.keyboard.press('Enter');
  const list = page.getByRole('list', { name: /People/ });
  await expect(list.getByText('Ada Lovelace')).toBeVisible();
  await expect(list.getByText('Analytical Engines')).toBeVisible();
  // F8 reaches the notifications, as someone going for Undo would, and holds the toast open there:
  // otherwise its 8 seconds can run out during the accessibility check on a busy machine.
  await page.keyboard.press('F8');
  await expectAccessible(page, 'People with a toast');
  await page
    .getByRole('region', { name: /Notifications/ })
    .getByRole('button', { name: 'Undo' })
    .click();
  await expect(page.getByText('Nobody here yet')).toBeVisible();
});

test('a second page sees a new person live, without a reload', async ({ browser, served }) => {
  const first = await browser.newPage();
  const second = await browser.newPage();
  await first.goto(served.url);
  await second.goto(served.url);
  await second.getByRole('link', { name: 'People' }).click();
  await expect(second.getByText('Nobody here yet')).toBeVisible();

  await addPerson(first, 'Grace Hopper');
  await expect(second.getByRole('list', { name: /People/ }).getByText('Grace Hopper')).toBeVisible();
});

test('an empty name or a bad email shows the message by the field and adds nobody', async ({ page, served }) => {
  await page.goto(`${served.url}`);
  await page.getByRole('link', { name: 'People' }).click();
  await page.getByRole('button', { name: 'Add person' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add person' });
  await page.keyboard.type('   ');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toHaveText('Name is required');
  await expect(dialog.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.type('Grace');
  await dialog.getByLabel('Email').focus();
  await page.keyboard.type('not-an-email');
  await page.keyboard.press('Enter');
  await expect(dialog.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'Add person with errors');
  await page.keyboard.press('Escape');
  await expect(page.getByText('Nobody here yet')).toBeVisible();
});

test('the bridge refuses a WebSocket without the launch token', async ({ served }) => {
  const attempt = (protocols: string[], origin = `http://127.0.0.1:${served.port}`) =>
    new Promise<string>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${served.port}/bridge`, protocols, { origin });
      ws.on('open', () => {
        ws.close();
        resolve('open');
      });
      ws.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
      ws.on('error', () => resolve('error'));
    });
  const token = new URL(served.url).hash.replace('#token=', '');
  expect(await attempt(['rapport.v1'])).toBe('401');
  expect(await attempt(['rapport.v1', 'rapport-token.0000'])).toBe('401');
  expect(await attempt(['rapport.v1', `rapport-token.${token}`], 'http://evil.example')).toBe('403');
  expect(await attempt(['rapport.v1', `rapport-token.${token}`])).toBe('open');
});

test('the keyboard reaches every screen and the People form', async ({ page, served }) => {
  await page.goto(served.url);
  await page.keyboard.press('Control+3');
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeFocused();
  await page.keyboard.press('Control+8');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByText('Browser mode (npm run serve)')).toBeVisible();
  await page.keyboard.press('Control+5');
  await expect(page.getByRole('heading', { level: 1, name: 'Practice' })).toBeFocused();
  await page.keyboard.press('Control+6');
  await expect(page.getByRole('heading', { level: 1, name: 'Conversation starters' })).toBeFocused();
});
