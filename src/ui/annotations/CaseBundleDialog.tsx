import { useEffect, useRef } from 'react';
import { BundleExport } from './BundleExport';
import { BundleImportForm } from './BundleImportForm';
import { DialogHead } from '../common/DialogHead';
import '../common/modalDialog.css';
import './CaseBundle.css';

/**
 * The case bundle dialog: export this case (annotations, view, file list with SHA-256s, and on
 * request the original files) as one zip, or import one into this case. A native modal <dialog>:
 * the browser keeps focus inside and closes it on Escape.
 */
export function CaseBundleDialog(props: {
  readonly onClose: () => void;
  readonly caseName: string;
}) {
  const { onClose } = props;
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null || dialog.open) return;
    dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className="modal-dialog bundle-dialog"
      aria-label="Case bundle"
      onClose={onClose}
    >
      <DialogHead heading="Case bundle" closeLabel="Close case bundle" onClose={onClose} />
      <p className="muted modal-intro bundle-intro">
        One zip file with your bookmarks, tags and notes, the current view (query, time range,
        columns, selection) and the list of source files with their SHA-256, to hand a case over or
        keep it. Importing it restores all of that in this case.
      </p>
      <BundleExport caseName={props.caseName} />
      <BundleImportForm onDone={onClose} />
    </dialog>
  );
}
