import { useSyncExternalStore } from 'react';

let open = false;
const listeners = new Set<() => void>();

/**
 * Opens or closes the Cases dialog. Its state lives outside the app's tree because opening a case
 * remounts the app (caseEpoch), and the dialog must stay open through that.
 */
export function setCasesDialogOpen(next: boolean): void {
  if (open === next) return;
  open = next;
  for (const l of listeners) l();
}

/** Whether the Cases dialog is open. */
export function useCasesDialogOpen(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => open,
  );
}
