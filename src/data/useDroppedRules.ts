import { useCallback } from 'react';
import { create } from 'zustand';
import type { InputFile } from '../engine/ingest/types';
import { useDetectionActions } from './detectionQueries';
import { readRuleFiles } from './splitRuleFiles';
import type { DroppedRuleReading } from './splitRuleFiles';

/**
 * What became of the rule files of one drop: each file's rule ids or problems (with lines), and
 * the reason when the case took none of them (it holds too many rule files).
 */
export interface DroppedRules {
  readonly readings: readonly DroppedRuleReading[];
  readonly error: string | undefined;
}

const useDroppedRulesStore = create<{ readonly dropped: DroppedRules | undefined }>()(() => ({
  dropped: undefined,
}));
const setDropped = (dropped: DroppedRules | undefined) =>
  useDroppedRulesStore.setState({ dropped });

/**
 * The outcome of the last drop's rule files, until dismissed, and `add`, which reads dropped rule
 * files (over 256 KB: refused unread) and adds them to the case's rule set. `add` never throws: a
 * failure is in the outcome. It resolves once the rules ran over the case.
 */
export function useDroppedRules(): {
  readonly dropped: DroppedRules | undefined;
  readonly dismiss: () => void;
  readonly add: (inputs: readonly InputFile[]) => Promise<void>;
} {
  const dropped = useDroppedRulesStore((s) => s.dropped);
  const { addRuleFiles } = useDetectionActions();
  const add = useCallback(
    async (inputs: readonly InputFile[]) => {
      setDropped(undefined);
      const { read, refused } = await readRuleFiles(inputs);
      let readings: DroppedRuleReading[] = [];
      let error: string | undefined;
      try {
        if (read.length > 0) readings = await addRuleFiles(read);
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
      // In the order dropped, whichever side answered for each file.
      const byName = new Map([...readings, ...refused].map((r) => [r.name, r]));
      const ordered = inputs.flatMap((i) => byName.get(i.path) ?? []);
      setDropped({ readings: ordered, error });
    },
    [addRuleFiles],
  );
  const dismiss = useCallback(() => setDropped(undefined), []);
  return { dropped, dismiss, add };
}
