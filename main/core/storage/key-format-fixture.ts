/**
 * The table the key conversion tests convert: shared by key-format.test.ts and the child it
 * kills (key-format-child.ts). Not a test file itself.
 */
import { fillWithDefaultSettings, type RxDocumentData, type RxJsonSchema } from 'rxdb';

export type Note = { id: string; person: string; day: string; weight: number; text: string };

export const CONVERSION_TEST = { database: 'convert', collection: 'notes' } as const;

/** Indexes over strings with inner and trailing spaces, numbers and the primary key. */
export const conversionSchema: RxJsonSchema<RxDocumentData<Note>> = fillWithDefaultSettings({
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 40 },
    person: { type: 'string', maxLength: 60 },
    day: { type: 'string', maxLength: 10 },
    weight: { type: 'number', minimum: 0, maximum: 1000, multipleOf: 0.5 },
    text: { type: 'string' },
  },
  required: ['id', 'person', 'day', 'weight', 'text'],
  indexes: [['person', 'day'], 'day', ['weight', 'person']],
});
