import { z } from 'zod';
import { Id } from './common.ts';
import { Contact, ContactFields, IsoDate, Tier } from '../../domain/contact.ts';
import { Detail, DetailFields, Sensitivity } from '../../domain/detail.ts';
import { Interaction, InteractionFields, InteractionType } from '../../domain/interaction.ts';
import { KeepInTouchSettings } from '../../domain/settings.ts';
import { PersonListItem, PersonRef, PersonView, SearchHitView, TimelinePage } from '../../domain/views.ts';

const Ids = z.array(Id).min(1, 'Choose at least one person').max(20_000);
const Tag = z.string().trim().min(1).max(60);
const UndoReceipt = z.object({ undoToken: z.string() });

export const TimelineFilter = z.object({
  contactId: Id.optional(),
  types: z.array(InteractionType).max(10).optional(),
  tag: Tag.optional(),
});

export const LogInteractionInput = z
  .object({
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
  })
  .refine((v) => v.interaction.contactIds.length + v.newPeople.length > 0, {
    message: 'Choose at least one person',
    path: ['interaction', 'contactIds'],
  });

/** People, interactions, details, the timeline, keep-in-touch settings, search and undo. */
export const peopleRequests = {
  'contacts.create': { input: ContactFields, output: Contact },
  'contacts.get': { input: z.object({ id: Id }), output: Contact },
  'contacts.update': { input: z.object({ id: Id, fields: ContactFields }), output: Contact },
  'contacts.archive': {
    input: z.object({ ids: Ids, archived: z.boolean() }),
    output: z.object({ changed: z.number().int() }),
  },
  'contacts.retag': {
    input: z.object({ ids: Ids, add: z.array(Tag).max(20).default([]), remove: z.array(Tag).max(20).default([]) }),
    output: z.object({ changed: z.number().int() }),
  },
  /** One rhythm (or none) for many people; `undo.apply` with the token puts their previous rhythms back. */
  'contacts.setTier': {
    input: z.object({ ids: Ids, tier: Tier.nullable() }),
    output: UndoReceipt.extend({ changed: z.number().int() }),
  },
  /** Remembers that two people are not the same, so `contacts.duplicates` stops suggesting them. */
  /** Puts a value a sync merge set aside back (`use`), or keeps the current one and forgets it (`dismiss`). */
  'contacts.settleSetAside': {
    input: z.object({ id: Id, conflictId: z.string().min(1).max(400), choice: z.enum(['use', 'dismiss']) }),
    output: Contact,
  },
  'contacts.dismissDuplicate': {
    input: z.object({ ids: z.tuple([Id, Id]) }),
    output: z.object({ dismissed: z.number().int() }),
  },
  /** Deletes people with their details and solo interactions; `undo.apply` brings them back. */
  'contacts.delete': { input: z.object({ ids: Ids }), output: UndoReceipt.extend({ removed: z.number().int() }) },
  'contacts.duplicates': {
    input: z.object({}),
    output: z.array(
      z.object({ a: PersonRef, b: PersonRef, reasons: z.array(z.enum(['email', 'phone', 'name'])), score: z.number() }),
    ),
  },
  /** Keeps `primaryId` with `fields`, moves the other's interactions and details to it, deletes the other. */
  'contacts.merge': { input: z.object({ primaryId: Id, secondaryId: Id, fields: ContactFields }), output: Contact },
  'undo.apply': {
    input: z.object({ token: z.string().min(1) }),
    output: z.object({ label: z.string(), restored: z.number().int() }),
  },
  'interactions.log': { input: LogInteractionInput, output: Interaction },
  'interactions.update': { input: z.object({ id: Id, fields: InteractionFields }), output: Interaction },
  'interactions.delete': { input: z.object({ id: Id }), output: UndoReceipt },
  'timeline.page': {
    input: z.object({
      filter: TimelineFilter.default({}),
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(200),
    }),
    output: TimelinePage,
  },
  'details.add': { input: DetailFields, output: Detail },
  /** Open details of these people, newest first: the "Ask about" chips of the log form. */
  'details.listOpen': { input: z.object({ contactIds: z.array(Id).max(100) }), output: z.array(Detail) },
  'details.resolve': { input: z.object({ id: Id }), output: Detail },
  'details.reopen': { input: z.object({ id: Id }), output: Detail },
  'settings.getKeepInTouch': { input: z.object({}), output: KeepInTouchSettings },
  'settings.setKeepInTouch': { input: KeepInTouchSettings, output: KeepInTouchSettings },
  'search.query': {
    input: z.object({ q: z.string().max(200), limit: z.number().int().min(1).max(100).default(30) }),
    output: z.array(SearchHitView),
  },
} as const;

export const peopleSubscriptions = {
  'contacts.watch': {
    input: z.object({ includeArchived: z.boolean().default(false) }),
    output: z.array(PersonListItem),
  },
  'person.watch': { input: z.object({ id: Id }), output: PersonView },
  /** How many timeline entries match; `revision` changes whenever pages must be fetched again. */
  'timeline.watch': {
    input: z.object({ filter: TimelineFilter.default({}) }),
    output: z.object({ total: z.number().int(), revision: z.number().int() }),
  },
} as const;
