import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { assert, CheckList, StopAfterFailure, type CheckResult } from './checks.ts';
import { createSmokeEnv, formatTiming, Launcher, startupTiming, type StartupTiming } from './harness.ts';
import {
  checkCloseToTray,
  checkFinalQuit,
  checkQuitDuringImport,
  checkRestart,
  checkSecondInstance,
} from './lifecycle.ts';
import { checkCaptureShortcut } from './capture-shortcut.ts';
import { checkReminders } from './reminders.ts';
import { checkAppScheme } from './renderer.ts';
import { checkRuntimeCheck } from './runtime.ts';
import { checkSecurity } from './security.ts';
import { checkStart } from './start.ts';

export interface SmokeOptions {
  /** The app folder: holds package.json and out/ (a checkout after `npm run build`, or an extracted app.asar). */
  appDir: string;
  /** Run as a packaged app (`app.isPackaged`), as from an extracted app.asar. */
  packaged?: boolean;
  /** The packaged binary's fuses (electron-builder.yml's `electronFuses`). */
  fuses?: Record<string, boolean>;
  /** Stop at the first failed check instead of running them all. */
  failFast?: boolean;
  log?: (line: string) => void;
}

export interface SmokeReport {
  ok: boolean;
  checks: CheckResult[];
  timings: { label: string; timing: StartupTiming }[];
}

/**
 * Runs the built main bundle under the fake Electron and checks what the desktop app must do:
 * start on a fresh data folder, one secure window, IPC, the page and every chunk from the app
 * scheme, the security hooks, the tray and
 * reminders, a second instance, close to tray, Quit during an import, a restart, and the
 * start-up check for `node:sqlite`. Three launches of the app (and a second instance) in all.
 */
export async function runDesktopSmoke(options: SmokeOptions): Promise<SmokeReport> {
  const log = options.log ?? (() => {});
  const appDir = resolve(options.appDir);
  const smoke = createSmokeEnv(appDir, options.packaged ?? false, options.fuses);
  const launcher = new Launcher(smoke);
  const checks = new CheckList(log, options.failFast);
  const timings: SmokeReport['timings'] = [];
  const noteTiming = (label: string, timing: StartupTiming | undefined) => {
    if (!timing) return;
    timings.push({ label, timing });
    log(formatTiming(label, timing));
  };
  try {
    const ready = await checks.check('the app folder has a built main bundle', () => {
      assert(
        existsSync(join(appDir, 'out', 'main', 'index.js')),
        `no out/main/index.js in ${appDir}; run npm run build`,
      );
      return appDir;
    });
    if (!ready) return { ok: false, checks: checks.results, timings };

    const first = launcher.launch();
    await checkStart(first, smoke, checks);
    noteTiming('first start (empty data folder)', startupTiming(first));
    await checkAppScheme(first, smoke, checks);
    await checkSecurity(first, smoke, checks);
    await checkReminders(first, checks);
    await checkCaptureShortcut(first, checks);
    await checkSecondInstance(first, launcher, checks);
    await checkCloseToTray(first, checks);
    const before = await checkQuitDuringImport(first, smoke, checks);
    if (checks.failures.length) log(`  output of the first launch:\n${indent(first.output)}`);

    const second = launcher.launch();
    await checkRestart(second, before, checks);
    noteTiming('restart (same data folder)', startupTiming(second));
    await checkFinalQuit(second, smoke, checks);

    await checkRuntimeCheck(launcher, smoke, checks);
  } catch (error) {
    if (!(error instanceof StopAfterFailure)) throw error;
  } finally {
    await launcher.stopAll();
  }
  return { ok: checks.failures.length === 0, checks: checks.results, timings };
}

const indent = (text: string) =>
  text
    .trim()
    .split('\n')
    .slice(-40)
    .map((line) => `    ${line}`)
    .join('\n');
