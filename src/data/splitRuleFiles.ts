import { MAX_RULE_BYTES } from '../sigma/readSigmaRule';
import type { InputFile } from '../engine/ingest/types';

/** A rule file's reading as the drop notice lists it: rule ids added, or problems with lines. */
export interface DroppedRuleReading {
  readonly name: string;
  readonly ruleIds: readonly string[];
  /** `line` is 1-based; 0 when the problem is the file as a whole. */
  readonly problems: readonly { readonly message: string; readonly line: number }[];
}

/**
 * True for a path Cairn takes as a Sigma rule file (`.yml`, `.yaml`, any case): CloudTrail
 * delivers `.json` and `.json.gz`, so a YAML file in a drop is a rule, never a log.
 * @see https://sigmahq.io/docs/basics/rules.html
 */
export function isRuleFilePath(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

/** Splits dropped files into rule files (isRuleFilePath) and the rest, each in the given order. */
export function splitRuleFiles<T extends { readonly path: string }>(
  inputs: readonly T[],
): { readonly rules: T[]; readonly logs: T[] } {
  const rules: T[] = [];
  const logs: T[] = [];
  for (const input of inputs) (isRuleFilePath(input.path) ? rules : logs).push(input);
  return { rules, logs };
}

/**
 * Reads dropped rule files as text, named by their dropped path. A file over `maxBytes` (default
 * MAX_RULE_BYTES, 256 KB) is refused by its size alone, without being read; so is one the browser
 * cannot read.
 */
export async function readRuleFiles(
  inputs: readonly InputFile[],
  maxBytes = MAX_RULE_BYTES,
): Promise<{
  readonly read: { readonly name: string; readonly text: string }[];
  readonly refused: DroppedRuleReading[];
}> {
  const read: { name: string; text: string }[] = [];
  const refused: DroppedRuleReading[] = [];
  const refuse = (name: string, message: string) =>
    refused.push({ name, ruleIds: [], problems: [{ message, line: 0 }] });
  for (const { file, path } of inputs) {
    if (file.size > maxBytes) {
      refuse(path, `the file is ${kb(file.size)}; a rule file is at most ${kb(maxBytes)}`);
      continue;
    }
    try {
      read.push({ name: path, text: await file.text() });
    } catch (e) {
      refuse(path, `the file could not be read: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return { read, refused };
}

function kb(bytes: number): string {
  return `${Math.ceil(bytes / 1024).toLocaleString('en-US')} KB`;
}
