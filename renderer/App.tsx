import { useEffect, useState } from 'react';
import { PeopleProvider } from './api/PeopleProvider.tsx';
import { rapport } from './api/rapport.ts';
import { QuickLogProvider, useQuickLog } from './features/log/QuickLog.tsx';
import { PeopleScreen } from './features/people/PeopleScreen.tsx';
import { PersonScreen } from './features/person/PersonScreen.tsx';
import { PracticeScreen } from './features/practice/PracticeScreen.tsx';
import { SearchPalette } from './features/search/SearchPalette.tsx';
import { SettingsScreen } from './features/settings/SettingsScreen.tsx';
import { StartersScreen } from './features/starters/StartersScreen.tsx';
import { TimelineScreen } from './features/timeline/TimelineScreen.tsx';
import { TodayScreen } from './features/today/TodayScreen.tsx';
import { SCREENS } from './navigation/screens.ts';
import { navigate, openPerson, useRoute, type Route } from './navigation/useScreen.ts';
import { DatabaseGate } from './features/recovery/DatabaseGate.tsx';
import { UndoProvider } from './ui/UndoToast.tsx';

function ScreenView({ route }: { route: Route }) {
  switch (route.screen) {
    case 'people':
      return route.param ? <PersonScreen id={route.param} /> : <PeopleScreen />;
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
  }
}

/** Window-wide shortcuts: Ctrl/Cmd+1…6 for screens, +K search, +L log an interaction. */
function Shell() {
  const route = useRoute();
  const openLog = useQuickLog();
  const [searching, setSearching] = useState(false);

  useEffect(() => {
    // The tray and notifications ask for a person, Today, or the log dialog.
    const offOpen = rapport().on('reminders.open', ({ personId, log }) =>
      log ? openLog(personId ? [personId] : []) : personId ? openPerson(personId) : navigate('today'),
    );
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const key = event.key.toLowerCase();
      const target = SCREENS.find((s) => s.key === key);
      if (target) navigate(target.id);
      else if (key === 'k') setSearching(true);
      else if (key === 'l') openLog();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      offOpen();
      window.removeEventListener('keydown', onKey);
    };
  }, [openLog]);

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
      <nav className="sidebar" aria-label="Main">
        <p className="brand">Rapport</p>
        <ul>
          {SCREENS.map((s) => (
            <li key={s.id}>
              <a
                href={`#/${s.id}`}
                aria-current={s.id === route.screen ? 'page' : undefined}
                aria-keyshortcuts={`Control+${s.key}`}
              >
                {s.label}
              </a>
            </li>
          ))}
        </ul>
        <div className="sidebar-actions">
          <button type="button" onClick={() => openLog()} aria-keyshortcuts="Control+L">
            Log interaction <kbd>Ctrl L</kbd>
          </button>
          <button type="button" onClick={() => setSearching(true)} aria-keyshortcuts="Control+K">
            Search <kbd>Ctrl K</kbd>
          </button>
        </div>
      </nav>
      <main id="main" tabIndex={-1}>
        <ScreenView key={`${route.screen}/${route.param ?? ''}`} route={route} />
      </main>
      <SearchPalette open={searching} onClose={() => setSearching(false)} />
    </div>
  );
}

export function App() {
  return (
    <DatabaseGate>
      <UndoProvider>
        <PeopleProvider>
          <QuickLogProvider>
            <Shell />
          </QuickLogProvider>
        </PeopleProvider>
      </UndoProvider>
    </DatabaseGate>
  );
}
