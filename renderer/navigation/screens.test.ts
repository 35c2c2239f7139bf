import { expect, it } from 'vitest';
import { SCREENS } from './screens.ts';

it('each screen’s Ctrl/Cmd+digit is its place in the sidebar', () => {
  expect(SCREENS.map((s) => s.key)).toEqual(SCREENS.map((_, i) => String(i + 1)));
});
