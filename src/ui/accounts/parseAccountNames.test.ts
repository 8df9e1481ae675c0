import { describe, expect, it } from 'vitest';
import { MAX_NAME_LENGTH, parseAccountNames } from './parseAccountNames';

const entries = (text: string) => [...parseAccountNames(text).names];

describe('parseAccountNames', () => {
  it('reads a JSON map of ID to name, trimming names', () => {
    const r = parseAccountNames('{"123456789012": " prod ", "000000000001": "log archive"}');
    expect([...r.names]).toEqual([
      ['123456789012', 'prod'],
      ['000000000001', 'log archive'],
    ]);
    expect(r.errors).toEqual([]);
  });

  it('reads aws organizations list-accounts output and ignores its other fields', () => {
    const output = {
      Accounts: [
        {
          Id: '111122223333',
          Arn: 'arn:aws:organizations::111122223333:account/o-exampleorgid/111122223333',
          Email: 'bill@example.com',
          Name: 'Production Account',
          Status: 'ACTIVE',
          JoinedMethod: 'INVITED',
          JoinedTimestamp: 1481835741.044,
        },
        { Id: '444455556666', Name: 'Development Account', Status: 'ACTIVE' },
      ],
      NextToken: 'abc',
    };
    const r = parseAccountNames(JSON.stringify(output, null, 4));
    expect([...r.names]).toEqual([
      ['111122223333', 'Production Account'],
      ['444455556666', 'Development Account'],
    ]);
    expect(r.errors).toEqual([]);
  });

  it("reads describe-account's single Account", () => {
    expect(entries('{"Account": {"Id": "111122223333", "Name": "prod"}}')).toEqual([
      ['111122223333', 'prod'],
    ]);
  });

  it('reads a JSON array of {Id, Name}, {id, name} and {accountId, name} objects', () => {
    const text = JSON.stringify([
      { Id: '111111111111', Name: 'a' },
      { id: '222222222222', name: 'b' },
      { accountId: '333333333333', name: 'c' },
    ]);
    const r = parseAccountNames(text);
    expect([...r.names.values()]).toEqual(['a', 'b', 'c']);
    expect(r.errors).toEqual([]);
  });

  it('reads lines separated by space, tab, comma or equals, skipping blanks, comments and a header', () => {
    const text = [
      'Id,Name',
      '111111111111 prod eu',
      '',
      '# staging below',
      '222222222222,"staging, ""blue"""',
      '333333333333=sandbox',
      '  444444444444\tlogs  ',
      '555555555555 = audit',
    ].join('\r\n');
    const r = parseAccountNames(text);
    expect([...r.names]).toEqual([
      ['111111111111', 'prod eu'],
      ['222222222222', 'staging, "blue"'],
      ['333333333333', 'sandbox'],
      ['444444444444', 'logs'],
      ['555555555555', 'audit'],
    ]);
    expect(r.errors).toEqual([]);
  });

  it('caps names at 100 UTF-16 units without splitting a surrogate pair', () => {
    expect(entries(`123456789012 ${'x'.repeat(300)}`)[0]?.[1]).toBe('x'.repeat(MAX_NAME_LENGTH));
    const emoji = `${'x'.repeat(MAX_NAME_LENGTH - 1)}😀`;
    const name = entries(JSON.stringify({ '123456789012': emoji }))[0]?.[1] ?? '';
    expect(name).toBe('x'.repeat(MAX_NAME_LENGTH - 1));
  });

  it('reports IDs that are not 12 digits, with the digit count', () => {
    const r = parseAccountNames('12345678901 short\n1234567890123 long\nabc name\n123456789012 ok');
    expect([...r.names]).toEqual([['123456789012', 'ok']]);
    expect(r.errors).toEqual([
      'Line 1: "12345678901" is not a 12-digit account ID (it has 11 digits).',
      'Line 2: "1234567890123" is not a 12-digit account ID (it has 13 digits).',
      'Line 3: "abc" is not a 12-digit account ID.',
    ]);
  });

  it('reports missing and empty names', () => {
    const r = parseAccountNames('123456789012\n210987654321,\n');
    expect(r.names.size).toBe(0);
    expect(r.errors).toEqual([
      'Line 1: no name for 123456789012.',
      'Line 2: the name for 210987654321 is empty.',
    ]);
  });

  it('reports text that looks like JSON but is not, without throwing', () => {
    const r = parseAccountNames('{"123456789012": "prod",');
    expect(r.names.size).toBe(0);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/^Not valid JSON/);
  });

  it('reports wrong shapes', () => {
    expect(parseAccountNames('{"Accounts": {"Id": "123456789012"}}').errors).toEqual([
      '"Accounts" is not a list of accounts.',
    ]);
    expect(parseAccountNames('{"Accounts": []}').errors).toEqual(['The list holds no accounts.']);
    expect(parseAccountNames('{}').errors).toEqual(['The JSON object holds no names.']);
    expect(parseAccountNames('[1, null, ["123456789012", "x"]]').errors).toEqual([
      'Entry 1: not an object with an account ID and a name.',
      'Entry 2: not an object with an account ID and a name.',
      'Entry 3: not an object with an account ID and a name.',
    ]);
    expect(
      parseAccountNames(
        '[{"Name": "x"}, {"Id": "123456789012"}, {"Id": 123456789012, "Name": "n"}]',
      ).errors,
    ).toEqual([
      'Entry 1: no account ID (expected "Id", "id" or "accountId").',
      'Entry 2: no name for 123456789012.',
      'Entry 3: the account ID 123456789012 is a number; write it as a string (a number loses leading zeros).',
    ]);
    expect(parseAccountNames('{"123456789012": {"Name": "x"}}').errors).toEqual([
      '"123456789012": the name for 123456789012 is not a string.',
    ]);
    expect(parseAccountNames('   ').errors).toEqual([
      'Nothing to read: paste JSON or lines of "account ID, name".',
    ]);
  });

  it('keeps hostile names as plain strings and rejects hostile keys', () => {
    const r = parseAccountNames(
      '{"123456789012": "<script>alert(1)</script>", "__proto__": "x", "<img src=x onerror=alert(1)>": "y"}',
    );
    // The name is data: rendering keeps it as React text, so it is stored as given.
    expect(r.names.get('123456789012')).toBe('<script>alert(1)</script>');
    expect(r.names.size).toBe(1);
    expect(r.errors).toEqual([
      '"__proto__": "__proto__" is not a 12-digit account ID.',
      '"<img src=x onerror=alert(1)>": "<img src=x onerror=alert(1)>" is not a 12-digit account ID.',
    ]);
    expect(Object.prototype).not.toHaveProperty('x');
  });

  it('quotes long bad input briefly and caps the number of errors', () => {
    const r = parseAccountNames(Array.from({ length: 30 }, () => `${'9'.repeat(80)} x`).join('\n'));
    expect(r.errors).toHaveLength(21);
    expect(r.errors[0]).toBe(
      `Line 1: "${'9'.repeat(40)}…" is not a 12-digit account ID (it has 80 digits).`,
    );
    expect(r.errors.at(-1)).toBe('…and 10 more problems.');
  });
});
