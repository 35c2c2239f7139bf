import { auditTime, combineLatest, merge, startWith, switchMap, type Observable } from 'rxjs';
import { effectiveCadence, keepInTouchStatus } from '../../../shared/domain/keep-in-touch/status.ts';
import {
  giveSuggestions,
  reciprocityBalance,
  reciprocityWindowStart,
  shouldNudgeToGive,
} from '../../../shared/domain/reciprocity/balance.ts';
import { ReminderState } from '../../../shared/domain/reminders/settings.ts';
import type { PersonView } from '../../../shared/domain/views.ts';
import { AppError } from '../../../shared/ipc/result.ts';
import { today$, type Clock } from '../clock.ts';
import { toContact } from '../contacts/contacts-service.ts';
import type { RapportDatabase } from '../db/database.ts';
import type { DetailsService } from '../details/details-service.ts';
import { STATE_ID } from '../reminders/store.ts';
import type { SettingsService } from '../settings/settings-service.ts';

export interface PersonViewService {
  /** Everything the person page shows at the top, live. Errors with `not_found` once they are gone. */
  watchPerson(id: string): Observable<PersonView>;
}

/** A snooze still in force ("Snoozed until …"), read from the reminders area's state. */
function snoozedFrom(state: unknown, id: string, today: string): { snoozedUntil?: string } {
  const parsed = ReminderState.safeParse(state);
  const until = parsed.success ? parsed.data.holds[id]?.snoozedUntil : undefined;
  return until && until > today ? { snoozedUntil: until } : {};
}

export function createPersonViewService(
  db: RapportDatabase,
  clock: Clock,
  settings: SettingsService,
  details: DetailsService,
): PersonViewService {
  /** The person's exchanges in the reciprocity window, oldest first (the rule reads recency from order). */
  async function recentExchanges(contactId: string, today: string) {
    const from = reciprocityWindowStart(today);
    const links = await db.participations
      .find({
        selector: { contactId, sortKey: { $gt: from } },
        sort: [{ contactId: 'asc' }, { sortKey: 'asc' }],
        index: ['contactId', 'sortKey'],
      })
      .exec();
    const docs = await db.interactions.findByIds(links.map((l) => l.interactionId)).exec();
    return links.flatMap((l) => {
      const d = docs.get(l.interactionId);
      return d ? [{ date: d.date, gave: d.gave, asked: d.asked, mutual: d.mutual }] : [];
    });
  }

  return {
    watchPerson(id) {
      const changes = merge(db.participations.$, db.interactions.$).pipe(auditTime(30), startWith(null));
      return combineLatest([
        db.contacts.findOne(id).$,
        details.watchOpen(id),
        settings.watchKeepInTouch(),
        today$(clock),
        db.settings.findOne(STATE_ID).$,
        changes,
      ]).pipe(
        switchMap(async ([doc, openDetails, keep, today, reminderState]) => {
          if (!doc) throw new AppError('not_found', 'That person no longer exists.');
          const contact = doc.toMutableJSON();
          const exchanges = await recentExchanges(id, today);
          const balance = reciprocityBalance(exchanges, today);
          const nudge = shouldNudgeToGive(exchanges, today);
          return {
            contact: toContact(contact),
            lastInteractionOn: contact.lastInteractionOn,
            status: keepInTouchStatus({
              cadence: effectiveCadence(contact, keep.tiers),
              lastInteractionOn: contact.lastInteractionOn,
              addedOn: contact.createdAt.slice(0, 10),
              today,
            }),
            ...snoozedFrom(reminderState?.value, id, today),
            openDetails,
            reciprocity: { ...balance, nudge, suggestions: nudge ? giveSuggestions(contact.lookingFor) : [] },
          };
        }),
      );
    },
  };
}
