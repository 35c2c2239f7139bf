/** Suggested introductions with their opt-in drafts, and logging one the user made. */
import { introOptInDrafts } from '../../../shared/domain/network/intro-drafts.ts';
import { suggestIntroductions, type IntroSuggestion } from '../../../shared/domain/network/intro-match.ts';
import type { Interaction } from '../../../shared/domain/interaction.ts';
import type { IntroSuggestionView } from '../../../shared/ipc/channels/network.ts';
import { AppError } from '../../../shared/ipc/result.ts';
import { todayOf } from '../clock.ts';
import type { CoreContext } from '../context.ts';
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

export function suggestedIntros(people: readonly ContactDocument[], limit: number, signature?: string) {
  return introViews(people, suggestIntroductions(people, limit), signature);
}

/**
 * An introduction the user made: one interaction with both people in which the user gave an
 * intro (so each person's give-and-take balance counts it), and "you introduced them" on both.
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
): Promise<Interaction> {
  if (input.seekerId === input.helperId) throw new AppError('invalid_input', 'Choose two different people.');
  const [seeker, helper] = await Promise.all([
    ctx.areas.people.get(input.seekerId),
    ctx.areas.people.get(input.helperId),
  ]);
  const date = input.date ?? todayOf(ctx.clock);
  const interaction = await ctx.areas.interactions.log({
    interaction: {
      type: input.type,
      date,
      contactIds: [seeker.id, helper.id],
      initiatedBy: 'me',
      title: `Introduced ${seeker.displayName} and ${helper.displayName}`,
      ...(input.notes ? { notes: input.notes } : {}),
      gave: ['intro'],
      asked: [],
      mutual: false,
    },
    newPeople: [],
    details: [],
  });
  await ctx.areas.people.relate(seeker.id, helper.id, 'introduced-by-you', { since: date });
  return interaction;
}
