import type { practiceRequests, practiceSubscriptions } from '../../../shared/ipc/channels/practice.ts';
import type { AreaHandlers, CoreContext } from '../context.ts';

/** The practice area's IPC handlers. */
export function createPracticeHandlers(_ctx: CoreContext): AreaHandlers<keyof typeof practiceRequests, keyof typeof practiceSubscriptions> {
  return { requests: {}, subscriptions: {} };
}
