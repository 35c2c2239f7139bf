import { describe, expect, it } from 'vitest';
import { libraryStarters } from '../../content/library.ts';
import { parseFollowUpHow } from './capture.ts';
import { followUpQueue, reviewOf, splitGreeting, type MetPerson, type QueueInput } from './follow-ups.ts';

const starters = libraryStarters();

const met = (name: string, metOn: string, extra: Partial<MetPerson> = {}): MetPerson => ({
  contactId: name.toLowerCase(),
  displayName: `${name} Example`,
  metOn,
  details: [],
  ...extra,
});
const input = (people: MetPerson[], today: string): QueueInput => ({
  event: { id: 'e1', name: 'DevConf', metType: 'conference' },
  met: people,
  today,
  library: starters,
});

describe('followUpQueue', () => {
  it.each<[string, string, MetPerson, string, string]>([
    ['met today', '2026-05-01', met('Ann', '2026-05-01'), 'due', '2026-05-03'],
    ['on the last day', '2026-05-03', met('Ann', '2026-05-01'), 'due', '2026-05-03'],
    ['a day late', '2026-05-04', met('Ann', '2026-05-01'), 'late', '2026-05-03'],
    ['followed up', '2026-05-09', met('Ann', '2026-05-01', { followedUpOn: '2026-05-02' }), 'done', '2026-05-03'],
  ])('%s', (_label, today, person, state, dueBy) => {
    const [item] = followUpQueue(input([person], today));
    expect(item).toMatchObject({ state, dueBy });
  });

  it('orders due (soonest first), late (most recent first), then done', () => {
    const queue = followUpQueue(
      input(
        [
          met('Done', '2026-05-04', { followedUpOn: '2026-05-05' }),
          met('OldLate', '2026-04-01'),
          met('Late', '2026-04-20'),
          met('DueLater', '2026-05-05'),
          met('DueSoon', '2026-05-04'),
        ],
        '2026-05-05',
      ),
    );
    expect(queue.map((q) => q.contactId)).toEqual(['duesoon', 'duelater', 'late', 'oldlate', 'done']);
  });

  it('drafts a personal message with their first name, the event and a mailto link', () => {
    const [item] = followUpQueue(input([met('Ann', '2026-05-01', { email: 'ann@example.com' })], '2026-05-02'));
    expect(item!.draft).toMatch(/^Hi Ann,\n\n[A-Z]/);
    expect(item!.draft.match(/Ann/g)).toHaveLength(1);
    expect(item!.draft).not.toMatch(/\[|\]/);
    expect(item!.subject).toBe('Good to meet you at DevConf');
    expect(item!.email).toBe('ann@example.com');
  });

  it('never puts a sensitive detail in a draft', () => {
    const details = [
      {
        id: 'd',
        text: 'the divorce',
        sensitivity: 'sensitive' as const,
        status: 'open' as const,
        learnedOn: '2026-05-01',
      },
    ];
    for (const today of ['2026-05-01', '2026-05-20']) {
      const [item] = followUpQueue(input([met('Ann', '2026-05-01', { details })], today));
      expect(item!.draft).not.toContain('divorce');
    }
  });

  it('has no mailto link without an email', () => {
    expect(followUpQueue(input([met('Ann', '2026-05-01')], '2026-05-01'))[0]!.email).toBeUndefined();
  });
});

describe('splitGreeting', () => {
  it.each([
    ['Hi Ann, great to meet you.', 'Hi Ann,', 'Great to meet you.'],
    ['Hello Bo! Thanks for the chat.', 'Hello Bo,', 'Thanks for the chat.'],
    ['Great to meet you at DevConf.', 'Hi Cy,', 'Great to meet you at DevConf.'],
    ['Hi, how are you?', 'Hi,', 'How are you?'],
  ])('%s', (line, greeting, body) => expect(splitGreeting(line, 'Hi Cy,')).toEqual({ greeting, body }));
});

describe('reviewOf', () => {
  it.each([
    [[], 0, 0, /Nobody logged yet/],
    [
      [met('A', '2026-05-01'), met('B', '2026-05-01', { followedUpOn: '2026-05-02' })],
      2,
      1,
      /met 2 people and followed up with 1/,
    ],
  ] as const)('%#', (people, count, done, summary) => {
    const review = reviewOf(followUpQueue(input([...people], '2026-05-02')), 'One or two');
    expect(review).toMatchObject({ met: count, followedUp: done, waiting: count - done });
    expect(review.summary).toMatch(summary);
  });
});

describe('parseFollowUpHow', () => {
  it.each([
    ['ann@example.com', { kind: 'email', value: 'ann@example.com' }],
    ['mailto:ann@example.com ', { kind: 'email', value: 'ann@example.com' }],
    ['+44 7700 900123', { kind: 'phone', value: '+44 7700 900123' }],
    ['linkedin.com/in/ann', { kind: 'linkedin', value: 'https://linkedin.com/in/ann' }],
    ['https://www.linkedin.com/in/ann', { kind: 'linkedin', value: 'https://www.linkedin.com/in/ann' }],
    ['ann.dev', { kind: 'website', value: 'https://ann.dev' }],
    ['coffee next week', { kind: 'note', value: 'coffee next week' }],
    ['12', { kind: 'note', value: '12' }],
    ['  ', { kind: 'none' }],
  ])('%s', (text, expected) => expect(parseFollowUpHow(text)).toEqual(expected));
});
