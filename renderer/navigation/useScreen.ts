import { useEffect, useState } from 'react';
import type { Screen } from '../../shared/ipc/contract.ts';
import { SCREENS } from './screens.ts';

export interface Route {
  screen: Screen;
  /** The second path segment: a person's id on `#/people/<id>`. */
  param?: string;
}

/** The route lives in the URL fragment (`#/people/abc`), so back/forward and reloads keep the place. */
export function routeFromHash(hash: string): Route {
  const [id, param] = hash.replace(/^#\/?/, '').split('?')[0]!.split('/');
  const screen = SCREENS.find((s) => s.id === id)?.id ?? 'today';
  return param ? { screen, param: decodeURIComponent(param) } : { screen };
}

export function navigate(screen: Screen, param?: string): void {
  window.location.hash = param ? `#/${screen}/${encodeURIComponent(param)}` : `#/${screen}`;
}

/**
 * The page on screen is this one. Navigating to it changes nothing (the hash is the same, so no
 * screen opens and nothing takes focus): callers reveal or focus what they meant to show instead.
 */
export function isShown(screen: Screen, param?: string): boolean {
  const route = routeFromHash(window.location.hash);
  return route.screen === screen && route.param === param;
}

export const openPerson = (id: string) => navigate('people', id);

export function useRoute(): Route {
  const [route, setRoute] = useState(() => routeFromHash(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(routeFromHash(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
