import { stringifyJson } from '../../lib/stringifyJson';
import { quoteValue } from '../search-bar/tokenAtCursor';
import type { JsonLeafValue } from './flattenJson';

/**
 * The query clause "this JSON leaf has this value": the tree's path with array indexes dropped (the
 * query language searches arrays element by element) and the value quoted as needed. A key that is
 * not an identifier (`a["x y"]`) cannot be a field, so the value becomes a free-text phrase.
 */
export function pivotClause(path: string, value: JsonLeafValue): string {
  const text = typeof value === 'string' ? value : stringifyJson(value);
  const field = path.replace(/\[\d+\]/g, '');
  if (field === '' || !/^[A-Za-z_$@][A-Za-z0-9_.$@-]*$/.test(field)) return quoteValue(text);
  return `${field}:${quoteValue(text)}`;
}
