// The floor for filters, facets and the histogram: plain linear scans over typed arrays shaped like
// Cairn's index (13 Uint16 dictionary-code columns and a Float64 time column), on the main thread of
// the bench page. Cairn's figures are printed as ratios to these, so they mean something on a noisy
// machine.

/**
 * @param {number} n rows
 * @returns {{ filterMs: number, facetsMs: number, histogramMs: number }} medians of 5 runs, ms
 */
function runScanFloor(n) {
  let seed = 7;
  const rand = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const cols = Array.from({ length: 13 }, () => {
    const c = new Uint16Array(n);
    // Skewed like real columns: a few values dominate.
    for (let i = 0; i < n; i++) c[i] = Math.floor(rand() ** 3 * 300);
    return c;
  });
  const time = new Float64Array(n);
  for (let i = 0; i < n; i++) time[i] = 1.7e12 + i * 1000;
  const runs = { filterMs: [], facetsMs: [], histogramMs: [] };
  let sink = 0;
  for (let r = 0; r < 5; r++) {
    let t = performance.now();
    const [a, b] = cols;
    let hits = 0;
    for (let i = 0; i < n; i++) if (a[i] === 1 && b[i] !== 2) hits++;
    runs.filterMs.push(performance.now() - t);
    t = performance.now();
    for (const c of cols) {
      const counts = new Uint32Array(300);
      for (let i = 0; i < n; i++) counts[c[i]]++;
      sink += counts[0];
    }
    runs.facetsMs.push(performance.now() - t);
    t = performance.now();
    const bins = new Uint32Array(120);
    const step = (time[n - 1] - time[0]) / 119;
    for (let i = 0; i < n; i++) bins[Math.floor((time[i] - time[0]) / step)]++;
    runs.histogramMs.push(performance.now() - t);
    sink += hits + bins[0];
  }
  const med = (/** @type {number[]} */ xs) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  return {
    filterMs: med(runs.filterMs),
    facetsMs: med(runs.facetsMs),
    histogramMs: med(runs.histogramMs),
    sink,
  };
}

Object.assign(window, { runScanFloor });
