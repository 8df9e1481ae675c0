import { useEffect, useRef } from 'react';
import { AccountNameList } from './AccountNameList';
import { AccountNamesInput } from './AccountNamesInput';
import { DialogHead } from '../common/DialogHead';
import '../common/modalDialog.css';
import './AccountsDialog.css';

/**
 * The "Account names" dialog: paste or open a list of names, see and remove the stored ones.
 * A native modal <dialog>: the browser keeps focus inside it and closes it on Escape.
 */
export function AccountsDialog(props: { readonly onClose: () => void }) {
  const { onClose } = props;
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null || dialog.open) return;
    dialog.showModal();
    // showModal focuses the first button (Close); the paste box is what the user came for.
    dialog.querySelector('textarea')?.focus();
  }, []);
  return (
    <dialog
      ref={ref}
      className="modal-dialog accounts-dialog"
      aria-label="Account names"
      onClose={onClose}
    >
      <DialogHead heading="Account names" closeLabel="Close account names" onClose={onClose} />
      <p className="muted modal-intro">
        Names appear beside account IDs in the table, the facets and the event details. They are
        kept in this browser only, apart from the logs: Clear data leaves them.
      </p>
      <AccountNamesInput />
      <AccountNameList />
    </dialog>
  );
}
