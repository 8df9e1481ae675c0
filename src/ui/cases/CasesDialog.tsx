import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { casesQuery } from '../../data/caseQueries';
import { useIngestState } from '../../data/ingestState';
import { useCaseActions } from '../../data/useCaseActions';
import { usePrefs } from '../prefs/usePrefs';
import { CaseRow } from './CaseRow';
import { ImportBundleAsCase } from './ImportBundleAsCase';
import { NewCaseForm } from './NewCaseForm';
import { SafariStorageNotice } from './SafariStorageNotice';
import { StorageStatus } from './StorageStatus';
import { DialogHead } from '../common/DialogHead';
import '../common/modalDialog.css';
import './Cases.css';

/** Why cases cannot be opened or deleted right now, if so. */
const INGEST_RUNNING = 'An ingest is running: wait for it to finish or cancel it first';

/**
 * The Cases dialog: every case with its figures, Open / Rename / Delete, a new case, and the
 * browser's storage use and persistence. A native modal <dialog> (focus kept inside, Escape closes).
 * Opening or creating a case closes it; the rest keeps it open.
 */
export function CasesDialog(props: { readonly onClose: () => void }) {
  const { onClose } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const list = useQuery(casesQuery());
  const phase = useIngestState((s) => s.phase);
  const actions = useCaseActions();
  const { timeZone } = usePrefs();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog !== null && !dialog.open) dialog.showModal();
  }, []);
  const lockReason = phase === 'ingesting' ? INGEST_RUNNING : undefined;
  const cases = list.data?.cases ?? [];
  return (
    <dialog
      ref={ref}
      className="modal-dialog cases-dialog"
      aria-label="Cases"
      data-testid="cases-dialog"
      onClose={onClose}
    >
      <DialogHead heading="Cases" closeLabel="Close cases" onClose={onClose} />
      <p className="muted modal-intro">
        Each case is a separate set of evidence, stored in this browser only. Opening a case closes
        the current one; nothing is mixed between cases.
      </p>
      <StorageStatus />
      <SafariStorageNotice inline />
      {lockReason === undefined ? null : (
        <p className="cases-lock" role="status">
          {lockReason}.
        </p>
      )}
      {list.error === null ? null : (
        <p className="error modal-intro" role="alert">
          Could not list the cases: {list.error.message}
        </p>
      )}
      <div className="cases-scroll">
        <table className="cases-table">
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col" className="num">
                Events
              </th>
              <th scope="col" className="num">
                Size
              </th>
              <th scope="col">Time span</th>
              <th scope="col">Sources</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <CaseRow
                key={c.id}
                entry={c}
                active={c.id === list.data?.activeId}
                lockReason={lockReason}
                timeZone={timeZone}
                actions={{
                  open: async (id) => {
                    await actions.open(id);
                    onClose();
                  },
                  rename: actions.rename,
                  remove: actions.remove,
                }}
              />
            ))}
          </tbody>
        </table>
      </div>
      <NewCaseForm
        lockReason={lockReason}
        onCreate={async (name) => {
          await actions.createAndOpen(name);
          onClose();
        }}
      />
      <ImportBundleAsCase lockReason={lockReason} />
    </dialog>
  );
}
