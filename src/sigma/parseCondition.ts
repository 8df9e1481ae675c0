/**
 * A Sigma condition as a tree. `of` covers `1 of x*`, `all of x*`, `1 of them` and `all of them`:
 * `names` are the selections the pattern picked, in rule order.
 * @see https://sigmahq.io/sigma-specification/specification/sigma-rules-specification.html#condition
 */
export type Condition =
  | { readonly kind: 'ref'; readonly name: string }
  | { readonly kind: 'not'; readonly operand: Condition }
  | { readonly kind: 'and' | 'or'; readonly operands: readonly Condition[] }
  | { readonly kind: 'of'; readonly quantifier: 'any' | 'all'; readonly names: readonly string[] };

/** A condition read, or why not (with the character offset in the condition text). */
export type ConditionReading =
  | { readonly ok: true; readonly condition: Condition }
  | { readonly ok: false; readonly message: string; readonly at: number };

/** Deeper nesting is not a real rule: the limit keeps a hostile condition off the stack's end. */
const MAX_DEPTH = 64;
const TOKEN = /\s*(\(|\)|[A-Za-z0-9_*?.-]+)/y;

/**
 * Parses a condition over the rule's selection names (in rule order). Precedence, as the spec
 * gives it: `not` binds tightest, then `and`, then `or`; parentheses group. A name that is not a
 * selection, or a pattern that matches none, is an error, as is a pipe (`| count()`, the retired
 * aggregation syntax: correlation rules replace it).
 */
export function parseCondition(text: string, names: readonly string[]): ConditionReading {
  const tokens: { text: string; at: number }[] = [];
  TOKEN.lastIndex = 0;
  let end = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    tokens.push({ text: m[1] ?? '', at: m.index + m[0].length - (m[1] ?? '').length });
    end = TOKEN.lastIndex;
  }
  if (text.slice(end).trim() !== '')
    return { ok: false, message: `unexpected "${text.slice(end).trim()[0] ?? ''}"`, at: end };
  let pos = 0;
  const peek = () => tokens[pos]?.text.toLowerCase();
  const fail = (message: string): never => {
    throw new ConditionError(message, tokens[pos]?.at ?? text.length);
  };

  const primary = (depth: number): Condition => {
    if (depth > MAX_DEPTH) fail('the condition nests too deeply');
    const t = tokens[pos];
    if (t === undefined) return fail('the condition ends too early');
    const word = t.text.toLowerCase();
    if (word === '(') {
      pos++;
      const inner = or(depth + 1);
      if (peek() !== ')') fail('a ")" is missing');
      pos++;
      return inner;
    }
    if (word === 'not') {
      pos++;
      return { kind: 'not', operand: primary(depth + 1) };
    }
    if (word === '1' || word === 'all') {
      const next = tokens[pos + 1]?.text.toLowerCase();
      if (next === 'of') {
        pos += 2;
        const target = tokens[pos];
        if (target === undefined) return fail('"of" needs a pattern or "them"');
        pos++;
        const picked =
          target.text.toLowerCase() === 'them'
            ? names.filter((n) => !n.startsWith('_'))
            : names.filter((n) => globMatches(target.text, n));
        if (picked.length === 0) {
          pos--;
          fail(`"${target.text}" names no selection`);
        }
        return { kind: 'of', quantifier: word === '1' ? 'any' : 'all', names: picked };
      }
    }
    if (['and', 'or', 'of', ')', 'them'].includes(word)) fail(`unexpected "${t.text}"`);
    if (!names.includes(t.text)) fail(`"${t.text}" is not a selection of this rule`);
    pos++;
    return { kind: 'ref', name: t.text };
  };
  const chain = (kind: 'and' | 'or', operand: (d: number) => Condition, depth: number) => {
    const operands = [operand(depth)];
    while (peek() === kind) {
      pos++;
      operands.push(operand(depth));
    }
    return operands.length === 1 ? (operands[0] ?? fail('empty')) : { kind, operands };
  };
  const and = (depth: number): Condition => chain('and', primary, depth);
  const or = (depth: number): Condition => chain('or', and, depth);

  try {
    const condition = or(0);
    if (pos < tokens.length) fail(`unexpected "${tokens[pos]?.text ?? ''}"`);
    return { ok: true, condition };
  } catch (e) {
    if (e instanceof ConditionError) return { ok: false, message: e.message, at: e.at };
    throw e;
  }
}

class ConditionError extends Error {
  readonly at: number;
  constructor(message: string, at: number) {
    super(message);
    this.at = at;
  }
}

/** `pattern` (with `*` and `?`, case-sensitive like selection names) matches all of `name`. */
function globMatches(pattern: string, name: string): boolean {
  // Linear two-pointer glob match: no regular expression is built from rule text.
  let p = 0;
  let n = 0;
  let star = -1;
  let mark = 0;
  while (n < name.length) {
    const c = pattern[p];
    if (c === '?' || (c !== undefined && c !== '*' && c === name[n])) {
      p++;
      n++;
    } else if (c === '*') {
      star = p++;
      mark = n;
    } else if (star >= 0) {
      p = star + 1;
      n = ++mark;
    } else return false;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}
