import { libraryStarters } from '../../content/library.ts';
import type { Channel } from '../../content/schema.ts';
import type { InteractionType } from '../interaction.ts';
import { suggestStarters, type SuggestDetail, type SuggestInput } from './personalise.ts';

/** Test builders for personalisation: one person, Sam, on 14 March 2026. */

export const TODAY = '2026-03-14';
export const CHANNELS: Channel[] = ['in-person', 'email', 'message', 'linkedin', 'social', 'phone', 'any'];
export const byId = new Map(libraryStarters().map((s) => [s.id, s]));

export function detail(
  id: string,
  text: string,
  learnedOn = '2026-01-10',
  extra: Partial<SuggestDetail> = {},
): SuggestDetail {
  return { id, text, learnedOn, sensitivity: 'normal', status: 'open', ...extra };
}

export function suggest(input: Partial<SuggestInput> = {}) {
  return suggestStarters({ person: { firstName: 'Sam' }, details: [], today: TODAY, ...input }, libraryStarters());
}

/** The last interaction, as `suggest` takes it. */
export const last = (date: string, type: InteractionType, title?: string, fromPractice = false) => ({
  lastInteraction: { date, type, title, fromPractice },
});

export const biscuit = detail('d-biscuit', 'the new puppy Biscuit', '2026-02-01');
