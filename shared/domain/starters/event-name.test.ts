import { describe, expect, it } from 'vitest';
import type { InteractionType } from '../interaction.ts';
import { eventNameOf } from './event-name.ts';

const at = (type: InteractionType, title: string | undefined, fromPractice = false) => ({
  date: '2026-03-14',
  type,
  title,
  fromPractice,
});

describe('eventNameOf', () => {
  it.each([
    ['a conference with a name', at('conference', 'DevConf Leeds'), 'DevConf Leeds'],
    ['a meet-up with a name', at('meet-up', 'the Leeds JS meet-up'), 'the Leeds JS meet-up'],
    ['a course with a name', at('course', 'Intro to UX (evening class)'), 'Intro to UX (evening class)'],
    ['"at" in front of the name', at('meet-up', 'at Leeds JS'), 'Leeds JS'],
    ['trailing punctuation', at('conference', 'DevConf Leeds!! '), 'DevConf Leeds'],
  ])('names %s', (_label, interaction, name) => {
    expect(eventNameOf(interaction)).toBe(name);
  });

  it.each([
    ['a practice session, by its title', at('meet-up', 'Practice session')],
    ['a practice session, whatever its title', at('meet-up', 'Leeds JS', true)],
    ['a title that mentions a practice session', at('conference', 'Practice session: conference lunch')],
    ['a generic title', at('meet-up', 'Meet-up')],
    ['another generic title', at('conference', 'the conference')],
    ['drinks', at('meet-up', 'Drinks')],
    ['a note typed as a title', at('meet-up', 'Met Sam at the bar. Nice chat')],
    ['a title about the writer', at('conference', 'My first conference')],
    [
      'a long title',
      at('conference', 'The annual northern gathering of people who build accessible public services online'),
    ],
    ['a coffee', at('coffee', 'Coffee at Hatch')],
    ['a call', at('call', 'DevConf Leeds')],
    ['no title', at('conference', undefined)],
    ['a blank title', at('conference', '   ')],
  ])('never uses %s', (_label, interaction) => {
    expect(eventNameOf(interaction)).toBeUndefined();
  });

  it('has nothing to name without an interaction', () => {
    expect(eventNameOf(undefined)).toBeUndefined();
  });
});
