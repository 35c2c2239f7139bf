import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../shared/ipc/wire.ts';
import type { Core } from './core.ts';
import { openTestCore } from './testing/test-core.ts';

const openCore = async () => (await openTestCore({ now: '2026-03-01T09:00:00Z' })).core;

function connectRecording(core: Core) {
  const messages: ServerMessage[] = [];
  const session = core.connect((m) => messages.push(m));
  return { session, messages };
}
const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};

describe('core over a session', () => {
  it('creates a person and answers with the stored record, timestamps from the clock', async () => {
    const core = await openCore();
    const { session, messages } = connectRecording(core);
    session.receive({
      type: 'request',
      id: '1',
      channel: 'contacts.create',
      input: { displayName: 'Ada Lovelace', organisation: 'Analytical Engines' },
    });
    await until(() => messages.length === 1);
    expect(messages[0]).toMatchObject({
      type: 'response',
      id: '1',
      result: {
        ok: true,
        value: {
          displayName: 'Ada Lovelace',
          organisation: 'Analytical Engines',
          createdAt: '2026-03-01T09:00:00.000Z',
        },
      },
    });
  });

  it('pushes the sorted list to every watching connection when a person is added', async () => {
    const core = await openCore();
    const first = connectRecording(core);
    const second = connectRecording(core);
    second.session.receive({ type: 'subscribe', id: 'w', channel: 'contacts.watch', input: {} });
    await until(() => second.messages.length === 1);
    first.session.receive({ type: 'request', id: '1', channel: 'contacts.create', input: { displayName: 'zoe' } });
    first.session.receive({ type: 'request', id: '2', channel: 'contacts.create', input: { displayName: 'Adam' } });
    const names = () => {
      const last = second.messages.at(-1);
      return last?.type === 'push' && last.result.ok
        ? (last.result.value as { displayName: string }[]).map((c) => c.displayName)
        : [];
    };
    await until(() => names().length === 2);
    expect(names()).toEqual(['Adam', 'zoe']);
  });

  it('stops pushing after the connection closes', async () => {
    const core = await openCore();
    const watcher = connectRecording(core);
    watcher.session.receive({ type: 'subscribe', id: 'w', channel: 'contacts.watch', input: {} });
    await until(() => watcher.messages.length === 1);
    watcher.session.close();
    await core.call('contacts.create', { displayName: 'Late' });
    await new Promise((r) => setTimeout(r, 50));
    expect(watcher.messages).toHaveLength(1);
  });

  it('drops malformed messages without answering or crashing', async () => {
    const core = await openCore();
    const { session, messages } = connectRecording(core);
    session.receive({ type: 'request', channel: 'contacts.create' });
    session.receive('not an object');
    await new Promise((r) => setTimeout(r, 20));
    expect(messages).toEqual([]);
  });

  it('broadcasts events to every connection', async () => {
    const core = await openCore();
    const a = connectRecording(core);
    const b = connectRecording(core);
    core.emit('reminders.open', { personId: 'p1' });
    expect(a.messages).toEqual([{ type: 'event', name: 'reminders.open', payload: { personId: 'p1' } }]);
    expect(b.messages).toEqual(a.messages);
  });
});
