/**
 * Undo of logging an interaction: what that log wrote goes, in one trash entry and one operation:
 * the interaction, the details learned in it, and the people it added, as long as nothing has been
 * added to them since. A detail edited since, or a person edited, met again or told about since,
 * stays: the user typed that after the log, and an Undo of the log must not take it.
 */
import { AppError } from '../../../shared/ipc/result.ts';
import type { CoreContext } from '../context.ts';
import type { DetailDocument } from '../details/schema.ts';
import type { ContactDocument } from '../people/schema.ts';
import type { InteractionDocument } from './schema.ts';

export async function undoLog(ctx: CoreContext, id: string, newPeople: readonly string[]): Promise<{ kept: string[] }> {
  const found = await ctx.db.interactions.findOne(id).exec();
  if (!found) throw new AppError('not_found', 'That interaction is no longer logged.');
  const logged = found.toMutableJSON() as InteractionDocument;
  // Edited since (here or on another device): taking it back would take the edit too. A log's own
  // two stamps are read a moment apart, so only a later change counts.
  if (Date.parse(logged.updatedAt) - Date.parse(logged.createdAt) > 1000)
    throw new AppError('conflict', 'That interaction was changed since it was logged, so it was left as it is now.');
  const untouched = (doc: { createdAt: string; updatedAt: string }) => doc.updatedAt === doc.createdAt;

  const learned = (await ctx.areas.details.allFor(logged.contactIds)).filter((d) => d.interactionId === id);
  const details = learned.filter(untouched) as DetailDocument[];
  const candidates = newPeople.filter((p) => logged.contactIds.includes(p));
  const people = [...(await ctx.db.contacts.findByIds(candidates).exec()).values()].map(
    (d) => d.toMutableJSON() as ContactDocument,
  );
  const [met, told] = await Promise.all([
    ctx.areas.interactions.withPeople(candidates),
    ctx.areas.details.allFor(candidates),
  ]);
  // Added by this log (not before it), and nothing since: no edit, no other meeting, no other or edited detail.
  const gone = people.filter(
    (person) =>
      person.createdAt <= logged.createdAt &&
      untouched(person) &&
      met.every((i) => i.id === id || !i.contactIds.includes(person.id)) &&
      told.every((d) => d.contactId !== person.id || (d.interactionId === id && untouched(d))),
  );

  await ctx.trash.discard(
    `Took back “${logged.title ?? `a ${logged.type} on ${logged.date}`}”`,
    { interactions: [logged], details, contacts: gone },
    async () => {
      await ctx.areas.details.removeMany(details.map((d) => d.id));
      await ctx.areas.interactions.removeMany([id]);
      await ctx.areas.people.removeMany(gone.map((p) => p.id));
      await ctx.projection.settled();
    },
  );
  return { kept: people.filter((p) => !gone.includes(p)).map((p) => p.displayName) };
}
