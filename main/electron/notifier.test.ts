import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { movableClock } from '../core/testing/fakes.ts';
import { openTestCore } from '../core/testing/test-core.ts';

/** Electron's Notification, recording options, listeners and show/close. */
const notifications = vi.hoisted(() => {
  class FakeNotification {
    static made: FakeNotification[] = [];
    static supported = true;
    static isSupported = () => FakeNotification.supported;
    listeners = new Map<string, () => void>();
    shown = false;
    closed = false;
    options: { title: string; body: string };
    constructor(options: { title: string; body: string }) {
      this.options = options;
      FakeNotification.made.push(this);
    }
    on(name: string, fn: () => void) {
      this.listeners.set(name, fn);
      return this;
    }
    show() {
      this.shown = true;
    }
    close() {
      this.closed = true;
    }
  }
  return FakeNotification;
});
const electron = vi.hoisted(() => ({}) as Record<string, unknown>);
vi.mock('electron', async () =>
  Object.assign(electron, (await import('./electron-mock.ts')).createElectronMock(), { Notification: notifications }),
);

const { createElectronNotifier } = await import('./notifier.ts');

beforeAll(() => {
  process.env.TZ = 'Europe/London';
});
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0)) await fn();
  notifications.made = [];
  notifications.supported = true;
});

describe('the Electron notifier', () => {
  it('shows the title and body, and a click opens what it is about', () => {
    const onOpen = vi.fn();
    createElectronNotifier(onOpen).notify({
      title: 'Follow up with Ada',
      body: 'You met…',
      tag: 't',
      open: { screen: 'people', personId: 'ada' },
    });
    const [shown] = notifications.made;
    expect(shown).toMatchObject({ options: { title: 'Follow up with Ada', body: 'You met…' }, shown: true });
    shown!.listeners.get('click')!();
    expect(onOpen).toHaveBeenCalledWith({ screen: 'people', personId: 'ada' });
  });

  it('replaces an earlier notification with the same tag', () => {
    const notifier = createElectronNotifier(vi.fn());
    notifier.notify({ title: 'A', body: '', tag: 'digest' });
    notifier.notify({ title: 'B', body: '', tag: 'digest' });
    expect(notifications.made.map((n) => n.closed)).toEqual([true, false]);
  });

  it('reports whether notifications and the tray are available', () => {
    const notifier = createElectronNotifier(vi.fn());
    expect(notifier.trayAvailable).toBeUndefined();
    notifier.setTrayAvailable(false);
    expect(notifier.trayAvailable).toBe(false);
    notifications.supported = false;
    expect(notifier.supported).toBe(false);
    notifier.notify({ title: 'x', body: 'y' });
    expect(notifications.made).toEqual([]);
  });

  it('receives the digest from a real core with no private or sensitive text in it', async () => {
    const clock = movableClock('2026-01-02T12:00:00Z');
    const notifier = createElectronNotifier(vi.fn());
    const h = await openTestCore({ clock, notifier, jobs: true });
    cleanup.push(() => h.dispose());
    const sam = await h.call('contacts.create', { displayName: 'Sam Okafor', tier: 'close' });
    for (const sensitivity of ['normal', 'private', 'sensitive'] as const) {
      await h.call('details.add', {
        contactId: sam.id,
        text: `SECRET-${sensitivity}`,
        learnedOn: '2026-01-02',
        sensitivity,
        followUpOn: '2026-02-01',
      });
    }
    clock.set('2026-03-01T10:00:00Z');
    await h.call('reminders.wake', {});
    expect(notifications.made.map((n) => n.options.title)).toEqual(['1 person to reach out to today']);
    expect(JSON.stringify(notifications.made.map((n) => n.options))).not.toContain('SECRET');
  });
});
