import { describe, expect, it } from 'vitest';
import { detailPhrase } from './detail-phrase.ts';

/** Notes as people type them in the log form, and the phrase a message needs after "you mentioned". */
const NOTES: [note: string, phrase: string | undefined, firstName?: string][] = [
  ['the new puppy Biscuit', 'the new puppy Biscuit'],
  ['new puppy called Biscuit', 'your new puppy Biscuit'],
  ['New puppy called Biscuit!', 'your new puppy Biscuit'],
  ['a new puppy named Biscuit', 'your new puppy Biscuit'],
  ['Has a new puppy called Biscuit', 'your new puppy Biscuit'],
  ['She has a new puppy called Biscuit', 'your new puppy Biscuit'],
  ['his daughter starting university', 'your daughter starting university'],
  ["His daughter's starting university in September", 'your daughter starting university in September'],
  ["her mum's 70th birthday", "your mum's 70th birthday"],
  ['Her mum being unwell', 'your mum being unwell'],
  ['her husband', 'your husband'],
  ['their wedding in Lisbon', 'your wedding in Lisbon'],
  ['his band', 'your band'],
  ['taking her dog to agility classes', 'taking your dog to agility classes'],
  ['a trip to Japan with her kids', 'your trip to Japan with your kids'],
  ['told me about her allotment', 'your allotment'],
  ['mentioned her sister is visiting from Canada', 'your sister visiting from Canada'],
  ['the house he is buying', 'the house you are buying'],
  ['the role she applies for', 'the role you apply for'],
  ['the flat they bought', 'the flat they bought'],
  ['training for the London marathon', 'training for the London marathon'],
  ["She's training for the London Marathon", 'training for the London Marathon'],
  ['Is training for a half-marathon in May', 'training for a half-marathon in May'],
  ['She is a keen cyclist', 'being a keen cyclist'],
  ['he was made redundant', 'being made redundant'],
  ['husband is a chef', 'your husband being a chef'],
  ['Son got into Oxford', 'your son getting into Oxford'],
  ['Moved to Bristol in June', 'moving to Bristol in June'],
  ['Just got engaged to Priya', 'getting engaged to Priya'],
  ['Got a promotion', 'getting a promotion'],
  ['Started a new job at Acme', 'starting a new job at Acme'],
  ['Runs a bakery in Hebden Bridge', 'running a bakery in Hebden Bridge'],
  ['Works at the BBC', 'working at the BBC'],
  ['Lives in Leeds', 'living in Leeds'],
  ['Plays in a band', 'playing in a band'],
  ['Studies part-time', 'studying part-time'],
  ['Wants to move to Lisbon', 'wanting to move to Lisbon'],
  ['Loves climbing', 'your love of climbing'],
  ['into bouldering', 'your interest in bouldering'],
  ['excited about the move', 'being excited about the move'],
  ['Writing a novel about her grandmother', 'writing a novel about your grandmother'],
  ['Going to Japan in May', 'going to Japan in May'],
  ['planning a trip to Japan', 'planning a trip to Japan'],
  ['moving house', 'moving house'],
  ['kitchen renovation', 'your kitchen renovation'],
  ['Kitchen renovation', 'your kitchen renovation'],
  ['the kitchen renovation', 'the kitchen renovation'],
  ['Allotment', 'your allotment'],
  ['new job', 'your new job'],
  ['half marathon', 'your half marathon'],
  ['Two kids, Sam and Ali', 'your two kids, Sam and Ali'],
  ['kids starting school', 'your kids starting school'],
  ['Twins due in May', 'your twins due in May'],
  ['Bristol move', 'the Bristol move'],
  ['DevConf talk', 'the DevConf talk'],
  ['Japan', 'Japan'],
  ['Biscuit', 'Biscuit'],
  ["Sam's new job at the BBC", 'your new job at the BBC', 'Sam'],
  ['Sam is learning Welsh', 'learning Welsh', 'Sam'],
  ['Grandmother turns 90 in May', 'your grandmother turning 90 in May'],
  ['Allotment is finally producing tomatoes', 'your allotment finally producing tomatoes'],
  ['Building a cabin with her brother', 'building a cabin with your brother'],
  ['Fostering a cat called Miso', 'fostering a cat called Miso'],
  ['Quietly looking for a new job in design', 'quietly looking for a new job in design'],
  ['Renovating the kitchen; it is taking forever', 'renovating the kitchen'],
  ['Son has a piano recital in May', 'your son having a piano recital in May'],
  ['Met at DevConf. Nice chat about Rust.', 'meeting at DevConf'],
  ['the {detail} project', 'the detail project'],
  ['wants me to introduce her to Priya', undefined],
  ['Back from Japan', undefined],
  // A trait in sentence case is not a topic, and "the Allergic to peanuts" is not a phrase.
  ['Allergic to peanuts', undefined],
  ['Afraid of flying', undefined],
  ['Fluent in Japanese', undefined],
  ['Shy at first', undefined],
  ['Bristol move', 'the Bristol move'],
  ['Japan trip in April', 'the Japan trip in April'],
  ['', undefined],
  ['   ', undefined],
  ['Is', undefined],
  ['said she would think about the offer we discussed and get back to me next month', undefined],
];

describe('detailPhrase', () => {
  it.each(NOTES)('%j reads as %j', (note, phrase, firstName) => {
    expect(detailPhrase(note, firstName)).toBe(phrase);
  });

  it('never leaves a third-person pronoun or the writer in a phrase', () => {
    for (const [note, , firstName] of NOTES) {
      const phrase = detailPhrase(note, firstName);
      if (phrase !== undefined) expect(phrase, note).not.toMatch(/\b(he|she|him|his|her|hers|I|me)\b/i);
    }
  });

  it('leaves a phrase that is already right as it is', () => {
    for (const [, phrase, firstName] of NOTES) {
      if (phrase !== undefined) expect(detailPhrase(phrase, firstName), phrase).toBe(phrase);
    }
  });
});
