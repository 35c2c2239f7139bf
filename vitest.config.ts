import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

import HeavyFirstSequencer from './test/heavy-first-sequencer.ts';
import './test/compile-cache.ts';

const electronStub = fileURLToPath(new URL('./test/stubs/electron.ts', import.meta.url));

export default defineConfig({
  resolve: { alias: { electron: electronStub } },
  test: {
    // Vitest's default is one worker fewer than the cores: one worker on our 2-core machines. Most
    // files spend their time starting a process, importing the core, or waiting on a child process
    // or a socket, so two workers keep both cores busy.
    maxWorkers: 2,
    // Vitest's 5 s default is met on a quiet machine, but these 2-core machines are shared: at load
    // 13-20 a render-heavy component test or a core opened on a tmpfs took 5.2-13 s. A hung test
    // still fails, 10 s later.
    testTimeout: 15_000,
    sequence: { sequencer: HeavyFirstSequencer },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['main/**/*.test.ts', 'shared/**/*.test.ts', 'test/unit/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
      },
      {
        // Needs the build (npm run build): the smoke run and the packaged app (npm run test:desktop).
        extends: true,
        test: {
          name: 'desktop',
          environment: 'node',
          include: ['test/desktop/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // Each file starts several app processes or electron-builder; on 2 cores they queue.
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['renderer/test-setup.ts'],
        },
      },
    ],
  },
});
