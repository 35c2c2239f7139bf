import { afterEach, expect, it } from 'vitest';
import { DEFAULT_KEEP_IN_TOUCH } from '../../../shared/domain/settings.ts';
import { openTestCore, type TestCore } from '../testing/test-core.ts';

let t: TestCore | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

it('pushes the keep-in-touch rhythms as they are, and again when they are changed', async () => {
  t = await openTestCore();
  expect(await t.next('settings.watchKeepInTouch', {})).toEqual(DEFAULT_KEEP_IN_TOUCH);
  const seen: number[] = [];
  const stop = t.core.watch('settings.watchKeepInTouch', {}, (r) => r.ok && seen.push(r.value.tiers.close.idealDays));
  await expect.poll(() => seen).toEqual([21]);
  const tiers = { ...DEFAULT_KEEP_IN_TOUCH.tiers, close: { idealDays: 14, maxDays: 28 } };
  await t.call('settings.setKeepInTouch', { tiers });
  await expect.poll(() => seen).toEqual([21, 14]);
  stop();
});
