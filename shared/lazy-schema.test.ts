import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, eventNames, requestChannels, subscriptionChannels } from './ipc/contract.ts';
import { channel, lazyExtend, lazyObject } from './lazy-schema.ts';

/** One shape with what the contract uses: trims, limits, defaults, optionals, nesting, a refinement. */
const fields = () => ({
  name: z.string().trim().min(1, 'Name is required').max(20),
  tags: z.array(z.string().trim().min(1)).max(3).default([]),
  birthday: z
    .object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) })
    .refine((b) => b.month !== 2 || b.day <= 29, { message: 'No such day', path: ['day'] })
    .optional(),
  kind: z.enum(['a', 'b']).default('a'),
});
const extra = () => ({ id: z.string().min(1).max(64), kind: z.enum(['c']) });

const inputs: unknown[] = [
  { name: ' Ada ' },
  { name: '' },
  { name: 'x'.repeat(21) },
  { name: 'Ada', tags: [' t ', 'u'], kind: 'b' },
  { name: 'Ada', tags: ['a', 'b', 'c', 'd'] },
  { name: 'Ada', tags: [''] },
  { name: 'Ada', birthday: { month: 2, day: 30 } },
  { name: 'Ada', birthday: { month: 13, day: 1 } },
  { name: 'Ada', kind: 'z', unknownField: 1 },
  { name: 'Ada', id: 'p1', kind: 'c' },
  { name: 'Ada', id: '' },
  { id: 'p1', kind: 'c' },
  null,
  'Ada',
  [],
];

/** What a parse says: the value, or the issues' codes, paths and messages. */
const outcome = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  return result.success
    ? { data: result.data }
    : { issues: result.error.issues.map(({ code, path, message }) => ({ code, path, message })) };
};

describe('lazily built schemas', () => {
  it('accept and reject exactly what the same schemas built at once do', () => {
    const eager = z.object(fields());
    const lazy = lazyObject(fields);
    const pairs: [z.ZodType, z.ZodType][] = [
      [eager, lazy],
      [eager.extend(extra()), lazyExtend(lazy, extra)],
      [eager.refine((v) => v.name !== 'Eve', 'Not Eve'), lazy.refine((v) => v.name !== 'Eve', 'Not Eve')],
      [z.array(eager).max(2), z.array(lazy).max(2)],
      [eager.partial(), lazy.partial()],
    ];
    for (const [a, b] of pairs) for (const input of inputs) expect(outcome(b, input)).toEqual(outcome(a, input));
    // The table has both answers, so a schema that accepted or rejected everything would fail.
    expect(inputs.map((input) => lazy.safeParse(input).success)).toContain(true);
    expect(inputs.map((input) => lazy.safeParse(input).success)).toContain(false);
  });

  it('are built once, at their first use, and keep their keys readable', () => {
    let builds = 0;
    const schema = lazyObject(() => (builds++, fields()));
    const extended = lazyExtend(schema, extra);
    const wrapped = schema.optional();
    expect(builds).toBe(0);
    expect(wrapped.parse(undefined)).toBeUndefined();
    expect(builds).toBe(0);
    expect(Object.keys(extended.shape)).toEqual(['name', 'tags', 'birthday', 'kind', 'id']);
    expect(schema.parse({ name: 'Ada' })).toEqual({ name: 'Ada', tags: [], kind: 'a' });
    expect(builds).toBe(1);
  });

  it('refuse to extend what is not a plain object, when first built', () => {
    const loose = lazyExtend(z.object(fields()).loose() as never, extra);
    expect(() => loose.parse({ name: 'Ada', id: 'p1', kind: 'c' })).toThrow(/plain z.object base.*catchall/);
  });

  it('build a channel’s input and output together, at its first read', () => {
    let builds = 0;
    const ch = channel(() => (builds++, { input: lazyObject(fields), output: z.number() }));
    expect(builds).toBe(0);
    expect(ch.output.parse(1)).toBe(1);
    expect(ch.input.safeParse({ name: '' }).success).toBe(false);
    expect(builds).toBe(1);
  });
});

describe('the contract, built lazily', () => {
  it('builds every channel and event schema (each to a JSON Schema, which reads every field)', () => {
    const all = [
      ...requestChannels.flatMap((c) => [contract.requests[c].input, contract.requests[c].output]),
      ...subscriptionChannels.flatMap((c) => [contract.subscriptions[c].input, contract.subscriptions[c].output]),
      ...eventNames.map((e) => contract.events[e]),
    ];
    for (const schema of all)
      expect(z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' })).toBeTypeOf('object');
  });

  it('still rejects bad input and accepts good input on the channels the first screens use', () => {
    const cases: [z.ZodType, unknown, boolean][] = [
      [contract.requests['contacts.get'].input, { id: 'p1' }, true],
      [contract.requests['contacts.get'].input, { id: '' }, false],
      [contract.requests['contacts.get'].input, { id: 'x'.repeat(201) }, false],
      [contract.requests['contacts.create'].input, { displayName: 'Ada' }, true],
      [contract.requests['contacts.create'].input, { displayName: '   ' }, false],
      [contract.requests['contacts.create'].input, { displayName: 'Ada', birthday: { month: 2, day: 30 } }, false],
      [contract.requests['contacts.create'].input, { displayName: 'Ada', emails: [{ value: '' }] }, false],
      [contract.requests['timeline.page'].input, { offset: 0, limit: 50 }, true],
      [contract.requests['timeline.page'].input, { offset: -1, limit: 50 }, false],
      [contract.requests['timeline.page'].input, { offset: 0, limit: 201 }, false],
      [contract.requests['interactions.log'].input, { interaction: { type: 'call', occurredOn: '2026-03-14' } }, false],
      [contract.subscriptions['person.watch'].input, { id: 'p1' }, true],
      [contract.subscriptions['person.watch'].input, {}, false],
    ];
    expect(cases.map(([schema, input]) => schema.safeParse(input).success)).toEqual(cases.map(([, , ok]) => ok));
  });

  it('fills defaults as before', () => {
    const parsed = contract.requests['contacts.create'].input.parse({ displayName: ' Ada ' });
    expect(parsed).toMatchObject({ displayName: 'Ada', emails: [], tags: [], archived: false, extensions: [] });
  });
});
