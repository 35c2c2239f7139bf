import { describe, expect, it } from 'vitest';
import { counted, peopleCount } from './counted.ts';

describe('counted', () => {
  it('agrees with one and with any other number', () => {
    expect([0, 1, 2].map(peopleCount)).toEqual(['0 people', '1 person', '2 people']);
    expect(counted(1, 'problem', 'problems')).toBe('1 problem');
  });

  it('groups the digits of a large count, as the locale does', () => {
    // Every locale groups five digits ("50,000", "50.000", "50 000"); some leave four alone.
    expect(peopleCount(50_000)).toMatch(/^50\D+000 people$/u);
  });
});
