/**
 * True for a userName or sourceIPAddress that stands for AWS itself rather than a caller's address
 * or person: a service name (`ec2.amazonaws.com`), `AWS Internal`, or empty. CloudTrail logs the
 * service's name as sourceIPAddress when a service calls on the caller's behalf.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 */
export function isAwsServiceValue(value: string): boolean {
  const lower = value.toLowerCase();
  return lower === '' || lower === 'aws internal' || lower.endsWith('.amazonaws.com');
}
