/** What the network area reads about people: recipients for drafts, last contact, everyone's needs and offers. */
import type { Recipient } from '../../../shared/domain/network/outreach.ts';
import type { CoreContext } from '../context.ts';
import { everyDocument } from '../db/bulk.ts';
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

/** Everyone who is not archived, as stored; shared by every caller, so not to be changed. */
export type ActivePeople = () => Promise<readonly ContactDocument[]>;

/**
 * Reads everyone who is not archived. The Network screen's suggestions, each open person page's
 * intros and the announcement drafts read them all, and again after any change to anyone: at
 * 50,000 people a read takes about 0.45 s. So one read serves every caller until the contacts are
 * written (kept-read.ts), and it reads a page at a time, so the core answers other requests in between.
 */
export const activePeopleReader = (ctx: CoreContext): ActivePeople =>
  keptRead(ctx.db, ['contacts'], async () =>
    (await everyDocument(ctx.db.contacts)).filter((person) => !person.archived),
  );

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
