import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { toFieldIssues } from './result.ts';

const messageOf = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('expected a failure');
  return toFieldIssues(parsed.error)[0]!.message;
};

describe('validation messages (any schema, once result.ts is loaded)', () => {
  it.each([
    ['a string too long', z.string().max(2000), 'x'.repeat(2001), 'Use at most 2,000 characters'],
    ['an empty required string', z.string().min(1), '', 'This can’t be empty'],
    ['a string too short', z.string().min(3), 'ab', 'Use at least 3 characters'],
    ['a list too long', z.array(z.string()).max(50), Array(51).fill('a'), 'Keep this to 50 or fewer'],
    ['an empty list', z.array(z.string()).min(1), [], 'Add at least one'],
    ['a number too big', z.number().max(10), 11, 'Use a number up to 10'],
    ['a number too small', z.number().int().min(1), 0, 'Use a number of at least 1'],
    ['a missing field', z.object({ name: z.string() }), {}, 'This is missing'],
    ['a number given for text', z.string(), 3, 'This should be text'],
    ['text given for a number', z.number(), 'three', 'This should be a number'],
    ['a bad e-mail', z.email(), 'ada', 'This is not an e-mail address'],
    ['a bad date', z.iso.date(), '2026-13-45', 'This is not a date (YYYY-MM-DD)'],
    ['an unknown choice', z.enum(['close', 'regular']), 'karaoke', 'This is not one of the choices Rapport knows'],
    ['an unknown field', z.strictObject({ a: z.string() }), { a: 'x', zz: 1 }, 'Rapport does not know the field “zz”'],
  ])('words %s for a person', (_, schema, value, message) => {
    expect(messageOf(schema, value)).toBe(message);
  });

  it('leaves a schema’s own message alone', () => {
    expect(messageOf(z.string().min(1, 'Name is required'), '')).toBe('Name is required');
  });
});
