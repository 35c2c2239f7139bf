import { z } from 'zod';
import { Contact, IsoDate } from './contact.ts';
import { Detail } from './detail.ts';
import { Interaction } from './interaction.ts';
import { SyncConflict } from './sync/conflict-record.ts';
import { lazyExtend, lazyObject } from '../lazy-schema.ts';

/** Read models that cross IPC: shaped for a screen, validated like every other output. */

export const KeepInTouchStatusView = z.discriminatedUnion('state', [
  lazyObject(() => ({ state: z.literal('untracked') })),
  lazyObject(() => ({
    state: z.enum(['on-track', 'due', 'overdue']),
    since: IsoDate,
    daysSince: z.number().int(),
    dueOn: IsoDate,
    overdueOn: IsoDate,
  })),
]);
export type KeepInTouchStatusView = z.infer<typeof KeepInTouchStatusView>;

/** One row of the People list: small enough to push 10k of them on every change. */
export const PersonListItem = Contact.pick({
  id: true,
  displayName: true,
  organisation: true,
  role: true,
  tags: true,
  archived: true,
  tier: true,
}).extend({
  lastInteractionOn: IsoDate.optional(),
  status: KeepInTouchStatusView,
});
export type PersonListItem = z.infer<typeof PersonListItem>;

export const PersonRef = lazyObject(() => ({ id: z.string(), displayName: z.string() }));
export type PersonRef = z.infer<typeof PersonRef>;

export const TimelineEntry = lazyExtend(Interaction, () => ({
  people: z.array(PersonRef),
  /** Values a sync merge set aside on this interaction (docs/sync.md); absent when there are none. */
  setAside: z.array(SyncConflict).optional(),
}));
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const TimelinePage = lazyObject(() => ({ entries: z.array(TimelineEntry), hasMore: z.boolean() }));
export type TimelinePage = z.infer<typeof TimelinePage>;

export const ReciprocityView = lazyObject(() => ({
  gave: z.number().int(),
  asked: z.number().int(),
  mutual: z.number().int(),
  balance: z.number().int(),
  nudge: z.boolean(),
  suggestions: z.array(z.string()),
}));

export const PersonView = lazyObject(() => ({
  contact: Contact,
  status: KeepInTouchStatusView,
  lastInteractionOn: IsoDate.optional(),
  /** While a snooze holds them back from reminders: the day they count again. */
  snoozedUntil: IsoDate.optional(),
  openDetails: z.array(Detail),
  reciprocity: ReciprocityView,
  /** Values a sync merge set aside when two devices changed the same field (docs/sync.md). */
  setAside: z.array(SyncConflict),
  /** Their details (open or resolved) that hold set-aside values, with the values. */
  detailsSetAside: z.array(z.object({ detail: Detail, values: z.array(SyncConflict) })),
}));
export type PersonView = z.infer<typeof PersonView>;

export const SearchHitView = lazyObject(() => ({
  kind: z.enum(['person', 'interaction', 'detail', 'event']),
  id: z.string(),
  /** The person to open (for a detail, its person; for an interaction, the first participant). */
  personIds: z.array(z.string()),
  title: z.string(),
  field: z.string(),
  snippet: z.string(),
  highlights: z.array(z.tuple([z.number().int(), z.number().int()])),
  date: IsoDate.optional(),
}));
export type SearchHitView = z.infer<typeof SearchHitView>;

/**
 * The search index while it is built from scratch (a new or restored database, a new index
 * version): searches wait for it, so the box says how far it has read. `done` of `total` live
 * source documents.
 */
export const SearchIndexState = lazyObject(() => ({
  building: z.boolean(),
  done: z.number().int().min(0),
  total: z.number().int().min(0),
}));
export type SearchIndexState = z.infer<typeof SearchIndexState>;
