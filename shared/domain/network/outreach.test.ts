import { describe, expect, it } from 'vitest';
import type { Favour } from '../interaction.ts';
import type { ExchangeRecord } from '../reciprocity/balance.ts';
import {
  Announcement,
  chooseOpening,
  dateRange,
  draftAnnouncement,
  mailtoLink,
  reconnectDraft,
  type Recipient,
} from './outreach.ts';

const TODAY = '2026-12-01';
const rec = (date: string, gave: Favour[] = [], asked: Favour[] = [], mutual = false): ExchangeRecord => ({
  date,
  gave,
  asked,
  mutual,
});

describe('chooseOpening', () => {
  it.each([
    ['nothing logged', [], 'ask'],
    ['only asks lately', [rec('2026-10-01', [], ['referral']), rec('2026-11-01', [], ['advice'])], 'give-first'],
    ['one ask and a chat', [rec('2026-10-01', [], ['advice']), rec('2026-11-01')], 'give-first'],
    ['an ask, then a give', [rec('2026-10-01', [], ['advice']), rec('2026-11-01', ['intro'])], 'ask'],
    ['an ask in a two-way exchange', [rec('2026-10-01', [], ['advice'], true)], 'ask'],
    ['only chats', [rec('2026-11-01'), rec('2026-11-20')], 'ask'],
    ['asks more than six months ago are not recent', [rec('2026-05-01', [], ['referral'])], 'ask'],
    [
      'a give before the window does not balance a recent ask',
      [rec('2026-01-01', ['intro']), rec('2026-11-01', [], ['advice'])],
      'give-first',
    ],
    ['a planned ask is not yet an ask', [rec('2026-12-20', [], ['advice'])], 'ask'],
  ])('%s → %s', (_name, exchanges, opening) => expect(chooseOpening(exchanges, TODAY)).toBe(opening));
});

describe('dateRange', () => {
  it.each([
    ['2027-03-14', undefined, '14 March 2027'],
    ['2027-03-14', '2027-03-16', '14–16 March 2027'],
    ['2027-03-30', '2027-04-02', '30 March – 2 April 2027'],
    ['2027-12-31', '2028-01-02', '31 December 2027 – 2 January 2028'],
  ])('%s to %s → %s', (from, to, text) => expect(dateRange(from, to)).toBe(text));
});

describe('draftAnnouncement', () => {
  const ana: Recipient = {
    displayName: 'Ana Costa',
    givenName: 'Ana',
    lookingFor: 'a Rust mentor.',
    location: 'Lisbon',
  };
  const event = Announcement.parse({
    kind: 'at-event',
    event: { name: 'RustConf', startsOn: '2027-03-14', endsOn: '2027-03-16', place: 'Lisbon' },
  });

  it('asks whether they will be there when asking is fair', () => {
    const draft = draftAnnouncement(event, ana, 'ask', 'Sam');
    expect(draft.subject).toBe('Will you be at RustConf?');
    expect(draft.body).toBe(
      'Hi Ana,\n\nI’ll be at RustConf in Lisbon, 14–16 March 2027.\n\n' +
        'Will you be there too? It would be good to catch up in person.\n\nBest wishes,\nSam',
    );
  });

  it('offers help with what they are looking for instead of asking, after only asks', () => {
    const draft = draftAnnouncement(event, ana, 'give-first');
    expect(draft.body).toContain('You mentioned you were looking for a Rust mentor; if I can help with that, tell me.');
    expect(draft.body).not.toContain('Will you be there too?');
    expect(draft.opening).toBe('give-first');
  });

  it.each([
    [{ kind: 'changing-jobs', leaving: 'Acme' }, 'I’m leaving Acme.'],
    [
      { kind: 'new-role', role: 'Head of Design', organisation: 'Globex' },
      'I’ve just started as Head of Design at Globex.',
    ],
    [
      { kind: 'moving', city: 'Lisbon', movingOn: '2027-01-10' },
      'I’m moving to Lisbon on 10 January 2027. You’re there already',
    ],
    [{ kind: 'moving', city: 'Porto' }, 'I’m moving to Porto.\n\n'],
  ])('%o says %s', (input, text) => {
    expect(draftAnnouncement(Announcement.parse(input), ana, 'ask').body).toContain(text);
  });

  it('uses a nickname first and asks after an open detail', () => {
    const draft = draftAnnouncement(
      Announcement.parse({ kind: 'moving', city: 'Porto' }),
      { displayName: 'Robert Smith', nickname: 'Bob', openDetail: 'new puppy called Biscuit' },
      'ask',
    );
    expect(draft.body).toMatch(
      /^Hi Bob,\n\nI’m moving to Porto\. Last time you mentioned your new puppy Biscuit: how is that going\?/,
    );
  });

  it('makes a mailto link only with an address', () => {
    expect(mailtoLink(undefined, { subject: 's', body: 'b' })).toBeUndefined();
    expect(mailtoLink('a@b.org', { subject: 'Hi & bye', body: 'x\ny' })).toBe(
      'mailto:a%40b.org?subject=Hi%20%26%20bye&body=x%0Ay',
    );
  });
});

describe('reconnectDraft', () => {
  it.each([
    [
      { displayName: 'Ana Costa', openDetail: 'new puppy called Biscuit' },
      'Last time you mentioned your new puppy Biscuit: how is that going?',
    ],
    [{ displayName: 'Ana Costa', lookingFor: 'a Rust mentor.' }, 'Are you still looking for a Rust mentor?'],
    [{ displayName: 'Ana Costa' }, 'I’d love to hear what you’re up to'],
  ])('%o mentions %s and asks for nothing', (recipient, text) => {
    const { body } = reconnectDraft(recipient);
    expect(body).toContain(text);
    expect(body).toContain('No agenda');
  });
});
