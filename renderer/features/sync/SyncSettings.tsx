import { useState } from 'react';
import type { SyncState } from '../../../shared/ipc/channels/sync.ts';
import { rapport } from '../../api/rapport.ts';
import { useRequest } from '../../api/request.ts';
import { useLive } from '../../api/useLive.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { LiveError } from '../../ui/LiveError.tsx';
import { ReconnectForm } from './ReconnectForm.tsx';
import { SyncSetupForm } from './SyncSetupForm.tsx';
import { syncNeedsAttention, syncStatusDetail, syncStatusText } from './sync-words.ts';
import './sync.css';

/**
 * Settings → Sync: set up or join a sync on a CouchDB server the user runs; once set up, where
 * it syncs, how it is doing, and Pause, Resume, Reconnect and Disconnect.
 */
export function SyncSettings() {
  const live = useLive<SyncState>((onResult) => rapport().sync.watchState({}, onResult), []);
  if (live.status !== 'ready') return <LiveError state={live} what="the sync status" />;
  const state = live.data;
  return (
    <section className="card sync-settings" aria-labelledby="sync-title">
      <h2 id="sync-title">Sync between your devices</h2>
      {state.server ? (
        <SyncRunning state={state} />
      ) : (
        <>
          <p className="card-intro">
            Keep Rapport the same on your laptop and your desktop through a CouchDB server you run. Everything is
            encrypted here first; the server stores only ciphertext. Without sync, everything works offline as it does
            now.
          </p>
          <SyncSetupForm />
        </>
      )}
    </section>
  );
}

function SyncRunning({ state }: { state: SyncState }) {
  const request = useRequest();
  const [confirming, setConfirming] = useState(false);
  const server = state.server!;
  const { status } = state;
  const detail = syncStatusDetail(state);
  const attention = syncNeedsAttention(status);

  const act = (action: 'pause' | 'resume' | 'disconnect', words: string, done: string) =>
    request(() => rapport().sync[action]({}), { action: words, success: () => ({ title: done }) });

  return (
    <>
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          <span className={attention ? 'field-error' : undefined} role={attention ? 'alert' : 'status'}>
            {syncStatusText(status)}
            {detail ? <span className="sync-detail">{detail}</span> : null}
          </span>
        </dd>
        <dt>Server</dt>
        <dd>
          <code>{server.url}</code>
        </dd>
        <dt>Database</dt>
        <dd>
          <code>{server.database}</code> as {server.username}
        </dd>
        <dt>Secrets</dt>
        <dd>
          {state.secretsPersist
            ? 'Kept in this computer’s keychain.'
            : 'Kept only while Rapport runs; you enter them again after a restart.'}
        </dd>
      </dl>
      {status.state === 'needs-credentials' ? <ReconnectForm state={state} /> : null}
      <div className="actions">
        {status.state === 'paused' ? (
          <button type="button" className="primary" onClick={() => void act('resume', 'resume sync', 'Sync resumed')}>
            Resume sync
          </button>
        ) : (
          <button type="button" onClick={() => void act('pause', 'pause sync', 'Sync paused')}>
            Pause sync
          </button>
        )}
        {status.state === 'error' ? (
          <button type="button" onClick={() => void act('resume', 'restart sync', 'Sync restarted')}>
            Try again
          </button>
        ) : null}
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          Disconnect…
        </button>
      </div>
      <Dialog open={confirming} title="Disconnect this device?" onClose={() => setConfirming(false)}>
        <p>
          This device stops syncing and forgets the server, the password and the key. Everything stays on this computer,
          and the synced copy stays on the server for your other devices.
        </p>
        <div className="actions">
          <button type="button" onClick={() => setConfirming(false)}>
            Keep syncing
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => {
              setConfirming(false);
              void act('disconnect', 'disconnect sync', 'This device no longer syncs');
            }}
          >
            Disconnect
          </button>
        </div>
      </Dialog>
    </>
  );
}
