import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addPerson, expectAccessible } from './helpers.ts';
import { expect, startServe, test } from './serve-fixture.ts';

test('build a three-step ladder by keyboard, practise a step, see it on the chart, and copy a starter about a detail', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-e2e-practice-'));
  const served = await startServe(dataDir, ['--today', '2026-03-18']);
  try {
    await page.goto(served.url);
    await page.keyboard.press('Control+4');
    await expect(page.getByRole('heading', { level: 1, name: 'Practice' })).toBeFocused();
    await expect(page.getByRole('complementary', { name: 'About practice' })).toContainText(
      'self-practice, not treatment',
    );

    // 1. A three-step ladder: one prompt from the library, two written steps, reordered by keyboard.
    await page.getByRole('button', { name: 'New ladder' }).click();
    const builder = page.getByRole('dialog', { name: 'New fear ladder' });
    await page.keyboard.type('Phone calls');
    await expect(builder.getByLabel('Ladder name')).toHaveValue('Phone calls');
    await expectAccessible(page, 'New ladder dialog');
    await builder.getByLabel('Situation').selectOption('phone');
    await builder.getByLabel('Prompt').selectOption({ index: 1 });
    await builder.getByRole('button', { name: 'Add prompt' }).click();
    for (const text of ['Call a friend for a chat', 'Ring a company about a job']) {
      await builder.getByLabel('Your step').focus();
      await page.keyboard.type(text);
      await builder.getByRole('button', { name: 'Add step' }).click();
    }
    await builder.getByLabel('Expected anxiety, step 2 (0–10)').fill('4');
    await builder.getByLabel('Expected anxiety, step 3 (0–10)').fill('8');

    await builder.getByRole('button', { name: 'Move step 2 down' }).focus();
    await page.keyboard.press('Enter');
    await expect(builder.getByLabel('Step 3', { exact: true })).toHaveValue('Call a friend for a chat');
    // The moved step hit the bottom, so focus moved to its "up" button; Enter brings it back.
    await expect(builder.getByRole('button', { name: 'Move step 3 up' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(builder.getByLabel('Step 2', { exact: true })).toHaveValue('Call a friend for a chat');
    await expect(builder.getByRole('status')).toHaveText('Moved “Call a friend for a chat” to position 2 of 3.');
    await builder.getByRole('button', { name: 'Save ladder' }).click();
    await expect(builder).toBeHidden();
    const rungs = page.getByRole('list', { name: 'Steps of Phone calls' }).getByRole('listitem');
    await expect(rungs).toHaveCount(3);
    await expect(rungs.nth(1)).toContainText('Call a friend for a chat');

    // 2. Practise step 2: before, then afterwards.
    await page.getByRole('button', { name: 'Practise step 2 of Phone calls' }).click();
    const before = page.getByRole('dialog', { name: 'Before you start' });
    await expect(before.getByLabel('What will you do?')).toHaveValue('Call a friend for a chat');
    await expect(before.getByLabel('What will you do?')).toBeFocused();
    await before.getByLabel('Anxiety now (0–10)').fill('6');
    await before.getByLabel('What do you expect will happen?').fill('They will be too busy and sound annoyed');
    await before.getByLabel('How likely does that feel? (0–100 %)').fill('70');
    await before.getByRole('button', { name: 'Save and go' }).click();
    await expect(before).toBeHidden();

    await page.getByRole('button', { name: 'How did it go: Call a friend for a chat' }).click();
    const after = page.getByRole('dialog', { name: 'How did it go?' });
    await expect(after.getByLabel('Anxiety at its highest (0–10)')).toBeFocused();
    await page.keyboard.type('7');
    await after.getByLabel('Anxiety now (0–10)').fill('2');
    await after.getByLabel('What actually happened?').fill('We chatted for twenty minutes');
    await after.getByRole('radio', { name: 'No' }).check();
    await after.getByLabel('What did you learn?').fill('Friends are glad to hear from me');
    await after.getByRole('checkbox', { name: 'Rehearsing every word in advance' }).check();
    await after.getByRole('button', { name: 'Save how it went' }).click();
    await expect(after).toBeHidden();

    // 3. The chart's text alternative shows the session; uPlot drew a canvas beside it.
    const suds = page.getByRole('figure', { name: 'Anxiety before and after' });
    await expect(suds).toContainText(
      '1 practice so far. Most recent, 18 Mar 2026, “Call a friend for a chat”: anxiety 6 before, 7 at its highest, 2 after.',
    );
    await expect(suds.locator('canvas')).toHaveCount(1);
    await suds.getByText('Show “Anxiety before and after” as a table').click();
    await expect(suds.getByRole('row', { name: /Call a friend for a chat/ }).getByRole('cell')).toHaveText([
      '18 Mar 2026',
      'Call a friend for a chat',
      '6',
      '7',
      '2',
    ]);
    await expect(page.getByRole('figure', { name: 'What you expected and what happened' })).toContainText(
      '70% likely on average. It happened 0 times out of 1',
    );
    await expect(page.getByRole('region', { name: 'This week' })).toContainText('1 of 2 this week');
    await expect(page.getByRole('region', { name: 'To finish' })).toContainText('Nothing waiting');

    // 4. A person with a detail gets a starter that mentions it; Copy puts it on the clipboard.
    await addPerson(page, 'Sam Okafor');
    await page.getByRole('link', { name: /Sam Okafor/ }).click();
    await page.getByLabel('Remember about them').fill('the new puppy Biscuit');
    await page.getByRole('button', { name: 'Remember' }).click();
    const suggestions = page.getByRole('region', { name: 'Things you could say' });
    const biscuit = suggestions.getByRole('listitem').filter({ hasText: 'Biscuit' }).first();
    await expect(biscuit).toBeVisible();
    const text = (await biscuit.locator('.suggestion-text').textContent()) ?? '';
    expect(text).not.toMatch(/[{}]/);
    await biscuit.getByRole('button', { name: 'Copy' }).click();
    await expect(suggestions.getByRole('status')).toHaveText('Copied to the clipboard.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    expect(text).toContain('Biscuit');
  } finally {
    await served.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
