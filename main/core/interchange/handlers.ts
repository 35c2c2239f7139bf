import type { interchangeRequests, interchangeSubscriptions } from '../../../shared/ipc/channels/interchange.ts';
import type { AreaHandlers, CoreContext } from '../context.ts';

/** The interchange area's IPC handlers. */
export function createInterchangeHandlers(_ctx: CoreContext): AreaHandlers<keyof typeof interchangeRequests, keyof typeof interchangeSubscriptions> {
  return { requests: {}, subscriptions: {} };
}
