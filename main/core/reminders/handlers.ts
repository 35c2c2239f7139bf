import type { remindersRequests, remindersSubscriptions } from '../../../shared/ipc/channels/reminders.ts';
import type { AreaHandlers, CoreContext } from '../context.ts';

/** The reminders area's IPC handlers. */
export function createRemindersHandlers(_ctx: CoreContext): AreaHandlers<keyof typeof remindersRequests, keyof typeof remindersSubscriptions> {
  return { requests: {}, subscriptions: {} };
}
