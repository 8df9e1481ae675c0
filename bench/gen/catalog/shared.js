// Helpers shared by the catalog's service modules: ARNs, picks from the pools, S3 extras.

/** @typedef {import('../catalog.js').Ctx} Ctx */

// STS writes expirations as e.g. "Jul 10, 2023, 12:31:14 PM" (see the invictus-aws sample).
export const EXPIRATION = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  second: '2-digit',
});
export const res = (
  /** @type {string} */ acct,
  /** @type {string} */ type,
  /** @type {string} */ arn,
) => ({ accountId: acct, type, ARN: arn });
export const bucket = (/** @type {Ctx} */ c) => c.rng.skewed(c.acct.buckets, 1.6);
export const fn = (/** @type {Ctx} */ c) => c.rng.skewed(c.acct.functions, 1.5);
export const kmsArn = (/** @type {Ctx} */ c) =>
  `arn:aws:kms:${c.region}:${c.acct.id}:key/${c.rng.pick(c.acct.regionKmsKeys[c.region])}`;
export const roleArn = (/** @type {Ctx} */ c) =>
  `arn:aws:iam::${c.acct.id}:role/${c.rng.pick(c.acct.roles).name}`;

/**
 * @param {Ctx} c
 * @returns {string} an object key, often one seen earlier in the same file (rarely in the
 *   high-cardinality mode, where nearly every object event names its own object)
 */
export function objectKey(c) {
  const { rng, objectKeys } = c;
  if (objectKeys.length > 20 && rng.chance(c.high ? 0.02 : 0.3)) return rng.pick(objectKeys);
  const d = new Date(c.ms).toISOString();
  const key = `${rng.pick(c.pools.prefixes)}/${d.slice(0, 4)}/${d.slice(5, 7)}/${d.slice(8, 10)}/${rng.hex(4)}.json.gz`;
  if (objectKeys.length < 400) objectKeys.push(key);
  else objectKeys[rng.int(400)] = key;
  return key;
}

/** @param {Ctx} c @param {Record<string, unknown>} extra @returns {object} */
export function s3Extra(c, extra) {
  return {
    SignatureVersion: 'SigV4',
    CipherSuite: 'TLS_AES_128_GCM_SHA256',
    bytesTransferredIn: 0,
    AuthenticationMethod: 'AuthHeader',
    'x-amz-id-2': c.rng.base64(76),
    bytesTransferredOut: 0,
    ...extra,
  };
}
