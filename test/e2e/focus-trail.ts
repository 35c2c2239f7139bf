import type { Page, TestInfo } from '@playwright/test';

/**
 * What a failed spec prints about focus: the page's last focus moves and the user's keys, with
 * the time since the document loaded. A focus assertion that fails on CI and nowhere else then
 * says who took focus and when, where a trace is not at hand.
 */
export async function recordFocusTrail(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const trail: string[] = [];
    (window as unknown as { focusTrail: string[] }).focusTrail = trail;
    const name = (node: EventTarget | null) => {
      if (!(node instanceof Element)) return String(node);
      const label = node.getAttribute('aria-label') ?? node.getAttribute('data-hit') ?? node.textContent ?? '';
      return `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''} "${label.trim().slice(0, 50)}"`;
    };
    const note = (line: string) => {
      trail.push(`${performance.now().toFixed(0)} ms ${line}`);
      if (trail.length > 60) trail.shift();
    };
    document.addEventListener('focusin', (event) => note(`focus ${name(event.target)}`), true);
    document.addEventListener(
      'focusout',
      (event) => !event.relatedTarget && note(`blur ${name(event.target)} (to the page)`),
      true,
    );
    window.addEventListener('keydown', (event) => note(`key ${event.key}`), true);
  });
}

/** Prints the trail of a test that failed (nothing when it passed, or the page has gone). */
export async function printFocusTrailOnFailure(page: Page, testInfo: TestInfo): Promise<void> {
  if (testInfo.status === testInfo.expectedStatus) return;
  const trail = await page
    .evaluate(() => (window as unknown as { focusTrail?: string[] }).focusTrail ?? [])
    .catch(() => []);
  if (trail.length) console.log(`Focus trail of "${testInfo.title}":\n  ${trail.join('\n  ')}`);
}
