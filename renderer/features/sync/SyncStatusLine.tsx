import { AlertTriangle, Cloud, CloudOff, PauseCircle, RefreshCw } from 'lucide-react';
import type { SyncState } from '../../../shared/ipc/channels/sync.ts';
import { rapport } from '../../api/rapport.ts';
import { useLive } from '../../api/useLive.ts';
import { Tooltip } from '../../ui/Tooltip.tsx';
import { syncNeedsAttention, syncStatusDetail, syncStatusText } from './sync-words.ts';
import './sync.css';

const ICONS = {
  'up-to-date': Cloud,
  syncing: RefreshCw,
  paused: PauseCircle,
  offline: CloudOff,
} as const;

/**
 * The sidebar's sync line: nothing while sync is off, otherwise the status in words, linking to
 * Settings, where every state can be acted on.
 */
export function SyncStatusLine() {
  const live = useLive<SyncState>((onResult) => rapport().sync.watchState({}, onResult), []);
  if (live.status !== 'ready' || live.data.status.state === 'off') return null;
  const { status } = live.data;
  const text = syncStatusText(status);
  const attention = syncNeedsAttention(status);
  const Icon = status.state in ICONS ? ICONS[status.state as keyof typeof ICONS] : AlertTriangle;
  return (
    <Tooltip label={syncStatusDetail(live.data) ?? text}>
      <a className={attention ? 'sync-line attention' : 'sync-line'} href="#/settings" aria-live="polite">
        <Icon size={16} aria-hidden />
        <span className="sync-line-text">{text}</span>
      </a>
    </Tooltip>
  );
}
