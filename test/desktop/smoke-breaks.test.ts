import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runDesktopSmoke, type SmokeReport } from '../../scripts/smoke-desktop/run.ts';

const copies: string[] = [];
afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the built app: package.json and out/, no node_modules. */
function copyOfBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-broken-'));
  copies.push(dir);
  cpSync('package.json', join(dir, 'package.json'));
  cpSync('out', join(dir, 'out'), { recursive: true });
  return dir;
}

/** A copy of the built app with the main chunk that holds `find` edited. */
function brokenCopy(find: string, edit: (appChunk: string) => string): string {
  const dir = copyOfBuild();
  // Which chunk holds the shell's or the core's code depends on how the build splits what its
  // entries share (the desktop app and browser mode), so the chunk is found by what it holds.
  const chunks = readdirSync(join(dir, 'out', 'main')).filter((name) => /^app-.*\.js$/.test(name));
  if (!chunks.length) throw new Error('No out/main/app-*.js: run npm run build');
  const holding = chunks.filter((name) => readFileSync(join(dir, 'out', 'main', name), 'utf8').includes(find));
  expect(holding, `chunks holding ${find}`).toHaveLength(1);
  const path = join(dir, 'out', 'main', holding[0]!);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  expect(after, 'the edit changed nothing').not.toBe(before);
  writeFileSync(path, after);
  return dir;
}

/** Replaces exactly one occurrence, so a changed bundle fails here instead of testing nothing. */
function replaceOnce(text: string, find: string, replacement: string): string {
  expect(text.split(find).length - 1, `occurrences of ${find}`).toBe(1);
  return text.replace(find, replacement);
}

/** The failed checks by name; with fail-fast there is exactly one. */
const failed = (report: SmokeReport) =>
  Object.fromEntries(report.checks.filter((check) => !check.ok).map((check) => [check.name, check.detail]));

describe('the desktop smoke run fails on a broken bundle', () => {
  it('when main imports a production dependency the package does not hold', async () => {
    // What externalising a dependency (or shipping without node_modules it needs) produces.
    const app = brokenCopy('"../preload/index.cjs"', (chunk) => `import "ical.js";\n${chunk}`);
    const report = await runDesktopSmoke({ appDir: app, failFast: true });
    expect(report.ok).toBe(false);
    expect(failed(report)).toEqual({
      'starts and opens the core on a fresh data folder': expect.stringMatching(
        /Cannot find package 'ical\.js' imported from/,
      ),
    });
  });

  it('when the preload path is wrong', async () => {
    const preload = '"../preload/index.cjs"';
    const app = brokenCopy(preload, (chunk) => replaceOnce(chunk, preload, '"../preload/index.js"'));
    const report = await runDesktopSmoke({ appDir: app, failFast: true });
    expect(report.ok).toBe(false);
    // The page comes up without window.rapport, so its first request fails.
    expect(failed(report)).toEqual({
      'starts and opens the core on a fresh data folder': expect.stringMatching(
        /no window\.rapport \(preload error: ENOENT.*out\/preload\/index\.js/,
      ),
    });
  });

  it('when the app scheme serves JavaScript with the wrong content type', async () => {
    const js = '".js": "text/javascript; charset=utf-8"';
    const app = brokenCopy(js, (chunk) => replaceOnce(chunk, js, '".js": "text/plain; charset=utf-8"'));
    const report = await runDesktopSmoke({ appDir: app, failFast: true });
    expect(failed(report)).toEqual({
      'the page loads from app://rapport with its scripts, stylesheets and module preloads': expect.stringMatching(
        /Failed to load module script: .*MIME type of "text\/plain"/,
      ),
    });
  });

  it('when the app scheme serves files outside the renderer folder', async () => {
    const inside = 'return file.startsWith(base) && file.length > base.length ? file : null;';
    const app = brokenCopy(inside, (chunk) => replaceOnce(chunk, inside, 'return file;'));
    const report = await runDesktopSmoke({ appDir: app, failFast: true });
    expect(failed(report)).toEqual({
      'app:// serves only the renderer folder, and no other origin can read it': expect.stringMatching(
        /^app:\/\/rapport\/\.\.%2fmain%2findex\.js answered 200$/,
      ),
    });
  });

  it('when a chunk a screen loads lazily is missing', async () => {
    const app = copyOfBuild();
    const assets = join(app, 'out', 'renderer', 'assets');
    const screen = readdirSync(assets).find((name) => /^PeopleScreen-.*\.js$/.test(name));
    expect(screen, 'no PeopleScreen chunk in the build').toBeDefined();
    rmSync(join(assets, screen!));
    const report = await runDesktopSmoke({ appDir: app, failFast: true });
    expect(failed(report)).toEqual({
      'every chunk the renderer loads later comes from app://rapport': expect.stringContaining(
        `status of 404 (Not Found): app://rapport/assets/${screen}`,
      ),
    });
  });

  it('when Quit does not wait for the core to close', async () => {
    const close = 'core.close().finally(';
    const app = brokenCopy(close, (chunk) => replaceOnce(chunk, close, 'Promise.resolve().finally('));
    const report = await runDesktopSmoke({ appDir: app, failFast: true });
    expect(report.ok).toBe(false);
    expect(failed(report)).toEqual({
      'Quit during an import waits for the core to close and unlocks the data folder': expect.stringMatching(
        /rapport\.lock still names pid \d+: the core was not closed/,
      ),
    });
  });
});
