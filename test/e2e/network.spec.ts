import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { api, expectAccessible, openPersonPage, toasts } from './helpers.ts';
import { expect, startServe, test, type ServedApp } from './serve-fixture.ts';

// Each test starts its own server and runs axe several times: slow on a shared 2-core machine.
test.describe.configure({ timeout: 300_000 });

/** A Tuesday: the week runs from 30 November. */
const TODAY = '2026-12-01';

async function serve(run: (page: Page, served: ServedApp) => Promise<void>, page: Page) {
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-e2e-network-'));
  const served = await startServe(dataDir, ['--today', TODAY]);
  try {
    await page.goto(served.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
    await run(page, served);
  } finally {
    await served.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const person = (page: Page, fields: Record<string, unknown>) => api<{ id: string }>(page, 'contacts.create', fields);
const logCoffee = (page: Page, contactId: string, date: string) =>
  api(page, 'interactions.log', { interaction: { type: 'coffee', date, contactIds: [contactId] } });

test('a planted looking-for/can-help pair is suggested, and logging the intro records gave: intro for both', async ({
  page,
}) => {
  await serve(async (page) => {
    const ana = await person(page, {
      displayName: 'Ana Costa',
      lookingFor: 'a Rust mentor',
      emails: [{ value: 'ana@example.org' }],
    });
    const ben = await person(page, { displayName: 'Ben Okafor', canHelpWith: 'mentoring Rust developers' });
    await page.reload();

    await page.keyboard.press('Control+7');
    await expect(page.getByRole('heading', { level: 1, name: 'Network' })).toBeFocused();
    const intros = page.getByRole('region', { name: /Suggested introductions/ });
    await expect(intros.getByRole('listitem')).toHaveCount(1);
    await expect(intros).toContainText('Ana Costa is looking for a Rust mentor');
    await expect(intros).toContainText('Ben Okafor can help with mentoring Rust developers');
    await expectAccessible(page, 'network screen');

    await intros.getByRole('button', { name: 'Draft opt-in messages for Ana Costa and Ben Okafor' }).click();
    const dialog = page.getByRole('dialog', { name: 'Introduce Ana Costa and Ben Okafor?' });
    await expect(dialog.getByRole('textbox', { name: 'Message to Ben Okafor' })).toHaveValue(
      /Would you be open to an introduction\?/,
    );
    await expect(dialog.getByRole('link', { name: 'Open in email to Ana Costa' })).toHaveAttribute(
      'href',
      /^mailto:ana%40example\.org\?subject=/,
    );
    await expectAccessible(page, 'intro opt-in dialog');
    await dialog.getByRole('button', { name: 'Both said yes: log introduction' }).click();
    const logged = 'Logged your introduction of Ana Costa and Ben Okafor';
    await expect(toasts(page).getByText(logged, { exact: true })).toBeVisible();
    await expect(dialog).toBeHidden();
    await expect(intros.getByText(/No matches yet/)).toBeVisible();

    // Ctrl+Z while typing undoes the typing, not the introduction…
    const tags = page.getByRole('region', { name: 'Announce your news' }).getByLabel('Tags', { exact: true });
    await tags.focus();
    await page.keyboard.type('rust');
    await page.keyboard.press('Control+z');
    await expect(tags).toHaveValue('');
    await expect(toasts(page).getByText(/^Undone/)).toHaveCount(0);
    // …and anywhere else it undoes the introduction: the pair is suggested again, nothing is left logged.
    await page.keyboard.press('Control+7');
    await page.keyboard.press('Control+z');
    await expect(toasts(page).getByText(`Undone: ${logged.charAt(0).toLowerCase()}${logged.slice(1)}`)).toBeVisible();
    await expect(intros.getByRole('listitem')).toHaveCount(1);
    for (const { id } of [ana, ben]) {
      expect(await api(page, 'contacts.get', { id })).not.toHaveProperty('relationships.0');
      const timeline = await api<{ entries: unknown[] }>(page, 'timeline.page', {
        filter: { contactId: id },
        offset: 0,
        limit: 10,
      });
      expect(timeline.entries).toEqual([]);
    }
    await expectAccessible(page, 'network screen after undoing an introduction');

    // Logged again, by keyboard: only this one counts below.
    await intros.getByRole('button', { name: 'Log introduction of Ana Costa and Ben Okafor' }).focus();
    await page.keyboard.press('Enter');
    await expect(toasts(page).getByText(logged, { exact: true })).toBeVisible();
    await expect(intros.getByText(/No matches yet/)).toBeVisible();

    for (const [name, other] of [
      ['Ana Costa', 'Ben Okafor'],
      ['Ben Okafor', 'Ana Costa'],
    ] as const) {
      await openPersonPage(page, name);
      await expect(page.getByRole('region', { name: 'Give and take' })).toContainText('You gave 1, asked for 0');
      await expect(page.getByRole('list', { name: `Relationships of ${name}` })).toContainText(
        `You introduced them to ${other}`,
      );
    }

    // The intro asked for nothing: one no-ask touch this week, on Today.
    await page.keyboard.press('Control+1');
    await expect(page.getByRole('region', { name: 'No-ask touches this week' })).toContainText('1 of 3');
    await expectAccessible(page, 'today with weekly touches');
  }, page);
});

test('in job-hunt mode the guard is shown before asking someone last seen 9 months ago, not a close contact', async ({
  page,
}) => {
  await serve(async (page) => {
    const dana = await person(page, { displayName: 'Dana Distant', tier: 'regular' });
    const cleo = await person(page, { displayName: 'Cleo Close', tier: 'close' });
    await logCoffee(page, dana.id, '2026-03-01');
    await logCoffee(page, cleo.id, '2026-11-24');
    await page.reload();

    await page.keyboard.press('Control+7');
    const mode = page.getByRole('checkbox', { name: 'Job-hunt mode' });
    await mode.focus();
    await page.keyboard.press('Space');
    await expect(mode).toBeChecked();
    await expect(page.getByRole('spinbutton', { name: 'Suggest reconnecting after (months)' })).toHaveValue('6');

    await openPersonPage(page, 'Dana Distant');
    await page.getByRole('button', { name: 'Ask for something' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ask Dana Distant for something' });
    const guard = dialog.getByRole('note', { name: 'Reconnect first' });
    await expect(guard).toContainText('9 months ago');
    await expect(dialog.getByRole('textbox', { name: 'Message to Dana Distant' })).toHaveValue(/No agenda/);
    await expectAccessible(page, 'ask dialog with the guard');
    await dialog.getByRole('button', { name: 'Ask anyway' }).click();
    await expect(dialog.getByRole('textbox', { name: 'Message to Dana Distant' })).toHaveValue(/could help with/);
    await page.keyboard.press('Escape');

    await openPersonPage(page, 'Cleo Close');
    await page.getByRole('button', { name: 'Ask for something' }).click();
    const cleoDialog = page.getByRole('dialog', { name: 'Ask Cleo Close for something' });
    await expect(cleoDialog.getByRole('textbox', { name: 'Message to Cleo Close' })).toHaveValue(/could help with/);
    await expect(cleoDialog.getByRole('note', { name: 'Reconnect first' })).toHaveCount(0);
    await expectAccessible(page, 'ask dialog without the guard');
  }, page);
});

test('an announcement draft to a tag is copied and marked sent, which logs an interaction', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await serve(async (page) => {
    const eve = await person(page, {
      displayName: 'Eve Rustacean',
      tags: ['rust'],
      emails: [{ value: 'eve@example.org' }],
    });
    await person(page, { displayName: 'Fay Designer', tags: ['design'] });
    await page.reload();

    await page.keyboard.press('Control+7');
    const composer = page.getByRole('region', { name: 'Announce your news' });
    await composer.getByRole('radio', { name: 'I’m changing jobs' }).check();
    await composer.getByLabel('Leaving (organisation)').focus();
    await page.keyboard.type('Acme');
    await composer.getByLabel('Tags', { exact: true }).focus();
    await page.keyboard.type('rust');
    await composer.getByLabel('Sign as').focus();
    await page.keyboard.type('Sam');
    await page.keyboard.press('Enter');

    const drafts = page.getByRole('region', { name: /Drafts/ });
    await expect(drafts.getByRole('article')).toHaveCount(1);
    const message = drafts.getByRole('textbox', { name: 'Message to Eve Rustacean' });
    await expect(message).toHaveValue(/^Hi Eve,\n\nA quick note to let you know I’m leaving Acme\./);
    await expectAccessible(page, 'announcement drafts');

    // Drafting again (to designers too) leaves Eve's message as edited, and drafts one for Fay.
    await message.press('ControlOrMeta+End');
    await page.keyboard.type('\nPS: the Rust meet-up is on me.');
    await composer.getByLabel('Tags', { exact: true }).focus();
    await page.keyboard.type(', design');
    await composer.getByRole('button', { name: 'Draft messages' }).click();
    await expect(drafts.getByRole('article')).toHaveCount(2);
    await expect(message).toHaveValue(/\nPS: the Rust meet-up is on me\.$/);
    await expect(drafts.getByText('Kept your changes to the message to Eve Rustacean.')).toBeVisible();

    await drafts.getByRole('button', { name: 'Copy the message to Eve Rustacean' }).click();
    const eves = drafts.getByRole('article', { name: 'Eve Rustacean' });
    await expect(eves.getByRole('status')).toHaveText('Copied the message to Eve Rustacean.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('I’m leaving Acme.');

    await drafts.getByRole('button', { name: 'Mark sent to Eve Rustacean' }).click();
    await expect(toasts(page).getByText('Logged an e-mail to Eve Rustacean')).toBeVisible();
    await expect(drafts.getByText('Sent', { exact: true })).toBeVisible();
    const timeline = await api<{ entries: Array<{ type: string; title?: string; date: string }> }>(
      page,
      'timeline.page',
      {
        filter: { contactId: eve.id },
        offset: 0,
        limit: 10,
      },
    );
    expect(timeline.entries.map((e) => [e.type, e.title, e.date])).toEqual([
      ['email', 'Some news: I’m changing jobs', TODAY],
    ]);

    // Deleting Fay takes her message away with her. Eve's was sent: the announcement is out to
    // everyone left, so the composer starts afresh, as after the last Mark sent.
    await drafts.getByRole('textbox', { name: 'Message to Fay Designer' }).fill('Hi Fay, between us: …');
    await openPersonPage(page, 'Fay Designer');
    await page.getByRole('button', { name: 'More actions for Fay Designer' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await page.getByRole('dialog', { name: 'Delete Fay Designer?' }).getByRole('button', { name: 'Delete' }).click();
    await expect(toasts(page)).toContainText('Deleted Fay Designer');
    await page.keyboard.press('Control+7');
    await expect(composer.getByLabel('Tags', { exact: true })).toHaveValue('');
    await expect(drafts).toHaveCount(0);
    expect(await page.evaluate(() => localStorage.getItem('rapport.form-drafts') ?? '')).not.toContain('between us');
  }, page);
});
