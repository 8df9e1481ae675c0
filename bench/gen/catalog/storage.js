// S3 (object data events and bucket management), KMS and DynamoDB events.

/**
 * @typedef {import('../catalog.js').Ctx} Ctx
 * @typedef {import('../catalog.js').Spec} Spec
 */
import { bucket, kmsArn, objectKey, res, s3Extra } from './shared.js';

/** @param {string} name @param {number} w @param {boolean} ro @param {object} [more] @returns {Spec} */
function s3Object(name, w, ro, more = {}) {
  return {
    src: 's3',
    name,
    w,
    data: true,
    // A data-heavy trail: object events, each on its own object, are the distinct resource ARNs.
    hc: 3,
    errs: [['NoSuchKey', 'The specified key does not exist.']],
    body: (c) => {
      const b = bucket(c);
      const key = objectKey(c);
      const out = name === 'GetObject' ? c.rng.range(200, 4_000_000) : 0;
      const inb = name === 'PutObject' ? c.rng.range(200, 4_000_000) : 0;
      return {
        ro,
        rp: { bucketName: b, Host: `${b}.s3.${c.region}.amazonaws.com`, key, ...more },
        re:
          name === 'PutObject'
            ? {
                'x-amz-server-side-encryption': 'aws:kms',
                'x-amz-server-side-encryption-aws-kms-key-id': kmsArn(c),
              }
            : null,
        aed: s3Extra(c, { bytesTransferredIn: inb, bytesTransferredOut: out }),
        res: [
          { type: 'AWS::S3::Object', ARN: `arn:aws:s3:::${b}/${key}` },
          res(c.acct.id, 'AWS::S3::Bucket', `arn:aws:s3:::${b}`),
        ],
      };
    },
  };
}

/** @param {string} name @param {number} w @param {object} [extra] @returns {Spec} */
function s3Bucket(name, w, extra = {}) {
  return {
    src: 's3',
    name,
    w,
    svc: name === 'GetBucketAcl' ? 0.7 : 0.15,
    ...extra,
    body: (c) => {
      const b = bucket(c);
      return {
        ro: name.startsWith('Get') || name.startsWith('List'),
        rp: {
          bucketName: b,
          Host: `${b}.s3.${c.region}.amazonaws.com`,
          [name.slice(3).toLowerCase()]: '',
        },
        re: null,
        aed: s3Extra(c, {}),
        res: [res(c.acct.id, 'AWS::S3::Bucket', `arn:aws:s3:::${b}`)],
      };
    },
  };
}

/** @type {Spec[]} */
export const S3 = [
  s3Object('GetObject', 9, true),
  s3Object('PutObject', 3, false),
  s3Object('HeadObject', 2, true),
  s3Object('DeleteObject', 1, false),
  {
    src: 's3',
    name: 'ListObjects',
    w: 3,
    data: true,
    body: (c) => {
      const b = bucket(c);
      return {
        ro: true,
        rp: {
          bucketName: b,
          Host: `${b}.s3.${c.region}.amazonaws.com`,
          prefix: `${c.rng.pick(c.pools.prefixes)}/`,
          'list-type': '2',
          'encoding-type': 'url',
        },
        re: null,
        aed: s3Extra(c, { bytesTransferredOut: c.rng.range(300, 90000) }),
        res: [res(c.acct.id, 'AWS::S3::Bucket', `arn:aws:s3:::${b}`)],
      };
    },
  },
  s3Bucket('GetBucketAcl', 1.5),
  s3Bucket('GetBucketLocation', 1),
  s3Bucket('GetBucketPolicy', 0.5, {
    errs: [['NoSuchBucketPolicy', 'The bucket policy does not exist']],
  }),
  s3Bucket('PutBucketPolicy', 0.05),
  {
    src: 's3',
    name: 'ListBuckets',
    w: 0.5,
    body: (c) => ({
      ro: true,
      rp: { Host: `s3.${c.region}.amazonaws.com` },
      re: null,
      aed: s3Extra(c, {}),
    }),
  },
];

/** @type {Spec[]} */
export const KMS = [
  ...[
    ['Decrypt', 8],
    ['GenerateDataKey', 3],
    ['Encrypt', 0.5],
    ['DescribeKey', 1],
  ].map(
    ([name, w]) =>
      /** @type {Spec} */ ({
        src: 'kms',
        name: String(name),
        w: Number(w),
        svc: 0.5,
        body: (c) => {
          const key = kmsArn(c);
          const b = bucket(c);
          return {
            ro: name !== 'Encrypt' && name !== 'GenerateDataKey' ? true : false,
            rp:
              name === 'DescribeKey'
                ? { keyId: key }
                : {
                    encryptionContext: { 'aws:s3:arn': `arn:aws:s3:::${b}/${objectKey(c)}` },
                    encryptionAlgorithm: 'SYMMETRIC_DEFAULT',
                    ...(name === 'GenerateDataKey' ? { keyId: key, keySpec: 'AES_256' } : {}),
                  },
            re: null,
            res: [res(c.acct.id, 'AWS::KMS::Key', key)],
          };
        },
      }),
  ),
];

/** @type {Spec[]} */
export const DYNAMODB = [
  ...[
    ['GetItem', 2.5, true],
    ['PutItem', 1.5, false],
    ['Query', 1, true],
  ].map(
    ([name, w, ro]) =>
      /** @type {Spec} */ ({
        src: 'dynamodb',
        name: String(name),
        w: Number(w),
        data: true,
        body: (c) => {
          const table = c.rng.pick(c.acct.tables);
          return {
            ro: Boolean(ro),
            rp: {
              tableName: table,
              key: { pk: `CUSTOMER#${c.rng.int(200000)}` },
              ...(name === 'Query' ? { limit: 25 } : {}),
            },
            re: null,
            res: [
              res(
                c.acct.id,
                'AWS::DynamoDB::Table',
                `arn:aws:dynamodb:${c.region}:${c.acct.id}:table/${table}`,
              ),
            ],
          };
        },
      }),
  ),
  {
    src: 'dynamodb',
    name: 'DescribeTable',
    w: 1,
    body: (c) => ({ ro: true, rp: { tableName: c.rng.pick(c.acct.tables) }, re: null }),
  },
];
