import { isObject } from '../lib/isObject';

/** Where the descriptions come from, for the credit CC BY 4.0 asks for. */
export const TRAILDISCOVER_REPOSITORY = 'https://github.com/adanalvarez/TrailDiscover';

/**
 * A MITRE ATT&CK tactic or technique as TrailDiscover names it: `id` "TA0005" (tactic), "T1562" or
 * "T1562.008" (technique, sub-technique), `name` "Defense Evasion".
 * @see https://attack.mitre.org/tactics/enterprise/
 */
export type AttackRef = { readonly id: string; readonly name: string };

/** A titled link: an http(s) URL, shown as a link and its title as text. */
export type CallLink = { readonly title: string; readonly link: string };

/**
 * What one CloudTrail call means, from TrailDiscover (rules/traildiscover/README.md): what the call
 * does, the ATT&CK tactics and techniques it can serve, write-ups of real incidents that used it and
 * research about it, and `page`, the event's card on https://traildiscover.cloud/.
 */
export type CallMeaning = {
  readonly eventSource: string;
  readonly eventName: string;
  readonly description: string;
  readonly tactics: readonly AttackRef[];
  readonly techniques: readonly AttackRef[];
  readonly incidents: readonly CallLink[];
  readonly research: readonly CallLink[];
  readonly page: string;
};

/** An entry readCallMeanings refused: its position in the array and why. */
export type DroppedMeaning = { readonly index: number; readonly reason: string };

/** The vendored descriptions, read and checked, with the ones refused. */
export type CallMeanings = {
  /** Every accepted entry, in file order. */
  readonly entries: readonly CallMeaning[];
  readonly dropped: readonly DroppedMeaning[];
  /**
   * The description of a call: eventName matched exactly (case and all), the entry of the same
   * eventSource preferred, else the first entry of that name (its eventSource then differs: say so).
   */
  lookup(eventSource: string, eventName: string): CallMeaning | undefined;
  /** Only the entry of this very eventSource and eventName. */
  exact(eventSource: string, eventName: string): CallMeaning | undefined;
};

const MAX_ENTRIES = 20_000;
const MAX_TEXT = 2_000;
const MAX_TITLE = 400;
const MAX_URL = 2_048;
const MAX_LIST = 64;
// C0/C1 controls and the bidirectional overrides and isolates that could reorder what is shown.
// eslint-disable-next-line no-control-regex
const HOSTILE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const EVENT_SOURCE = /^[a-z0-9][a-z0-9.-]{0,126}\.amazonaws\.com$/;
const EVENT_NAME = /^[A-Za-z0-9_]{1,128}$/;
const TACTIC = /^(TA\d{4}) - (.+)$/;
const TECHNIQUE = /^(T\d{4}(?:\.\d{3})?) - (.+)$/;

/** Why a field is malformed; thrown inside readEntry only, and caught per entry. */
class Malformed extends Error {}

function text(value: unknown, what: string, max: number): string {
  if (typeof value !== 'string') throw new Malformed(`${what} is not a string`);
  if (value.trim() === '' || value.length > max) throw new Malformed(`${what} is empty or long`);
  if (HOSTILE.test(value)) throw new Malformed(`${what} has control characters`);
  return value;
}

function list(value: unknown, what: string): readonly unknown[] {
  if (!Array.isArray(value)) throw new Malformed(`${what} is not a list`);
  if (value.length > MAX_LIST) throw new Malformed(`${what} has over ${MAX_LIST} items`);
  return value;
}

function url(value: unknown, what: string): string {
  const s = text(value, what, MAX_URL);
  let parsed: URL;
  try {
    parsed = new URL(s);
  } catch {
    throw new Malformed(`${what} is not a URL`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Malformed(`${what} is not an http(s) URL`);
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new Malformed(`${what} carries credentials`);
  }
  return s;
}

function attack(value: unknown, what: string, pattern: RegExp): AttackRef {
  const m = pattern.exec(text(value, what, MAX_TITLE));
  if (m?.[1] === undefined || m[2] === undefined) throw new Malformed(`${what} is not "ID - name"`);
  return { id: m[1], name: m[2] };
}

function links(value: unknown, what: string): readonly CallLink[] {
  return list(value, what).map((l, i) => {
    if (!isObject(l)) throw new Malformed(`${what}[${i}] is not an object`);
    return {
      title: text(l['title'], `${what}[${i}].title`, MAX_TITLE),
      link: url(l['link'], `${what}[${i}].link`),
    };
  });
}

function readEntry(value: unknown): CallMeaning {
  if (!isObject(value)) throw new Malformed('not an object');
  const eventSource = text(value['eventSource'], 'eventSource', 200);
  if (!EVENT_SOURCE.test(eventSource)) throw new Malformed('eventSource is not an AWS endpoint');
  const eventName = text(value['eventName'], 'eventName', 200);
  if (!EVENT_NAME.test(eventName)) throw new Malformed('eventName is not an API name');
  const page = url(value['page'], 'page');
  if (new URL(page).hostname !== 'traildiscover.cloud') {
    throw new Malformed('page is not on traildiscover.cloud');
  }
  return {
    eventSource,
    eventName,
    description: text(value['description'], 'description', MAX_TEXT),
    tactics: list(value['tactics'], 'tactics').map((t, i) => attack(t, `tactics[${i}]`, TACTIC)),
    techniques: list(value['techniques'], 'techniques').map((t, i) =>
      attack(t, `techniques[${i}]`, TECHNIQUE),
    ),
    incidents: links(value['incidents'], 'incidents'),
    research: links(value['research'], 'research'),
    page,
  };
}

/**
 * Reads rules/traildiscover/events.json (parsed, still untrusted): an array of entries
 * `{eventSource, eventName, description, tactics: ["TA0005 - Defense Evasion"], techniques:
 * ["T1562.008 - name"], incidents: [{title, link}], research: [{title, link}], page}`. Every field is
 * checked; an entry with any malformed field (wrong type, empty or over-long text, control or bidi
 * characters, a link that is not http(s), a page off traildiscover.cloud) or a repeated
 * eventSource and eventName is dropped whole and listed in `dropped`. Keys it does not know are
 * ignored.
 * @throws Error when `json` is not an array, or holds over 20,000 entries.
 */
export function readCallMeanings(json: unknown): CallMeanings {
  if (!Array.isArray(json)) throw new Error('TrailDiscover events: not a list');
  const items: readonly unknown[] = json;
  if (items.length > MAX_ENTRIES) throw new Error('TrailDiscover events: too many entries');
  const entries: CallMeaning[] = [];
  const dropped: DroppedMeaning[] = [];
  // eventName → its entries, sorted by eventSource; a Map, as names come from the file.
  const byName = new Map<string, CallMeaning[]>();
  items.forEach((value, index) => {
    let entry: CallMeaning;
    try {
      entry = readEntry(value);
    } catch (e) {
      if (!(e instanceof Malformed)) throw e;
      dropped.push({ index, reason: e.message });
      return;
    }
    const same = byName.get(entry.eventName) ?? [];
    if (same.some((m) => m.eventSource === entry.eventSource)) {
      dropped.push({ index, reason: `${entry.eventSource} ${entry.eventName} repeated` });
      return;
    }
    same.push(entry);
    same.sort((a, b) => (a.eventSource < b.eventSource ? -1 : 1));
    byName.set(entry.eventName, same);
    entries.push(entry);
  });
  const exact = (eventSource: string, eventName: string) =>
    byName.get(eventName)?.find((m) => m.eventSource === eventSource);
  return {
    entries,
    dropped,
    exact,
    lookup: (eventSource, eventName) => exact(eventSource, eventName) ?? byName.get(eventName)?.[0],
  };
}
