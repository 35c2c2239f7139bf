/**
 * Stored documents as replication or a bulk write would put them straight into a collection,
 * for tests that bypass the areas: empty lists, not archived, written at one fixed moment.
 */
import type { InteractionDocument } from '../interactions/schema.ts';
import { interactionSortKey } from '../interactions/sort-key.ts';
import type { ContactDocument } from '../people/schema.ts';

export const WRITTEN_AT = '2026-03-01T09:00:00.000Z';

export const rawContact = (
  id: string,
  fields: Partial<ContactDocument> & Pick<ContactDocument, 'displayName'>,
): ContactDocument => ({
  id,
  emails: [],
  phones: [],
  addresses: [],
  social: [],
  tags: [],
  archived: false,
  extensions: [],
  createdAt: WRITTEN_AT,
  updatedAt: WRITTEN_AT,
  ...fields,
});

export const rawInteraction = (
  id: string,
  fields: Partial<InteractionDocument> & Pick<InteractionDocument, 'date'>,
): InteractionDocument => ({
  id,
  type: 'call',
  contactIds: [],
  gave: [],
  asked: [],
  mutual: false,
  sortKey: interactionSortKey(fields.date, fields.time, id),
  createdAt: WRITTEN_AT,
  updatedAt: WRITTEN_AT,
  ...fields,
});
