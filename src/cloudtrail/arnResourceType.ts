/**
 * The CloudFormation-style resource type (`AWS::IAM::Role`) an ARN names, from its service and the
 * resource type at the start of its resource part (`role/…`, `function:…`, `db:…`); S3, SNS and
 * SQS ARNs have no resource type (a bucket or object, a topic, a queue). '' when `arn` is not an
 * ARN (`arn:partition:service:region:account:resource`, service and resource non-empty) or names
 * a pair Cairn does not know: better no type than an invented one.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */
export function arnResourceType(arn: string): string {
  const parts = arnParts(arn);
  if (parts === undefined) return '';
  const { service, resource } = parts;
  if (service === 's3') return resource.includes('/') ? 'AWS::S3::Object' : 'AWS::S3::Bucket';
  const cut = resource.search(/[/:]/);
  return ARN_TYPES.get(`${service}:${cut < 0 ? '' : resource.slice(0, cut)}`) ?? '';
}

/** True when `value` is shaped like an ARN (see arnResourceType). No allocation for non-ARNs. */
export function isArn(value: string): boolean {
  return value.startsWith('arn:') && arnParts(value) !== undefined;
}

/** ARNs are at most 2048 characters in every service that states a limit. */
const MAX_ARN = 2048;

function arnParts(arn: string): { service: string; resource: string } | undefined {
  if (!arn.startsWith('arn:') || arn.length > MAX_ARN) return undefined;
  const parts = arn.split(':');
  if (parts.length < 6) return undefined;
  const [, partition = '', service = ''] = parts;
  const resource = parts.slice(5).join(':');
  if (partition === '' || service === '' || resource === '' || /\s/.test(arn)) return undefined;
  return { service, resource };
}

// `service:resource-type` → type; '' as the resource type for services whose ARNs have none.
const ARN_TYPES: ReadonlyMap<string, string> = new Map([
  ['iam:role', 'AWS::IAM::Role'],
  ['iam:user', 'AWS::IAM::User'],
  ['iam:group', 'AWS::IAM::Group'],
  ['iam:policy', 'AWS::IAM::Policy'],
  ['iam:instance-profile', 'AWS::IAM::InstanceProfile'],
  ['iam:oidc-provider', 'AWS::IAM::OIDCProvider'],
  ['iam:saml-provider', 'AWS::IAM::SAMLProvider'],
  ['sts:assumed-role', 'AWS::STS::AssumedRole'],
  ['sts:federated-user', 'AWS::STS::FederatedUser'],
  ['lambda:function', 'AWS::Lambda::Function'],
  ['kms:key', 'AWS::KMS::Key'],
  ['kms:alias', 'AWS::KMS::Alias'],
  ['secretsmanager:secret', 'AWS::SecretsManager::Secret'],
  ['ec2:instance', 'AWS::EC2::Instance'],
  ['ec2:security-group', 'AWS::EC2::SecurityGroup'],
  ['ec2:vpc', 'AWS::EC2::VPC'],
  ['ec2:subnet', 'AWS::EC2::Subnet'],
  ['ec2:volume', 'AWS::EC2::Volume'],
  ['ec2:snapshot', 'AWS::EC2::Snapshot'],
  ['ec2:image', 'AWS::EC2::Image'],
  ['ec2:network-interface', 'AWS::EC2::NetworkInterface'],
  ['ec2:key-pair', 'AWS::EC2::KeyPair'],
  ['ec2:launch-template', 'AWS::EC2::LaunchTemplate'],
  ['rds:db', 'AWS::RDS::DBInstance'],
  ['rds:snapshot', 'AWS::RDS::DBSnapshot'],
  ['rds:cluster', 'AWS::RDS::DBCluster'],
  ['rds:cluster-snapshot', 'AWS::RDS::DBClusterSnapshot'],
  ['cloudtrail:trail', 'AWS::CloudTrail::Trail'],
  ['dynamodb:table', 'AWS::DynamoDB::Table'],
  ['logs:log-group', 'AWS::Logs::LogGroup'],
  ['ssm:parameter', 'AWS::SSM::Parameter'],
  ['ssm:document', 'AWS::SSM::Document'],
  ['cloudformation:stack', 'AWS::CloudFormation::Stack'],
  ['ecr:repository', 'AWS::ECR::Repository'],
  ['events:rule', 'AWS::Events::Rule'],
  ['states:stateMachine', 'AWS::StepFunctions::StateMachine'],
  ['guardduty:detector', 'AWS::GuardDuty::Detector'],
  ['acm:certificate', 'AWS::CertificateManager::Certificate'],
  ['cloudfront:distribution', 'AWS::CloudFront::Distribution'],
  ['sns:', 'AWS::SNS::Topic'],
  ['sqs:', 'AWS::SQS::Queue'],
]);
