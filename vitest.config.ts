import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

import HeavyFirstSequencer from './test/heavy-first-sequencer.ts';
import './test/compile-cache.ts';

const electronStub = fileURLToPath(new URL('./test/stubs/electron.ts', import.meta.url));
const ELECTRON_MAIN = 'main/electron/**/*.test.ts';

/**
 * A worker runs file after file with the modules it has already imported, instead of a new process
 * that imports the core (about a thousand modules) again for every file: that was a quarter of the
 * unit tests' time, and the node and renderer files took 340 and 55 CPU-seconds with a fresh worker
 * per file against 200 and 22 without. Each file still gets its own setup files, mocks restored, and
 * the environment variables it started with (test/per-file-env.ts); tests open their own cores and
 * folders, so nothing they hold is shared.
 */
const PER_FILE_ENV = 'test/per-file-env.ts';

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
          exclude: [...configDefaults.exclude, ELECTRON_MAIN],
          isolate: false,
          setupFiles: [PER_FILE_ENV],
          // The child processes the tests start run from a bundle made once per run.
          globalSetup: ['test/child-bundle.ts'],
        },
      },
      {
        // Each of these files mocks 'electron' its own way (vi.mock), and the modules under test bind
        // the mock they were first imported with: they keep a fresh module graph per file.
        extends: true,
        test: { name: 'electron-main', environment: 'node', include: [ELECTRON_MAIN] },
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
          isolate: false,
          setupFiles: [PER_FILE_ENV, 'renderer/test-setup.ts'],
        },
      },
    ],
  },
});
