import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import './test/compile-cache.ts';

/**
 * Debian's Chromium; Playwright's own browser downloads are not used anywhere. Its headless shell
 * (apt package chromium-headless-shell, what Playwright itself runs headless tests in) where it is
 * installed: the full browser's headless mode also runs its window UI and took a quarter more CPU.
 */
const headlessShell = '/usr/bin/chromium-headless-shell';
const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync(headlessShell) ? headlessShell : '/usr/bin/chromium');

export default defineConfig({
  // Scenario specs restart the browser-mode server; on a loaded 2-core machine that alone takes seconds.
  timeout: 120_000,
  expect: { timeout: 5_000 },
  // Tests, not files, are shared out to the workers: every test starts its own server or shares a
  // read-only one per worker (accessibility.spec.ts), so none depends on another's order.
  fullyParallel: true,
  workers: 2,
  globalSetup: './test/e2e/global-setup.ts',
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    // A failed test keeps its trace (actions, DOM snapshots, network, console). Not the screencast:
    // recording a screenshot on every action took a quarter of the end-to-end tests' CPU time.
    trace: { mode: 'retain-on-failure', screenshots: false },
  },
  projects: [
    {
      name: 'browser-mode',
      testDir: 'test/e2e',
      use: {
        browserName: 'chromium',
        // The app's dates read in the user's locale; the specs expect British English.
        locale: 'en-GB',
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
    { name: 'electron', testDir: 'test/electron' },
  ],
});
