import { describe, expect, it } from 'vitest';
import { record } from '../../test/sampleRecords';
import { BRIEF_CHARS, callError, callOutcome } from './callOutcome';

const INVICTUS = 'invictus-aws/CloudTrail/218007301253_CloudTrail_us-east-1_20230710T';
const LOGIN_NO_MFA = `${INVICTUS}1225Z_4iD2boYSOwmb6sWd.json.gz`;
const LOGIN_MFA = `${INVICTUS}1230Z_AvIajGd5rkz6vTy4.json.gz`;
const CREATE_KEY = `${INVICTUS}1230Z_ZtUNbBkwAu98FPZb.json.gz`;
const ASSUME_ROLE = `${INVICTUS}1205Z_SjF3IkuNXJkoHyar.json`;
const UNAUTHORIZED = `${INVICTUS}1205Z_UljXNp9xLp8nsAGc.json.gz`;
const FEDERATION = 'stratus-red-team/detonation-logs/aws.persistence.sts-federation-token.json';

describe('callOutcome on real records', () => {
  it('reads a ConsoleLogin: result, MFA and where it logged in to', () => {
    expect(callOutcome(record(LOGIN_NO_MFA, '70e5932e-9022-4b38-837e-ca10dad94eb7'))).toEqual({
      kind: 'consoleLogin',
      result: 'Success',
      mfaUsed: 'No',
      loginTo: 'https://console.aws.amazon.com/console/home',
      user: expect.any(String),
    });
    const mfa = callOutcome(record(LOGIN_MFA, '8feee4c2-5e27-4857-8475-bfa7e7b6d791'));
    expect(mfa).toMatchObject({ kind: 'consoleLogin', result: 'Success', mfaUsed: 'Yes' });
  });

  it('reads an AssumeRole: role, session name, issued key and its expiry', () => {
    expect(callOutcome(record(ASSUME_ROLE, '2e59bbc2-ff35-43a5-835a-ba9239af22b1'))).toEqual({
      kind: 'credentials',
      eventName: 'AssumeRole',
      principal: 'arn:aws:iam::123837392027:role/stratus-red-team-ec2-enumerate-role',
      sessionName: 'i-05c30218156bcc246',
      accessKeyId: 'ASIATFQR7NSCWFKWOWVD',
      expiration: 'Jul 10, 2023, 6:38:25 PM',
    });
  });

  it('reads a GetFederationToken: the federated user and the name asked for', () => {
    const federation = record(FEDERATION);
    const out = callOutcome(federation);
    expect(out).toMatchObject({
      kind: 'credentials',
      eventName: 'GetFederationToken',
      accessKeyId: 'ASIASTJKC5GCM7ZE6LUP',
      expiration: 'Nov 30, 2024, 8:43:17 PM',
    });
    expect(out?.kind === 'credentials' ? out.principal : '').toMatch(
      /^arn:aws:sts::.*federated-user/,
    );
    expect(out?.kind === 'credentials' ? out.sessionName : '').not.toBe('');
  });

  it('reads a CreateAccessKey: the new key, its user and status', () => {
    expect(callOutcome(record(CREATE_KEY, '8c282c0b-00d1-4369-95b7-cb50b6eee620'))).toEqual({
      kind: 'newKey',
      accessKeyId: 'AKIATFQR7NSCQLA2F4OD',
      userName: 'malicious-iam-user',
      status: 'Active',
      createDate: 'Jul 10, 2023 12:24:50 PM',
    });
  });

  it('gives nothing for other calls and never throws on odd shapes', () => {
    expect(callOutcome(record(UNAUTHORIZED, 'f4574dc5-9747-435c-bb53-22f2454be3b7'))).toBe(
      undefined,
    );
    for (const odd of [null, 7, [], 'x', { eventName: 'CreateAccessKey', responseElements: [] }]) {
      expect(() => callOutcome(odd)).not.toThrow();
    }
    expect(
      callOutcome({
        eventName: 'AssumeRole',
        requestParameters: { roleArn: 5 },
        responseElements: null,
      }),
    ).toEqual({
      kind: 'credentials',
      eventName: 'AssumeRole',
      principal: '',
      sessionName: '',
      accessKeyId: '',
      expiration: '',
    });
  });
});

describe('callError', () => {
  it('keeps the readable words of an encoded authorization failure and hides the blob', () => {
    const error = callError(record(UNAUTHORIZED, 'f4574dc5-9747-435c-bb53-22f2454be3b7'));
    expect(error?.code).toBe('Client.UnauthorizedOperation');
    expect(error?.message.length).toBeGreaterThan(600);
    expect(error?.brief).toBe(
      'You are not authorized to perform this operation. Encoded authorization failure message: …',
    );
  });

  it('shows a short message whole and cuts a long plain one near BRIEF_CHARS', () => {
    expect(callError({ errorCode: 'AccessDenied', errorMessage: 'no' })).toEqual({
      code: 'AccessDenied',
      message: 'no',
      brief: 'no',
    });
    const long = 'word '.repeat(100).trim();
    const brief = callError({ errorMessage: long })?.brief ?? '';
    expect(brief.length).toBeLessThanOrEqual(BRIEF_CHARS + 2);
    expect(brief.endsWith('…')).toBe(true);
    expect(callError({ eventName: 'x' })).toBe(undefined);
    expect(callError({ errorCode: 7 })).toBe(undefined);
  });
});
