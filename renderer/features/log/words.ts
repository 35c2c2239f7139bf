import type { InteractionType } from '../../../shared/domain/interaction.ts';

/** An interaction in a sentence: "Logged a coffee with Sam". */
export const INTERACTION_NOUNS: Record<InteractionType, string> = {
  coffee: 'a coffee',
  call: 'a call',
  'video-call': 'a video call',
  email: 'an email',
  message: 'a message',
  social: 'a social media exchange',
  conference: 'a conference',
  'meet-up': 'a meet-up',
  course: 'a course',
  other: 'an interaction',
};

/** "Sam", "Sam and Ana", "Sam, Ana and 2 others". */
export function namesText(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? 'nobody';
  if (names.length === 2) return `${names[0]} and ${names[1]}`;
  if (names.length === 3) return `${names[0]}, ${names[1]} and ${names[2]}`;
  return `${names[0]}, ${names[1]} and ${names.length - 2} others`;
}
