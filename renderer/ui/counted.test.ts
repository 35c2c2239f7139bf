import { describe, expect, it } from 'vitest';
import { counted, peopleCount } from './counted.ts';

describe('counted', () => {
  it('agrees with one and with any other number', () => {
    expect([0, 1, 2].map(peopleCount)).toEqual(['0 people', '1 person', '2 people']);
    expect(counted(1, 'problem', 'problems')).toBe('1 problem');
  });
});
