import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { META_CONTENT_SECURITY_POLICY } from './main/core/content-security-policy.ts';

export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: { input: { index: 'main/electron/index.ts' } },
    },
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
