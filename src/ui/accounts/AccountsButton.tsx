import { DialogButton } from '../common/DialogButton';
import { AccountsDialog } from './AccountsDialog';

/** The top bar's "Accounts" button and the dialog it opens; focus returns to it on close. */
export function AccountsButton() {
  return (
    <DialogButton
      label="Accounts"
      title="Name your AWS account IDs"
      dialog={(onClose) => <AccountsDialog onClose={onClose} />}
    />
  );
}
