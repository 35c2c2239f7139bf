import { useEffect, useState } from 'react';
import type { Tier } from '../../../shared/domain/contact.ts';
import { useRecentlyAdded } from '../../api/PeopleProvider.tsx';
import { rapport } from '../../api/rapport.ts';
import { useRequest } from '../../api/request.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { CardReader, type CardRead } from '../cards/CardReader.tsx';
import { openPerson } from '../../navigation/useScreen.ts';
import { AddPersonForm } from './AddPersonForm.tsx';

const SOURCES: Record<CardRead['source'], string> = {
  'qr-vcard': 'its QR code',
  'qr-url': 'its QR code',
  'qr-text': 'its QR code',
  ocr: 'the printed text',
};

/**
 * Add person (N on the People screen): a small dialog; the toast offers Undo. A business card
 * read from an image fills the form in for review; nothing is saved until Add person.
 */
export function AddPersonDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { markAdded } = useRecentlyAdded();
  const toast = useToast();
  const request = useRequest();
  // 'unread' until the settings answer (milliseconds): the form is there at once, for typing
  // straight after N, and keeps no draft until the rhythm it opens with is known.
  const [defaultTier, setDefaultTier] = useState<Tier | undefined | 'unread'>('unread');
  const [card, setCard] = useState<{ read: CardRead; count: number } | null>(null);
  const close = () => {
    setCard(null);
    onClose();
  };
  useEffect(() => {
    if (!open) return;
    void request(() => rapport().settings.getKeepInTouch({}), { action: 'load the default rhythm' }).then((r) =>
      setDefaultTier(r.ok ? r.value.defaultTier : undefined),
    );
  }, [open, request]);
  return (
    <Dialog open={open} title="Add person" onClose={close}>
      {card ? (
        <div className="card-review">
          <p className="card-read-note" role="status">
            Filled in from {card.read.fileName} ({SOURCES[card.read.source]}). Check each field, then Add person.
          </p>
          <details className="card-read-text">
            <summary>What was read</summary>
            <pre>{card.read.text}</pre>
          </details>
        </div>
      ) : null}
      <AddPersonForm
        key={card?.count ?? 0}
        initial={card?.read.draft}
        sameName={async (name) => {
          const found = await request(() => rapport().people.pick({ q: name, limit: 50 }), {
            action: 'check for people with the same name',
          });
          return found.ok ? found.value.matches : [];
        }}
        defaultTier={defaultTier}
        create={(fields) => rapport().contacts.create(fields)}
        onAdded={(contact) => {
          close();
          markAdded(contact.id);
          toast({
            title: `Added ${contact.displayName}`,
            undo: { run: () => rapport().contacts.delete({ ids: [contact.id] }) },
            next: { label: 'Open', run: () => openPerson(contact.id) },
          });
        }}
        aside={<CardReader onDraft={(read) => setCard((c) => ({ read, count: (c?.count ?? 0) + 1 }))} />}
      />
    </Dialog>
  );
}
