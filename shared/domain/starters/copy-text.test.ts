import { describe, expect, it } from 'vitest';
import { copyText, withoutName } from './copy-text.ts';

describe('withoutName', () => {
  it.each([
    ['Hi [name], good to meet you.', 'Hi, good to meet you.'],
    ['Hello [name]! Long time.', 'Hello! Long time.'],
    ['Dear [name], thank you.', 'Hello, thank you.'],
    ['[name]! I was hoping you would be here.', 'I was hoping you would be here.'],
    ['[name], honest question for you.', 'Honest question for you.'],
    ['Anyone going? [name], I think you mentioned it.', 'Anyone going? I think you mentioned it.'],
    ['Thanks, [name]. Enjoy the rest of it.', 'Thanks. Enjoy the rest of it.'],
    ['Congratulations, [name], and to everyone else.', 'Congratulations, and to everyone else.'],
    ['Fancy a walk at lunch, [name]?', 'Fancy a walk at lunch?'],
    ['Tell [name] I said hello.', 'Tell [name] I said hello.'],
  ])('%s → %s', (text, out) => {
    expect(withoutName(text)).toBe(out);
  });
});

describe('copyText', () => {
  it('copies a line with nothing to fill in as it is, leaving the name out', () => {
    expect(copyText('Hi [name], it has been [how long]. How are you?')).toEqual({
      ok: true,
      text: 'Hi, it has been a while. How are you?',
    });
  });

  it('asks for the detail and the event instead of copying a gap', () => {
    expect(copyText('Hi [name], how was [event]? And [detail]?')).toEqual({ ok: false, missing: ['event', 'detail'] });
    expect(copyText('Hi [name], how was [event]?', { event: '   ' })).toEqual({ ok: false, missing: ['event'] });
  });

  it('asks for a name it cannot simply leave out', () => {
    expect(copyText('Tell [name] I said hello.')).toEqual({ ok: false, missing: ['firstName'] });
    expect(copyText('Tell [name] I said hello.', { firstName: 'Sam' })).toEqual({
      ok: true,
      text: 'Tell Sam I said hello.',
    });
  });

  it('fills what the user typed, rewording a detail written as a note', () => {
    expect(
      copyText('Hi [name], last time you mentioned [detail]. See you at [event]!', {
        firstName: 'Sam',
        detail: 'new puppy called Biscuit',
        event: 'DevConf [Leeds]',
      }),
    ).toEqual({ ok: true, text: 'Hi Sam, last time you mentioned your new puppy Biscuit. See you at DevConf Leeds!' });
  });

  it('understands the old brace spelling, so an old own starter copies cleanly', () => {
    expect(copyText('Hi {firstName}, it has been {timeSince}.')).toEqual({
      ok: true,
      text: 'Hi, it has been a while.',
    });
  });
});
