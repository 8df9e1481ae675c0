import { describe, expect, it } from 'vitest';
import { arnAccountId } from './arnAccountId';

describe('arnAccountId', () => {
  it('finds the account of IAM and STS ARNs', () => {
    expect(arnAccountId('arn:aws:iam::123456789012:user/alice')).toBe('123456789012');
    expect(arnAccountId('arn:aws:sts::123456789012:assumed-role/Admin/alice')).toBe('123456789012');
    expect(arnAccountId('arn:aws-us-gov:ec2:us-gov-west-1:123456789012:instance/i-1')).toBe(
      '123456789012',
    );
  });

  it('returns undefined without an account field or for non-ARNs', () => {
    expect(arnAccountId('arn:aws:s3:::my-bucket')).toBeUndefined();
    expect(arnAccountId('arn:aws:iam::aws:policy/AdministratorAccess')).toBeUndefined();
    expect(arnAccountId('arn:aws:iam::12345678901:user/x')).toBeUndefined();
    expect(arnAccountId('123456789012')).toBeUndefined();
    expect(arnAccountId('')).toBeUndefined();
  });
});
