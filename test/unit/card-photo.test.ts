/**
 * One generated card photo through the whole read: Chromium draws a card, the core's OCR worker
 * (with the network closed, test/cards/offline-ocr-worker.ts) reads it, the parser fills the
 * draft. One image only, so the suite stays fast; `npm run bench:cards` reads twenty-two.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createWorker, OEM } from 'tesseract.js';
import { describe, expect, it } from 'vitest';
import { defaultOcrAssets } from '../../main/core/cards/ocr-engine.ts';
import { openTestCore } from '../../main/core/testing/test-core.ts';
import { renderCards } from '../cards/render-cards.ts';
import { SAMPLE_CARDS } from '../cards/sample-cards.ts';

const offlineWorker = fileURLToPath(new URL('../cards/offline-ocr-worker.ts', import.meta.url));

describe('a photo of a paper card', () => {
  it('is read on the device, with no network, into a draft with name, email and phone', async () => {
    const card = SAMPLE_CARDS[0]!;
    const [path] = await renderCards([card]);
    const { call, core } = await openTestCore({ ocr: { ...defaultOcrAssets()!, workerPath: offlineWorker } });
    const phases = new Set<string>();
    const stop = core.on('cards.progress', (p) => phases.add(p.phase));
    const started = performance.now();
    const reading = await call('cards.read', {
      readId: 'photo-test-1',
      fileName: 'card.png',
      base64: readFileSync(path!).toString('base64'),
    });
    console.log(`OCR of one card (worker start included): ${((performance.now() - started) / 1000).toFixed(1)} s`);
    stop();
    expect(reading).toMatchObject({
      outcome: 'read',
      source: 'ocr',
      draft: { name: card.name, email: card.email, phone: card.phone },
    });
    expect([...phases]).toEqual(expect.arrayContaining(['looking-for-qr', 'reading-text']));
  }, 60_000);

  it('the offline worker bites: a tesseract.js worker that would download its data fails', async () => {
    const errors: string[] = [];
    const pending = createWorker('eng', OEM.LSTM_ONLY, {
      langPath: 'https://cdn.example.invalid/eng',
      cacheMethod: 'none',
      workerPath: offlineWorker,
      errorHandler: (error: unknown) => errors.push(String(error)),
    });
    void pending.catch(() => {});
    await expect.poll(() => errors.join('\n'), { timeout: 20_000 }).toMatch(/Network use in the OCR worker: fetch/);
  }, 30_000);

  it('refuses OCR data that is not a folder on this computer', async () => {
    const [path] = await renderCards([SAMPLE_CARDS[0]!]);
    const { core } = await openTestCore({ ocr: { langPath: 'https://cdn.example.invalid/eng' } });
    const result = await core.request('cards.read', {
      readId: 'photo-test-3',
      fileName: 'card.png',
      base64: readFileSync(path!).toString('base64'),
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringMatching(/OCR data is missing/) },
    });
  });

  it('can be cancelled while the OCR runs', async () => {
    const [path] = await renderCards([SAMPLE_CARDS[1]!]);
    const { call } = await openTestCore();
    const reading = call('cards.read', {
      readId: 'photo-test-2',
      fileName: 'card.png',
      base64: readFileSync(path!).toString('base64'),
    });
    // Cancelled as soon as the read is running (the QR search comes first and takes a moment).
    let cancelled = false;
    while (!cancelled) {
      cancelled = (await call('cards.cancelRead', { readId: 'photo-test-2' })).cancelled;
      if (!cancelled) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(await reading).toEqual({ outcome: 'cancelled' });
  }, 60_000);
});
