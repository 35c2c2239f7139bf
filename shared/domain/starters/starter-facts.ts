import type { Intent, Relationship, Starter, StarterKind, StarterSituation } from '../../content/schema.ts';
import type { OwnStarter } from '../practice/model.ts';

/** What ranking needs to know about a starter, with the defaults for the user's own lines. */
export interface StarterFacts {
  kind: StarterKind;
  relationship: Relationship;
  intent: Intent;
}

const INTENT_BY_SITUATION: Partial<Record<StarterSituation, Intent>> = {
  'ask-advice': 'ask',
  'offer-help': 'give',
};

/**
 * Library lines state all three facts. The user's own lines state none: they wrote it, so it is
 * true for them (suggestible), it may go to anyone, and its situation says whether it asks or gives.
 */
export function factsOf(starter: Starter): StarterFacts {
  return {
    kind: starter.kind ?? 'suggestible',
    relationship: starter.relationship ?? 'any',
    intent: starter.intent ?? INTENT_BY_SITUATION[starter.situation] ?? 'connect',
  };
}

/** One of the user's own starters in the shape personalisation takes. */
export function ownStarterAsStarter({ id, text, situation, channel, tone }: OwnStarter): Starter {
  return { id, text, situation, channel, tone };
}
