import { create } from 'zustand';

const useEpochStore = create<{ readonly epoch: number }>()(() => ({ epoch: 0 }));

/**
 * Marks that another case is open: the app remounts under a new key, so nothing held in view state
 * (the selection, compare marks, open panels) outlives the case it belonged to.
 */
export function bumpCaseEpoch(): void {
  useEpochStore.setState((s) => ({ epoch: s.epoch + 1 }));
}

/** A number that changes each time another case is opened. */
export function useCaseEpoch(): number {
  return useEpochStore((s) => s.epoch);
}
