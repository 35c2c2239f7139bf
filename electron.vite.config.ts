import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { META_CONTENT_SECURITY_POLICY } from './main/core/content-security-policy.ts';
import { builtinImportsPlugin } from './scripts/build/builtin-imports.ts';

export default defineConfig({
  main: {
    build: {
      // Everything main uses is bundled into out/main (tree-shaken); only `electron` and Node's
      // built-ins stay external (electron-vite's preset). The package then needs no node_modules
      // at all (electron-builder.yml), which keeps app.asar small and leaves no dependency to miss.
      externalizeDeps: false,
      rollupOptions: {
        // entry.ts checks the runtime, then imports index.ts (the app) as a chunk. Chunks sit next
        // to the entry so `import.meta.url`-relative paths (preload, renderer, icons) still hold.
        // ocr-worker is the OCR worker thread's own entry (main/core/cards/ocr-worker.ts).
        input: {
          index: 'main/electron/entry.ts',
          'ocr-worker': 'main/core/cards/ocr-worker.ts',
          serve: 'main/serve.ts',
          // The core on its own, as the app runs it, for benchmarks (bench:scale) to open.
          core: 'main/core/core.ts',
        },
        output: { chunkFileNames: 'app-[hash].js' },
      },
    },
    // Prefer each package's ES module build over the CommonJS one its `node` condition names
    // (rxjs, mingo), so unused code is shaken out: 2.2 MB of main bundle became 1.4 MB.
    ssr: { resolve: { conditions: ['es2015', 'module', 'import', 'default'] } },
    plugins: [
      builtinImportsPlugin,
      // The OCR worker's WebAssembly recogniser and English data, next to the bundle (docs/cards.md).
      {
        name: 'rapport-ocr-assets',
        generateBundle() {
          const copy = (fileName: string, from: string) =>
            this.emitFile({
              type: 'asset',
              fileName,
              source: readFileSync(fileURLToPath(new URL(from, import.meta.url))),
            });
          copy('ocr/eng.traineddata.gz', './node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz');
          copy('ocr/tesseract-core-simd-lstm.wasm', './node_modules/tesseract.js-core/tesseract-core-simd-lstm.wasm');
        },
      },
    ],
  },
  preload: {
    build: {
      // A sandboxed preload cannot require npm packages at run time, so everything is bundled
      // into one CommonJS file (sandboxed preloads cannot be ES modules).
      externalizeDeps: false,
      rollupOptions: {
        input: { index: 'main/electron/preload.ts' },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    publicDir: '../build/renderer-public',
    resolve: {
      // Radix's scroll lock injects a <style> element, which the CSP refuses; see the shim's comment.
      alias: {
        'react-remove-scroll': fileURLToPath(new URL('./renderer/ui/primitives/no-scroll-lock.tsx', import.meta.url)),
      },
    },
    // Minified, one chunk per screen (App.tsx loads screens lazily): the window starts with the shell.
    build: { minify: true, cssMinify: true, rollupOptions: { input: 'renderer/index.html' } },
    plugins: [
      react(),
      // One policy for the page, the browser-mode server and the Electron session.
      {
        name: 'rapport-csp',
        transformIndexHtml: (html: string) => html.replace('%RAPPORT_CSP%', META_CONTENT_SECURITY_POLICY),
      },
    ],
  },
});
