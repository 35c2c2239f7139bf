import { describe, expect, it } from 'vitest';
import { nameOrder } from './name-order.ts';

describe('nameOrder', () => {
  it('sorts names as the People list does: case and accents folded, ł and ø as l and o', () => {
    const names = ['zubair', 'Łukasz Nowak', 'Élodie Martin', 'anna', 'Øyvind', 'Emma', 'Luke', 'oliver'];
    expect([...names].sort(nameOrder())).toEqual([
      'anna',
      'Élodie Martin',
      'Emma',
      'Łukasz Nowak',
      'Luke',
      'oliver',
      'Øyvind',
      'zubair',
    ]);
  });

  it('says equal only for names that fold alike, so callers can break the tie', () => {
    const byName = nameOrder();
    expect(byName('José', 'jose')).toBe(0);
    expect(byName('Ann Lee', 'Anna')).toBeLessThan(0);
    expect(byName('Anna', 'Ann Lee')).toBeGreaterThan(0);
  });
});
