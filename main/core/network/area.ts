/**
 * The network area: relationships between people, suggested introductions, announcements to a
 * segment, the job-hunt guard and the weekly no-ask target. It owns no collection: relationships
 * are written by the people area, logged messages by the interactions area, its settings key by
 * the settings store.
 */
import type { Area, CoreContext } from '../context.ts';
import { logIntro, suggestedIntros, undoIntro } from './intros.ts';
import { watchNetworkPerson, watchWeek } from './live.ts';
import { announcementDrafts, askCheck, markSent } from './outreach.ts';
import { introPeopleReader } from './reads.ts';
import { NETWORK_SETTINGS } from './settings.ts';

type NetworkRequest =
  | 'network.getSettings'
  | 'network.setSettings'
  | 'network.relate'
  | 'network.unrelate'
  | 'network.introSuggestions'
  | 'network.logIntro'
  | 'network.undoIntro'
  | 'network.askCheck'
  | 'network.announcementDrafts'
  | 'network.markSent';

export function createNetworkArea(ctx: CoreContext): Area<NetworkRequest, 'network.watchPerson' | 'network.watchWeek'> {
  const introPeople = introPeopleReader(ctx);
  return {
    requests: {
      'network.getSettings': () => ctx.settings.read(NETWORK_SETTINGS),
      'network.setSettings': (input) => ctx.settings.write(NETWORK_SETTINGS, input),
      'network.relate': async ({ fromId, toId, kind, label }) => {
        await ctx.areas.people.relate(fromId, toId, kind, label ? { label } : {});
        return {};
      },
      'network.unrelate': async ({ fromId, toId, kind }) => {
        await ctx.areas.people.unrelate(fromId, toId, kind);
        return {};
      },
      'network.introSuggestions': async ({ limit, signature }) =>
        suggestedIntros(await introPeople(), limit, signature),
      'network.logIntro': (input) => logIntro(ctx, input),
      'network.undoIntro': async ({ interactionId }) => {
        await undoIntro(ctx, interactionId);
        return {};
      },
      'network.askCheck': ({ contactId, signature }) => askCheck(ctx, contactId, signature),
      'network.announcementDrafts': ({ announcement, segment, signature }) =>
        announcementDrafts(ctx, announcement, segment, signature),
      'network.markSent': (input) => markSent(ctx, input),
    },
    subscriptions: {
      'network.watchPerson': ({ id }) => watchNetworkPerson(ctx, introPeople, id),
      'network.watchWeek': () => watchWeek(ctx),
    },
  };
}
