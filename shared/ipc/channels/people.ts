import { z } from 'zod';
import { Id, SettleSetAside } from './common.ts';
import { Contact, ContactFields, IsoDate, Tier } from '../../domain/contact.ts';
import type { PeopleQuery as PeopleQueryType } from '../../domain/people-list-view.ts';
import { Detail, DetailFields, Sensitivity } from '../../domain/detail.ts';
import { Interaction, InteractionFields, InteractionType } from '../../domain/interaction.ts';
import { KeepInTouchSettings } from '../../domain/settings.ts';
import {
  PersonListItem,
  PersonRef,
  PersonView,
  SearchHitView,
  SearchIndexState,
  TimelinePage,
} from '../../domain/views.ts';
import { channel, lazyExtend, lazyObject } from '../../lazy-schema.ts';

const Ids = z.array(Id).min(1, 'Choose at least one person').max(20_000);
const Tag = z.string().trim().min(1).max(60);
const UndoReceipt = lazyObject(() => ({ undoToken: z.string() }));

/** The longest text a search or filter box takes; the boxes stop typing there (maxLength). */
export const SEARCH_TEXT_MAX = 200;
export const TimelineFilter = lazyObject(() => ({
  contactId: Id.optional(),
  types: z.array(InteractionType).max(10).optional(),
  tag: Tag.optional(),
}));

export const LogInteractionInput = lazyObject(() => ({
  interaction: InteractionFields.extend({ contactIds: z.array(Id).max(100).default([]) }),
  newPeople: z.array(z.string().trim().min(1, 'Name is required').max(200)).max(20).default([]),
  details: z
    .array(
      z.object({
        text: DetailFields.shape.text,
        sensitivity: Sensitivity.default('normal'),
        followUpOn: IsoDate.optional(),
        contactId: Id.optional(),
      }),
    )
    .max(20)
    .default([]),
})).refine((v) => v.interaction.contactIds.length + v.newPeople.length > 0, {
  message: 'Choose at least one person',
  path: ['interaction', 'contactIds'],
});

/** A person as a picker offers them: enough to tell two people with one name apart. */
export const PickedPerson = lazyObject(() => ({
  id: Id,
  displayName: z.string(),
  organisation: z.string().optional(),
  lastInteractionOn: IsoDate.optional(),
}));
export type PickedPerson = z.infer<typeof PickedPerson>;

/** A chosen person's name for a chip; an id that is gone is left out (the screen says "Someone removed"). */
export const PersonRefView = lazyExtend(PickedPerson, () => ({ archived: z.boolean() }));
export type PersonRefView = z.infer<typeof PersonRefView>;

/** People, interactions, details, the timeline, keep-in-touch settings, search and undo. */
export const peopleRequests = {
  'contacts.create': channel(() => ({ input: ContactFields, output: Contact })),
  'contacts.get': channel(() => ({ input: z.object({ id: Id }), output: Contact })),
  'contacts.update': channel(() => ({ input: z.object({ id: Id, fields: ContactFields }), output: Contact })),
  'contacts.archive': channel(() => ({
    input: z.object({ ids: Ids, archived: z.boolean() }),
    output: z.object({ changed: z.number().int() }),
  })),
  'contacts.retag': channel(() => ({
    input: z.object({ ids: Ids, add: z.array(Tag).max(20).default([]), remove: z.array(Tag).max(20).default([]) }),
    output: z.object({ changed: z.number().int() }),
  })),
  /** One rhythm (or none) for many people; `undo.apply` with the token puts their previous rhythms back. */
  'contacts.setTier': channel(() => ({
    input: z.object({ ids: Ids, tier: Tier.nullable() }),
    output: UndoReceipt.extend({ changed: z.number().int() }),
  })),
  /** Remembers that two people are not the same, so `contacts.duplicates` stops suggesting them. */
  /** Puts a value a sync merge set aside back (`use`), or keeps the current one and forgets it (`dismiss`). */
  'contacts.settleSetAside': channel(() => ({ input: SettleSetAside, output: Contact })),
  'contacts.dismissDuplicate': channel(() => ({
    input: z.object({ ids: z.tuple([Id, Id]) }),
    output: z.object({ dismissed: z.number().int() }),
  })),
  /** Deletes people with their details and solo interactions; `undo.apply` brings them back. */
  'contacts.delete': channel(() => ({
    input: z.object({ ids: Ids }),
    output: UndoReceipt.extend({ removed: z.number().int() }),
  })),
  'contacts.duplicates': channel(() => ({
    input: z.object({}),
    output: z.array(
      z.object({ a: PersonRef, b: PersonRef, reasons: z.array(z.enum(['email', 'phone', 'name'])), score: z.number() }),
    ),
  })),
  /** Keeps `primaryId` with `fields`, moves the other's interactions and details to it, deletes the other. */
  'contacts.merge': channel(() => ({
    input: z.object({ primaryId: Id, secondaryId: Id, fields: ContactFields }),
    output: Contact,
  })),
  'undo.apply': channel(() => ({
    input: z.object({ token: z.string().min(1) }),
    output: z.object({ label: z.string(), restored: z.number().int() }),
  })),
  'interactions.log': channel(() => ({ input: LogInteractionInput, output: Interaction })),
  'interactions.update': channel(() => ({
    input: z.object({ id: Id, fields: InteractionFields }),
    output: Interaction,
  })),
  'interactions.settleSetAside': channel(() => ({ input: SettleSetAside, output: Interaction })),
  'interactions.delete': channel(() => ({ input: z.object({ id: Id }), output: UndoReceipt })),
  /**
   * Undo of `interactions.log`: the interaction, the details learned in it and the people it added
   * (`newPeople`) go, in one operation; a detail edited since, or a person with more since (an
   * edit, another interaction or detail), stays, and `kept` names those people.
   */
  'interactions.undoLog': channel(() => ({
    input: z.object({ id: Id, newPeople: z.array(Id).max(500) }),
    output: z.object({ kept: z.array(z.string()) }),
  })),
  'timeline.page': channel(() => ({
    input: z.object({
      filter: TimelineFilter.default({}),
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(200),
    }),
    output: TimelinePage,
  })),
  /** Where an entry stands in the timeline `filter` shows (its offset, newest first); null when not in it. */
  'timeline.position': channel(() => ({
    input: z.object({ filter: TimelineFilter.default({}), id: Id }),
    output: z.object({ index: z.number().int().min(0).nullable() }),
  })),
  'details.add': channel(() => ({ input: DetailFields, output: Detail })),
  /** Open details of these people, newest first: the "Ask about" chips of the log form. */
  'details.listOpen': channel(() => ({
    input: z.object({ contactIds: z.array(Id).max(100) }),
    output: z.array(Detail),
  })),
  'details.resolve': channel(() => ({ input: z.object({ id: Id }), output: Detail })),
  'details.reopen': channel(() => ({ input: z.object({ id: Id }), output: Detail })),
  'details.settleSetAside': channel(() => ({ input: SettleSetAside, output: Detail })),
  'settings.getKeepInTouch': channel(() => ({ input: z.object({}), output: KeepInTouchSettings })),
  'settings.setKeepInTouch': channel(() => ({ input: KeepInTouchSettings, output: KeepInTouchSettings })),
  /**
   * The best matches for a typed name (the core ranks: shared/domain/people/rank-people.ts); with
   * nothing typed, the most recently contacted. `prefer`: people added in this window, newest first.
   * `ambiguous`: several match as well as the best. The log dialog's picker then waits for an arrow
   * key (a wrong pick logs with the wrong person); the one-person pickers take the first on Enter.
   */
  'people.pick': channel(() => ({
    input: z.object({
      q: z.string().max(SEARCH_TEXT_MAX).default(''),
      limit: z.number().int().min(1).max(50).default(7),
      exclude: z.array(Id).max(500).default([]),
      prefer: z.array(Id).max(50).default([]),
      includeArchived: z.boolean().default(false),
    }),
    output: z.object({ matches: z.array(PickedPerson).max(50), ambiguous: z.boolean() }),
  })),
  /** Names (and more) of chosen people, for chips; ids that no longer exist are left out. */
  'people.refs': channel(() => ({
    input: z.object({ ids: z.array(Id).max(500) }),
    output: z.array(PersonRefView).max(500),
  })),
  'search.query': channel(() => ({
    input: z.object({ q: z.string().max(SEARCH_TEXT_MAX), limit: z.number().int().min(1).max(100).default(30) }),
    output: z.array(SearchHitView),
  })),
} as const;

/** The People list's filters and order; the core filters and sorts, the renderer only shows a window. */
export const PeopleQuery = lazyObject(() => ({
  text: z.string().max(SEARCH_TEXT_MAX).default(''),
  sort: z.enum(['name', 'last-contact', 'next-due']).default('name'),
  tag: z.string().max(60).default(''),
  tier: z.union([z.enum(['any', 'none']), Tier]).default('any'),
  status: z.enum(['all', 'overdue', 'due', 'archived']).default('all'),
})) satisfies z.ZodType<PeopleQueryType, unknown>;

/** The most rows one window holds: a screenful and its margins, never the collection. */
export const MAX_WINDOW_ROWS = 300;

/**
 * One push of a People list window. `ids` is the window's order (rows `offset` … `offset + ids.length - 1`
 * of the `total` that match); `rows` holds only the rows this subscription has not been sent yet or
 * that changed since, so an edit pushes the ids and one row. `tags` comes when the tags in use change.
 */
export const PeopleWindow = lazyObject(() => ({
  offset: z.number().int().min(0),
  total: z.number().int().min(0),
  /** Everyone not archived, whatever the query: the screens' "nobody here yet". */
  everyone: z.number().int().min(0),
  /** Everyone archived. */
  archived: z.number().int().min(0),
  ids: z.array(Id).max(MAX_WINDOW_ROWS),
  rows: z.array(PersonListItem).max(MAX_WINDOW_ROWS),
  tags: z.array(z.string()).optional(),
}));
export type PeopleWindow = z.infer<typeof PeopleWindow>;

export const peopleSubscriptions = {
  /** A window of the People list, with counts; pushes again only when the window, counts or tags change. */
  'people.watchWindow': channel(() => ({
    input: z.object({
      query: PeopleQuery.default({ text: '', sort: 'name', tag: '', tier: 'any', status: 'all' }),
      offset: z.number().int().min(0).max(10_000_000).default(0),
      limit: z.number().int().min(0).max(MAX_WINDOW_ROWS).default(100),
    }),
    output: PeopleWindow,
  })),
  'contacts.watch': channel(() => ({
    input: z.object({ includeArchived: z.boolean().default(false) }),
    output: z.array(PersonListItem),
  })),
  'person.watch': channel(() => ({ input: z.object({ id: Id }), output: PersonView })),
  /** Whether the search index is being built from scratch, and how far it has read. */
  'search.watchIndex': channel(() => ({ input: z.object({}), output: SearchIndexState })),
  /** The rhythms as they change (Settings, sync): the rhythm pickers say each tier's interval. */
  'settings.watchKeepInTouch': channel(() => ({ input: z.object({}), output: KeepInTouchSettings })),
  /** How many timeline entries match; `revision` changes whenever pages must be fetched again. */
  'timeline.watch': channel(() => ({
    input: z.object({ filter: TimelineFilter.default({}) }),
    output: z.object({ total: z.number().int(), revision: z.number().int() }),
  })),
} as const;
