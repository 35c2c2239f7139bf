import type { Area, CoreContext } from '../context.ts';

/** Undo: brings back what a destructive action removed, through each owning area. */
export function createTrashArea(ctx: CoreContext): Area<'undo.apply', never> {
  return {
    requests: { 'undo.apply': ({ token }) => ctx.trash.restore(token) },
    subscriptions: {},
  };
}
