import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { printFocusTrailOnFailure, recordFocusTrail } from './focus-trail.ts';

export interface ServedApp {
  /** The URL `npm run serve` printed, token included. */
  url: string;
  port: number;
  dataDir: string;
  /** Stops the server (SIGTERM to the PID we started) and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts a fresh server process on the same data dir, optionally with other arguments. */
  restart(args?: string[]): Promise<ServedApp>;
}

/** The built browser-mode server (global-setup.ts builds it when the sources are newer). */
export const SERVE_ENTRY = 'out/main/serve.js';

/** Runs the browser-mode server exactly as `npm run serve` does, on a throwaway data dir. */
export async function startServe(dataDir: string, extraArgs: string[] = []): Promise<ServedApp> {
  const child: ChildProcess = spawn(
    process.execPath,
    [SERVE_ENTRY, '--data-dir', dataDir, '--port', '0', ...extraArgs],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  // A test that times out may never reach its `stop()`; the server must not outlive the worker.
  const orphanGuard = () => child.kill('SIGTERM');
  process.once('exit', orphanGuard);
  child.once('exit', () => process.off('exit', orphanGuard));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not print a URL in 45 s:\n${output}`)), 45_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open:\s+(http:\/\/127\.0\.0\.1:\d+\/#token=[a-f0-9]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${output}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const app: ServedApp = {
    url,
    port: Number(new URL(url).port),
    dataDir,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      // A server that does not stop is a bug to report with its own words, not a 4-minute teardown.
      const hung = new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 30_000).unref());
      if ((await Promise.race([exited, hung])) === 'hung') {
        child.kill('SIGKILL');
        await exited;
        throw new Error(`serve did not exit within 30 s of SIGTERM:\n${output.slice(-2000)}`);
      }
    },
    async restart(args = extraArgs) {
      await app.stop();
      return startServe(dataDir, args);
    },
  };
  return app;
}

export const test = base.extend<{ served: ServedApp }>({
  page: async ({ page }, use, testInfo) => {
    await recordFocusTrail(page);
    await use(page);
    await printFocusTrailOnFailure(page, testInfo);
  },
  served: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rapport-e2e-'));
    const app = await startServe(dataDir);
    await use(app);
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  },
});
export { expect } from '@playwright/test';
