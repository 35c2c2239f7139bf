import { randomUUID } from 'node:crypto';
import { map, type Observable } from 'rxjs';
import type { Contact, ContactFields, ContactSummary } from '../../../shared/domain/contact.ts';
import { AppError } from '../../../shared/ipc/result.ts';
import type { Clock } from '../clock.ts';
import type { ContactDocument } from '../db/contacts-schema.ts';
import type { RapportDatabase } from '../db/database.ts';

export interface ContactsService {
  create(fields: ContactFields): Promise<Contact>;
  /** @throws AppError `not_found` for an unknown or deleted id. */
  get(id: string): Promise<Contact>;
  /** People sorted by name, re-emitted on every change. Archived people only when asked. */
  watchSummaries(options: { includeArchived: boolean }): Observable<ContactSummary[]>;
}

export function createContactsService(db: RapportDatabase, clock: Clock, newId: () => string = randomUUID): ContactsService {
  const contacts = db.contacts;
  return {
    async create(fields) {
      const now = clock.now().toISOString();
      const doc: ContactDocument = { ...fields, id: newId(), sortName: fields.displayName.toLocaleLowerCase(), createdAt: now, updatedAt: now };
      await contacts.insert(doc);
      return toContact(doc);
    },

    async get(id) {
      const doc = await contacts.findOne(id).exec();
      if (!doc || doc.deletedAt) throw new AppError('not_found', 'That person no longer exists.');
      return toContact(doc.toJSON() as ContactDocument);
    },

    watchSummaries({ includeArchived }) {
      return contacts
        .find({
          selector: { deletedAt: { $exists: false }, ...(includeArchived ? {} : { archived: false }) },
          sort: [{ sortName: 'asc' }, { id: 'asc' }],
        })
        .$.pipe(
          map((docs) =>
            docs.map((d) => ({ id: d.id, displayName: d.displayName, organisation: d.organisation, role: d.role, tags: d.tags, archived: d.archived })),
          ),
        );
    },
  };
}

function toContact(doc: ContactDocument): Contact {
  const { sortName: _sortName, deletedAt: _deletedAt, ...contact } = doc;
  return contact;
}
