import { useQuery } from '@tanstack/react-query';
import { formatBytes } from '../../lib/formatBytes';
import { casesQuery, storageStatusQuery } from '../../data/caseQueries';
import { useIngestState } from '../../data/ingestState';
import { setCasesDialogOpen, useCasesDialogOpen } from './casesDialogState';
import { quotaPercent } from './StorageStatus';
import './Cases.css';
import { LogText } from '../common/LogText';

/** The switcher button's id: focus returns to it when the Cases dialog closes. */
export const CASE_SWITCHER_ID = 'case-switcher';

/**
 * The top bar's case switcher: the open case's name (user text, as text) and the storage used; it
 * opens the Cases dialog. Storage near the quota shows as a warning.
 */
export function CaseSwitcher() {
  // The list refreshes the open case's figures (a pass over the index): not before it is loaded.
  const loading = useIngestState((s) => s.phase === 'loading');
  const list = useQuery({ ...casesQuery(), enabled: !loading }).data;
  const storage = useQuery(storageStatusQuery()).data;
  const open = useCasesDialogOpen();
  const active = list?.cases.find((c) => c.id === list.activeId);
  const share = storage === undefined || storage.quota <= 0 ? 0 : storage.usage / storage.quota;
  const use =
    storage === undefined
      ? ''
      : `${formatBytes(storage.usage)} of ${formatBytes(storage.quota)} used (${quotaPercent(storage.usage, storage.quota)})${storage.persisted ? ', persistent' : ''}`;
  return (
    <button
      id={CASE_SWITCHER_ID}
      type="button"
      className={share >= 0.9 ? 'btn case-switcher btn-warn' : 'btn case-switcher'}
      aria-haspopup="dialog"
      aria-expanded={open}
      title={`Cases: open, create, rename or delete. Browser storage: ${use}`}
      data-testid="case-switcher"
      data-case-id={active?.id ?? ''}
      onClick={() => setCasesDialogOpen(true)}
    >
      <span className="case-switcher-label">Case</span>
      <span className="case-switcher-name">
        {active === undefined ? '…' : <LogText text={active.name} max={100} />}
      </span>
      <span aria-hidden="true">▾</span>
    </button>
  );
}
