// Reads generated business cards the way the app does (QR search, then on-device OCR, then the
// field parser) and prints the share of fields read right: name, email, phone and organisation,
// against a target of 90 %, with the time per card. Same-run baselines: a naive parser (first
// line the name, third the organisation) on the same OCR text, and the QR search alone for time.
// The cards are drawn in Chromium (test/cards) and cached in the temp folder. Run: npm run bench:cards
import { readFileSync } from 'node:fs';
import { CardDraft } from '../../shared/domain/cards/card-draft.ts';
import { checkCardImage, findQrCode } from '../../main/core/cards/card-image.ts';
import { createOcrEngine } from '../../main/core/cards/ocr-engine.ts';
import { readCard } from '../../main/core/cards/read-card.ts';
import { CARD_CACHE, renderCards } from '../../test/cards/render-cards.ts';
import { SAMPLE_CARDS, type SampleCard } from '../../test/cards/sample-cards.ts';

const TARGET = 0.9;
const FIELDS = ['name', 'email', 'phone', 'organisation'] as const;
type Field = (typeof FIELDS)[number];

const norm = (field: Field, value: string) =>
  field === 'phone' ? value.replace(/\D/g, '') : value.trim().toLowerCase().replace(/\s+/g, ' ');
const right = (card: SampleCard, draft: CardDraft, field: Field) =>
  norm(field, draft[field]) === norm(field, card[field]);

/** The baseline: regular expressions for email and phone, and lines taken by position. */
function naive(text: string): CardDraft {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return CardDraft.parse({
    name: lines[0] ?? '',
    organisation: lines[2] ?? '',
    email: /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(text)?.[0] ?? '',
    phone: /\+?\(?\d[\d\s().-]{5,}\d/.exec(text)?.[0] ?? '',
  });
}

const started = performance.now();
const paths = await renderCards(SAMPLE_CARDS);
console.log(
  `${SAMPLE_CARDS.length} cards drawn or found in ${CARD_CACHE} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

const ocr = createOcrEngine();
const score = { ours: new Map<Field, number>(), naive: new Map<Field, number>() };
const times: number[] = [];
const qrTimes: number[] = [];
const misses: string[] = [];
try {
  for (const [index, card] of SAMPLE_CARDS.entries()) {
    const bytes = new Uint8Array(readFileSync(paths[index]!));
    let t = performance.now();
    findQrCode('card.png', checkCardImage('card.png', bytes));
    qrTimes.push(performance.now() - t);
    t = performance.now();
    const reading = await readCard({
      fileName: 'card.png',
      bytes,
      ocr,
      signal: new AbortController().signal,
      onProgress: () => {},
    });
    times.push(performance.now() - t);
    if (reading.outcome !== 'read') throw new Error('the read was cancelled');
    const baseline = naive(reading.text);
    for (const field of FIELDS) {
      if (right(card, reading.draft, field)) score.ours.set(field, (score.ours.get(field) ?? 0) + 1);
      else
        misses.push(
          `  card ${String(index + 1).padStart(2)} ${card.layout.padEnd(8)} ${field}: wanted "${card[field]}", read "${reading.draft[field]}"`,
        );
      if (right(card, baseline, field)) score.naive.set(field, (score.naive.get(field) ?? 0) + 1);
    }
  }
} finally {
  await ocr.close();
}

const n = SAMPLE_CARDS.length;
const pct = (count: number, of: number) => `${((count / of) * 100).toFixed(1).padStart(5)} %`;
const total = (map: Map<Field, number>) => FIELDS.reduce((sum, f) => sum + (map.get(f) ?? 0), 0);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sorted = [...times].sort((a, b) => a - b);
console.log(`\nField accuracy on ${n} generated cards (parser vs naive baseline on the same OCR text):`);
for (const field of FIELDS) {
  console.log(
    `  ${field.padEnd(13)} ${pct(score.ours.get(field) ?? 0, n)}   baseline ${pct(score.naive.get(field) ?? 0, n)}`,
  );
}
const overall = total(score.ours) / (n * FIELDS.length);
console.log(
  `  ${'overall'.padEnd(13)} ${pct(total(score.ours), n * FIELDS.length)}   baseline ${pct(total(score.naive), n * FIELDS.length)}   target ${TARGET * 100} %: ${overall >= TARGET ? 'met' : 'NOT met'}`,
);
console.log(
  `\nTime per card: first ${(times[0]! / 1000).toFixed(2)} s (starts the OCR worker), then median ${(sorted[Math.floor(n / 2)]! / 1000).toFixed(2)} s, ` +
    `mean ${(mean(times.slice(1)) / 1000).toFixed(2)} s, slowest ${(sorted.at(-1)! / 1000).toFixed(2)} s` +
    `\nBaseline, the QR search alone: mean ${mean(qrTimes).toFixed(0)} ms (OCR read ${(mean(times.slice(1)) / mean(qrTimes)).toFixed(1)}× that)`,
);
if (misses.length) console.log(`\nMisses:\n${misses.join('\n')}`);
process.exitCode = overall >= TARGET ? 0 : 1;
