import { describe, expect, it } from 'vitest';
import { phraseFamilies } from '../../content/similarity.ts';
import { CHANNELS, biscuit, byId, detail, last, suggest } from './suggest-builders.ts';

/**
 * The cases a coaching review of the starters found: condolences for good news, third-person
 * notes, "Practice session" as an event, strangers' openers for people already known, asks after
 * a long silence or while owing, and lines that assume facts about the user.
 */

/** Words of sympathy: a suggestion that uses them about good news reads as a condolence. */
const CONDOLENCE =
  /\b(on your mind|been through|hard time|tough|sorry to hear|holding up|difficult|struggl\w*|worr\w*|something similar|talking it through|here for you)\b/i;

describe('suggestStarters, as a coach would check it', () => {
  it('never reads like a condolence for good news, in any window or channel', () => {
    const goodNews = [
      biscuit,
      detail('d-pup', 'new puppy called Biscuit', '2026-03-01'),
      detail('d-engaged', 'Just got engaged to Priya', '2026-02-20'),
      detail('d-job', 'his new job at the BBC', '2026-01-05'),
    ];
    const lastTimes = [
      {},
      last('2026-03-13', 'conference', 'DevConf Leeds'),
      last('2026-01-20', 'call'),
      last('2025-01-20', 'call'),
    ];
    let checked = 0;
    for (const when of lastTimes) {
      for (const channel of CHANNELS) {
        for (const s of suggest({ details: goodNews, channel, limit: 200, ...when })) {
          expect(s.text, s.starterId).not.toMatch(CONDOLENCE);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('writes a note in the third person, or without an article, as if to them', () => {
    const notes = [
      detail('d-uni', 'his daughter starting university', '2026-03-01'),
      detail('d-pup', 'new puppy called Biscuit', '2026-02-01'),
      detail('d-run', "She's training for the London Marathon", '2026-01-01'),
    ];
    const out = suggest({ details: notes, limit: 60 });
    const texts = out.map((s) => s.text).join('\n');
    expect(texts).toContain('your daughter starting university');
    expect(texts).toContain('your new puppy Biscuit');
    expect(texts).toContain('training for the London Marathon');
    expect(texts).not.toMatch(/mentioned new puppy|called Biscuit|\b(his|her|she's|he's)\b/i);
  });

  it('leaves out a note that cannot be made into a phrase, rather than quoting it', () => {
    const out = suggest({ details: [detail('d-me', 'wants me to introduce her to Priya', '2026-03-01')], limit: 100 });
    expect(out.length).toBeGreaterThan(0);
    expect(out.some((s) => s.usesDetailId === 'd-me' || s.text.includes('Priya'))).toBe(false);
  });

  it('never uses "Practice session", or any title that is not an event name, as the event', () => {
    const cases = [
      last('2026-03-13', 'meet-up', 'Practice session', true),
      last('2026-03-13', 'meet-up', 'Practice session'),
      last('2026-03-13', 'meet-up', 'Leeds JS', true),
      last('2026-03-09', 'conference', 'Practice session', true),
      last('2026-03-13', 'meet-up', 'Meet-up'),
      last('2026-03-13', 'conference', 'Met Sam at the bar. Nice chat'),
    ];
    for (const when of cases) {
      for (const channel of CHANNELS) {
        const out = suggest({ ...when, channel, details: [biscuit], limit: 200 });
        for (const s of out)
          expect(s.text, JSON.stringify(when)).not.toMatch(/[Pp]ractice session|Meet-up|Leeds JS|Met Sam/);
      }
    }
    // It was still a real meeting: a follow-up that doesn't name the event is offered.
    const afterPractice = suggest({ ...cases[0], limit: 5 });
    expect(afterPractice[0]!.situation).toBe('follow-up-48h');
  });

  it('never offers an opener for strangers to someone already known, even in the 48 hours after an event', () => {
    for (const when of [last('2026-03-13', 'conference', 'DevConf Leeds'), last('2026-01-01', 'call'), {}]) {
      const out = suggest({ ...when, details: [biscuit], channel: 'in-person', limit: 500 });
      expect(out.length).toBeGreaterThan(0);
      for (const s of out) {
        expect(byId.get(s.starterId)?.relationship, s.starterId).not.toBe('stranger');
        expect(phraseFamilies(s.text), s.text).not.toContain('is-this-your-first-time');
        expect(s.text).not.toMatch(/approachable/);
      }
    }
  });

  it('offers openers for strangers, and nothing about past conversations, to someone not yet met', () => {
    const out = suggest({ channel: 'in-person', limit: 500 });
    expect(out.some((s) => byId.get(s.starterId)?.relationship === 'stranger')).toBe(true);
    expect(out.some((s) => byId.get(s.starterId)?.relationship === 'known')).toBe(false);
  });

  it('ranks every offer of help above every ask when the user has been asking more than giving', () => {
    const rank = (giveAskBalance: number) =>
      suggest({ ...last('2026-01-20', 'call'), giveAskBalance, limit: 500 }).map((s) => byId.get(s.starterId)!.intent);
    const owing = rank(-2);
    expect(owing.lastIndexOf('give')).toBeLessThan(owing.indexOf('ask'));
    expect(owing.indexOf('ask')).toBeGreaterThan(-1);
    // With an even balance the order is not forced, so the rule above is what makes the difference.
    const even = rank(0);
    expect(even.lastIndexOf('give')).toBeGreaterThan(even.indexOf('ask'));
  });

  it('asks for nothing after a long silence', () => {
    for (const giveAskBalance of [undefined, -3, 3]) {
      const out = suggest({ ...last('2025-01-01', 'call'), giveAskBalance, details: [biscuit], limit: 500 });
      expect(out.length).toBeGreaterThan(20);
      expect(out.filter((s) => byId.get(s.starterId)?.intent === 'ask').map((s) => s.starterId)).toEqual([]);
    }
  });

  it('never suggests an example line, which assumes facts about the user', () => {
    for (const when of [
      {},
      last('2026-03-13', 'conference', 'DevConf Leeds'),
      last('2026-01-20', 'email'),
      last('2025-01-01', 'call'),
    ]) {
      for (const channel of CHANNELS) {
        const out = suggest({ ...when, channel, details: [biscuit], limit: 1000 });
        expect(out.filter((s) => byId.get(s.starterId)?.kind === 'example').map((s) => s.starterId)).toEqual([]);
      }
    }
  });

  it('suggests classmates after a course, and meeting in person after talking online', () => {
    const course = suggest({ ...last('2026-03-04', 'course', 'UX evening class'), limit: 10 });
    expect(course.some((s) => s.situation === 'classmates')).toBe(true);
    const online = suggest({ ...last('2026-02-20', 'email'), limit: 500 });
    const firstMeet = online.findIndex((s) => s.situation === 'meet-in-person');
    expect(firstMeet).toBeGreaterThan(-1);
    expect(firstMeet).toBeLessThan(online.findIndex((s) => s.situation === 'ask-advice'));
  });
});
