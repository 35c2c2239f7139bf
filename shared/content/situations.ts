import type { Channel, PracticeSituation, StarterKind, StarterSituation } from './schema.ts';

/** Channels in the order the app offers them, with the words it shows. */
export const CHANNEL_OPTIONS: ReadonlyArray<{ value: Channel; label: string }> = [
  { value: 'any', label: 'Any way' },
  { value: 'in-person', label: 'In person' },
  { value: 'message', label: 'Message' },
  { value: 'email', label: 'Email' },
  { value: 'phone', label: 'Phone' },
  { value: 'linkedin', label: 'LinkedIn' },
  { value: 'social', label: 'Social media' },
];

export const STARTER_SITUATION_LABELS: Readonly<Record<StarterSituation, string>> = {
  'event-small-talk': 'Small talk at events',
  'quiet-networking': 'Big events, the quiet way',
  'follow-up-48h': 'Following up within two days',
  'late-follow-up': 'Following up after a few days',
  'check-in': 'Keeping in touch',
  reconnect: 'Getting back in touch',
  'meet-in-person': 'Meeting in person',
  'see-you-there': 'Going to the same event',
  classmates: 'Classmates on a course',
  'ask-advice': 'Asking for advice',
  'offer-help': 'Offering help',
  'share-news': 'Sharing your news',
  congratulate: 'Congratulating someone',
  'graceful-exit': 'Leaving a conversation gracefully',
  online: 'Online: LinkedIn, email and social posts',
};

/** Every starter situation, in the order the labels above list them (stable for menus). */
export const STARTER_SITUATIONS = Object.keys(STARTER_SITUATION_LABELS) as StarterSituation[];

export const STARTER_KIND_LABELS: Readonly<Record<StarterKind, string>> = {
  suggestible: 'Ready to use',
  example: 'Example: make it yours',
};

const ALL: readonly Channel[] = ['in-person', 'email', 'message', 'linkedin', 'social', 'phone', 'any'];
const WRITTEN_OR_PHONE: readonly Channel[] = ['email', 'message', 'linkedin', 'social', 'phone', 'any'];

/**
 * Where each situation happens. Small talk is said on the spot, so it is in person only; a
 * check-in or a late follow-up is sent, never said across a room; online lines are online.
 * Library lines keep to these (a test checks); the user's own starters may use any channel.
 */
export const SITUATION_CHANNELS: Readonly<Record<StarterSituation, readonly Channel[]>> = {
  'event-small-talk': ['in-person'],
  'quiet-networking': ['in-person'],
  'follow-up-48h': ALL,
  'late-follow-up': WRITTEN_OR_PHONE,
  'check-in': WRITTEN_OR_PHONE,
  reconnect: WRITTEN_OR_PHONE,
  'meet-in-person': WRITTEN_OR_PHONE,
  'see-you-there': WRITTEN_OR_PHONE,
  classmates: ['in-person', 'email', 'message', 'social', 'any'],
  'ask-advice': ALL,
  'offer-help': ALL,
  'share-news': WRITTEN_OR_PHONE,
  congratulate: ALL,
  'graceful-exit': ['in-person', 'email', 'message', 'linkedin', 'phone', 'any'],
  online: ['linkedin', 'email', 'social'],
};

export const PRACTICE_SITUATION_LABELS: Readonly<Record<PracticeSituation, string>> = {
  'corridor-small-talk': 'Corridor and kitchen small talk',
  phone: 'Phone calls',
  email: 'Email',
  'meet-up': 'Meet-ups',
  conference: 'Conferences',
  'social-media': 'Social media',
  'short-course': 'Short courses and classes',
};

export const PRACTICE_SITUATIONS = Object.keys(PRACTICE_SITUATION_LABELS) as PracticeSituation[];
