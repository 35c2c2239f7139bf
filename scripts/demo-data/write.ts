import type { RapportDatabase } from '../../main/core/db/database.ts';
import { interactionSortKey } from '../../main/core/interactions/sort-key.ts';
import { ContactFields } from '../../shared/domain/contact.ts';
import { DetailFields } from '../../shared/domain/detail.ts';
import { InteractionFields } from '../../shared/domain/interaction.ts';
import { generateDemoContacts, generateDemoInteractions, type DemoDataOptions } from './generate.ts';

const BATCH = 2000;

/**
 * Writes generated demo data straight into the collections in bulk batches (the services would
 * do one write per interaction). Produces exactly what the services store: sort keys, one
 * participation per person, and each person's `lastInteractionOn`.
 */
export async function writeDemoData(
  db: RapportDatabase,
  options: DemoDataOptions,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<{ contacts: number; interactions: number; details: number }> {
  const stamp = `${options.today}T12:00:00.000Z`;
  const people = generateDemoContacts(options);
  const lastOn = new Map<string, string>();
  let interactions: object[] = [];
  let links: object[] = [];
  let details: object[] = [];
  let written = 0;
  let detailCount = 0;
  const flush = async () => {
    await db.interactions.bulkInsert(interactions as never[]);
    await db.participations.bulkInsert(links as never[]);
    await db.details.bulkInsert(details as never[]);
    written += interactions.length;
    detailCount += details.length;
    interactions = [];
    links = [];
    details = [];
    onProgress(written, options.interactions);
  };

  for (const { interaction, details: learned } of generateDemoInteractions(people, options)) {
    const fields = InteractionFields.parse(interaction);
    const sortKey = interactionSortKey(fields.date, fields.time, interaction.id);
    interactions.push({ ...fields, id: interaction.id, sortKey, createdAt: stamp, updatedAt: stamp });
    for (const contactId of fields.contactIds) {
      links.push({ id: `${interaction.id}:${contactId}`, interactionId: interaction.id, contactId, sortKey });
      if ((lastOn.get(contactId) ?? '') < fields.date) lastOn.set(contactId, fields.date);
    }
    for (const d of learned) details.push({ ...DetailFields.parse(d), id: d.id, createdAt: stamp, updatedAt: stamp });
    if (interactions.length >= BATCH) await flush();
  }
  await flush();

  for (let i = 0; i < people.length; i += BATCH) {
    await db.contacts.bulkInsert(
      people.slice(i, i + BATCH).map(({ id, addedOn, ...draft }) => {
        const fields = ContactFields.parse(draft);
        const last = lastOn.get(id);
        return {
          ...fields,
          id,
          sortName: fields.displayName.toLocaleLowerCase(),
          createdAt: `${addedOn}T12:00:00.000Z`,
          updatedAt: stamp,
          ...(last ? { lastInteractionOn: last } : {}),
        };
      }),
    );
  }
  return { contacts: people.length, interactions: written, details: detailCount };
}
