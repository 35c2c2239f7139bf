import { useEffect, useState } from 'react';
import type { Tier } from '../../../shared/domain/contact.ts';
import { usePeopleList, useRecentlyAdded } from '../../api/PeopleProvider.tsx';
import { rapport } from '../../api/rapport.ts';
import { useRequest } from '../../api/request.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { AddPersonForm } from './AddPersonForm.tsx';

/** Add person (N on the People screen): a small dialog; the toast offers Undo. */
export function AddPersonDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const people = usePeopleList(open);
  const { markAdded } = useRecentlyAdded();
  const toast = useToast();
  const request = useRequest();
  const [defaultTier, setDefaultTier] = useState<Tier | undefined>(undefined);
  useEffect(() => {
    if (!open) return;
    void request(() => rapport().settings.getKeepInTouch({}), { action: 'load the default rhythm' }).then(
      (r) => r.ok && setDefaultTier(r.value.defaultTier),
    );
  }, [open, request]);
  return (
    <Dialog open={open} title="Add person" onClose={onClose}>
      <AddPersonForm
        existing={people}
        defaultTier={defaultTier}
        create={(fields) => rapport().contacts.create(fields)}
        onAdded={(contact) => {
          onClose();
          markAdded(contact.id);
          toast({
            title: `Added ${contact.displayName}`,
            undo: { run: () => rapport().contacts.delete({ ids: [contact.id] }) },
          });
        }}
      />
    </Dialog>
  );
}
