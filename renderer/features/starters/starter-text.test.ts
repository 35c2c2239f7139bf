import { describe, expect, it } from 'vitest';
import { displayText, gapsIn, storedText } from './starter-text.ts';

describe('starter placeholders', () => {
  it('shows stored placeholders as bracketed words and saves typed brackets back', () => {
    const stored = 'Hi {firstName}, how was {event}? It has been {timeSince}.';
    expect(displayText(stored)).toBe('Hi [name], how was [event]? It has been [time since].');
    expect(storedText(displayText(stored))).toBe(stored);
  });

  it('keeps brackets that are not placeholders as text', () => {
    expect(storedText('See [the link] and ask about [Detail]')).toBe('See [the link] and ask about {detail}');
  });

  it('lists the gaps a starter still has', () => {
    expect(gapsIn('Hi {firstName}, about {detail} and {firstName}')).toEqual(['firstName', 'detail']);
  });
});
