import { describe, expect, it } from 'vitest';
import {
  FRAME_SHARE,
  keywords,
  largestMeaningCluster,
  meaningClusters,
  nearDuplicates,
  phraseFamilies,
  type TextItem,
} from './similarity.ts';

const item = (id: string, text: string, situation = 's'): TextItem => ({ id, text, situation });

describe('nearDuplicates', () => {
  it('flags a lightly reworded copy', () => {
    const pairs = nearDuplicates([
      item('a', 'Hi [name], it has been [how long] since we last spoke. How are things with you these days?'),
      item('b', 'Hi [name], it has been [how long] since we last spoke! How are things with you at the moment?'),
      item('c', 'What brought you along tonight?'),
    ]);
    expect(pairs.map((p) => `${p.a.id}<>${p.b.id}`)).toEqual(['a<>b']);
  });
});

/** Lines from the first version that the coaching review found saying the same thing. */
const REVIEWED_CLUSTERS: Record<string, string[]> = {
  'sent-a-request': [
    'Hi [name], connecting after [event] so I don’t lose track of you. Good to have a name to go with the face!',
    'Hi [name], thank you for the chat at [event]. I’d like to follow what you’re working on, so I’ve sent a connection request.',
    'Hi [name], good to meet you at [event]! Sending a request so we can keep the conversation going.',
    'Hi [name], we spoke briefly at [event]. I enjoyed the conversation and would be glad to stay in touch here.',
  ],
  'thinking-about-detail': [
    'Hi [name], I realise it’s been [how long] since we last spoke. I was thinking about [detail] the other day — how have things been?',
    'Hi [name], I was reminded of [detail] today and realised it’s been [how long] since we talked. How did things go?',
    'Hi [name], sorry it’s been so long since I called. I was thinking about [detail] and wanted to hear how it’s all been.',
    'Hi [name], I’ve been thinking about [detail] since we spoke. Is there anything I can do to help?',
    'Hi [name], it was good to meet you at [event]. I’ve been mulling over what you said about [detail] — thank you for that.',
  ],
  'catching-up-with-people-i-admire': [
    'Hi [name]! It’s been ages. I’m making a point of catching up with people I’ve missed, and you were near the top of the list.',
    'Dear [name], I’m catching up with people whose advice I valued — how are things with you?',
    'Hi [name], I’m reaching out to a few people whose work I admire. Would you be up for a catch-up?',
    'Hi [name], I’ve been reflecting on the people who shaped my thinking over the last few years.',
  ],
  'let-you-go': [
    'I’ll let you get on with your evening! Lovely catching up — speak soon.',
    'I’m conscious of your time, so I’ll let you go. Thank you for this.',
    'I’ll let you get back to the event — enjoy the next session.',
    'I’m going to let you mingle — I’ve kept you to myself long enough!',
    'I don’t want to keep you from everyone else here. Could I take your card?',
  ],
  'anything-i-can-help-with': [
    'Is there anything I could take off your plate, even something small?',
    'Is there one thing on your list at the moment that I could help with?',
    'If anything comes up where I could help, please ask — I mean it.',
    'Is there anything from what we talked about that I could help with? Happy to return the favour.',
    'Is there anything you’re working on where an extra pair of hands would be useful?',
    'Is there anything I can do to help, or would you rather I just check in now and then?',
  ],
};

describe('meaningClusters', () => {
  it.each(Object.entries(REVIEWED_CLUSTERS))('finds the reviewed "%s" cluster', (family, texts) => {
    const items = texts.map((text, i) => item(`${family}-${i}`, text.replace(/’/g, "'")));
    const found = meaningClusters(items).find((c) => c.key === `phrase:${family}`);
    expect(found?.ids.sort()).toEqual(items.map((i) => i.id).sort());
  });

  it('finds lines in one situation that share two keywords once synonyms are folded', () => {
    const items = [
      item('a', 'Shall we grab a coffee and talk about the conference?'),
      item('b', 'Fancy a café chat about the conference sometime?'),
      item('c', 'Could we have a coffee and a conversation about the conference?'),
      item('d', 'What did you think of the keynote?'),
      item('e', 'Where are you based these days?'),
      item('f', 'How did you get into this line of work?'),
      item('g', 'Are you staying for the evening social?'),
      item('h', 'Have you tried the new ramen place on the corner?'),
      item('i', 'Which workshop are you heading to after lunch?'),
      item('j', 'Is anyone from your team here?'),
      item('k', 'Did you catch the lightning talks yesterday?'),
      item('l', 'What are you reading at the moment?'),
    ];
    // "café chat" and "coffee … conversation" fold into the same keywords.
    expect([...keywords(items[1]!.text)].filter((k) => keywords(items[2]!.text).has(k))).toHaveLength(3);
    const clusters = meaningClusters(items);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]!.ids).toEqual(['a', 'b', 'c']);
  });

  it('ignores a keyword that frames a whole situation, and never pairs lines across situations', () => {
    const frame = Array.from({ length: 8 }, (_, i) =>
      item(`f${i}`, `It has been ages since we talked about topic${i}.`, 'x'),
    );
    expect(frame.filter((f) => keywords(f.text).has('talk')).length / frame.length).toBeGreaterThan(FRAME_SHARE);
    expect(meaningClusters(frame)).toEqual([]);
    const spread = [
      item('a', 'coffee and conference', 'x'),
      item('b', 'coffee and conference', 'y'),
      item('c', 'coffee and conference', 'z'),
    ];
    expect(meaningClusters(spread)).toEqual([]);
  });

  it('reports the largest cluster, even when it is within the limit', () => {
    expect(largestMeaningCluster([item('a', "I'll let you go."), item('b', 'What did you think of it?')])).toEqual({
      key: 'phrase:let-you-go',
      ids: ['a'],
    });
    expect(phraseFamilies('Is this your first time at DevConf?')).toEqual(['is-this-your-first-time']);
  });
});
