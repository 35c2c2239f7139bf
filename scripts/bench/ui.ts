/**
 * How the built renderer feels with many people, measured in Chromium (Playwright) against
 * browser mode on a seeded profile:
 *   npm run bench:ui [-- --contacts 10000 --interactions 50000]
 * It prints first contentful paint, the time until Today and People can be used, the JavaScript
 * transferred before Today is usable (as served, and gzip/brotli compressed), and long tasks
 * (> 50 ms) while scrolling People and the Timeline. The same figures for an empty profile in the
 * same run are the baseline for the ratios. Needs `npm run build` first (the npm script does it).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';

const { values } = parseArgs({
  options: {
    contacts: { type: 'string', default: '10000' },
    interactions: { type: 'string', default: '50000' },
  },
});
const TODAY = '2026-03-10';
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface Figures {
  fcp: number;
  todayUsable: number;
  peopleUsable: number;
  jsFiles: number;
  jsRaw: number;
  jsGzip: number;
  jsBrotli: number;
  longTasksPeople: number[];
  longTasksTimeline: number[];
}

function serve(dataDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['out/main/serve.js', '--data-dir', dataDir, '--port', '0', '--today', TODAY], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`serve printed no URL:\n${output}`)), 120_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Open:\s+(\S+)/.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      resolve({
        url,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}

/** Long tasks seen while `scroll` runs; the observer is installed before the page loads. */
async function longTasksDuring(page: Page, scroll: () => Promise<void>): Promise<number[]> {
  await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks = []));
  await scroll();
  await page.waitForTimeout(300);
  return page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.map(Math.round));
}

/** Scrolls an element down in 40 wheel-sized steps, one per frame, like a trackpad. */
const scrollDown = (page: Page, selector: string) => () =>
  page.evaluate(async (sel) => {
    const box = document.querySelector(sel === 'main' ? '#main' : sel)!;
    for (let i = 0; i < 40; i++) {
      box.scrollTop += 400;
      await new Promise((r) => requestAnimationFrame(() => r(null)));
    }
  }, selector);

async function measure(dataDir: string): Promise<Figures> {
  const served = await serve(dataDir);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    await page.addInitScript(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    const scripts: Buffer[] = [];
    page.on('response', async (response) => {
      if (response.request().resourceType() === 'script')
        scripts.push(await response.body().catch(() => Buffer.alloc(0)));
    });
    await page.goto(served.url);
    // Today is usable when its lanes (or, for an empty profile, the welcome card) are on screen.
    await page.locator('.lanes, .welcome').first().waitFor();
    const todayUsable = await page.evaluate(() => performance.now());
    const fcp = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    );
    const js = [...scripts];

    const peopleStart = await page.evaluate(() => performance.now());
    await page.keyboard.press('Control+3');
    await page.locator('.person-row, .empty-state').first().waitFor();
    const peopleUsable = (await page.evaluate(() => performance.now())) - peopleStart;
    const hasRows = (await page.locator('.person-row').count()) > 0;
    const longTasksPeople = hasRows ? await longTasksDuring(page, scrollDown(page, '.people-scroller')) : [];

    await page.keyboard.press('Control+2');
    await page.locator('.timeline-entry, .empty').first().waitFor();
    const longTasksTimeline = hasRows ? await longTasksDuring(page, scrollDown(page, '.timeline-scroller')) : [];

    return {
      fcp,
      todayUsable,
      peopleUsable,
      jsFiles: js.length,
      jsRaw: js.reduce((n, b) => n + b.length, 0),
      jsGzip: js.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0),
      jsBrotli: js.reduce((n, b) => n + brotliCompressSync(b).length, 0),
      longTasksPeople,
      longTasksTimeline,
    };
  } finally {
    await browser.close();
    await served.stop();
  }
}

function seeded(contacts: number, interactions: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-ui-'));
  if (contacts > 0)
    execFileSync(process.execPath, [
      'scripts/seed-demo.ts',
      ...['--contacts', String(contacts), '--interactions', String(interactions), '--data-dir', dir, '--today', TODAY],
    ]);
  return dir;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${Math.round(n)} ms`;
const worst = (xs: number[]) => (xs.length ? `${xs.length} (longest ${Math.max(...xs)} ms)` : '0');

const emptyDir = seeded(0, 0);
const bigDir = seeded(Number(values.contacts), Number(values.interactions));
try {
  const base = await measure(emptyDir);
  const big = await measure(bigDir);
  const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '–');
  console.log(`UI with ${values.contacts} people and ${values.interactions} interactions (baseline: an empty profile)`);
  console.log(
    `  first contentful paint        ${ms(big.fcp)}  (baseline ${ms(base.fcp)}, ${ratio(big.fcp, base.fcp)})`,
  );
  console.log(
    `  Today usable                  ${ms(big.todayUsable)}  (baseline ${ms(base.todayUsable)}, ${ratio(big.todayUsable, base.todayUsable)})  target < 1000 ms`,
  );
  console.log(
    `  People usable after Ctrl+3    ${ms(big.peopleUsable)}  (baseline ${ms(base.peopleUsable)}, ${ratio(big.peopleUsable, base.peopleUsable)})`,
  );
  console.log(
    `  JS before Today is usable     ${big.jsFiles} files, ${kb(big.jsRaw)} as served, ${kb(big.jsGzip)} gzip, ${kb(big.jsBrotli)} brotli  target < 250 KB compressed`,
  );
  console.log(`  long tasks scrolling People   ${worst(big.longTasksPeople)}  target: none over 50 ms`);
  console.log(`  long tasks scrolling Timeline ${worst(big.longTasksTimeline)}  target: none over 50 ms`);
} finally {
  rmSync(emptyDir, { recursive: true, force: true });
  rmSync(bigDir, { recursive: true, force: true });
}
