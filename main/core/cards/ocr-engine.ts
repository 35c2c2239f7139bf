/**
 * On-device OCR with tesseract.js. In Node, tesseract.js runs the recogniser in a worker thread
 * (worker_threads), so the core's event loop, and every other request, keeps going while a card
 * is read. The English data comes from the @tesseract.js-data/eng package on disk: nothing is
 * downloaded and nothing is cached outside it (docs/cards.md).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'tesseract.js';
import { AppError } from '../../../shared/ipc/result.ts';

export interface OcrAssets {
  /** Folder holding `eng.traineddata.gz`. */
  langPath: string;
  /** The worker thread's script; tesseract.js's own by default. */
  workerPath?: string | undefined;
}

export type OcrPhase = 'loading-ocr' | 'reading-text';

export interface OcrEngine {
  /** The text on a PNG or JPEG image. Rejects with `OcrCancelled` when `signal` aborts. */
  recognise(
    image: Uint8Array,
    onProgress: (phase: OcrPhase, progress: number) => void,
    signal: AbortSignal,
  ): Promise<string>;
  close(): Promise<void>;
}

export class OcrCancelled extends Error {}

/**
 * Where the English model ("best, integer", 2.9 MB gzipped: what tesseract.js picks for its LSTM
 * engine) is. The packaged app carries it, with its own worker, in out/main/ocr/ next to the
 * bundle; running from source it is the installed @tesseract.js-data/eng package. Undefined when
 * neither is there: reading a card then says the data is missing, and the rest of the app runs.
 */
export function defaultOcrAssets(): OcrAssets | undefined {
  const bundled = fileURLToPath(new URL('./ocr/', import.meta.url));
  if (existsSync(join(bundled, 'eng.traineddata.gz'))) {
    return { langPath: bundled, workerPath: fileURLToPath(new URL('./ocr-worker.js', import.meta.url)) };
  }
  try {
    const data = createRequire(import.meta.url).resolve('@tesseract.js-data/eng/package.json');
    return { langPath: join(dirname(data), '4.0.0_best_int') };
  } catch {
    return undefined;
  }
}

/** The worker is dropped after this long unused: it holds some 100 MB. */
const IDLE_MS = 60_000;

/**
 * One worker, started on first use and reused; reads run one at a time. Cancelling terminates
 * the worker (tesseract has no way to stop one recognition), and the next read starts a new one.
 */
export function createOcrEngine(given?: OcrAssets): OcrEngine {
  // Found at the first read: resolving the package costs ~10 ms of every start otherwise.
  let found: OcrAssets | undefined;
  const assetsOf = () => (found ??= given ?? defaultOcrAssets() ?? { langPath: '' });
  let worker: Promise<Worker> | undefined;
  let report: ((phase: OcrPhase, progress: number) => void) | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let idle: ReturnType<typeof setTimeout> | undefined;

  const start = (assets: OcrAssets) => {
    // tesseract.js leaves createWorker pending for ever when loading the language fails; its
    // errorHandler is the only signal, so it ends the wait here.
    let failed: (error: Error) => void = () => {};
    const failure = new Promise<never>((_, reject) => (failed = reject));
    // Loaded on the first read, so the app starts without it.
    const created = import('tesseract.js').then(({ createWorker, OEM, PSM }) =>
      createWorker('eng', OEM.LSTM_ONLY, {
        langPath: assets.langPath,
        ...(assets.workerPath ? { workerPath: assets.workerPath } : {}),
        // Read the data from langPath every time; never write a cache into the working folder.
        cacheMethod: 'none',
        gzip: true,
        logger: (message) => {
          if (message.status === 'recognizing text') report?.('reading-text', message.progress);
          else report?.('loading-ocr', message.progress);
        },
        errorHandler: (error) => failed(new Error(String(error))),
      }).then(async (created) => {
        // Cards scatter short lines: "sparse text" finds them where the page model expects columns.
        // The dpi is given so tesseract does not guess it (and print its guess) for every card.
        await created.setParameters({ tessedit_pageseg_mode: PSM.SPARSE_TEXT, user_defined_dpi: '300' });
        return created;
      }),
    );
    return Promise.race([created, failure]);
  };

  const stop = async () => {
    const running = worker;
    worker = undefined;
    if (running) await running.then((w) => w.terminate()).catch(() => {});
  };

  async function recogniseNow(
    image: Uint8Array,
    onProgress: (phase: OcrPhase, progress: number) => void,
    signal: AbortSignal,
  ) {
    if (signal.aborted) throw new OcrCancelled();
    const assets = assetsOf();
    // Only a folder on this computer: tesseract.js would download from a URL.
    if (!isAbsolute(assets.langPath) || !existsSync(join(assets.langPath, 'eng.traineddata.gz'))) {
      throw new AppError(
        'unavailable',
        'The text on the card cannot be read: the OCR data is missing from this installation.',
      );
    }
    clearTimeout(idle);
    report = onProgress;
    onProgress('loading-ocr', 0);
    worker ??= start(assets);
    const cancelled = new Promise<never>((_, reject) => {
      signal.addEventListener('abort', () => reject(new OcrCancelled()), { once: true });
    });
    try {
      const ready = await Promise.race([worker, cancelled]);
      const { data } = await Promise.race([ready.recognize(Buffer.from(image)), cancelled]);
      return data.text;
    } catch (error) {
      await stop();
      if (error instanceof OcrCancelled) throw error;
      throw new AppError('unavailable', 'The text on the card could not be read: the OCR engine stopped. Try again.');
    } finally {
      report = undefined;
      idle = setTimeout(() => void stop(), IDLE_MS);
      idle.unref?.();
    }
  }

  return {
    recognise(image, onProgress, signal) {
      const next = queue.then(() => recogniseNow(image, onProgress, signal));
      queue = next.catch(() => {});
      return next;
    },
    async close() {
      clearTimeout(idle);
      await stop();
    },
  };
}
