import { firstNonZero } from '../lib/firstNonZero';
import type { AttackRef, CallMeanings } from './callMeanings';

/** How many events of one call the case holds. */
export type CallCount = {
  readonly eventSource: string;
  readonly eventName: string;
  readonly count: number;
};

/** A call present in the case that TrailDiscover ties to at least one ATT&CK tactic. */
export type SensitiveCall = CallCount & {
  readonly tactics: readonly AttackRef[];
  readonly techniques: readonly AttackRef[];
  /** How many real incidents TrailDiscover cites for the call. */
  readonly incidents: number;
};

/**
 * The calls present (count > 0) that TrailDiscover describes for that very eventSource and
 * eventName with at least one ATT&CK tactic: the "sensitive calls present" of the Detections view.
 * The same call listed twice in `eventNameCounts` is counted once, its counts added. Order: most
 * tactics first, then most incidents, then most events, then by eventName and eventSource.
 */
export function sensitiveCalls(
  meanings: CallMeanings,
  eventNameCounts: readonly CallCount[],
): readonly SensitiveCall[] {
  const byCall = new Map<string, SensitiveCall>();
  for (const { eventSource, eventName, count } of eventNameCounts) {
    if (!(count > 0)) continue;
    const meaning = meanings.exact(eventSource, eventName);
    if (meaning === undefined || meaning.tactics.length === 0) continue;
    const key = `${eventSource}\u0000${eventName}`;
    const seen = byCall.get(key);
    byCall.set(key, {
      eventSource,
      eventName,
      count: count + (seen?.count ?? 0),
      tactics: meaning.tactics,
      techniques: meaning.techniques,
      incidents: meaning.incidents.length,
    });
  }
  return [...byCall.values()].sort((a, b) =>
    firstNonZero(
      b.tactics.length - a.tactics.length,
      b.incidents - a.incidents,
      b.count - a.count,
      order(a.eventName, b.eventName),
      order(a.eventSource, b.eventSource),
    ),
  );
}

const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
