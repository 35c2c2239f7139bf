import { describe, expect, it } from 'vitest';
import { planned } from './practice-builders.ts';
import { COMMON_SAFETY_BEHAVIOURS, ownSafetyBehaviours } from './safety-behaviours.ts';

describe('COMMON_SAFETY_BEHAVIOURS', () => {
  it.each([/colleagues/, /drink for courage/, /hiding behind a role/i, /on my phone/])(
    'includes the common networking one matching %s',
    (pattern) => expect(COMMON_SAFETY_BEHAVIOURS.some((b) => pattern.test(b))).toBe(true),
  );
});

describe('ownSafetyBehaviours', () => {
  it('offers the user’s own from earlier plans, newest first, once each, leaving out the common ones', () => {
    const own = ownSafetyBehaviours([
      planned('a', {
        createdAt: '2026-03-01T09:00:00.000Z',
        safetyBehavioursToDrop: ['Wearing headphones', 'Having a drink for courage'],
      }),
      planned('b', {
        createdAt: '2026-03-05T09:00:00.000Z',
        safetyBehavioursToDrop: ['Checking my notes', 'wearing  headphones'],
      }),
      planned('c', { createdAt: '2026-03-03T09:00:00.000Z', safetyBehavioursToDrop: ['HAVING A DRINK FOR COURAGE'] }),
    ]);
    expect(own).toEqual(['Checking my notes', 'wearing headphones']);
  });
});
