/**
 * The people area: everyone you know. It alone writes `contacts`; deleting or merging people
 * asks the interactions and details areas to change theirs.
 */
import type { Contact, ContactDraft } from '../../../shared/domain/contact.ts';
import { asArea } from '../area.ts';
import type { Area, CoreContext } from '../context.ts';
import { createContactsService, type ContactsService } from './contacts-service.ts';
import { createMergeService } from './merge-service.ts';
import { createRelationshipsService, type RelationshipsService } from './relationships-service.ts';
import { watchPeopleList } from './people-list.ts';
import { createPeoplePicks } from './people-picks.ts';
import { createPeopleWindows } from './people-windows.ts';
import { watchPerson } from './person-view-service.ts';
import type { PersonIndexDocument } from '../projection/schema.ts';
import type { ContactDocument } from './schema.ts';

export type PeopleApi = Pick<ContactsService, 'get' | 'addRoutes' | 'putMany' | 'removeMany'> &
  Pick<RelationshipsService, 'relate' | 'unrelate'> & {
    create(fields: ContactDraft, options?: { defaultRhythm?: boolean }): Promise<Contact>;
    /** Everyone's `people_index` row, as the People windows hold them (read once, kept current). */
    indexRows(): Promise<ReadonlyMap<string, PersonIndexDocument>>;
  };

type PeopleChannels =
  | 'contacts.create'
  | 'contacts.get'
  | 'contacts.update'
  | 'contacts.archive'
  | 'contacts.retag'
  | 'contacts.delete'
  | 'contacts.duplicates'
  | 'contacts.merge'
  | 'contacts.setTier'
  | 'contacts.dismissDuplicate'
  | 'contacts.settleSetAside'
  | 'people.pick'
  | 'people.refs';

export function createPeopleArea(ctx: CoreContext): Area<
  PeopleChannels,
  'contacts.watch' | 'person.watch' | 'people.watchWindow'
> & {
  api: PeopleApi;
} {
  const contacts = asArea('people', createContactsService(ctx));
  const relationships = asArea('people', createRelationshipsService(ctx));
  const merging = asArea('people', createMergeService(ctx, contacts, relationships));
  const windows = createPeopleWindows(ctx);
  const picks = createPeoplePicks(windows);
  ctx.trash.registerRestorer('contacts', async (docs) => {
    await ctx.db.contacts.bulkUpsert(docs as ContactDocument[]);
    await ctx.projection.settled();
  });

  return {
    api: {
      create: contacts.create,
      get: contacts.get,
      addRoutes: contacts.addRoutes,
      putMany: contacts.putMany,
      removeMany: contacts.removeMany,
      relate: relationships.relate,
      unrelate: relationships.unrelate,
      indexRows: async () => (await windows.rows()).rows,
    },
    requests: {
      'contacts.create': (input) => contacts.create(input),
      'contacts.get': ({ id }) => contacts.get(id),
      'contacts.update': ({ id, fields }) => contacts.update(id, fields),
      'contacts.archive': async ({ ids, archived }) => ({ changed: await contacts.setArchived(ids, archived) }),
      'contacts.retag': async ({ ids, add, remove }) => ({ changed: await contacts.retag(ids, add, remove) }),
      'contacts.delete': ({ ids }) => contacts.remove(ids),
      'contacts.duplicates': () => merging.candidates(),
      'contacts.merge': ({ primaryId, secondaryId, fields }) => merging.merge(primaryId, secondaryId, fields),
      'contacts.setTier': ({ ids, tier }) => contacts.setTier(ids, tier),
      'contacts.settleSetAside': ({ id, conflictId, choice }) => contacts.settleSetAside(id, conflictId, choice),
      'contacts.dismissDuplicate': async ({ ids: [a, b] }) => ({ dismissed: await merging.dismiss(a, b) }),
      'people.pick': (input) => picks.pick(input),
      'people.refs': ({ ids }) => picks.refs(ids),
    },
    subscriptions: {
      'contacts.watch': (input) => watchPeopleList(ctx, input),
      'person.watch': ({ id }) => watchPerson(ctx, id),
      'people.watchWindow': (input) => windows.watch(input),
    },
    close: async () => windows.close(),
  };
}
