import { afterEach, beforeEach, vi } from 'vitest';

/**
 * happy-dom lays nothing out, so every box would measure 0×0 and a virtual list would show no
 * rows: each test of this file sees boxes of `width`×`height`, and the fake main is removed after.
 */
export function withBoxesMeasuring(width = 800, height = 600): void {
  beforeEach(() => {
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(height);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(width);
  });
  afterEach(() => {
    delete window.rapport;
    vi.restoreAllMocks();
  });
}
