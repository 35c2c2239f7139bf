/** What the network area reads about people: recipients for drafts, last contact, everyone's needs and offers. */
import type { Recipient } from '../../../shared/domain/network/outreach.ts';
import type { CoreContext } from '../context.ts';
import { everyDocument, pagesOf } from '../db/bulk.ts';
import { keptRead } from '../db/kept-read.ts';
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

/** Everyone who is not archived, read a page at a time (announcements choose among them). */
export const activePeople = async (ctx: CoreContext): Promise<ContactDocument[]> =>
  (await everyDocument(ctx.db.contacts)).filter((person) => !person.archived);

/** The people introductions are suggested among, as stored; shared by every caller, so not to be changed. */
export type IntroPeople = () => Promise<readonly ContactDocument[]>;

/**
 * Reads the people introductions are suggested among: not archived, with something they look for
 * or can help with. The Network screen and each open person page's card ask again after any change
 * to anyone, and at 50,000 people reading everyone takes about 0.45 s: one read serves every caller
 * until the contacts are written, and is let go a minute after the last ask (kept-read.ts).
 */
export const introPeopleReader = (ctx: CoreContext): IntroPeople =>
  keptRead(ctx.db, ['contacts'], async () => {
    // Page by page, so only a page of everyone else is held at a time.
    const people: ContactDocument[] = [];
    for await (const page of pagesOf(ctx.db.contacts))
      for (const person of page)
        if (!person.archived && (person.lookingFor?.trim() || person.canHelpWith?.trim())) people.push(person);
    return people.sort((a, b) => (a.id < b.id ? -1 : 1));
  });

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
