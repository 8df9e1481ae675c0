import type { RuleSet } from './buildRuleSet';

/**
 * A fingerprint of what a rule set decides: every rule's id and its source (the pack's file, or the
 * case file's name and text). Stored hits (db/detectionHits) are reused only under the same
 * fingerprint, so a new pack or a changed rule file means running the rules again. 64 bits of two
 * FNV-1a hashes: an accidental match is out of reach; a forged one gains nothing (hits are the
 * responder's own computation, stored in their own browser).
 */
export function ruleSetSignature(set: RuleSet, packCommit: string, caseTexts: readonly string[]) {
  const parts = [
    packCommit,
    ...set.rules.map((r) => `${r.rule.id}@${r.origin.file}`),
    ...set.correlations.map((r) => `${r.rule.id}@${r.origin.file}`),
    ...caseTexts,
  ];
  const text = parts.join('\u0000');
  return `${fnv(text, 0x811c9dc5)}${fnv(text, 0x01000193)}-${text.length}`;
}

function fnv(text: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
