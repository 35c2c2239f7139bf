/**
 * The packaged app's OCR: the bundled worker (out/main/ocr-worker.js) with the recogniser and
 * English data copied next to it (out/main/ocr/) reads a card without anything from node_modules.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createOcrEngine } from '../../main/core/cards/ocr-engine.ts';
import { readCard } from '../../main/core/cards/read-card.ts';
import { renderCards } from '../cards/render-cards.ts';
import { SAMPLE_CARDS } from '../cards/sample-cards.ts';

describe('the bundled OCR worker', () => {
  it('reads a card from out/main alone', async () => {
    expect(existsSync('out/main/ocr-worker.js'), 'run npm run build first').toBe(true);
    const card = SAMPLE_CARDS[3]!;
    const [path] = await renderCards([card]);
    const ocr = createOcrEngine({ langPath: resolve('out/main/ocr'), workerPath: resolve('out/main/ocr-worker.js') });
    try {
      const reading = await readCard({
        fileName: 'card.png',
        bytes: new Uint8Array(readFileSync(path!)),
        ocr,
        signal: new AbortController().signal,
        onProgress: () => {},
      });
      expect(reading).toMatchObject({
        outcome: 'read',
        draft: { name: card.name, email: card.email, phone: card.phone },
      });
    } finally {
      await ocr.close();
    }
  });
});
