import { useEffect, useState } from 'react';
import type { Screen } from '../../shared/ipc/contract.ts';
import { SCREENS } from './screens.ts';

/** The screen lives in the URL fragment (`#/people`), so back/forward and reloads keep the place. */
export function screenFromHash(hash: string): Screen {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return SCREENS.find((s) => s.id === id)?.id ?? 'today';
}

export function navigate(screen: Screen): void {
  window.location.hash = `#/${screen}`;
}

export function useScreen(): Screen {
  const [screen, setScreen] = useState(() => screenFromHash(window.location.hash));
  useEffect(() => {
    const update = () => setScreen(screenFromHash(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return screen;
}
