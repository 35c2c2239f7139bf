/** The network's live queries: a person's relationships and intros, and this week's no-ask touches. */
import { auditTime, combineLatest, map, startWith, switchMap, type Observable } from 'rxjs';
import { introductionsOf } from '../../../shared/domain/network/intro-ranking.ts';
import { noAskTouchesThisWeek, weekStartOf } from '../../../shared/domain/network/weekly-touches.ts';
import type { RelationshipView } from '../../../shared/ipc/channels/network.ts';
import type { SubscriptionOutput } from '../../../shared/ipc/contract.ts';
import { AppError } from '../../../shared/ipc/result.ts';
import { today$ } from '../clock.ts';
import type { CoreContext } from '../context.ts';
import type { ContactDocument } from '../people/schema.ts';
import { introNetworkOf, introViews } from './intros.ts';
import type { IntroPeople } from './reads.ts';
import { NETWORK_SETTINGS } from './settings.ts';

/** Intros on a person's page: at most this many. */
const PERSON_INTROS = 5;

export function watchNetworkPerson(
  ctx: CoreContext,
  introPeople: IntroPeople,
  id: string,
): Observable<SubscriptionOutput<'network.watchPerson'>> {
  // Any person's change may change names or needs this page shows; a burst is read once.
  return ctx.db.contacts.$.pipe(
    auditTime(100),
    startWith(null),
    switchMap(async () => {
      const people = await introPeople();
      const doc = await ctx.db.contacts.findOne(id).exec();
      if (!doc) throw new AppError('not_found', 'That person no longer exists.');
      const person = doc.toMutableJSON() as ContactDocument;
      const names = new Map(
        [...(await ctx.db.contacts.findByIds((person.relationships ?? []).map((r) => r.contactId)).exec())].map(
          ([key, d]) => [key, d.displayName],
        ),
      );
      const relationships: RelationshipView[] = (person.relationships ?? []).flatMap((r) => {
        const displayName = names.get(r.contactId);
        // Someone deleted: their half stays stored (undo brings them back) but is not shown.
        return displayName ? [{ ...r, displayName }] : [];
      });
      return { relationships, intros: introViews(people, introductionsOf(introNetworkOf(people), id, PERSON_INTROS)) };
    }),
  );
}

export function watchWeek(ctx: CoreContext): Observable<SubscriptionOutput<'network.watchWeek'>> {
  return combineLatest([today$(ctx.clock), ctx.settings.watch(NETWORK_SETTINGS)]).pipe(
    switchMap(([today, settings]) =>
      ctx.db.interactions.find({ selector: { sortKey: { $gte: weekStartOf(today) } } }).$.pipe(
        map((docs) => ({
          weekStart: weekStartOf(today),
          done: noAskTouchesThisWeek(
            docs.map((d) => ({ date: d.date, asked: d.asked })),
            today,
          ),
          target: settings.weeklyNoAskTarget,
          jobHuntMode: settings.jobHuntMode,
        })),
      ),
    ),
  );
}
