import { describe, expect, it, vi } from 'vitest';
import { Subject } from 'rxjs';
import type { PersonListItem } from '../../../shared/domain/views.ts';
import { AppError, type Result } from '../../../shared/ipc/result.ts';
import { rawContact } from '../testing/documents.ts';
import { createDispatcher, type RequestHandlers, type SubscriptionHandlers } from './dispatcher.ts';

const contact = {
  id: 'c1',
  displayName: 'Ada',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

function setup(overrides: Partial<RequestHandlers> = {}, subscriptions: Partial<SubscriptionHandlers> = {}) {
  const logError = vi.fn();
  // Only the channels these tests call are implemented; the others are never reached.
  const requests = {
    'app.info': async () => ({ version: '1', mode: 'browser', dataDir: '/d', persistent: true, today: '2026-03-01' }),
    'contacts.create': async (input) => ({ ...contact, ...input, id: 'new' }),
    'contacts.get': async () => rawContact(contact.id, contact),
    ...overrides,
  } as RequestHandlers;
  const subs = { 'contacts.watch': () => new Subject(), ...subscriptions } as SubscriptionHandlers;
  return { dispatcher: createDispatcher(requests, subs, { logError }), logError };
}

describe('dispatcher.request', () => {
  it('passes parsed input to the handler and returns its output as a value', async () => {
    const { dispatcher } = setup();
    const result = await dispatcher.request('contacts.create', { displayName: '  Grace Hopper  ' });
    expect(result).toMatchObject({
      ok: true,
      value: { id: 'new', displayName: 'Grace Hopper', emails: [], archived: false },
    });
  });

  it('rejects invalid input with the failing field, without calling the handler', async () => {
    const create = vi.fn();
    const { dispatcher } = setup({ 'contacts.create': create });
    const result = await dispatcher.request('contacts.create', { displayName: '   ' });
    expect(create).not.toHaveBeenCalled();
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'Name is required',
        details: [{ path: ['displayName'], message: 'Name is required' }],
      },
    });
  });

  it('answers an unknown channel with unknown_channel, even for prototype names', async () => {
    const { dispatcher } = setup();
    for (const channel of ['contacts.drop', 'constructor', '__proto__']) {
      const result = await dispatcher.request(channel, {});
      expect(result.ok ? 'ok' : result.error.code).toBe('unknown_channel');
    }
  });

  it('turns a thrown AppError into its code and message', async () => {
    const { dispatcher } = setup({
      'contacts.get': async () => {
        throw new AppError('not_found', 'That person no longer exists.');
      },
    });
    expect(await dispatcher.request('contacts.get', { id: 'x' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'That person no longer exists.' },
    });
  });

  it('turns any other throw into a generic internal error and logs the cause', async () => {
    const boom = new Error('disk on fire at /secret/path');
    const { dispatcher, logError } = setup({
      'contacts.get': async () => {
        throw boom;
      },
    });
    const result = await dispatcher.request('contacts.get', { id: 'x' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('internal');
      expect(result.error.message).not.toContain('/secret/path');
      expect(result.error.message).not.toContain('contacts.get');
    }
    expect(logError).toHaveBeenCalledWith(boom, 'contacts.get');
  });

  it('refuses output that breaks the contract instead of sending it', async () => {
    const { dispatcher, logError } = setup({ 'app.info': async () => ({ version: 1 }) as never });
    const result = await dispatcher.request('app.info', {});
    expect(result.ok).toBe(false);
    expect(logError).toHaveBeenCalledOnce();
  });
});

describe('dispatcher.subscribe', () => {
  it('pushes every emission until stopped', async () => {
    const source = new Subject<PersonListItem[]>();
    const { dispatcher } = setup({}, { 'contacts.watch': () => source });
    const results: Result<unknown>[] = [];
    const stop = dispatcher.subscribe('contacts.watch', {}, (r) => results.push(r));
    source.next([]);
    source.next([{ id: 'a', displayName: 'Ada', tags: [], archived: false, status: { state: 'untracked' } }]);
    stop();
    source.next([]);
    expect(results).toEqual([
      { ok: true, value: [] },
      { ok: true, value: [{ id: 'a', displayName: 'Ada', tags: [], archived: false, status: { state: 'untracked' } }] },
    ]);
  });

  it('reports invalid subscription input once and never starts the query', () => {
    const watch = vi.fn();
    const { dispatcher } = setup({}, { 'contacts.watch': watch });
    const results: Result<unknown>[] = [];
    dispatcher.subscribe('contacts.watch', { includeArchived: 'yes' }, (r) => results.push(r));
    expect(watch).not.toHaveBeenCalled();
    expect(results).toHaveLength(1);
    expect(results[0]?.ok).toBe(false);
  });

  it('reports a failing live query as an error value', () => {
    const source = new Subject<never>();
    const { dispatcher } = setup({}, { 'contacts.watch': () => source });
    const results: Result<unknown>[] = [];
    dispatcher.subscribe('contacts.watch', {}, (r) => results.push(r));
    source.error(new AppError('unavailable', 'Database closed'));
    expect(results).toEqual([{ ok: false, error: { code: 'unavailable', message: 'Database closed' } }]);
  });
});
