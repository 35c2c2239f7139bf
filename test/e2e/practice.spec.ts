import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { addPerson, expectAccessible } from './helpers.ts';
import { expect, startServe, test } from './serve-fixture.ts';

/** Moves focus to a field and types into it, as a keyboard user does. */
async function typeInto(page: Page, field: Locator, text: string) {
  await field.focus();
  await page.keyboard.type(text);
  await expect(field).toHaveValue(text);
}

/** Ticks a checkbox or picks a radio button with the keyboard. */
async function choose(page: Page, box: Locator) {
  await box.focus();
  await page.keyboard.press('Space');
  await expect(box).toBeChecked();
}

test('build a ladder by keyboard, plan a step as an experiment, complete it, see the belief re-rating on the chart, and copy a starter about a detail', async ({
  page,
  context,
}) => {
  // Three axe runs on a shared, loaded machine take much of the default two minutes.
  test.setTimeout(240_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-e2e-practice-'));
  const served = await startServe(dataDir, ['--today', '2026-03-18']);
  try {
    await page.goto(served.url);
    await page.keyboard.press('Control+5');
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
    // Nothing is pre-filled: the user rates every step, the library's prompt included.
    for (const [step, rating] of [
      [1, '2'],
      [2, '4'],
      [3, '8'],
    ] as const) {
      const field = builder.getByLabel(`Expected anxiety, step ${step} (0–10)`);
      await expect(field).toHaveValue('');
      await typeInto(page, field, rating);
    }

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
    await expect(rungs.nth(1)).toContainText('Not tried yet.');

    // 2. Plan step 2 as an experiment: a checkable prediction, how strongly it is believed, and
    //    which safety behaviours to drop (a common one and one of the user's own).
    await page.getByRole('button', { name: 'Practise step 2 of Phone calls' }).click();
    const plan = page.getByRole('dialog', { name: 'Before you start' });
    await expect(plan.getByLabel('What will you do?')).toHaveValue('Call a friend for a chat');
    await expect(plan.getByLabel('What will you do?')).toBeFocused();
    await expect(plan.getByRole('note')).toContainText('Step back a rung');
    await typeInto(page, plan.getByLabel('Anxiety now (0–10)'), '6');
    await typeInto(
      page,
      plan.getByLabel('What do you predict will happen?'),
      'They will say they are too busy to talk',
    );
    await typeInto(page, plan.getByLabel('How strongly do you believe it will happen? (0–100 %)'), '70');
    const drops = plan.getByRole('group', { name: 'Which safety behaviours will you drop?' });
    await choose(page, drops.getByRole('checkbox', { name: 'Rehearsing every word in advance' }));
    // Enter in "Another one of yours" adds it ticked; it does not submit the plan.
    await typeInto(page, drops.getByLabel('Another one of yours'), 'Reading from notes');
    await page.keyboard.press('Enter');
    await expect(drops.getByRole('checkbox', { name: 'Reading from notes' })).toBeChecked();
    await expect(plan).toBeVisible();
    await expectAccessible(page, 'experiment plan');
    await plan.getByRole('button', { name: 'Save and go' }).click();
    await expect(plan).toBeHidden();

    // 3. Complete it: anxiety at its highest and at the end, stayed, what happened, the belief re-rated.
    await page.getByRole('button', { name: 'How did it go: Call a friend for a chat' }).click();
    const outcome = page.getByRole('dialog', { name: 'How did it go?' });
    await expect(outcome).toContainText(
      'You predicted: “They will say they are too busy to talk”. Beforehand you believed it 70%.',
    );
    await expect(outcome.getByLabel('Anxiety at its highest (0–10)')).toBeFocused();
    await page.keyboard.type('7');
    await typeInto(page, outcome.getByLabel('Anxiety at the end of the step (0–10)'), '2');
    await choose(page, outcome.getByRole('radio', { name: 'I stayed until it was done' }));
    await typeInto(page, outcome.getByLabel('What actually happened?'), 'We chatted for twenty minutes');
    const cameTrue = outcome.getByRole('group', { name: 'Did your prediction come true?' });
    await choose(page, cameTrue.getByRole('radio', { name: 'No' }));
    await expect(outcome.getByLabel('How did you cope?')).toHaveCount(0);
    await typeInto(page, outcome.getByLabel('How strongly do you believe the prediction now? (0–100 %)'), '10');
    await typeInto(page, outcome.getByLabel('What did you learn?'), 'Friends are glad to hear from me');
    const managed = outcome.getByRole('group', { name: 'Which safety behaviours did you manage without?' });
    await expect(managed.getByRole('checkbox')).toHaveCount(2);
    await choose(page, managed.getByRole('checkbox', { name: 'Reading from notes' }));
    await expectAccessible(page, 'experiment outcome');
    await outcome.getByRole('button', { name: 'Save how it went' }).click();
    await expect(outcome).toBeHidden();

    // 4. The try shows on its step, the step's chart has a line, and the belief chart shows the re-rating.
    await expect(rungs.nth(1)).toContainText(
      '1 try. Last time: highest 7, at the end 2. Repeat this step until even its highest point feels like a 3 or below, then move up.',
    );
    const steps = page.getByRole('figure', { name: 'Anxiety on each step of “Phone calls”' });
    await expect(steps).toContainText(
      '1 of 3 steps tried. Step 2, “Call a friend for a chat”: 1 try, highest anxiety 7.',
    );
    await expect(steps.locator('canvas')).toHaveCount(1);

    const beliefs = page.getByRole('figure', { name: 'Belief in your predictions, before and after' });
    await expect(beliefs).toContainText(
      'Across 1 practice, you believed your prediction 70% on average beforehand and 10% afterwards.',
    );
    await expect(beliefs.locator('canvas')).toHaveCount(1);
    await beliefs.getByText('Show “Belief in your predictions, before and after” as a table').click();
    await expect(beliefs.getByRole('row', { name: /Call a friend for a chat/ }).getByRole('cell')).toHaveText([
      '18 Mar 2026',
      'Call a friend for a chat',
      'They will say they are too busy to talk',
      '70%',
      'No',
      '10%',
    ]);
    await expect(page.getByRole('region', { name: 'This week' })).toContainText('1 of 2 this week');
    await expect(page.getByRole('region', { name: 'To finish' })).toContainText('Nothing waiting');
    await expectAccessible(page, 'Practice screen with a try on the ladder and both charts');

    // 5. The next plan offers the user's own safety behaviour again, beside the common ones.
    await page.getByRole('button', { name: 'Practise step 3 of Phone calls' }).click();
    const next = page.getByRole('dialog', { name: 'Before you start' });
    await expect(next.getByRole('checkbox', { name: 'Reading from notes' })).not.toBeChecked();
    await page.keyboard.press('Escape');
    await expect(next).toBeHidden();

    // 6. A person with a detail gets a starter that mentions it; Copy puts it on the clipboard.
    await addPerson(page, 'Sam Okafor');
    await page.getByRole('link', { name: /Sam Okafor/ }).click();
    await typeInto(page, page.getByLabel('Remember about them'), 'the new puppy Biscuit');
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
