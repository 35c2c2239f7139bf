import { useEffect } from 'react';
import type { Screen } from '../shared/ipc/contract.ts';
import { rapport } from './api/rapport.ts';
import { ComingSoonScreen } from './features/coming-soon/ComingSoonScreen.tsx';
import { PeopleScreen } from './features/people/PeopleScreen.tsx';
import { SettingsScreen } from './features/settings/SettingsScreen.tsx';
import { SCREENS } from './navigation/screens.ts';
import { navigate, useScreen } from './navigation/useScreen.ts';

function ScreenView({ screen }: { screen: Screen }) {
  switch (screen) {
    case 'people':
      return <PeopleScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'today':
      return <ComingSoonScreen title="Today" purpose="Who to get in touch with today, and what to ask them about." />;
    case 'timeline':
      return <ComingSoonScreen title="Timeline" purpose="Every coffee, call and conversation, newest first." />;
    case 'practice':
      return <ComingSoonScreen title="Practice" purpose="Small, graded steps that make networking less daunting." />;
    case 'starters':
      return <ComingSoonScreen title="Starters" purpose="Words to open a conversation, follow up, or reconnect." />;
  }
}

export function App() {
  const screen = useScreen();

  useEffect(() => {
    const unsubscribe = rapport().on('app.navigate', ({ screen }) => navigate(screen));
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const target = SCREENS.find((s) => s.key === event.key);
      if (target) {
        event.preventDefault();
        navigate(target.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      unsubscribe();
      window.removeEventListener('keydown', onKey);
    };
  }, []);

  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to content
      </a>
      <nav className="sidebar" aria-label="Main">
        <p className="brand">Rapport</p>
        <ul>
          {SCREENS.map((s) => (
            <li key={s.id}>
              <a href={`#/${s.id}`} aria-current={s.id === screen ? 'page' : undefined} aria-keyshortcuts={`Control+${s.key}`}>
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        <ScreenView key={screen} screen={screen} />
      </main>
    </div>
  );
}
