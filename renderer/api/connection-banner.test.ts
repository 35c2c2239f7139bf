import { afterEach, describe, expect, it } from 'vitest';
import { showConnection } from './connection-banner.ts';

const banners = () => [...document.querySelectorAll('[role="alert"]')].map((b) => b.textContent);

describe('the connection banner', () => {
  afterEach(() => document.getElementById('connection-banner')?.remove());

  it('is one alert while reconnecting, kept through each retry, and gone once connected', () => {
    showConnection('connecting');
    expect(banners()).toEqual([]);
    showConnection('lost');
    const banner = document.getElementById('connection-banner');
    // Retries: connecting, lost, connecting, lost… The same element, so it is not announced again.
    for (const status of ['connecting', 'lost', 'connecting', 'lost'] as const) showConnection(status);
    expect(document.getElementById('connection-banner')).toBe(banner);
    expect(banners()).toEqual(['Lost the connection to Rapport. Reconnecting…']);
    showConnection('refused');
    expect(banners()).toEqual([expect.stringMatching(/^This tab was opened from an earlier start of Rapport/)]);
    showConnection('connecting');
    expect(banners()).toHaveLength(1);
    showConnection('open');
    expect(banners()).toEqual([]);
  });
});
