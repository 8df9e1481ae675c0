/**
 * True for a userName, sourceIPAddress or userAgent that stands for AWS itself rather than a
 * person or a host: a service principal (`ec2.amazonaws.com`) or `AWS Internal`. Case ignored.
 * CloudTrail logs the service's name as sourceIPAddress (and userAgent) when a service calls on the
 * caller's behalf. The situation report, identity profiles and top identities all leave AWS out by
 * this one test, so their lists agree.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 */
export function isAwsServiceName(value: string): boolean {
  const lower = value.toLowerCase();
  return lower === 'aws internal' || lower.endsWith('.amazonaws.com');
}
