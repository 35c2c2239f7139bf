import { PenLine, Search } from 'lucide-react';
import type { Screen } from '../../shared/ipc/contract.ts';
import { SyncStatusLine } from '../features/sync/SyncStatusLine.tsx';
import { MOD } from '../ui/keys.ts';
import { PopupLayer } from '../ui/PopupLayer.tsx';
import { Tooltip } from '../ui/Tooltip.tsx';
import { SCREENS } from './screens.ts';

/** The screens, and the two actions reachable from everywhere (log, search), with their shortcuts. */
export function Sidebar({ current, onLog, onSearch }: { current: Screen; onLog: () => void; onSearch: () => void }) {
  return (
    <nav className="sidebar" aria-label="Main">
      <PopupLayer>
        <p className="brand">
          <span className="brand-mark" aria-hidden="true">
            R
          </span>
          <span className="brand-text">Rapport</span>
        </p>
        <ul className="nav-list">
          {SCREENS.map((s) => (
            <li key={s.id}>
              <Tooltip label={s.label} shortcut={`${MOD} ${s.key}`}>
                <a
                  className="nav-link"
                  href={`#/${s.id}`}
                  aria-current={s.id === current ? 'page' : undefined}
                  aria-keyshortcuts={`Control+${s.key}`}
                >
                  <s.icon size={18} aria-hidden />
                  <span className="nav-label">{s.label}</span>
                </a>
              </Tooltip>
            </li>
          ))}
        </ul>
        <div className="sidebar-actions">
          <Tooltip label="Log an interaction" shortcut={`${MOD} L`}>
            <button type="button" className="primary" onClick={onLog} aria-keyshortcuts="Control+L">
              <PenLine size={16} aria-hidden />
              <span className="action-label">Log interaction</span>
            </button>
          </Tooltip>
          <Tooltip label="Search everything" shortcut={`${MOD} K`}>
            <button type="button" onClick={onSearch} aria-keyshortcuts="Control+K">
              <Search size={16} aria-hidden />
              <span className="action-label">Search</span>
            </button>
          </Tooltip>
        </div>
        <SyncStatusLine />
      </PopupLayer>
    </nav>
  );
}
