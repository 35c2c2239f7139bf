import { useEffect, useState } from 'react';
import type { Profile } from '../../../shared/domain/cards/card-draft.ts';
import { rapport } from '../../api/rapport.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { QrCode } from './QrCode.tsx';

/**
 * Your card, full-screen, for someone to scan with their phone's camera: the QR code holds your
 * vCard, made by the core's vCard layer. Escape (or Close) hands the window back.
 */
export function MyCardDialog({ open, profile, onClose }: { open: boolean; profile: Profile; onClose: () => void }) {
  const [card, setCard] = useState<{ vcard: string } | { error: string } | null>(null);
  useEffect(() => {
    if (!open) return;
    let current = true;
    void rapport()
      .cards.myCard({})
      .then((r) => current && setCard(r.ok ? r.value : { error: r.error.message }));
    return () => {
      current = false;
    };
  }, [open, profile]);
  return (
    <Dialog open={open} title="My card" size="full" onClose={onClose}>
      <div className="my-card">
        {card && 'vcard' in card ? (
          <QrCode className="my-card-qr" text={card.vcard} label={`QR code with the contact card of ${profile.name}`} />
        ) : card ? (
          <p className="field-error" role="alert">
            {card.error}
          </p>
        ) : null}
        <div className="my-card-who">
          <p className="my-card-name">{profile.name}</p>
          <p className="muted">{[profile.title, profile.organisation].filter(Boolean).join(', ')}</p>
        </div>
        <p className="field-hint">Scan with a phone camera to add me as a contact. Press Esc to close.</p>
        <button type="button" data-autofocus onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
