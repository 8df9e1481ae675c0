/** Event counts per equal-width time bin: what the timeline draws. */
export interface TimelineBins {
  /** Start of the first bin, ms since epoch (UTC). */
  readonly start: number;
  /** Bin width in ms. */
  readonly step: number;
  /** Events per bin that succeeded (no errorCode). */
  readonly ok: Uint32Array;
  /** Events per bin with an errorCode. Same length as ok. */
  readonly errors: Uint32Array;
  /** Events per bin with an active detection hit (a subset of ok + errors); absent when none. */
  readonly hits?: Uint32Array;
}

/** Totals over all bins, for the accessible label. */
export interface BinsSummary {
  readonly events: number;
  readonly errors: number;
  /** Events with an active detection hit. */
  readonly hits: number;
  /** Start of the first bin, ms since epoch. */
  readonly from: number;
  /** End (exclusive) of the last bin, ms since epoch. */
  readonly to: number;
}

/** Number of bins, or 0 for none; tolerates `errors` being shorter than `ok`. */
export function binLength(bins: TimelineBins | undefined): number {
  if (bins === undefined || !(bins.step > 0)) return 0;
  return Math.min(bins.ok.length, bins.errors.length);
}

/** Sums the bins; undefined when there are none. */
export function summarizeBins(bins: TimelineBins | undefined): BinsSummary | undefined {
  const n = binLength(bins);
  if (bins === undefined || n === 0) return undefined;
  let ok = 0;
  let errors = 0;
  let hits = 0;
  for (let i = 0; i < n; i++) {
    ok += bins.ok[i] ?? 0;
    errors += bins.errors[i] ?? 0;
    hits += bins.hits?.[i] ?? 0;
  }
  return { events: ok + errors, errors, hits, from: bins.start, to: bins.start + n * bins.step };
}

/**
 * The chart's columns: bin midpoints (so uPlot's centred bars fill their bins and its nearest-point
 * hover lands on the bin under the cursor), successes, successes + errors, and detection hits. The
 * errors bar is drawn between the second and third, which stacks errors on top; the hits are a
 * thin bar of their own over both (zeros without hits).
 */
export function stackBins(
  bins: TimelineBins | undefined,
): [Float64Array, Float64Array, Float64Array, Float64Array] {
  const n = binLength(bins);
  const x = new Float64Array(n);
  const ok = new Float64Array(n);
  const total = new Float64Array(n);
  const hits = new Float64Array(n);
  if (bins === undefined) return [x, ok, total, hits];
  for (let i = 0; i < n; i++) {
    const good = bins.ok[i] ?? 0;
    x[i] = bins.start + (i + 0.5) * bins.step;
    ok[i] = good;
    total[i] = good + (bins.errors[i] ?? 0);
    hits[i] = bins.hits?.[i] ?? 0;
  }
  return [x, ok, total, hits];
}

/**
 * Widens a brushed range `[from, to)` outward to whole bins, clamped to the bins drawn, so a drag
 * always covers exactly the bars it touched. Undefined when there are no bins.
 */
export function snapToBins(
  bins: TimelineBins | undefined,
  from: number,
  to: number,
): [from: number, to: number] | undefined {
  const n = binLength(bins);
  if (bins === undefined || n === 0 || !Number.isFinite(from) || !Number.isFinite(to)) {
    return undefined;
  }
  const lo = Math.min(from, to);
  const hi = Math.max(from, to);
  const first = clamp(Math.floor((lo - bins.start) / bins.step), 0, n - 1);
  const end = clamp(Math.ceil((hi - bins.start) / bins.step), first + 1, n);
  return [bins.start + first * bins.step, bins.start + end * bins.step];
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
