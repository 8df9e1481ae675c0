// IP enrichment (issue 17, "Where IPs come from"): every distinct sourceIPAddress enriched once per
// dictionary code (the engine's way), beside a plain lookup of every row's address with no cache,
// both through the page's `window.__cairnBench.ipOrigins` (src/data/benchHook.ts). Builds without
// it report nothing.

/** The target: every distinct IP enriched within this, at 1M events. */
export const IP_ORIGIN_TARGET_MS = 500;

/**
 * @typedef {import('@playwright/test').Page} Page
 * @typedef {{ distinct: number, elapsedMs: number, loadMs: number,
 *   plain: { rows: number, withCountry: number, elapsedMs: number } }} IpOriginFigures
 */

/**
 * Enriches every distinct source IP once to load the databases (if the facets have not already)
 * and warm up, then again (elapsedMs, the figure against the target), then the plain per-row
 * lookup; loadMs is what loading the databases took when it happened.
 * @param {Page} page idle, with the case loaded
 * @returns {Promise<IpOriginFigures | undefined>}
 */
export function measureIpOrigins(page) {
  return page.evaluate(async () => {
    const hook = /** @type {{ __cairnBench?: import('../../src/data/benchHook').CairnBench }} */ (
      /** @type {unknown} */ (window)
    ).__cairnBench;
    if (hook?.ipOrigins === undefined) return undefined;
    // The first call loads the databases if nothing did yet, and warms the lookup code up.
    await hook.ipOrigins.enrichAll();
    const again = await hook.ipOrigins.enrichAll();
    const plain = await hook.ipOrigins.plainLookup();
    return { distinct: again.distinct, elapsedMs: again.elapsedMs, loadMs: again.loadMs, plain };
  });
}

/**
 * The bench's lines for IP enrichment.
 * @param {IpOriginFigures} f
 * @returns {string}
 */
export function describeIpOrigins(f) {
  const ok = f.elapsedMs <= IP_ORIGIN_TARGET_MS ? 'PASS' : 'FAIL';
  return [
    `ip origin ${f.distinct.toLocaleString('en-US')} distinct source IPs enriched in ${f.elapsedMs.toFixed(1)} ms (target ≤ ${IP_ORIGIN_TARGET_MS} ms: ${ok}); the databases took ${f.loadMs.toFixed(0)} ms to fetch and read when they first loaded`,
    `          plain lookup of every row: ${f.plain.rows.toLocaleString('en-US')} rows in ${f.plain.elapsedMs.toFixed(0)} ms (${(f.plain.elapsedMs / Math.max(f.elapsedMs, 0.001)).toFixed(0)}x)`,
  ].join('\n');
}
