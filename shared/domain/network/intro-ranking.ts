/**
 * Suggested introductions (what makes a match: intro-match.ts), best first:
 * 1. by score;
 * 2. by the seeker's own place among their helpers at that score, helpers by name: each seeker's
 *    first helper at a score comes before anyone's second. One person with a broad "looking for"
 *    (a dozen helpers at score 1) would otherwise fill the top of the list and push the rest of
 *    the network out of it;
 * 3. by the seeker's name, then the helper's;
 * 4. in the order the people were given.
 * Archived people, the same person, and helpers the seeker already has any relationship with are
 * left out. Read from an intro-network.ts network, so only pairs that share a rarer stem are tried.
 */
import type { Helper, IntroNetwork, Seeker } from './intro-network.ts';

export type IntroSuggestion = {
  /** The person looking for something. */
  seekerId: string;
  /** The person who can help with it. */
  helperId: string;
  /** Words the two texts share, as the seeker wrote them, in the seeker's order. */
  shared: string[];
  score: number;
};

interface Ranked {
  seeker: Seeker;
  helper: Helper;
  score: number;
  /** How many of the seeker's helpers at this score come before this one. */
  place: number;
}

const inOrder = (a: Ranked, b: Ranked) =>
  b.score - a.score ||
  a.place - b.place ||
  a.seeker.nameClass - b.seeker.nameClass ||
  a.helper.nameClass - b.helper.nameClass ||
  a.seeker.pos - b.seeker.pos ||
  a.helper.pos - b.helper.pos;

const leftOut = (seeker: Seeker, helper: Helper) =>
  helper.person.id === seeker.person.id || seeker.related.has(helper.person.id);

const suggestion = (network: IntroNetwork, { seeker, helper, score }: Ranked): IntroSuggestion => ({
  seekerId: seeker.person.id,
  helperId: helper.person.id,
  shared: [...network.matchesOf(seeker.text).get(helper.text)!.shared],
  score,
});

/** Every suggested introduction in `network`, best first, at most `limit`. */
export function suggestIntroductions(network: IntroNetwork, limit = 50): IntroSuggestion[] {
  const seekersAt = new Map<number, Seeker[]>();
  network.seekersOf.forEach((seekers, text) => {
    for (const score of new Set([...network.matchesOf(text).values()].map((m) => m.score))) {
      const atThisScore = seekersAt.get(score) ?? [];
      seekersAt.set(score, atThisScore);
      for (const seeker of seekers) atThisScore.push(seeker);
    }
  });
  const out: IntroSuggestion[] = [];
  for (const score of [...seekersAt.keys()].sort((a, b) => b - a)) {
    // Place by place: every seeker's first helper at this score, then every seeker's second…
    let cursors = seekersAt.get(score)!.map((seeker) => ({
      seeker,
      helpers: network.helpersAt(seeker.text).get(score)!,
      next: 0,
    }));
    for (let place = 0; cursors.length > 0 && out.length < limit; place++) {
      const round: Ranked[] = [];
      cursors = cursors.filter((c) => {
        while (c.next < c.helpers.length && leftOut(c.seeker, c.helpers[c.next]!)) c.next++;
        if (c.next === c.helpers.length) return false;
        round.push({ seeker: c.seeker, helper: c.helpers[c.next++]!, score, place });
        return true;
      });
      for (const ranked of round.sort(inOrder).slice(0, limit - out.length)) out.push(suggestion(network, ranked));
    }
  }
  return out;
}

/** The first index of `helpers` (by rank) whose rank is `rank` or more. */
function firstFrom(helpers: readonly Helper[], rank: number): number {
  let low = 0;
  let high = helpers.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (helpers[mid]!.rank < rank) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The suggestions that name `id`, as seeker or helper, in the order of `suggestIntroductions`
 * over everyone: the first `limit`. A person's page asks for these; finding them costs the pairs
 * with that person, not every pair.
 */
export function introductionsOf(network: IntroNetwork, id: string, limit: number): IntroSuggestion[] {
  const found: Ranked[] = [];
  const asSeeker = network.seekerById.get(id);
  if (asSeeker)
    for (const [score, helpers] of network.helpersAt(asSeeker.text)) {
      let place = 0;
      for (let i = 0; i < helpers.length && place < limit; i++)
        if (!leftOut(asSeeker, helpers[i]!))
          found.push({ seeker: asSeeker, helper: helpers[i]!, score, place: place++ });
    }
  const helper = network.helperById.get(id);
  if (helper)
    for (const [text, { score }] of network.seekerTextsMeeting(helper.text)) {
      const helpers = network.helpersAt(text).get(score)!;
      const before = firstFrom(helpers, helper.rank);
      // Whether someone is among this text's helpers at this score, ahead of `helper`.
      const ahead = (other: Helper | undefined) =>
        other !== undefined && other.rank < helper.rank && network.matchesOf(text).get(other.text)?.score === score;
      for (const seeker of network.seekersOf[text]!) {
        if (leftOut(seeker, helper)) continue;
        let place = before;
        for (const out of new Set([seeker.person.id, ...seeker.related]))
          if (ahead(network.helperById.get(out))) place--;
        found.push({ seeker, helper, score, place });
      }
    }
  return found
    .sort(inOrder)
    .slice(0, Math.max(0, limit))
    .map((ranked) => suggestion(network, ranked));
}
