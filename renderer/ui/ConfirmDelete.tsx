import type { ReactNode } from 'react';
import { Dialog } from './Dialog.tsx';

/**
 * Asks before a delete: Cancel has focus, so Enter straight after opening changes nothing; Delete
 * is the red button. Deletes can be undone for a few seconds, which `children` says.
 */
export function ConfirmDelete({
  open,
  title,
  onCancel,
  onDelete,
  children,
}: {
  open: boolean;
  title: string;
  onCancel: () => void;
  onDelete: () => void;
  children: ReactNode;
}) {
  return (
    <Dialog open={open} title={title} onClose={onCancel}>
      {children}
      <div className="dialog-footer">
        <button type="button" data-autofocus onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="danger solid" onClick={onDelete}>
          Delete
        </button>
      </div>
    </Dialog>
  );
}
