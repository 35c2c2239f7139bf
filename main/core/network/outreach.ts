/** Announcement drafts to a segment, the check before an ask, and logging a message the user sent. */
import type { Favour, Interaction } from '../../../shared/domain/interaction.ts';
import { jobHuntGuard } from '../../../shared/domain/network/job-hunt-guard.ts';
import {
  askDraft,
  chooseOpening,
  draftAnnouncement,
  reconnectDraft,
  type Announcement,
} from '../../../shared/domain/network/outreach.ts';
import { selectSegment, type SegmentCriteria } from '../../../shared/domain/network/segment.ts';
import type { AnnouncementDraftView, networkRequests } from '../../../shared/ipc/channels/network.ts';
import type { z } from 'zod';
import { todayOf } from '../clock.ts';
import type { CoreContext } from '../context.ts';
import { recentExchanges } from '../interactions/reads.ts';
import { activePeople, emailOf, lastContactOn, recipientOf } from './reads.ts';
import { NETWORK_SETTINGS } from './settings.ts';

/** Segments are for a handful to a few hundred people; drafts are read one at a time. */
export const MAX_DRAFTS = 500;

export async function announcementDrafts(
  ctx: CoreContext,
  announcement: Announcement,
  segment: SegmentCriteria,
  signature?: string,
): Promise<AnnouncementDraftView[]> {
  const today = todayOf(ctx.clock);
  const people = selectSegment(await activePeople(ctx), segment).slice(0, MAX_DRAFTS);
  const drafts: AnnouncementDraftView[] = [];
  for (const person of people) {
    const opening = chooseOpening(await recentExchanges(ctx.db, person.id, today), today);
    const draft = draftAnnouncement(announcement, await recipientOf(ctx, person), opening, signature);
    const email = emailOf(person);
    drafts.push({ ...draft, person: { id: person.id, displayName: person.displayName, ...(email ? { email } : {}) } });
  }
  return drafts;
}

export async function askCheck(ctx: CoreContext, contactId: string, signature?: string) {
  const today = todayOf(ctx.clock);
  const person = await ctx.areas.people.get(contactId);
  const settings = await ctx.settings.read(NETWORK_SETTINGS);
  const last = await lastContactOn(ctx, contactId, today);
  const interactions = [
    ...(await recentExchanges(ctx.db, contactId, today)),
    ...(last ? [{ date: last, gave: [], asked: [], mutual: false }] : []),
  ];
  const guard = jobHuntGuard({
    jobHuntMode: settings.jobHuntMode,
    guardMonths: settings.guardMonths,
    tier: person.tier,
    interactions,
    today,
  });
  const recipient = await recipientOf(ctx, { ...person, id: contactId });
  const email = emailOf(person);
  return {
    guard,
    reconnect: reconnectDraft(recipient, signature),
    ask: askDraft(recipient, signature),
    ...(email ? { email } : {}),
  };
}

type SentInput = z.output<(typeof networkRequests)['network.markSent']['input']>;

/**
 * What a sent message asked for, as the give-and-take balance counts it: an announcement that
 * asks for leads asks for information, an ask is a favour, and a give-first note, an invitation
 * ("will you be there?"), a reconnect or an opt-in question ask for nothing.
 */
const ASKED: Record<SentInput['purpose'], Favour[]> = {
  'announcement-ask': ['information'],
  'announcement-give-first': [],
  invitation: [],
  reconnect: [],
  ask: ['favour'],
  'intro-opt-in': [],
};

export async function markSent(ctx: CoreContext, input: SentInput): Promise<Interaction> {
  return ctx.areas.interactions.log({
    interaction: {
      type: 'email',
      date: input.date ?? todayOf(ctx.clock),
      contactIds: [input.contactId],
      initiatedBy: 'me',
      title: input.subject,
      gave: [],
      asked: ASKED[input.purpose],
      mutual: false,
    },
    newPeople: [],
    details: [],
  });
}
