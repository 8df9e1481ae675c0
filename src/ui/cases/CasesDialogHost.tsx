import { useCallback } from 'react';
import { lazyView } from '../common/lazyView';
import { CASE_SWITCHER_ID } from './CaseSwitcher';
import { setCasesDialogOpen, useCasesDialogOpen } from './casesDialogState';

const CasesDialog = lazyView(() => import('./CasesDialog').then((m) => m.CasesDialog));

/**
 * Renders the Cases dialog while it is open, outside the app's case-keyed tree so that it survives
 * the remount a case change causes; on close, focus goes back to the switcher.
 */
export function CasesDialogHost() {
  const open = useCasesDialogOpen();
  const close = useCallback(() => {
    setCasesDialogOpen(false);
    // Once the modal dialog is gone: while it is open the page behind it is inert.
    requestAnimationFrame(() => document.getElementById(CASE_SWITCHER_ID)?.focus());
  }, []);
  return open ? <CasesDialog onClose={close} /> : null;
}
