/** Suggested introductions with their opt-in drafts, and logging one the user made. */
import { introOptInDrafts } from '../../../shared/domain/network/intro-drafts.ts';
import { readIntroNetwork, type IntroNetwork } from '../../../shared/domain/network/intro-network.ts';
import { suggestIntroductions, type IntroSuggestion } from '../../../shared/domain/network/intro-ranking.ts';
import type { Contact } from '../../../shared/domain/contact.ts';
import type { Relationship } from '../../../shared/domain/network/relationships.ts';
import type { Interaction } from '../../../shared/domain/interaction.ts';
import type { IntroSuggestionView } from '../../../shared/ipc/channels/network.ts';
import { AppError } from '../../../shared/ipc/result.ts';
import { todayOf } from '../clock.ts';
import type { CoreContext } from '../context.ts';
import type { InteractionDocument } from '../interactions/schema.ts';
import type { ContactDocument } from '../people/schema.ts';
import { emailOf } from './reads.ts';

const ref = (p: ContactDocument) => ({
  id: p.id,
  displayName: p.displayName,
  ...(emailOf(p) ? { email: emailOf(p) } : {}),
});

/** Suggestions shaped for the screen, each with the two opt-in questions. */
export function introViews(
  people: readonly ContactDocument[],
  suggestions: readonly IntroSuggestion[],
  signature?: string,
): IntroSuggestionView[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  return suggestions.flatMap((s) => {
    const seeker = byId.get(s.seekerId);
    const helper = byId.get(s.helperId);
    if (!seeker || !helper) return [];
    const [toSeeker, toHelper] = introOptInDrafts(seeker, helper, signature);
    return [
      {
        seeker: { ...ref(seeker), lookingFor: seeker.lookingFor ?? '' },
        helper: { ...ref(helper), canHelpWith: helper.canHelpWith ?? '' },
        shared: s.shared,
        score: s.score,
        drafts: [
          { subject: toSeeker.subject, body: toSeeker.body },
          { subject: toHelper.subject, body: toHelper.body },
        ],
      },
    ];
  });
}

/** The network each read of everyone gives, read once: the screen and every person page share it. */
const networks = new WeakMap<readonly ContactDocument[], IntroNetwork>();
export function introNetworkOf(people: readonly ContactDocument[]): IntroNetwork {
  let network = networks.get(people);
  if (!network) networks.set(people, (network = readIntroNetwork(people)));
  return network;
}

export function suggestedIntros(people: readonly ContactDocument[], limit: number, signature?: string) {
  return introViews(people, suggestIntroductions(introNetworkOf(people), limit), signature);
}

/** The interaction's title: both names, cut to the 200 characters a title holds. */
export function introTitle(seekerName: string, helperName: string): string {
  const title = `Introduced ${seekerName} and ${helperName}`;
  return title.length <= 200 ? title : `${title.slice(0, 199)}…`;
}

/** "You introduced them" as each of the two holds it, where they do (a sync may bring one half). */
const introducedHalves = (seeker: Contact, helper: Contact) => [
  seeker.relationships?.find((r) => r.contactId === helper.id && r.kind === 'introduced-by-you'),
  helper.relationships?.find((r) => r.contactId === seeker.id && r.kind === 'introduced-by-you'),
];

/**
 * An introduction the user made: one interaction with both people in which the user gave an
 * intro (so each person's give-and-take balance counts it), and "you introduced them" on both,
 * recorded as this log's (`introId`), unless it is there already (an earlier introduction, an
 * import): that one is kept as it is. One operation: a crash between the two writes undoes both.
 */
export async function logIntro(
  ctx: CoreContext,
  input: {
    seekerId: string;
    helperId: string;
    date?: string | undefined;
    type: Interaction['type'];
    notes?: string | undefined;
  },
): Promise<{ interaction: Interaction }> {
  if (input.seekerId === input.helperId) throw new AppError('invalid_input', 'Choose two different people.');
  const date = input.date ?? todayOf(ctx.clock);
  return ctx.journal.operation('logging an introduction', async () => {
    const [seeker, helper] = await Promise.all([
      ctx.areas.people.get(input.seekerId),
      ctx.areas.people.get(input.helperId),
    ]);
    const interaction = await ctx.areas.interactions.log({
      interaction: {
        type: input.type,
        date,
        contactIds: [seeker.id, helper.id],
        initiatedBy: 'me',
        title: introTitle(seeker.displayName, helper.displayName),
        ...(input.notes ? { notes: input.notes } : {}),
        gave: ['intro'],
        asked: [],
        mutual: false,
      },
      newPeople: [],
      details: [],
    });
    // Either half missing (a sync or an import brought one side) is made whole as that half is.
    const halves = introducedHalves(seeker, helper);
    const present = halves.find((half) => half);
    if (!present) await relateAsIntro(ctx, [seeker.id, helper.id], { since: date, introId: interaction.id });
    else if (halves.some((half) => !half)) await relateAsIntro(ctx, [seeker.id, helper.id], present);
    return { interaction };
  });
}

const relateAsIntro = (ctx: CoreContext, [a, b]: readonly string[], half: Pick<Relationship, 'since' | 'introId'>) =>
  ctx.areas.people.relate(a!, b!, 'introduced-by-you', {
    ...(half.since ? { since: half.since } : {}),
    ...(half.introId ? { introId: half.introId } : {}),
  });

/**
 * Undo of `logIntro`: its interaction goes (kept in the trash, like any deleted interaction), and
 * so does "you introduced them" on both when this log recorded it, unless another logged
 * introduction of the same two is still there: that one then holds it. Undos in any order thus
 * leave the relationship exactly while a logged introduction of the two remains, and never touch
 * one that was there before. One operation: a crash between the writes undoes them all.
 */
export async function undoIntro(ctx: CoreContext, interactionId: string): Promise<void> {
  const found = await ctx.db.interactions.findOne(interactionId).exec();
  if (!found) throw new AppError('not_found', 'That introduction is no longer logged.');
  const intro = found.toMutableJSON() as InteractionDocument;
  if (!intro.gave.includes('intro')) throw new AppError('invalid_input', 'That interaction is not an introduction.');
  await ctx.journal.operation(`the undo of “${intro.title ?? 'an introduction'}”`, async () => {
    await ctx.areas.interactions.remove(intro.id);
    // Both people are still in it unless one was deleted since; the other's half then stays, hidden, as deletes leave it.
    if (intro.contactIds.length !== 2) return;
    const pair = intro.contactIds as [string, string];
    const [first, second] = await Promise.all(pair.map((id) => ctx.areas.people.get(id).catch(() => undefined)));
    if (!first || !second) return;
    const halves = introducedHalves(first, second);
    if (!halves.some((half) => half?.introId === intro.id)) return;
    const remaining = (await ctx.areas.interactions.withPeople([pair[0]])).filter((i) => isIntroOf(i, pair, intro.id));
    const heir = remaining.sort((a, b) => (a.sortKey < b.sortKey ? -1 : 1))[0];
    // Since the introduction that now holds it: the undone one's day no longer stands for anything.
    if (heir) await relateAsIntro(ctx, pair, { since: heir.date, introId: heir.id });
    else await ctx.areas.people.unrelate(pair[0], pair[1], 'introduced-by-you');
  });
}

const isIntroOf = (i: InteractionDocument, [a, b]: [string, string], except: string) =>
  i.id !== except && i.gave.includes('intro') && i.contactIds.includes(a) && i.contactIds.includes(b);
