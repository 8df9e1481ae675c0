import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCondition } from './parseCondition';
import { readSigmaRule } from './readSigmaRule';

const names = ['selection', 'selection_status_a', 'selection_status_b', 'filter_main_x', '_aux'];

describe('parseCondition', () => {
  it('binds not tighter than and, and and tighter than or', () => {
    expect(parseCondition('selection or not filter_main_x and _aux', names)).toEqual({
      ok: true,
      condition: {
        kind: 'or',
        operands: [
          { kind: 'ref', name: 'selection' },
          {
            kind: 'and',
            operands: [
              { kind: 'not', operand: { kind: 'ref', name: 'filter_main_x' } },
              { kind: 'ref', name: '_aux' },
            ],
          },
        ],
      },
    });
  });

  it('groups with parentheses and expands 1 of / all of patterns and them', () => {
    const r = parseCondition('(selection and 1 of selection_status_*) and not all of them', names);
    expect(r).toEqual({
      ok: true,
      condition: {
        kind: 'and',
        operands: [
          {
            kind: 'and',
            operands: [
              { kind: 'ref', name: 'selection' },
              {
                kind: 'of',
                quantifier: 'any',
                names: ['selection_status_a', 'selection_status_b'],
              },
            ],
          },
          {
            kind: 'not',
            operand: {
              kind: 'of',
              quantifier: 'all',
              // `them` leaves out identifiers starting with an underscore, as the spec says.
              names: ['selection', 'selection_status_a', 'selection_status_b', 'filter_main_x'],
            },
          },
        ],
      },
    });
  });

  it.each([
    ['selection and', 'the condition ends too early'],
    ['selection or nope', '"nope" is not a selection of this rule'],
    ['1 of other_*', '"other_*" names no selection'],
    ['(selection', 'a ")" is missing'],
    ['selection | count() > 5', 'unexpected "|"'],
    ['selection selection', 'unexpected "selection"'],
  ])('refuses %j: %s', (text, message) => {
    const r = parseCondition(text, names);
    expect(r.ok ? '' : r.message).toBe(message);
  });

  it('stops a hostile nesting instead of overflowing the stack', () => {
    const r = parseCondition(`${'('.repeat(100_000)}selection${')'.repeat(100_000)}`, names);
    expect(r).toMatchObject({ ok: false, message: 'the condition nests too deeply' });
  });

  it('parses the condition of every shipped rule', () => {
    const dir = new URL('../../rules/sigma/cloudtrail/', import.meta.url).pathname;
    const files = readdirSync(dir).filter((f) => f.endsWith('.yml'));
    for (const f of files) {
      const r = readSigmaRule(readFileSync(join(dir, f), 'utf8'));
      if (!r.ok) throw new Error(f);
      const c = parseCondition(r.rule.condition, [...r.rule.selections.keys()]);
      expect(c.ok ? '' : c.message, f).toBe('');
    }
    expect(files).toHaveLength(57);
  });
});
