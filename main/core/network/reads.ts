/** What the network area reads about people: recipients for drafts, last contact, everyone's needs and offers. */
import type { Recipient } from '../../../shared/domain/network/outreach.ts';
import type { CoreContext } from '../context.ts';
import type { ContactDocument } from '../people/schema.ts';

/** The last day anything was logged with a person, on or before `today`; undefined if never. */
export async function lastContactOn(ctx: CoreContext, contactId: string, today: string): Promise<string | undefined> {
  const [last] = await ctx.db.participations
    .find({
      // Sort keys start with the date, so every key of `today` sorts before `${today}~`.
      selector: { contactId, sortKey: { $lt: `${today}~` } },
      sort: [{ contactId: 'desc' }, { sortKey: 'desc' }],
      index: ['contactId', 'sortKey'],
      limit: 1,
    })
    .exec();
  return last?.sortKey.slice(0, 10);
}

/** Every person who is not archived, as stored. */
export async function activePeople(ctx: CoreContext): Promise<ContactDocument[]> {
  const docs = await ctx.db.contacts.find({ selector: { archived: false } }).exec();
  return docs.map((d) => d.toMutableJSON() as ContactDocument);
}

/** A person as drafts see them, with their newest open "ask about" note. */
export async function recipientOf(ctx: CoreContext, person: ContactDocument): Promise<Recipient> {
  const [detail] = await ctx.areas.details.openFor(person.id);
  return {
    displayName: person.displayName,
    givenName: person.givenName,
    nickname: person.nickname,
    location: person.location,
    lookingFor: person.lookingFor,
    openDetail: detail?.text,
  };
}

/** The address a mailto: link uses: the preferred e-mail, else the first. */
export const emailOf = (person: ContactDocument): string | undefined =>
  (person.emails.find((e) => e.preferred) ?? person.emails[0])?.value;
