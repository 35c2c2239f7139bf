import { CaptureProvider } from '../features/events/QuickCapture.tsx';
import { render } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { AppInfoProvider } from '../api/AppInfoProvider.tsx';
import { PeopleProvider } from '../api/PeopleProvider.tsx';
import { QuickLogProvider } from '../features/log/QuickLog.tsx';
import { setDateLocale } from '../ui/dates.ts';
import { ToastProvider } from '../ui/Toast.tsx';
import { TooltipProvider } from '../ui/Tooltip.tsx';
import { DEFAULT_KEEP_IN_TOUCH } from '../../shared/domain/settings.ts';
import { installFakeRapport, type FakeHandlers } from './fake-rapport.ts';
import { picksFrom } from './people-picks.ts';
import { peopleWindowOf } from './people-window.ts';

export const TODAY = '2026-03-18';

/** What every screen asks for at start, answered plainly unless a test says otherwise. */
const BASE: FakeHandlers = {
  requests: {
    'app.info': () => ({
      version: 'test',
      mode: 'browser',
      dataDir: '/data',
      persistent: true,
      today: TODAY,
      database: { state: 'ok' },
    }),
    ...picksFrom([]),
  },
  subscriptions: {
    'people.watchWindow': peopleWindowOf([]),
    'settings.watchKeepInTouch': (_input, push) => push(DEFAULT_KEEP_IN_TOUCH),
    'search.watchIndex': (_input, push) => push({ building: false, done: 0, total: 0 }),
  },
};

function AppProviders({ children }: { children: ReactNode }) {
  return (
    <ToastProvider>
      <TooltipProvider>
        <AppInfoProvider>
          <PeopleProvider>
            <QuickLogProvider>
              <CaptureProvider>{children}</CaptureProvider>
            </QuickLogProvider>
          </PeopleProvider>
        </AppInfoProvider>
      </TooltipProvider>
    </ToastProvider>
  );
}

/**
 * Renders `ui` inside the providers the app wraps every screen in (toasts, tooltips, app info,
 * the People counts, the log dialog), over a contract-typed fake of main.
 */
export function renderInApp(ui: ReactElement, handlers: FakeHandlers = {}) {
  setDateLocale('en-GB');
  const fake = installFakeRapport({
    requests: { ...BASE.requests, ...handlers.requests },
    subscriptions: { ...BASE.subscriptions, ...handlers.subscriptions },
    ...(handlers.failing ? { failing: handlers.failing } : {}),
  });
  // As a wrapper, so that `rerender(ui)` keeps the providers (and the state below them).
  const view = render(ui, { wrapper: AppProviders });
  return { ...view, fake };
}
