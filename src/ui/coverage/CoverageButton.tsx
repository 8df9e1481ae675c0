import { DialogButton } from '../common/DialogButton';
import { lazyView } from '../common/lazyView';

const CoverageDialog = lazyView(() => import('./CoverageDialog').then((m) => m.CoverageDialog));

/** The top bar's "Coverage" button and the map it opens; focus returns to it on close. */
export function CoverageButton() {
  return (
    <DialogButton
      label="Coverage"
      title="Accounts × Regions × hours: which log files, events and digests you hold, where the record has holes, and trail tampering"
      dialog={(onClose) => <CoverageDialog onClose={onClose} />}
    />
  );
}
