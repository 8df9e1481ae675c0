import { STRING_FIELDS } from '../cloudtrail/types';
import { alignStart, chooseStep } from '../lib/binEdges';
import type { EventIndex } from '../index/EventIndex';
import type { Histogram } from './types';

const ERROR_FIELD = STRING_FIELDS.indexOf('errorCode');

/**
 * Counts `rows` (time-ordered) into about `maxBins` bins of a round width spanning [from, to) in ms
 * since epoch, split into events with and without an `errorCode`; with `marked` (one byte per index
 * row, see hitRowMark), also the events of each bin whose byte is set (`hits`). Undefined when the
 * span is empty.
 */
export function histogramOf(
  index: EventIndex,
  rows: Uint32Array,
  from: number,
  to: number,
  maxBins = 120,
  marked?: Uint8Array,
): Histogram | undefined {
  if (!(to > from)) return undefined;
  const step = chooseStep(to - from, maxBins);
  const start = alignStart(from, step);
  const bins = Math.max(1, Math.ceil((to - start) / step));
  const ok = new Uint32Array(bins);
  const errors = new Uint32Array(bins);
  const hits = marked === undefined ? undefined : new Uint32Array(bins);
  const time = index.time.data;
  const errorCodes = index.cols[ERROR_FIELD]?.data ?? new Uint32Array(0);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] ?? 0;
    const b = Math.floor(((time[row] ?? 0) - start) / step);
    if (b < 0 || b >= bins) continue;
    if ((errorCodes[row] ?? 0) === 0) ok[b] = (ok[b] ?? 0) + 1;
    else errors[b] = (errors[b] ?? 0) + 1;
    if (hits !== undefined && marked?.[row] === 1) hits[b] = (hits[b] ?? 0) + 1;
  }
  return hits === undefined ? { start, step, ok, errors } : { start, step, ok, errors, hits };
}
