import { useState } from 'react';
import type { SafetyCopyInfo } from '../../../shared/ipc/channels/lifecycle.ts';
import { rapport } from '../../api/rapport.ts';
import { useRequest } from '../../api/request.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { peopleCount } from '../../ui/counted.ts';
import { formatInstant } from '../../ui/dates.ts';

const people = (n: number | undefined) => (n === undefined ? '' : ` · ${peopleCount(n)}`);

/**
 * The data folder's safety copies (taken before a restore, a large import or a large delete), and
 * putting one back: the way back from a restore that was a mistake. What is there when one is put
 * back becomes a safety copy in turn, so this too can be undone.
 */
export function SafetyCopies({ busy }: { busy: boolean }) {
  const request = useRequest();
  const [copies, setCopies] = useState<SafetyCopyInfo[] | null>(null);
  const [chosen, setChosen] = useState<SafetyCopyInfo | null>(null);
  const [putting, setPutting] = useState(false);

  const list = () =>
    void request(() => rapport().recovery.safetyCopies({}), { action: 'list the safety copies' }).then(
      (r) => r.ok && setCopies(r.value),
    );
  const putBack = (copy: SafetyCopyInfo) => {
    setPutting(true);
    void request(() => rapport().recovery.restoreSafetyCopy({ name: copy.name }), {
      action: 'put the safety copy back',
      success: (r) => ({
        title: 'Put the safety copy back',
        description: `${peopleCount(r.people)}; what was here is now a safety copy too.`,
      }),
    }).then((r) => {
      setPutting(false);
      setChosen(null);
      if (r.ok) list();
    });
  };

  return (
    <>
      <h3>Safety copies</h3>
      <p className="field-hint">
        Taken before a restore, a large import or a large delete. Putting one back replaces what is here, which is kept
        as a safety copy in turn.
      </p>
      <div className="actions">
        <button type="button" onClick={list}>
          Show safety copies
        </button>
      </div>
      {copies ? (
        copies.length === 0 ? (
          <p className="empty">No safety copies yet.</p>
        ) : (
          <ul className="backup-list" aria-label="Safety copies">
            {copies.map((c) => (
              <li key={c.name}>
                <span>
                  {formatInstant(c.createdAt)}{' '}
                  <span className="muted">
                    · {c.reason}
                    {people(c.people)}
                  </span>
                </span>
                <button type="button" className="small" disabled={busy} onClick={() => setChosen(c)}>
                  Put back…
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
      <Dialog open={chosen !== null} title="Put back a safety copy" onClose={() => setChosen(null)}>
        {chosen ? (
          <div className="stack">
            <p>
              Replace everything here with the safety copy of {formatInstant(chosen.createdAt)} ({chosen.reason}
              {people(chosen.people)})? What is here now is kept as a safety copy.
            </p>
            <div className="dialog-footer">
              <button type="button" data-autofocus onClick={() => setChosen(null)}>
                Keep what is here
              </button>
              <button type="button" className="primary" disabled={putting} onClick={() => putBack(chosen)}>
                {putting ? 'Putting it back…' : 'Put it back'}
              </button>
            </div>
          </div>
        ) : null}
      </Dialog>
    </>
  );
}
