/** The practice and starters tests' shorthand over the one core harness (../testing/test-core.ts). */
import type { SubscriptionChannel, SubscriptionInput, SubscriptionOutput } from '../../../shared/ipc/contract.ts';
import { openTestCore } from '../testing/test-core.ts';

export function useCore() {
  return async function setup(now = '2026-03-18T12:00:00Z') {
    const t = await openTestCore({ now });
    const watch = <C extends SubscriptionChannel>(
      channel: C,
      input: SubscriptionInput<C>,
      until?: (value: SubscriptionOutput<C>) => boolean,
      timeoutMs?: number,
    ) => t.next(channel, input, until, timeoutMs);
    const person = (displayName: string, extra: Record<string, unknown> = {}) =>
      t.call('contacts.create', { displayName, ...extra });
    const detail = (contactId: string, text: string, extra: Record<string, unknown> = {}) =>
      t.call('details.add', { contactId, text, learnedOn: '2026-03-01', ...extra });
    return { core: t.core, call: t.call, watch, person, detail };
  };
}
