/**
 * Calls that give an attacker a way back in: new principals, credentials, passwords, group
 * memberships, and policies attached, written or made the default, or a role's trust policy
 * opened. The "persistence calls" panel of an identity profile lists its events of these
 * (eventSource + eventName, as CloudTrail logs them).
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_Operations.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-integration.html
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateAccessKey.html
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateAssumeRolePolicy.html
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/logging-using-cloudtrail.html
 * @see https://docs.aws.amazon.com/lambda/latest/api/API_AddPermission.html
 */
export const PERSISTENCE_CALLS: readonly {
  readonly eventSource: string;
  readonly eventName: string;
}[] = [
  ...[
    // New principals and their ways in.
    'CreateUser',
    'CreateAccessKey',
    'CreateLoginProfile',
    'UpdateLoginProfile',
    'CreateRole',
    'CreateServiceLinkedRole',
    'AddUserToGroup',
    'CreateGroup',
    'UploadSSHPublicKey',
    'CreateServiceSpecificCredential',
    'UploadSigningCertificate',
    'CreateVirtualMFADevice',
    'EnableMFADevice',
    'DeactivateMFADevice',
    'UpdateAccessKey',
    'CreateSAMLProvider',
    'UpdateSAMLProvider',
    'CreateOpenIDConnectProvider',
    // Policies: attached, written inline, new versions made the default, trust opened.
    'AttachUserPolicy',
    'AttachRolePolicy',
    'AttachGroupPolicy',
    'PutUserPolicy',
    'PutRolePolicy',
    'PutGroupPolicy',
    'CreatePolicy',
    'CreatePolicyVersion',
    'SetDefaultPolicyVersion',
    'UpdateAssumeRolePolicy',
    'PutUserPermissionsBoundary',
    'PutRolePermissionsBoundary',
    'DeleteUserPermissionsBoundary',
    'DeleteRolePermissionsBoundary',
    'AddRoleToInstanceProfile',
    'CreateInstanceProfile',
  ].map((eventName) => ({ eventSource: 'iam.amazonaws.com', eventName })),
  // A federation token outlives the deletion of the user's access keys.
  { eventSource: 'sts.amazonaws.com', eventName: 'GetFederationToken' },
  // IAM Identity Center users and permission sets.
  { eventSource: 'sso.amazonaws.com', eventName: 'CreatePermissionSet' },
  { eventSource: 'sso.amazonaws.com', eventName: 'AttachManagedPolicyToPermissionSet' },
  { eventSource: 'sso.amazonaws.com', eventName: 'PutInlinePolicyToPermissionSet' },
  { eventSource: 'sso.amazonaws.com', eventName: 'CreateAccountAssignment' },
  // A function any principal may invoke.
  { eventSource: 'lambda.amazonaws.com', eventName: 'AddPermission20150331v2' },
];
