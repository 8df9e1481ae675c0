import { describe, expect, it } from 'vitest';
import { INDEXED_FIELDS, resolveField } from './fields';

describe('resolveField', () => {
  it('resolves every indexed name, in any case, to itself', () => {
    for (const field of INDEXED_FIELDS) {
      expect(resolveField(field.name.toUpperCase())).toEqual({
        name: field.name,
        source: field.source,
      });
    }
  });

  it.each([
    ['user', 'userName'],
    ['accessKey', 'accessKeyId'],
    ['userIdentity.accessKeyId', 'accessKeyId'],
    ['region', 'awsRegion'],
    ['account', 'recipientAccountId'],
    ['accountId', 'recipientAccountId'],
    ['IP', 'sourceIPAddress'],
    ['sourceIp', 'sourceIPAddress'],
    ['userIdentity.type', 'identityType'],
  ])('resolves the alias %s to %s', (alias, name) => {
    expect(resolveField(alias).name).toBe(name);
    expect(resolveField(alias).source.kind).not.toBe('path');
  });

  it('keeps any other name as a case-sensitive JSON path', () => {
    expect(resolveField('requestParameters.bucketName')).toEqual({
      name: 'requestParameters.bucketName',
      source: { kind: 'path', path: ['requestParameters', 'bucketName'] },
    });
  });
});
