import { describe, expect, it } from 'vitest';
import { pickState, togglePick } from './facetPick';
import { parseQuery } from './parseQuery';
import { printQuery } from './printQuery';
import type { Query } from './types';

function parsed(q: string): Query {
  const result = parseQuery(q);
  if (!result.ok) throw new Error(`does not parse: ${q}`);
  return result.query;
}

const click = (q: string, field: string, value: string, exclude = false) =>
  printQuery(togglePick(parsed(q), { field, value, exclude }));

describe('togglePick', () => {
  it('ORs a value into a clause of exact values, and a second click takes it away', () => {
    expect(click('eventName:A', 'eventName', 'B')).toBe('eventName:A,B');
    expect(click('eventName:A,B', 'eventName', 'b')).toBe('eventName:A');
  });

  it('narrows a wildcard clause with a clause of its own instead of widening it', () => {
    expect(click('errorCode:*', 'errorCode', 'AccessDenied')).toBe(
      'errorCode:* errorCode:AccessDenied',
    );
    expect(click('eventName:Get*', 'eventName', 'GetUser')).toBe(
      'eventName:Get* eventName:GetUser',
    );
    expect(click('-eventName:Get*', 'eventName', 'ListUsers', true)).toBe(
      '-eventName:Get*,ListUsers',
    );
  });

  it('writes "(none)" as -field:* (include) or field:* (exclude), and toggles it off', () => {
    expect(click('', 'resourceType', '')).toBe('-resourceType:*');
    expect(click('', 'resourceType', '', true)).toBe('resourceType:*');
    expect(click('-resourceType:*', 'resourceType', '')).toBe('');
    expect(pickState(parsed('-resourceType:*'), 'resourceType', '')).toBe('include');
    expect(pickState(parsed('resourceType:*'), 'resourceType', '')).toBe('exclude');
  });
});
