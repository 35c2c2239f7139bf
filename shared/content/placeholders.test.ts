import { describe, expect, it } from 'vitest';
import {
  PLACEHOLDER_LIST,
  fillPlaceholders,
  normalisePlaceholders,
  placeholderProblem,
  placeholdersIn,
  upgradeLegacyText,
} from './placeholders.ts';

describe('placeholdersIn', () => {
  it('lists each placeholder once, in order, whatever spelling is used', () => {
    expect(placeholdersIn('Hi [name], [event] with [Name] and [ detail ]')).toEqual(['firstName', 'event', 'detail']);
    expect(placeholdersIn('{firstName} and {timeSince} and [how long]')).toEqual(['firstName', 'timeSince']);
    expect(placeholdersIn('No placeholders here, [sic] {not} one')).toEqual([]);
  });
});

describe('fillPlaceholders', () => {
  it('fills known values literally and leaves missing ones visible', () => {
    expect(fillPlaceholders('Hi [name], see you at [event]', { firstName: 'Sam' })).toBe('Hi Sam, see you at [event]');
    expect(fillPlaceholders('[name] / [event]', { firstName: '[event]', event: 'DevConf' })).toBe('[event] / DevConf');
    expect(fillPlaceholders('Cost: $& [detail]', { detail: '$1 and $&' })).toBe('Cost: $& $1 and $&');
  });

  it('fills the old brace spelling too, so nothing saved before is left unfilled', () => {
    expect(fillPlaceholders('Hi {firstName}, it has been {timeSince}', { firstName: 'Sam', timeSince: 'ages' })).toBe(
      'Hi Sam, it has been ages',
    );
  });
});

describe('normalisePlaceholders', () => {
  it.each([
    ['Hi {firstName}, {detail} at {event} after {timeSince}', 'Hi [name], [detail] at [event] after [how long]'],
    ['Hi [Name] and [ first  name ]', 'Hi [name] and [name]'],
    ['[something they mentioned] for [a while]', '[detail] for [how long]'],
    ['Leave [sic] and {other} alone', 'Leave [sic] and {other} alone'],
  ])('%s → %s', (input, output) => {
    expect(normalisePlaceholders(input)).toBe(output);
  });
});

describe('placeholderProblem', () => {
  it.each([
    ['Hi [name], it has been [how long] since [event]: [detail]', undefined],
    ['Hi {firstName}, from the first version', undefined],
    ['Hi [nmae], how are you?', /Unknown placeholder \[nmae\]/],
    ['Hi {name}, how are you?', /Unknown placeholder \{name\}/],
    ['Hi [name, how are you?', /Unbalanced/],
    ['Hi name], how are you?', /Unbalanced/],
    ['Empty [] brackets', /Unbalanced or empty/],
  ])('%s', (text, problem) => {
    if (problem === undefined) expect(placeholderProblem(text)).toBeUndefined();
    else expect(placeholderProblem(text)).toMatch(problem);
  });

  it('names every placeholder in its message', () => {
    expect(PLACEHOLDER_LIST).toBe('[name], [detail], [event] or [how long]');
    expect(placeholderProblem('[x]')).toContain(PLACEHOLDER_LIST);
  });
});

describe('upgradeLegacyText', () => {
  it.each([
    ['Hi {firstName}, how was {event}?', 'Hi [name], how was [event]?'],
    ['Hi [name], good to meet you at [event]', 'Hi [name], good to meet you at [event]'],
    ['You mentioned [something they mentioned] [a while] ago', 'You mentioned [detail] [how long] ago'],
    ['See the [link] or [', 'See the (link) or ('],
    ['A {stray} brace and ] bracket', 'A (stray) brace and ) bracket'],
  ])('%s → %s', (before, after) => {
    const upgraded = upgradeLegacyText(before);
    expect(upgraded).toBe(after);
    expect(placeholderProblem(upgraded)).toBeUndefined();
  });
});
