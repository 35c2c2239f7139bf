/**
 * The OCR worker thread of the packaged app. tesseract.js's own Node worker finds its files
 * next to itself in node_modules, which the package does not ship (main is one bundle), so this
 * entry is bundled to out/main/ocr-worker.js and reads the WebAssembly recogniser and the
 * English data from out/main/ocr/ (copied there by electron.vite.config.ts). Running from
 * source (tests, browser mode, the CLI) uses tesseract.js's own worker instead.
 */
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import TesseractCore from 'tesseract.js-core/tesseract-core-simd-lstm.js';
import worker from 'tesseract.js/src/worker-script/index.js';
import cache from 'tesseract.js/src/worker-script/node/cache.js';
import gunzip from 'tesseract.js/src/worker-script/node/gunzip.js';

/** WebAssembly SIMD is in every Node and Electron this app runs on; one recogniser build is shipped. */
export const OCR_WASM = 'tesseract-core-simd-lstm.wasm';

const wasmBinary = readFileSync(new URL(`./ocr/${OCR_WASM}`, import.meta.url));

worker.setAdapter({
  getCore: async () => (options: object) => TesseractCore({ ...options, wasmBinary }),
  gunzip,
  // The data is read from disk (langPath is a folder); nothing may be fetched.
  fetch: () => Promise.reject(new Error('The OCR worker does not download anything.')),
  ...cache,
});
parentPort?.on('message', (packet) =>
  worker.dispatchHandlers(packet, (message: unknown) => parentPort?.postMessage(message)),
);
