import { combineLatest, map, type Observable } from 'rxjs';
import { effectiveCadence, keepInTouchStatus } from '../../../shared/domain/keep-in-touch/status.ts';
import type { KeepInTouchSettings } from '../../../shared/domain/settings.ts';
import type { PersonListItem } from '../../../shared/domain/views.ts';
import { today$ } from '../clock.ts';
import type { CoreContext } from '../context.ts';
import type { PersonIndexDocument } from '../projection/schema.ts';
import { KEEP_IN_TOUCH } from '../settings/keep-in-touch.ts';

/** One row of the People list, with the person's keep-in-touch status on `today`. */
export function personListItem(
  row: PersonIndexDocument,
  tiers: KeepInTouchSettings['tiers'],
  today: string,
): PersonListItem {
  const lastInteractionOn = row.lastInteractionOn || undefined;
  return {
    id: row.id,
    displayName: row.displayName,
    organisation: row.organisation,
    role: row.role,
    tags: row.tags,
    archived: row.archived,
    tier: row.tier,
    lastInteractionOn,
    status: keepInTouchStatus({
      cadence: effectiveCadence(row, tiers),
      lastInteractionOn,
      addedOn: row.addedOn,
      today,
    }),
  };
}

/**
 * Everyone, sorted by name with their keep-in-touch status, re-emitted on every change
 * (`contacts.watch`). No screen subscribes to it any more: the People screen reads windows
 * (people-windows.ts) and pickers ask `people.pick`. It stays as what `bench:scale` and
 * `bench:pick` measure those against in the same run, the whole-list feed they replaced.
 */
export function watchPeopleList(ctx: CoreContext, options: { includeArchived: boolean }): Observable<PersonListItem[]> {
  const query = ctx.db.people_index.find({
    selector: options.includeArchived ? {} : { archived: false },
    sort: [{ sortName: 'asc' }, { id: 'asc' }],
  });
  return combineLatest([query.$, ctx.settings.watch(KEEP_IN_TOUCH), today$(ctx.clock)]).pipe(
    map(([rows, keep, today]) => rows.map((row) => personListItem(row, keep.tiers, today))),
  );
}
