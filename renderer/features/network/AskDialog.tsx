import { useEffect, useState } from 'react';
import type { RequestOutput } from '../../../shared/ipc/contract.ts';
import { rapport } from '../../api/rapport.ts';
import { useRequest } from '../../api/request.ts';
import { formatDate } from '../../ui/dates.ts';
import { personDraftSlot } from '../../ui/drafts/draft-store.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { KeptDraftMessage } from './KeptDraftMessage.tsx';

type Check = RequestOutput<'network.askCheck'>;

/**
 * Before asking someone for something. In job-hunt mode, when it has been too long since the user
 * spoke to or gave to them, the guard says so and offers a reconnect message first; "Ask anyway"
 * shows the ask. Marking either sent logs it (a reconnect asks for nothing; an ask is a favour).
 */
export function AskDialog({
  contactId,
  name,
  open,
  onClose,
}: {
  contactId: string;
  name: string;
  open: boolean;
  onClose: () => void;
}) {
  // The dialog renders its content only while open, so each opening checks afresh.
  return (
    <Dialog open={open} title={`Ask ${name} for something`} size="wide" onClose={onClose}>
      <AskContent contactId={contactId} name={name} onClose={onClose} />
    </Dialog>
  );
}

function AskContent({ contactId, name, onClose }: { contactId: string; name: string; onClose: () => void }) {
  const request = useRequest();
  const [check, setCheck] = useState<Check | null>(null);
  const [askAnyway, setAskAnyway] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  useEffect(() => {
    void request(() => rapport().network.askCheck({ contactId }), { action: `check before asking ${name}` }).then(
      (r) => r.ok && setCheck(r.value),
    );
  }, [contactId, name, request]);

  const markSent = (purpose: 'reconnect' | 'ask', subject: string) =>
    request(() => rapport().network.markSent({ contactId, subject, purpose }), {
      action: `log the message to ${name}`,
      success: () => ({ title: `Logged an e-mail to ${name}` }),
    }).then((r) => {
      if (r.ok) setSent(purpose);
      return r.ok;
    });

  const guard = check?.guard;
  return (
    <>
      {check === null ? <p className="muted">Checking…</p> : null}
      {guard?.show && !askAnyway ? (
        <div className="stack">
          <div className="guard" role="note" aria-label="Reconnect first">
            <h3>Reconnect first?</h3>
            <p>
              {guard.reason === 'never'
                ? `You have nothing logged with ${name} yet.`
                : `You last spoke with ${name} on ${formatDate(guard.lastContactOn!)}, ${guard.monthsSince} months ago, and haven’t given them anything since.`}{' '}
              An ask out of the blue is easy to ignore. A note that asks for nothing now makes the ask welcome later.
            </p>
          </div>
          <KeptDraftMessage
            slot={personDraftSlot('reconnect', contactId)}
            to={name}
            email={check?.email}
            {...check!.reconnect}
            sent={sent === 'reconnect'}
            onSent={() => markSent('reconnect', check!.reconnect.subject)}
          />
          <div className="dialog-footer">
            <button type="button" onClick={() => setAskAnyway(true)}>
              Ask anyway
            </button>
            <button type="button" className="primary" data-autofocus onClick={onClose}>
              Done
            </button>
          </div>
        </div>
      ) : null}
      {check && (!guard?.show || askAnyway) ? (
        <div className="stack">
          <p className="muted">Finish the part in brackets in your own words, then copy or open it in e-mail.</p>
          <KeptDraftMessage
            slot={personDraftSlot('ask', contactId)}
            to={name}
            email={check.email}
            {...check.ask}
            sent={sent === 'ask'}
            onSent={() => markSent('ask', check.ask.subject)}
          />
          <div className="dialog-footer">
            <button type="button" className="primary" data-autofocus onClick={onClose}>
              Done
            </button>
          </div>
        </div>
      ) : null}
    </>
  );
}
