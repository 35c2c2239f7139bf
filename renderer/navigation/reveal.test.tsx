import { cleanup, render, waitFor } from '@testing-library/react';
import { expect, it } from 'vitest';
import { ScreenHeading } from '../ui/ScreenHeading.tsx';
import { hitMark, revealOnOpening, useRevealer, type HitTarget } from './reveal.ts';

const target: HitTarget = { kind: 'interaction', id: 'call-1' };

/** A page whose list holds other entries: it counts the times a watch asks it for the target. */
function OtherPage({ asked }: { asked: HitTarget[] }) {
  useRevealer((t) => {
    asked.push(t);
    return false;
  });
  return (
    <main>
      <ScreenHeading>Ana Ruiz</ScreenHeading>
    </main>
  );
}

const frames = (n: number) =>
  new Promise<void>((resolve) => {
    const step = (left: number) => (left ? requestAnimationFrame(() => step(left - 1)) : resolve());
    step(n);
  });

it('keeps the target focused while its page is shown, and stops once that page has gone', async () => {
  render(
    <main>
      <ScreenHeading>Sam Okafor</ScreenHeading>
      <article tabIndex={-1} data-hit={hitMark(target)}>
        Call
      </article>
    </main>,
  );
  revealOnOpening(target);
  const shown = document.querySelector<HTMLElement>(`[data-hit="${hitMark(target)}"]`)!;
  await waitFor(() => expect(document.activeElement).toBe(shown));
  // Focus taken late by the page itself (its heading), well after the target settled, goes back to it.
  await frames(40);
  document.querySelector<HTMLElement>('#screen-title')!.focus();
  await waitFor(() => expect(document.activeElement).toBe(shown));

  // Another page opens: the watch does not go on asking its lists for an entry it cannot hold.
  cleanup();
  const asked: HitTarget[] = [];
  render(<OtherPage asked={asked} />);
  await frames(30);
  expect(asked).toEqual([]);
});
