// tesseract.js's worker internals, used by ocr-worker.ts to build the packaged app's OCR worker.
declare module 'tesseract.js-core/tesseract-core-simd-lstm.js' {
  const TesseractCore: (options: object) => Promise<unknown>;
  export default TesseractCore;
}
declare module 'tesseract.js/src/worker-script/index.js' {
  const worker: {
    setAdapter(adapter: object): void;
    dispatchHandlers(packet: unknown, send: (message: unknown) => void): void;
  };
  export default worker;
}
declare module 'tesseract.js/src/worker-script/node/cache.js' {
  const cache: object;
  export default cache;
}
declare module 'tesseract.js/src/worker-script/node/gunzip.js' {
  const gunzip: (data: Uint8Array) => Uint8Array;
  export default gunzip;
}
