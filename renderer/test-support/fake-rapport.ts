import { vi } from 'vitest';
import type { RapportApi } from '../../shared/ipc/client.ts';

/**
 * Installs a `window.rapport` whose methods are vi.fn()s, for component tests of screens that
 * talk to main. Each test sets only what it needs; any other call fails loudly.
 */
export function installFakeRapport(overrides: Record<string, Record<string, unknown>>): RapportApi {
  const api = new Proxy({} as Record<string, unknown>, {
    get(_target, area: string) {
      if (area === 'on') return () => () => {};
      return new Proxy(
        {},
        {
          get(_t, method: string) {
            const fn = overrides[area]?.[method];
            if (!fn) throw new Error(`Test called rapport.${area}.${method}, which it did not fake.`);
            return fn;
          },
        },
      );
    },
  }) as unknown as RapportApi;
  window.rapport = api;
  return api;
}

export const ok = <T>(value: T) => ({ ok: true as const, value });
export { vi };
