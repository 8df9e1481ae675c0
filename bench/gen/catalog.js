// What the synthetic events say: one entry per eventName, with its share of the data set and a
// builder for its service-specific fields. Shapes follow real records (see test/fixtures/samples/).

import { EC2, LAMBDA, LOGS, SSM } from './catalog/compute.js';
import { CLOUDTRAIL, IAM, MONITORING, SECRETS, SIGNIN, STS } from './catalog/identity.js';
import { DYNAMODB, KMS, S3 } from './catalog/storage.js';

/**
 * @typedef {import('./prng.js').Rng} Rng
 * @typedef {import('./pools.js').Account} Account
 * @typedef {import('./pools.js').Pools} Pools
 * @typedef {{ rng: Rng, acct: Account, region: string, pools: Pools, ms: number,
 *   objectKeys: string[], high: boolean }} Ctx
 *   high: the high-cardinality mode (generate.js)
 * @typedef {{ rp?: Record<string, unknown> | null, re?: object|null, aed?: object, res?: object[], ro: boolean,
 *   type?: string }} Body
 * @typedef {{ src: string, name: string, w: number, body: (c: Ctx) => Body, data?: boolean,
 *   svc?: number, global?: boolean, human?: boolean, errs?: Array<[string, string]>,
 *   hc?: number }} Spec
 *   hc: the weight's multiplier in the high-cardinality mode (default 1)
 */

/**
 * Every event kind of the data set. NOTE the order is part of the seeded output: reordering changes
 * which events a seed generates (bump GENERATOR_VERSION in generate.js).
 * @type {Spec[]}
 */
export const CATALOG = [
  ...S3,
  ...STS,
  ...EC2,
  ...KMS,
  ...IAM,
  ...SIGNIN,
  ...LAMBDA,
  ...LOGS,
  ...DYNAMODB,
  ...SSM,
  ...SECRETS,
  ...CLOUDTRAIL,
  ...MONITORING,
];
