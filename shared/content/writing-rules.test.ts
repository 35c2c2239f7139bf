import { describe, expect, it } from 'vitest';
import { copyText } from '../domain/starters/copy-text.ts';
import { practicePrompts as practicePromptsOf, SITUATION_CHANNELS, libraryStarters } from './library.ts';
import { normalisePlaceholders, placeholderProblem, placeholdersIn } from './placeholders.ts';
import { meaningClusters, nearDuplicates, phraseFamilies } from './similarity.ts';

const practicePrompts = practicePromptsOf();
const starters = libraryStarters();

/** The rules in README.md that a test can check, over every line that ships. */

const everything = [...starters, ...practicePrompts];
const withDetail = starters.filter((s) => s.text.includes('[detail]'));

/** Phrases that state something about the sender that is true for some people only. */
const FACT_ABOUT_THE_SENDER =
  /\b(I've (got (a|an|my|another|room|two)|just|been through|finished|started|taken|accepted|set up|found|signed up|updated|gone|handed|been promoted|moved|been reading|followed|been on)|I'm (moving|putting together|building|organising|helping|volunteering|going to \[event\]|heading|planning|new to|on my own|leaving|taking|exploring|considering|preparing|choosing|stuck|trying to (decide|get better|meet)|about to (tackle|have)|changing|one of the helpers|in town|not great|better at|making a cup|sharing this|writing up|at a loose end|a big fan|keen to learn|nervous|on registration)|I'll be (at|near)|our team|spare (ticket|hour)|my last day|my (role|notice)|I came early|I like arriving|I was a bit nervous|I (said|promised) (I'd|to)|as promised|I got the job|my first one|your (post|posts|photos|article|newsletter|talk|piece|webinar|recent update)|I saw you're|I noticed (you're|you've|we're)|I know (someone|two people)|I came across|I (asked|read|found|walked|missed the|liked|enjoyed working))\b/i;
/** A line that refers to an earlier conversation is for someone the user knows. */
const REFERS_TO_HISTORY =
  /\b(last time (we|you)|good to see you again|since (we|I) (last|talked|spoke)|when we (met|last spoke)|our (chat|chats|conversation|conversations)\b|we('ve)? (met|spoke|swapped)|it's been \[how long\]|long time no|after all our)\b/i;
/** An opener for someone the user has never met. */
const FOR_A_STRANGER = /\b(approachable|I don't know anyone here|take cold emails|we've never met|haven't met)\b/i;
/** Words of sympathy that would read as a condolence if the detail is good news. */
const CONDOLENCE =
  /\b(on your mind|been through|hard time|tough|sorry to hear|holding up|difficult|struggl\w*|worr\w*|rough|here for you|thinking of you|something similar|talking it through|get better|feel better)\b/i;
/** Words of celebration that would jar if the detail is bad news. */
const CELEBRATION = /\b(congratulat\w*|brilliant|great news|exciting|well done|amazing|wonderful|so pleased)\b/i;

describe('placeholders', () => {
  it('use only the square-bracket spellings, with nothing to normalise', () => {
    for (const item of everything) {
      expect(placeholderProblem(item.text), item.id).toBeUndefined();
      expect(normalisePlaceholders(item.text), item.id).toBe(item.text);
      expect(item.text, item.id).not.toMatch(/[{}]/);
    }
  });

  it('are never in prompts, which are read, not sent', () => {
    for (const p of practicePrompts) expect(p.text, p.id).not.toMatch(/[[\]{}]/);
  });

  it('never start a sentence with [detail], so a lower-case phrase reads naturally', () => {
    expect(starters.filter((s) => /(^|[.!?]\s+)\[detail\]/.test(s.text)).map((s) => s.id)).toEqual([]);
  });

  it('keep [how long] to reconnect starters, where personalisation fills it', () => {
    const elsewhere = starters.filter((s) => s.text.includes('[how long]') && s.situation !== 'reconnect');
    expect(elsewhere.map((s) => s.id)).toEqual([]);
  });

  it('copy from the library without a placeholder: [name] and [how long] drop out, [detail] and [event] are asked for', () => {
    for (const s of starters) {
      const bare = copyText(s.text);
      const needs = placeholdersIn(s.text).filter((p) => p === 'detail' || p === 'event');
      if (needs.length > 0) expect(bare, s.id).toEqual({ ok: false, missing: needs });
      const full = copyText(s.text, { detail: 'the new puppy Biscuit', event: 'DevConf Leeds' });
      for (const result of needs.length > 0 ? [full] : [bare, full]) {
        if (!result.ok) throw new Error(`${s.id} could not be copied: needs ${result.missing.join(', ')}`);
        expect(result.text, s.id).not.toMatch(/[[\]{}]|\s[,.!?:]|\s{2}|,[,.!?]|^[a-z]/);
      }
    }
  });
});

describe('kind, relationship and intent', () => {
  it('marks every line that states something about the sender as an example, never suggested', () => {
    const stated = starters.filter((s) => s.kind === 'suggestible' && FACT_ABOUT_THE_SENDER.test(s.text));
    expect(stated.map((s) => `${s.id}: ${s.text}`)).toEqual([]);
  });

  it('keeps lines that refer to an earlier conversation for people the user knows', () => {
    const wrong = starters.filter((s) => REFERS_TO_HISTORY.test(s.text) && s.relationship !== 'known');
    expect(wrong.map((s) => `${s.id}: ${s.text}`)).toEqual([]);
    for (const situation of ['follow-up-48h', 'late-follow-up', 'check-in', 'reconnect', 'meet-in-person']) {
      const notKnown = starters.filter(
        (s) => s.situation === situation && s.kind === 'suggestible' && s.relationship !== 'known',
      );
      expect(
        notKnown.map((s) => s.id),
        situation,
      ).toEqual([]);
    }
  });

  it('keeps openers for strangers for strangers', () => {
    const wrong = starters.filter(
      (s) =>
        (FOR_A_STRANGER.test(s.text) || phraseFamilies(s.text).includes('is-this-your-first-time')) &&
        s.relationship !== 'stranger',
    );
    expect(wrong.map((s) => `${s.id}: ${s.text}`)).toEqual([]);
  });

  it('says what each line does for the give-and-take balance', () => {
    for (const s of starters.filter((x) => x.situation === 'ask-advice')) expect(s.intent, s.id).toBe('ask');
    for (const s of starters.filter((x) => x.situation === 'offer-help')) expect(s.intent, s.id).toBe('give');
    // After a long silence the first message should not ask for something.
    expect(starters.filter((s) => s.situation === 'reconnect' && s.intent === 'ask').map((s) => s.id)).toEqual([]);
  });

  it('keeps each line to the channels its situation happens on', () => {
    for (const s of starters) expect(SITUATION_CHANNELS[s.situation], s.id).toContain(s.channel);
  });
});

describe('wording', () => {
  it('reads kindly whatever [detail] turns out to be: no sympathy, and no celebration outside congratulations', () => {
    expect(withDetail.length).toBeGreaterThan(15);
    for (const s of withDetail) {
      expect(s.text, s.id).not.toMatch(CONDOLENCE);
      if (s.situation !== 'congratulate') expect(s.text, s.id).not.toMatch(CELEBRATION);
    }
  });

  it('no longer says what the coaching review found against the advice', () => {
    const against =
      /meet three new people|tidying up my network|got home all right|I'd say I'm surprised|I've sent a connection request/i;
    expect(starters.filter((s) => against.test(s.text)).map((s) => s.id)).toEqual([]);
    // "Return the favour" only where a favour was given.
    for (const s of starters.filter((x) => /return the favour/i.test(x.text)))
      expect(s.text, s.id).toMatch(/helped me/);
  });

  it('makes every reconnect starter acknowledge the gap and ask before telling', () => {
    for (const s of starters.filter((x) => x.situation === 'reconnect')) {
      expect(s.text, s.id).toMatch(/\[how long\]|\b(while|since|ages|long)\b/i);
      expect(s.text, `${s.id} should ask a question`).toContain('?');
    }
  });

  it('has no duplicate or near-duplicate texts (3-word shingle Jaccard below 0.5)', () => {
    const pairs = [...nearDuplicates(starters), ...nearDuplicates(practicePrompts)];
    const report = pairs.map((p) => `${p.score.toFixed(2)} ${p.a.id} <> ${p.b.id}`);
    expect(report).toEqual([]);
  });

  it('has no more than two lines of the same meaning (phrase families, and shared keywords in a situation)', () => {
    const byId = new Map(starters.map((s) => [s.id, s.text]));
    const report = meaningClusters(starters).map(
      (c) => `${c.key}:\n    ${c.ids.map((id) => byId.get(id)).join('\n    ')}`,
    );
    expect(report).toEqual([]);
  });

  it('starts every id with its situation, so ids stay readable in logs and favourites', () => {
    for (const item of everything) expect(item.id.startsWith(`${item.situation}-`), item.id).toBe(true);
  });

  it('avoids diagnostic or clinical language', () => {
    const clinical = /\b(anxiety|disorders?|diagnos\w*|symptoms?|therap\w*|phobi\w*|patients?|condition)\b/i;
    for (const item of everything) expect(item.text, item.id).not.toMatch(clinical);
  });

  it('uses British spelling for the words most likely to slip', () => {
    const american = /\b(organiz\w*|favor\w*|color\w*|center|apologiz\w*|realiz\w*|program(?!me)|traveling|cozy)\b/i;
    for (const item of everything) expect(item.text, item.id).not.toMatch(american);
  });
});

describe('practice prompts', () => {
  it('are each one action done in one sitting', () => {
    const multiDay =
      /\b(every|each) (day|morning|evening|night|week|month)\b|\bdaily\b|\bweekly\b|\bfor a (week|fortnight|month)\b|\b(this|next) (week|month)\b|\bover the (next )?(few )?(days|weeks?|months?)\b|\b(\d+|two|three|four|five|six|seven|ten) (days|weeks)\b/i;
    for (const p of practicePrompts) {
      expect(p.minutes, p.id).toBeLessThanOrEqual(90);
      expect(p.text, p.id).not.toMatch(multiDay);
    }
  });

  it('do not build a safety behaviour into the step (keeping it short, a script on the phone, a planned early exit)', () => {
    const safety =
      /\bkeep(ing)? (it|the call|the conversation|it to) (under|short|brief|one)|\bone sentence\b|\bsave (them|it) on your phone\b|\bleave (afterwards|early) if\b|\bas short as possible\b/i;
    expect(practicePrompts.filter((p) => safety.test(p.text)).map((p) => `${p.id}: ${p.text}`)).toEqual([]);
  });

  it('rate the same step as harder face to face than by email, and in a bigger room than a smaller one', () => {
    const rating = (id: string) => practicePrompts.find((p) => p.id === id)!.difficulty;
    const easierThan: [string, string][] = [
      ['email-organiser-event-enjoyed-offer', 'meet-up-introduce-yourself-organiser-meet-up'],
      ['short-course-ask-tutor-question-during', 'meet-up-ask-question-floor-during'],
      ['meet-up-ask-question-floor-during', 'conference-ask-question-during-q'],
      ['email-someone-havent-touch-months', 'phone-call-someone-havent-spoken'],
    ];
    for (const [easier, harder] of easierThan)
      expect(rating(easier), `${easier} < ${harder}`).toBeLessThan(rating(harder));
  });

  it('stay on networking: no risky public disagreements, confessions or errands', () => {
    const offTopic = /\bdisagree\b|\bmistake you made\b|\bprofile headline\b|\bbook an appointment\b/i;
    expect(practicePrompts.filter((p) => offTopic.test(p.text)).map((p) => p.id)).toEqual([]);
  });
});
