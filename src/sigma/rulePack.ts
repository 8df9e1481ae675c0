import type { PackedRule, RulePack, SigmaRule } from './types';

/** The build's form of a rule (see PackedRule): selections as entries, plus its file name. */
export function packRule(rule: SigmaRule, file: string): PackedRule {
  return { ...rule, selections: [...rule.selections], file };
}

/** The rule a PackedRule holds. */
export function unpackRule(packed: PackedRule): SigmaRule {
  const { selections } = packed;
  return {
    id: packed.id,
    title: packed.title,
    author: packed.author,
    status: packed.status,
    level: packed.level,
    description: packed.description,
    references: packed.references,
    tags: packed.tags,
    falsepositives: packed.falsepositives,
    selections: new Map(selections),
    condition: packed.condition,
  };
}

/**
 * The web address of a packed rule at the vendored commit: the link the Detection Rule License 1.1
 * asks every shown hit to carry, e.g.
 * https://github.com/SigmaHQ/sigma/blob/8eaafff…/rules/cloud/aws/cloudtrail/aws_cloudtrail_disable_logging.yml
 */
export function packedRuleUrl(
  pack: Pick<RulePack, 'repository' | 'commit' | 'path'>,
  file: string,
) {
  return `${pack.repository}/blob/${pack.commit}/${pack.path}/${encodeURIComponent(file)}`;
}
