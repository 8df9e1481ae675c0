import { create } from 'zustand';

// Outside the app's tree because opening a case remounts the app (caseEpoch), and the dialog must
// stay open through that.
const useCasesDialogStore = create<{ readonly open: boolean }>()(() => ({ open: false }));

/** Opens or closes the Cases dialog. */
export function setCasesDialogOpen(open: boolean): void {
  useCasesDialogStore.setState({ open });
}

/** Whether the Cases dialog is open. */
export function useCasesDialogOpen(): boolean {
  return useCasesDialogStore((s) => s.open);
}
