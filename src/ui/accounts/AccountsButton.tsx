import { DialogButton } from '../common/DialogButton';
import { lazyView } from '../common/lazyView';

const AccountsDialog = lazyView(() => import('./AccountsDialog').then((m) => m.AccountsDialog));

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
