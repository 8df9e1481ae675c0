import { describe, expect, it } from 'vitest';
import { parseExpanded } from './expandSaved';
import { printQuery } from './printQuery';

const SAVED: Record<string, string> = {
  logins: 'eventName:ConsoleLogin',
  'failed logins': 'saved:logins errorCode:*',
  'from tor': 'sourceIPAddress:185.220.0.0/16',
  self: 'eventName:X saved:self',
  ping: 'saved:pong',
  pong: 'userName:bob saved:ping',
  broken: 'userName:',
};
const lookup = (name: string) =>
  Object.entries(SAVED).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];

function expanded(text: string): string {
  const out = parseExpanded(text, lookup);
  if (!out.ok) throw new Error(out.error.message);
  return printQuery(out.query);
}

function error(text: string) {
  const out = parseExpanded(text, lookup);
  if (out.ok) throw new Error(`expanded: ${printQuery(out.query)}`);
  return out.error;
}

describe('saved: clauses expand to the saved query', () => {
  it('replaces the clause by the saved clauses, nested, names matched ignoring case', () => {
    expect(expanded('saved:logins userName:alice')).toBe('eventName:ConsoleLogin userName:alice');
    expect(expanded('readOnly:false saved:"Failed Logins"')).toBe(
      'readOnly:false eventName:ConsoleLogin errorCode:*',
    );
    expect(expanded('-saved:"from tor"')).toBe('-sourceIPAddress:185.220.0.0/16');
    expect(expanded('userName:alice')).toBe('userName:alice');
  });

  it('an unknown name is an error at the clause', () => {
    const e = error('userName:a saved:nope');
    expect(e.message).toBe('No saved query named "nope"');
    expect(e.span).toEqual({ start: 11, end: 21 });
  });

  it('a saved query that refers to itself, directly or through others, is an error', () => {
    expect(error('saved:self').message).toBe('Saved query "self" refers to itself (self → self)');
    expect(error('saved:ping').message).toBe(
      'Saved query "ping" refers to itself (ping → pong → ping)',
    );
    expect(error('eventName:A saved:pong').span).toEqual({ start: 12, end: 22 });
  });

  it('refuses what the language cannot hold, and saved text that does not parse', () => {
    expect(error('saved:logins,ping').message).toMatch(/one name/);
    expect(error('saved:log*').message).toMatch(/without "\*"/);
    expect(error('-saved:"failed logins"').message).toMatch(/exactly one clause \(it has 2\)/);
    expect(error('saved:broken').message).toMatch(/^Saved query "broken" does not parse/);
  });
});
