import { Handshake } from 'lucide-react';
import { useState } from 'react';
import type { IntroSuggestionView } from '../../../shared/ipc/channels/network.ts';
import { rapport } from '../../api/rapport.ts';
import { useRequest } from '../../api/request.ts';
import { formDrafts, introDraftSlot, type KeptSlots } from '../../ui/drafts/draft-store.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { KeptDraftMessage } from './KeptDraftMessage.tsx';

/**
 * One suggested introduction: who is looking for what, who can help, the words they share, the
 * two opt-in questions, and Log introduction once both said yes, with Undo. `onChanged` reads the
 * list again after either (the Network screen's list is not live).
 */
export function IntroCard({ intro, onChanged }: { intro: IntroSuggestionView; onChanged?: () => void }) {
  const request = useRequest();
  const [drafts, setDrafts] = useState(false);
  const { seeker, helper } = intro;
  const pair = `${seeker.displayName} and ${helper.displayName}`;
  const mine = new Set((['seeker', 'helper'] as const).map((to) => introDraftSlot(seeker.id, helper.id, to)));

  const logIntro = () => {
    // The opt-in messages as they were typed: the introduction made, they are no drafts to offer
    // again, until Undo brings them back with the suggestion.
    let typed: KeptSlots = {};
    const undo = (interactionId: string) => async () => {
      const result = await rapport().network.undoIntro({ interactionId });
      if (result.ok) {
        formDrafts.putBack(typed);
        onChanged?.();
      }
      return result;
    };
    void request(() => rapport().network.logIntro({ seekerId: seeker.id, helperId: helper.id }), {
      action: `log the introduction of ${pair}`,
      success: ({ interaction }) => ({
        title: `Logged your introduction of ${pair}`,
        undo: { run: undo(interaction.id) },
      }),
    }).then((r) => {
      if (r.ok) {
        typed = formDrafts.forget((slot) => mine.has(slot));
        setDrafts(false);
        onChanged?.();
      }
    });
  };

  return (
    <li className="card intro-card">
      <p>
        <a href={`#/people/${seeker.id}`}>{seeker.displayName}</a> is looking for <q>{seeker.lookingFor}</q>
      </p>
      <p>
        <a href={`#/people/${helper.id}`}>{helper.displayName}</a> can help with <q>{helper.canHelpWith}</q>
      </p>
      <p className="muted small">In common: {intro.shared.join(', ')}</p>
      <div className="intro-actions">
        <button type="button" onClick={() => setDrafts(true)} data-row-control="draft">
          Draft opt-in messages<span className="visually-hidden"> for {pair}</span>
        </button>
        <button type="button" className="primary" onClick={logIntro} data-row-control="log">
          <Handshake size={14} aria-hidden /> Log introduction<span className="visually-hidden"> of {pair}</span>
        </button>
      </div>
      <Dialog open={drafts} title={`Introduce ${pair}?`} size="wide" onClose={() => setDrafts(false)}>
        <p className="muted">
          Ask each of them first, separately. Once both say yes, introduce them and log it here: it counts as an
          introduction you gave to both.
        </p>
        <div className="stack">
          <KeptDraftMessage
            slot={introDraftSlot(seeker.id, helper.id, 'seeker')}
            to={seeker.displayName}
            email={seeker.email}
            {...intro.drafts[0]}
          />
          <KeptDraftMessage
            slot={introDraftSlot(seeker.id, helper.id, 'helper')}
            to={helper.displayName}
            email={helper.email}
            {...intro.drafts[1]}
          />
        </div>
        <div className="dialog-footer">
          <button type="button" onClick={() => setDrafts(false)}>
            Close
          </button>
          <button type="button" className="primary" onClick={logIntro}>
            <Handshake size={14} aria-hidden /> Both said yes: log introduction
          </button>
        </div>
      </Dialog>
    </li>
  );
}
