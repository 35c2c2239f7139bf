import type { RapportApi } from '../../shared/ipc/client.ts';

declare global {
  interface Window {
    /** Set by the Electron preload, or by the browser-mode bridge before the app renders. */
    rapport?: RapportApi;
  }
}

/** The typed API to main. Throws if neither the preload nor the browser bridge installed it. */
export function rapport(): RapportApi {
  const api = window.rapport;
  if (!api) throw new Error('window.rapport is missing: the preload or the browser bridge did not run.');
  return api;
}
