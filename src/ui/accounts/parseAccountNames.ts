import { isObject } from '../../lib/isObject';
import type { JsonObject } from '../../lib/isObject';

/** Names read from pasted text, and why any entry was not read. */
export interface ParsedAccountNames {
  /** Account ID (12 digits) → trimmed name, at most MAX_NAME_LENGTH UTF-16 units. */
  readonly names: Map<string, string>;
  /** Readable reasons, one per rejected entry (capped at MAX_ERRORS, then a count of the rest). */
  readonly errors: string[];
}

/** Longest name kept: enough for any real name, short enough to never flood a table cell. */
export const MAX_NAME_LENGTH = 100;
const MAX_ERRORS = 20;
const ACCOUNT_ID = /^\d{12}$/;
const ID_KEYS = ['Id', 'id', 'accountId', 'AccountId'] as const;
const NAME_KEYS = ['Name', 'name', 'accountName', 'AccountName'] as const;

/**
 * Reads account names from text a user pasted or loaded: a JSON map `{"123456789012": "prod"}`,
 * `aws organizations list-accounts` output `{"Accounts": [{"Id": …, "Name": …}]}` (or
 * `describe-account`'s `{"Account": {…}}`), a JSON array of `{Id, Name}` / `{id, name}` /
 * `{accountId, name}` objects, or lines `123456789012 prod`, `123456789012,prod`, `123456789012=prod`.
 * Never throws: every entry that cannot be read becomes a reason in `errors`.
 * @see https://docs.aws.amazon.com/cli/latest/reference/organizations/list-accounts.html
 */
export function parseAccountNames(text: string): ParsedAccountNames {
  const names = new Map<string, string>();
  const errors: string[] = [];
  const sink: Sink = {
    add(where, id, name) {
      const problem = checkEntry(id, name);
      if (problem !== undefined) errors.push(`${where}: ${problem}`);
      else if (typeof id === 'string' && typeof name === 'string') names.set(id, capName(name));
    },
    fail: (message) => errors.push(message),
  };
  const trimmed = text.trim();
  if (trimmed === '') sink.fail('Nothing to read: paste JSON or lines of "account ID, name".');
  else if (trimmed.startsWith('{') || trimmed.startsWith('[')) readJson(trimmed, sink);
  else readLines(trimmed, sink);
  return { names, errors: capErrors(errors) };
}

/** Where readers put what they find: an entry to check, or a reason the input cannot be read. */
interface Sink {
  add(where: string, id: unknown, name: unknown): void;
  fail(message: string): void;
}

function readJson(text: string, sink: Sink): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    sink.fail(`Not valid JSON (${e instanceof Error ? e.message : 'parse error'}).`);
    return;
  }
  if (Array.isArray(value)) {
    readArray(value, 'Entry', sink);
  } else if (!isObject(value)) {
    sink.fail('Expected a JSON object or array.'); // Unreachable from text starting with { or [.
  } else if ('Accounts' in value) {
    const accounts = value['Accounts'];
    if (Array.isArray(accounts)) readArray(accounts, 'Account', sink);
    else sink.fail('"Accounts" is not a list of accounts.');
  } else if (isObject(value['Account'])) {
    readObject(value['Account'], 'Account', sink);
  } else {
    const entries = Object.entries(value);
    if (entries.length === 0) sink.fail('The JSON object holds no names.');
    for (const [id, name] of entries) sink.add(`"${clip(id)}"`, id, name);
  }
}

function readArray(items: readonly unknown[], label: string, sink: Sink): void {
  if (items.length === 0) sink.fail('The list holds no accounts.');
  items.forEach((item, i) => {
    if (isObject(item)) readObject(item, `${label} ${i + 1}`, sink);
    else sink.fail(`${label} ${i + 1}: not an object with an account ID and a name.`);
  });
}

function readObject(item: JsonObject, where: string, sink: Sink): void {
  const id = ID_KEYS.map((k) => item[k]).find((v) => v !== undefined);
  const name = NAME_KEYS.map((k) => item[k]).find((v) => v !== undefined);
  sink.add(where, id, name);
}

function readLines(text: string, sink: Sink): void {
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    // A CSV header ("Id,Name", "account id = name") has no digits; a real entry always has an ID.
    if (i === 0 && !/\d/.test(line)) return;
    // The ID, then a comma, an equals sign or white space, then the name (the rest of the line).
    const m = /^([^\s,=]+)\s*(?:[,=]|\s)\s*(.*)$/.exec(line);
    sink.add(`Line ${i + 1}`, m?.[1] ?? line, m === null ? undefined : unquote(m[2] ?? ''));
  });
}

function checkEntry(id: unknown, name: unknown): string | undefined {
  if (id === undefined) return 'no account ID (expected "Id", "id" or "accountId").';
  if (typeof id === 'number') {
    return `the account ID ${id} is a number; write it as a string (a number loses leading zeros).`;
  }
  if (typeof id !== 'string') return 'the account ID is not a string.';
  if (!ACCOUNT_ID.test(id)) {
    const digits = /^\d+$/.test(id) ? ` (it has ${id.length} digits)` : '';
    return `"${clip(id)}" is not a 12-digit account ID${digits}.`;
  }
  if (name === undefined) return `no name for ${id}.`;
  if (typeof name !== 'string') return `the name for ${id} is not a string.`;
  if (name.trim() === '') return `the name for ${id} is empty.`;
  return undefined;
}

/** Trims, then cuts to MAX_NAME_LENGTH without splitting a surrogate pair. */
function capName(name: string): string {
  const t = name.trim();
  if (t.length <= MAX_NAME_LENGTH) return t;
  const cut = t.slice(0, MAX_NAME_LENGTH);
  const last = cut.charCodeAt(cut.length - 1);
  return (last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut).trimEnd();
}

/** A CSV field in double quotes, with "" standing for one quote. */
function unquote(s: string): string {
  if (s.length < 2 || !s.startsWith('"') || !s.endsWith('"')) return s;
  return s.slice(1, -1).replaceAll('""', '"');
}

/** Keeps quoted input short in a message: pasted text can be anything, of any length. */
function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

function capErrors(errors: string[]): string[] {
  if (errors.length <= MAX_ERRORS) return errors;
  return [...errors.slice(0, MAX_ERRORS), `…and ${errors.length - MAX_ERRORS} more problems.`];
}
