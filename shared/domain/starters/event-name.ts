import type { InteractionType } from '../interaction.ts';

/** Interaction types that happen at a named event, whose title may name it. */
export const EVENT_TYPES: ReadonlySet<InteractionType> = new Set(['conference', 'meet-up', 'course']);

/** The most recent interaction with someone, as personalisation sees it. */
export interface LastInteraction {
  /** `YYYY-MM-DD` */
  date: string;
  type: InteractionType;
  title?: string | undefined;
  /** Logged by a practice session: it happened, but its title says nothing about where. */
  fromPractice?: boolean | undefined;
}

/**
 * Titles that describe the kind of interaction rather than name an event. "Practice session" is
 * the title a linked practice session logs; the rest are what people type when they don't know
 * the name ("Meet-up", "Drinks").
 */
const GENERIC_TITLES = new Set(
  `practice session|practice|session|event|events|meet-up|meetup|meet up|conference|course|course or class|class|
  lesson|workshop|talk|webinar|networking|networking event|drinks|coffee|coffee or meal|lunch|dinner|breakfast|
  call|video call|chat|catch-up|catch up|catchup|meeting|other|social|social media|email|message|untitled|
  n/a|na|tbc|tbd|-`
    .split('|')
    .map((t) => t.trim()),
);

const MAX_WORDS = 8;
const MAX_LENGTH = 60;

/**
 * The event name `[event]` may use, or undefined when the interaction wasn't at an event or its
 * title isn't an event's name (a practice session's "Practice session", a generic "Meet-up", a
 * note such as "Met Sam at the bar. Nice chat").
 */
export function eventNameOf(interaction: LastInteraction | undefined): string | undefined {
  if (!interaction || interaction.fromPractice || !EVENT_TYPES.has(interaction.type)) return undefined;
  const title = (interaction.title ?? '')
    .replace(/[[\]{}]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.,;:!?]+$/u, '')
    // "at DevConf" reads as "at at DevConf" in "good to meet you at [event]".
    .replace(/^at\s+/i, '');
  if (!title) return undefined;
  const bare = title.toLowerCase().replace(/^(the|a|an|our|my)\s+/, '');
  if (GENERIC_TITLES.has(bare) || GENERIC_TITLES.has(title.toLowerCase())) return undefined;
  if (/\bpractice session\b/i.test(title)) return undefined;
  const sentence = /[.!?]\s/.test(title) || /\bI\b|\b(me|my|we)\b/i.test(title);
  const startsLikeANote = /^(met|chatted|talked|spoke|caught|had|saw|bumped|ran into|went)\b/i.test(title);
  if (sentence || startsLikeANote || title.length > MAX_LENGTH || title.split(' ').length > MAX_WORDS) return undefined;
  return title;
}
