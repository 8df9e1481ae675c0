import { useCaseEpoch } from '../data/caseEpoch';
import { CasesDialogHost } from '../ui/cases/CasesDialogHost';
import { App } from './App';

/**
 * The app, keyed by the open case: opening another case remounts it, so no view state of the old
 * case survives. The Cases dialog sits outside, so it stays open through that.
 */
export function CaseRoot() {
  const epoch = useCaseEpoch();
  return (
    <>
      <App key={epoch} />
      <CasesDialogHost />
    </>
  );
}
