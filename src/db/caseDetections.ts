import { isObject } from '../lib/isObject';
import type { CairnDatabase } from './cairnDb';

const KEY = 'detections';

/** A rule file the responder added to the case, kept as dropped (its text is the truth). */
export interface CaseRuleFile {
  /** The file's name as dropped (`my_rule.yml`), or `Saved query <name>` for a saved query. */
  readonly name: string;
  /** The YAML text, untrusted: read again by readSigmaRule whenever the case opens. */
  readonly text: string;
  /** When it was added (ms since epoch). */
  readonly addedAt: number;
}

/**
 * A responder's verdict that a rule's hits are benign: the whole rule (`event` undefined), or one
 * hit, named by the event's key (the eventID, or `file:<SHA-256>#<record index>`, as annotations),
 * so it survives re-ingests and travels in case bundles.
 */
export interface Suppression {
  readonly ruleId: string;
  readonly event?: string;
  readonly note: string;
  /** When it was made (ms since epoch). */
  readonly at: number;
}

/** The case's own rules and suppressions (meta `detections`). */
export interface CaseDetections {
  readonly kind: 'detections';
  readonly rules: readonly CaseRuleFile[];
  readonly suppressions: readonly Suppression[];
}

/** Limits that keep a hostile stored value or bundle from costing more than a real case. */
export const MAX_CASE_RULES = 2000;
export const MAX_SUPPRESSIONS = 100_000;
export const MAX_NOTE_LENGTH = 4000;
const MAX_RULE_TEXT = 256 * 1024;

export const NO_DETECTIONS: CaseDetections = { kind: 'detections', rules: [], suppressions: [] };

/** Reads the case's rules and suppressions; malformed entries are dropped, a missing value is empty. */
export async function loadCaseDetections(db: CairnDatabase): Promise<CaseDetections> {
  return readCaseDetections(await db.get('meta', KEY));
}

/** Replaces the case's rules and suppressions. @throws the IndexedDB error (a full quota). */
export async function saveCaseDetections(db: CairnDatabase, value: CaseDetections): Promise<void> {
  await db.put('meta', value, KEY);
}

/**
 * Checks an untrusted value (stored, or from a case bundle) field by field: only well-formed rule
 * files and suppressions are kept, within the limits.
 */
export function readCaseDetections(value: unknown): CaseDetections {
  if (!isObject(value)) return NO_DETECTIONS;
  return {
    kind: 'detections',
    rules: readRuleFiles(value['rules']),
    suppressions: readSuppressions(value['suppressions']),
  };
}

/** The well-formed rule files of an untrusted list. */
export function readRuleFiles(value: unknown): CaseRuleFile[] {
  if (!Array.isArray(value)) return [];
  const out: CaseRuleFile[] = [];
  for (const v of value.slice(0, MAX_CASE_RULES)) {
    if (!isObject(v)) continue;
    const { name, text, addedAt } = v;
    if (typeof name !== 'string' || typeof text !== 'string' || text.length > MAX_RULE_TEXT)
      continue;
    out.push({
      name: name.slice(0, 500),
      text,
      addedAt: typeof addedAt === 'number' && Number.isFinite(addedAt) ? addedAt : 0,
    });
  }
  return out;
}

/** The well-formed suppressions of an untrusted list. */
export function readSuppressions(value: unknown): Suppression[] {
  if (!Array.isArray(value)) return [];
  const out: Suppression[] = [];
  for (const v of value.slice(0, MAX_SUPPRESSIONS)) {
    if (!isObject(v)) continue;
    const { ruleId, event, note, at } = v;
    if (typeof ruleId !== 'string' || ruleId === '' || ruleId.length > 200) continue;
    if (event !== undefined && (typeof event !== 'string' || event.length > 300)) continue;
    out.push({
      ruleId,
      ...(typeof event === 'string' ? { event } : {}),
      note: typeof note === 'string' ? note.slice(0, MAX_NOTE_LENGTH) : '',
      at: typeof at === 'number' && Number.isFinite(at) ? at : 0,
    });
  }
  return out;
}
