import { describe, expect, it } from 'vitest';
import { seededRandom } from './generate.ts';
import { toHit } from './hit.ts';
import { foldedWords, foldText, makeSnippet, startsAWord, tokenise } from './text.ts';
import { makeSnippetFullScan } from './testing/full-scan-snippet.ts';

/**
 * Text with what makes snippets hard: accents, "İ", letters that fold to two ("ß" → "ss"), letters
 * outside the BMP, punctuation, runs of spaces.
 */
const PIECES = [
  ...['sam', 'Samira', 'José', 'İstanbul', 'naïve', '𝐀lpha', 'café', 'coffee', 'a', 'bi', 'Biscuit', 'x'],
  ...['Łukasz', 'Straße', 'Ærø'],
];
const GLUE = [' ', '  ', '\n', ', ', '-', "'", '.', '😀', ''];

function randomText(random: (n: number) => number): string {
  const words = 1 + random(random(2) ? 12 : 120);
  let text = '';
  for (let i = 0; i < words; i++) text += PIECES[random(PIECES.length)]! + GLUE[random(GLUE.length)]!;
  return text;
}

function randomWords(random: (n: number) => number, text: string): string[] {
  const tokens = tokenise(text);
  const count = 1 + random(3);
  return Array.from({ length: count }, () => {
    const token =
      tokens.length && random(4) ? tokens[random(tokens.length)]! : tokenise(PIECES[random(PIECES.length)]!)[0]!;
    return token.slice(0, 1 + random(token.length));
  });
}

describe('snippets read only up to their window', () => {
  it('give exactly the snippet and highlights of reading every match (3,000 random texts)', () => {
    const random = seededRandom(20261202);
    for (let i = 0; i < 3000; i++) {
      const text = randomText(random);
      const words = [...new Set(randomWords(random, text))];
      expect(makeSnippet(text, words), JSON.stringify({ text, words })).toEqual(makeSnippetFullScan(text, words));
    }
  });
});

describe('foldText', () => {
  it('folds accents, case, and the letters people type otherwise: "lukasz" for Łukasz, "strasse" for Straße', () => {
    expect(foldText('Łukasz Żółć')).toBe('lukasz zolc');
    expect(foldText('STRAẞE Straße')).toBe('strasse strasse');
    expect(foldText('Ærø Œuvre Þór Đorđe Ħamrun Øyvind')).toBe('aero oeuvre thor dorde hamrun oyvind');
    expect(foldText('İstanbul ılık')).toBe('istanbul ilik');
  });

  it('highlights the letters typed in the original text, whatever their folded length', () => {
    expect(makeSnippet('Łukasz from Straße 4', ['luk', 'strasse'])).toEqual({
      snippet: 'Łukasz from Straße 4',
      highlights: [
        [0, 3],
        [12, 18],
      ],
    });
  });
});

describe('makeSnippet', () => {
  it('opens at the start of a word after a line break, not inside it', () => {
    const text = `${'Notes from the week before the conference, long enough to need a window.'}\nshort video call with Eleni about next year, the move, and the book she is writing`;
    expect(makeSnippet(text, ['eleni']).snippet).toMatch(/^…short video call with Eleni/);
  });

  it('opens at the start of the text, not inside its first word', () => {
    const text =
      'Grabbed a coffee with Dan near the office. He is organising Climate Builders again and wants speakers.';
    expect(makeSnippet(text, ['dan']).snippet).toMatch(/^Grabbed a coffee with Dan/);
  });

  it('keeps a match near the end of a short text inside the window', () => {
    // 85 characters: the window opens 5 in, inside "Rescheduling"; from 0 it would end before "Dan".
    const text = 'Rescheduling our long quarterly catch-up over a quiet lunch to next week; ping Dan ok';
    const { snippet, highlights } = makeSnippet(text, ['dan']);
    expect(highlights.map(([a, b]) => snippet.slice(a, b))).toEqual(['Dan']);
  });
});

describe('foldedWords', () => {
  it('joins exactly the tokens of the text (3,000 random texts, ASCII and not)', () => {
    const random = seededRandom(11);
    for (let i = 0; i < 3000; i++) {
      const text = random(2) ? randomText(random) : randomText(random).replace(/[^ -~]/g, '');
      expect(foldedWords(text), JSON.stringify(text)).toBe(tokenise(text).join(' '));
    }
    expect(foldedWords('  Half-Marathon, 2026!  ')).toBe('half marathon 2026');
    expect(foldedWords('')).toBe('');
  });
});

describe('startsAWord', () => {
  it('says what splitting the text into tokens says (3,000 random texts)', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 3000; i++) {
      const text = randomText(random);
      const tokens = tokenise(text);
      for (const word of randomWords(random, text))
        expect(startsAWord(foldText(text), word), JSON.stringify({ text, word })).toBe(
          tokens.some((t) => t.startsWith(word)),
        );
    }
  });

  it('finds a word after a letter outside the BMP only when a separator comes between', () => {
    expect(startsAWord(foldText('𝐀lpha'), 'lpha')).toBe(false);
    expect(startsAWord(foldText('😀lpha'), 'lpha')).toBe(true);
    expect(startsAWord(foldText('İstanbul'), 'istanbul')).toBe(true);
  });
});

describe('toHit', () => {
  it('shows the field matching most words, then the heaviest', () => {
    const hit = toHit(
      {
        kind: 'person',
        id: 'p1',
        personIds: ['p1'],
        fields: { displayName: 'Sam Okafor', notes: 'Sam has a new puppy called Biscuit', organisation: 'Acme' },
        group: 0,
        day: 0,
        label: '',
      },
      1,
      ['sam', 'bis'],
    );
    expect([hit.field, hit.snippet, hit.highlights]).toEqual([
      'notes',
      'Sam has a new puppy called Biscuit',
      [
        [0, 3],
        [27, 30],
      ],
    ]);
  });
});
