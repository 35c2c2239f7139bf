import type { RapportDatabase } from '../../main/core/db/database.ts';
import { interactionSortKey } from '../../main/core/interactions/sort-key.ts';
import { ContactFields } from '../../shared/domain/contact.ts';
import { DetailFields } from '../../shared/domain/detail.ts';
import { InteractionFields } from '../../shared/domain/interaction.ts';
import { Ladder, PracticeSession } from '../../shared/domain/practice/model.ts';
import { generateDemoContacts, generateDemoInteractions, type DemoDataOptions } from './generate.ts';
import { generateDemoPractice } from './practice.ts';

const BATCH = 2000;

/**
 * Writes generated demo data straight into the source collections in bulk batches (the services
 * would do one write per interaction), as an import or another device would. The derived data
 * (timelines, the people index) is built by the projector when a core next opens the folder.
 */
export async function writeDemoData(
  db: RapportDatabase,
  options: DemoDataOptions,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<{ contacts: number; interactions: number; details: number; sessions: number }> {
  const stamp = `${options.today}T12:00:00.000Z`;
  const people = generateDemoContacts(options);
  let interactions: object[] = [];
  let details: object[] = [];
  let written = 0;
  let detailCount = 0;
  const flush = async () => {
    await db.interactions.bulkInsert(interactions as never[]);
    await db.details.bulkInsert(details as never[]);
    written += interactions.length;
    detailCount += details.length;
    interactions = [];
    details = [];
    onProgress(written, options.interactions);
  };

  for (const { interaction, details: learned } of generateDemoInteractions(people, options)) {
    const fields = InteractionFields.parse(interaction);
    const sortKey = interactionSortKey(fields.date, fields.time, interaction.id);
    interactions.push({ ...fields, id: interaction.id, sortKey, createdAt: stamp, updatedAt: stamp });
    for (const d of learned) details.push({ ...DetailFields.parse(d), id: d.id, createdAt: stamp, updatedAt: stamp });
    if (interactions.length >= BATCH) await flush();
  }
  await flush();

  for (let i = 0; i < people.length; i += BATCH) {
    await db.contacts.bulkInsert(
      people.slice(i, i + BATCH).map(({ id, addedOn, ...draft }) => {
        const fields = ContactFields.parse(draft);
        return { ...fields, id, createdAt: `${addedOn}T12:00:00.000Z`, updatedAt: stamp };
      }),
    );
  }
  const practice = generateDemoPractice(options);
  const created = (day: string) => ({ createdAt: `${day}T12:00:00.000Z`, updatedAt: `${day}T12:00:00.000Z` });
  await db.practice_ladders.insert(Ladder.parse({ ...practice.ladder, ...created(practice.sessions[0]!.date) }));
  await db.practice_sessions.bulkInsert(
    practice.sessions.map((session) => PracticeSession.parse({ ...session, ...created(session.date) })),
  );
  return { contacts: people.length, interactions: written, details: detailCount, sessions: practice.sessions.length };
}
