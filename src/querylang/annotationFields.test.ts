import { describe, expect, it } from 'vitest';
import { ANNOTATION_FIELDS, resolveField } from './fields';
import { parseQuery } from './parseQuery';
import { printQuery } from './printQuery';

describe('annotation fields in the query language', () => {
  it.each([
    ['bookmarked', 'bookmarked'],
    ['Bookmark', 'bookmarked'],
    ['tag', 'tag'],
    ['TAGS', 'tag'],
    ['note', 'note'],
    ['notes', 'note'],
    ['is', 'is'],
  ])('resolves %s to the annotation field %s', (typed, field) => {
    expect(resolveField(typed)).toEqual({ name: field, source: { kind: 'annotation', field } });
  });

  it('lists each field once for autocomplete, and a dotted path stays a JSON path', () => {
    expect(ANNOTATION_FIELDS.map((f) => f.name)).toEqual(['bookmarked', 'tag', 'note', 'is']);
    expect(resolveField('requestParameters.tags').source.kind).toBe('path');
  });

  it.each([
    ['bookmarked:true', 'bookmarked:true'],
    ['is:bookmarked', 'is:bookmarked'],
    ['tags:phish*,recon', 'tag:phish*,recon'],
    ['-tag:"lateral movement"', '-tag:"lateral movement"'],
    ['note:*country* eventName:ConsoleLogin', 'note:*country* eventName:ConsoleLogin'],
  ])('parses %s and prints it back canonically', (text, printed) => {
    const parsed = parseQuery(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(printQuery(parsed.query)).toBe(printed);
  });
});
