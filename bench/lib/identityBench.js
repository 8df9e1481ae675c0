/**
 * The identity profile step of the bench (issue 17: a profile ≤ 100 ms at 1M events), beside a
 * plain scan of the same rows (their records read back from the stored files).
 * @typedef {import('playwright').Page} Page
 * @typedef {{ identity: string, events: number, ms: number[], medianMs: number,
 *   plain: { ms: number, records: number } | undefined, topMs: number }} IdentityBench
 */

/**
 * Profiles the case's top identity `reps` times (the engine's elapsedMs each), then runs the plain
 * scan once. Undefined when the build has no bench hook or the case has no identity.
 * @param {Page} page idle
 * @param {number} reps
 * @returns {Promise<IdentityBench | undefined>}
 */
export async function measureIdentityProfile(page, reps) {
  return page.evaluate(async (n) => {
    const hook = /** @type {{ __cairnBench?: import('../../src/data/benchHook').CairnBench }} */ (
      /** @type {unknown} */ (window)
    ).__cairnBench;
    if (hook?.identity === undefined) return undefined;
    const top = await hook.identity.top(1);
    const identity = top.identities[0]?.identity;
    if (identity === undefined) return undefined;
    /** @type {number[]} */
    const ms = [];
    let events = 0;
    for (let i = 0; i < n; i++) {
      const p = await hook.identity.profile(identity);
      ms.push(p.elapsedMs);
      events = p.events;
    }
    const sorted = [...ms].sort((a, b) => a - b);
    const plain = await hook.identity.plainScan(identity);
    return {
      identity,
      events,
      ms,
      medianMs: sorted[Math.floor(sorted.length / 2)] ?? NaN,
      plain: { ms: plain.ms, records: plain.records },
      topMs: top.elapsedMs,
    };
  }, reps);
}

/**
 * One line for the report.
 * @param {IdentityBench} b
 * @returns {string}
 */
export function describeIdentityBench(b) {
  const plain =
    b.plain === undefined
      ? 'no plain scan'
      : `plain scan of the same ${b.plain.records.toLocaleString('en-US')} records ${(b.plain.ms / 1000).toFixed(2)} s (${(b.plain.ms / Math.max(0.01, b.medianMs)).toFixed(0)}x)`;
  return `identity  profile of the top identity (${b.events.toLocaleString('en-US')} events): median ${b.medianMs.toFixed(1)} ms over ${b.ms.length} runs (target 100 ms); ${plain}; top identities ${b.topMs.toFixed(1)} ms`;
}
