import { auditTime, combineLatest, merge, startWith, switchMap, type Observable } from 'rxjs';
import { effectiveCadence, keepInTouchStatus } from '../../../shared/domain/keep-in-touch/status.ts';
import { giveSuggestions, reciprocityBalance, shouldNudgeToGive } from '../../../shared/domain/reciprocity/balance.ts';
import type { PersonView } from '../../../shared/domain/views.ts';
import { AppError } from '../../../shared/ipc/result.ts';
import { today$ } from '../clock.ts';
import { recentExchanges } from '../interactions/reads.ts';
import type { CoreContext } from '../context.ts';
import { REMINDER_STATE } from '../reminders/store.ts';
import { KEEP_IN_TOUCH } from '../settings/keep-in-touch.ts';
import type { ContactDocument } from './schema.ts';

/** Everything the person page shows at the top, live. Errors with `not_found` once they are gone. */
export function watchPerson(ctx: CoreContext, id: string): Observable<PersonView> {
  const { db } = ctx;

  const changes = merge(db.participations.$, db.interactions.$).pipe(auditTime(30), startWith(null));
  return combineLatest([
    db.contacts.findOne(id).$,
    db.people_index.findOne(id).$,
    ctx.areas.details.watchOpen(id),
    ctx.settings.watch(KEEP_IN_TOUCH),
    today$(ctx.clock),
    ctx.settings.watch(REMINDER_STATE),
    changes,
  ]).pipe(
    switchMap(async ([doc, indexRow, openDetails, keep, today, reminders]) => {
      const snoozedUntil = reminders.holds[id]?.snoozedUntil;
      if (!doc) throw new AppError('not_found', 'That person no longer exists.');
      const contact = doc.toMutableJSON() as ContactDocument;
      const lastInteractionOn = indexRow?.lastInteractionOn || undefined;
      const exchanges = await recentExchanges(db, id, today);
      const nudge = shouldNudgeToGive(exchanges, today);
      return {
        contact,
        lastInteractionOn,
        status: keepInTouchStatus({
          cadence: effectiveCadence(contact, keep.tiers),
          lastInteractionOn,
          addedOn: contact.createdAt.slice(0, 10),
          today,
        }),
        // While a snooze holds them back from reminders: the day they count again.
        ...(snoozedUntil && snoozedUntil > today ? { snoozedUntil } : {}),
        openDetails,
        setAside: contact.conflicts ?? [],
        reciprocity: {
          ...reciprocityBalance(exchanges, today),
          nudge,
          suggestions: nudge ? giveSuggestions(contact.lookingFor) : [],
        },
      };
    }),
  );
}
