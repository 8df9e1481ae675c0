const ACCOUNT_ID = /^\d{12}$/;

/**
 * The account ID field of an ARN (`arn:partition:service:region:account-id:resource`), or undefined
 * when the ARN has none (S3 buckets, AWS-managed policies) or is not an ARN.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 */
export function arnAccountId(arn: string): string | undefined {
  if (!arn.startsWith('arn:')) return undefined;
  const id = arn.split(':', 5)[4];
  return id !== undefined && ACCOUNT_ID.test(id) ? id : undefined;
}
