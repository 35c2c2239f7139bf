/**
 * Double opt-in introductions: before connecting two people, the user asks each of them, in a
 * separate message, whether they would like the introduction. Nobody's details are shared until
 * both have said yes. All wording here is this project's own.
 */
import { asPhrase } from './phrase.ts';

export type IntroSide = {
  displayName: string;
  givenName?: string | undefined;
  nickname?: string | undefined;
  organisation?: string | undefined;
  role?: string | undefined;
  lookingFor?: string | undefined;
  canHelpWith?: string | undefined;
};

export type IntroDraft = { to: 'seeker' | 'helper'; subject: string; body: string };

const first = (p: IntroSide) => p.nickname || p.givenName || p.displayName.split(/\s+/)[0] || p.displayName;
const who = (p: IntroSide) => {
  const job = [p.role, p.organisation].filter(Boolean).join(' at ');
  return job ? `${p.displayName} (${job})` : p.displayName;
};

/** The two opt-in questions: one to the person looking for something, one to the person who can help. */
export function introOptInDrafts(seeker: IntroSide, helper: IntroSide, signature?: string): [IntroDraft, IntroDraft] {
  const sign = signature?.trim() ? `Best wishes,\n${signature.trim()}` : 'Best wishes';
  const needs = seeker.lookingFor ? asPhrase(seeker.lookingFor) : 'something you might know about';
  const offers = helper.canHelpWith ? asPhrase(helper.canHelpWith) : 'this';
  return [
    {
      to: 'seeker',
      subject: `An introduction to ${helper.displayName}?`,
      body: [
        `Hi ${first(seeker)},`,
        `You mentioned you were looking for ${needs}. I know ${who(helper)}, who is good on ${offers}.`,
        `Would you like me to introduce you? If you say yes, I’ll check with ${first(helper)} too before I connect you both. If the timing is wrong, that’s completely fine.`,
        sign,
      ].join('\n\n'),
    },
    {
      to: 'helper',
      subject: `Would you be open to meeting ${seeker.displayName}?`,
      body: [
        `Hi ${first(helper)},`,
        `I know ${who(seeker)}, who is looking for ${needs}. You came to mind because of your experience with ${offers}.`,
        `Would you be open to an introduction? I won’t pass on your details unless you say yes, and it’s completely fine to say no.`,
        sign,
      ].join('\n\n'),
    },
  ];
}
