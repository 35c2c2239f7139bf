import type { Area, CoreContext } from '../context.ts';
import { KEEP_IN_TOUCH } from './keep-in-touch.ts';
import type { SettingsDocument } from './schema.ts';

/** The settings screen's own channels; other areas' settings travel on their areas' channels. */
export function createSettingsArea(
  ctx: CoreContext,
): Area<'settings.getKeepInTouch' | 'settings.setKeepInTouch', 'settings.watchKeepInTouch'> {
  // An operation undone (a crash, a failure) puts the keys it wrote back as they were.
  ctx.trash.registerRestorer(
    'settings',
    async (docs) => void (await ctx.db.settings.bulkUpsert(docs as SettingsDocument[])),
    async (ids) => void (await ctx.db.settings.bulkRemove(ids)),
  );
  return {
    requests: {
      'settings.getKeepInTouch': () => ctx.settings.read(KEEP_IN_TOUCH),
      'settings.setKeepInTouch': (input) => ctx.settings.write(KEEP_IN_TOUCH, input),
    },
    subscriptions: {
      'settings.watchKeepInTouch': () => ctx.settings.watch(KEEP_IN_TOUCH),
    },
  };
}
