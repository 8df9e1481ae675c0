import { PRESET_MS } from './useViewState';
import type { ViewState } from './useViewState';

/** A resolved time range in ms since epoch, `to` exclusive; an absent end is open. */
export interface ResolvedRange {
  readonly from?: number;
  readonly to?: number;
}

/**
 * Turns the view's range into absolute times. A preset anchored at 'latest' ends just after the
 * newest event (`maxTime`, ms); anchored at 'now' it ends at `now` rounded up to the minute, so the
 * range (and the queries keyed on it) do not change on every render.
 */
export function resolveRange(
  view: Pick<ViewState, 'range' | 'anchor' | 'from' | 'to'>,
  maxTime: number | undefined,
  now: number,
): ResolvedRange {
  if (view.range === 'all') return {};
  if (view.range === 'custom') {
    return {
      ...(view.from === null ? {} : { from: view.from.getTime() }),
      ...(view.to === null ? {} : { to: view.to.getTime() }),
    };
  }
  const end =
    view.anchor === 'now' || maxTime === undefined ? Math.ceil(now / 60_000) * 60_000 : maxTime + 1;
  return { from: end - PRESET_MS[view.range], to: end };
}
