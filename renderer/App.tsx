import { lazy, Suspense, useEffect, useState } from 'react';
import { AppInfoProvider } from './api/AppInfoProvider.tsx';
import { PeopleProvider } from './api/PeopleProvider.tsx';
import { rapport } from './api/rapport.ts';
import { CaptureProvider } from './features/events/QuickCapture.tsx';
import { QuickLogProvider, useQuickLog } from './features/log/QuickLog.tsx';
import { SearchPalette } from './features/search/SearchPalette.tsx';
import { isShown, navigate, openPerson, useRoute, type Route } from './navigation/useScreen.ts';
import { DatabaseGate } from './features/recovery/DatabaseGate.tsx';
import { SCREENS } from './navigation/screens.ts';
import { Sidebar } from './navigation/Sidebar.tsx';
import { focusOrHeading } from './ui/focus-fallback.ts';
import { PopupLayer } from './ui/PopupLayer.tsx';
import { ToastProvider } from './ui/Toast.tsx';
import { TooltipProvider } from './ui/Tooltip.tsx';

// One chunk per screen: the window starts with the shell and the screen it opens on.
const TodayScreen = lazy(async () => ({ default: (await import('./features/today/TodayScreen.tsx')).TodayScreen }));
const TimelineScreen = lazy(async () => ({
  default: (await import('./features/timeline/TimelineScreen.tsx')).TimelineScreen,
}));
const PeopleScreen = lazy(async () => ({ default: (await import('./features/people/PeopleScreen.tsx')).PeopleScreen }));
const PersonScreen = lazy(async () => ({ default: (await import('./features/person/PersonScreen.tsx')).PersonScreen }));
const PracticeScreen = lazy(async () => ({
  default: (await import('./features/practice/PracticeScreen.tsx')).PracticeScreen,
}));
const StartersScreen = lazy(async () => ({
  default: (await import('./features/starters/StartersScreen.tsx')).StartersScreen,
}));
const EventsScreen = lazy(async () => ({ default: (await import('./features/events/EventsScreen.tsx')).EventsScreen }));
const EventPage = lazy(async () => ({ default: (await import('./features/events/EventPage.tsx')).EventPage }));
const NetworkScreen = lazy(async () => ({
  default: (await import('./features/network/NetworkScreen.tsx')).NetworkScreen,
}));
const SettingsScreen = lazy(async () => ({
  default: (await import('./features/settings/SettingsScreen.tsx')).SettingsScreen,
}));

function ScreenView({ route }: { route: Route }) {
  switch (route.screen) {
    case 'people':
      return route.param ? <PersonScreen id={route.param} /> : <PeopleScreen />;
    case 'events':
      return route.param ? <EventPage id={route.param} /> : <EventsScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'today':
      return <TodayScreen />;
    case 'timeline':
      return <TimelineScreen />;
    case 'practice':
      return <PracticeScreen />;
    case 'starters':
      return <StartersScreen />;
    case 'network':
      return <NetworkScreen />;
  }
}

/** Window-wide shortcuts: Ctrl/Cmd+1…7 for screens, +K search, +L log an interaction. */
function Shell() {
  const route = useRoute();
  const { openLog } = useQuickLog();
  const [searching, setSearching] = useState(false);
  const personOnPage = route.screen === 'people' ? route.param : undefined;

  useEffect(() => {
    // The tray and notifications ask for a person, Today, or the log dialog.
    const offOpen = rapport().on('reminders.open', ({ personId, log }) =>
      log ? openLog(personId ? [personId] : []) : personId ? openPerson(personId) : navigate('today'),
    );
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const key = event.key.toLowerCase();
      const target = SCREENS.find((s) => s.key === key);
      if (target) {
        // Already there: the shortcut still lands on the screen's heading, as a fresh visit would.
        if (isShown(target.id)) focusOrHeading();
        else navigate(target.id);
      } else if (key === 'k') setSearching(true);
      // On a person's page the log is with them, as the page's own Log interaction button does.
      else if (key === 'l') openLog(personOnPage ? [personOnPage] : []);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      offOpen();
      window.removeEventListener('keydown', onKey);
    };
  }, [openLog, personOnPage]);

  return (
    <div className="app">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <Sidebar
        current={route.screen}
        onLog={() => openLog(personOnPage ? [personOnPage] : [])}
        onSearch={() => setSearching(true)}
      />
      <main id="main" tabIndex={-1}>
        <PopupLayer>
          <Suspense fallback={<p className="screen muted">Loading…</p>}>
            <ScreenView key={`${route.screen}/${route.param ?? ''}`} route={route} />
          </Suspense>
        </PopupLayer>
      </main>
      <SearchPalette open={searching} onClose={() => setSearching(false)} />
    </div>
  );
}

export function App() {
  return (
    <ToastProvider>
      <TooltipProvider delayDuration={400}>
        <AppInfoProvider>
          <DatabaseGate>
            <PeopleProvider>
              <QuickLogProvider>
                <CaptureProvider>
                  <Shell />
                </CaptureProvider>
              </QuickLogProvider>
            </PeopleProvider>
          </DatabaseGate>
        </AppInfoProvider>
      </TooltipProvider>
    </ToastProvider>
  );
}
