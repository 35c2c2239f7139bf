/**
 * Runs the built desktop app (out/main/index.js) under the fake Electron in plain Node and checks
 * it end to end; see docs/desktop.md for what it covers and what only a real Electron shows.
 *   npm run smoke:desktop                  # the checkout, after npm run build
 *   npm run smoke:desktop -- --app DIR     # another app folder, e.g. an extracted app.asar
 *   npm run smoke:desktop -- --app DIR --packaged   # as the packaged binary: isPackaged, its fuses
 *   npm run smoke:desktop -- --fail-fast            # stop at the first failed check
 */
import { parseArgs } from 'node:util';
import { loadBuilderConfig } from './smoke-desktop/builder-config.ts';
import { runDesktopSmoke } from './smoke-desktop/run.ts';

const { values } = parseArgs({
  options: {
    app: { type: 'string', default: '.' },
    packaged: { type: 'boolean', default: false },
    'fail-fast': { type: 'boolean', default: false },
  },
});
const started = performance.now();
const report = await runDesktopSmoke({
  appDir: values.app,
  packaged: values.packaged,
  failFast: values['fail-fast'],
  fuses: values.packaged ? (await loadBuilderConfig(process.cwd())).electronFuses : {},
  log: (line) => console.log(line),
});
const failed = report.checks.filter((check) => !check.ok).length;
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  failed
    ? `\nDesktop smoke FAILED: ${failed} of ${report.checks.length} checks (${seconds} s).`
    : `\nDesktop smoke passed: ${report.checks.length} checks (${seconds} s).`,
);
process.exitCode = report.ok ? 0 : 1;
