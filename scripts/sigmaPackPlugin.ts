import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { matchRule } from '../src/sigma/matchRule.ts';
import { readSigmaRule } from '../src/sigma/readSigmaRule.ts';
import { packRule } from '../src/sigma/rulePack.ts';
import type { PackedRule, RulePack } from '../src/sigma/types.ts';

const ID = 'virtual:sigma-pack';
const RESOLVED = `\0${ID}`;

/**
 * Reads and compiles the vendored SigmaHQ pack (rules/sigma/cloudtrail/*.yml, SOURCE.json) once, in
 * Node: every rule is read by readSigmaRule and its condition and regexes compiled by matchRule, so a
 * rule Cairn cannot evaluate fails the build with its file and line instead of reaching a user.
 * @throws Error naming every rule that does not read or compile.
 */
export function compileRulePack(root: string): RulePack {
  const dir = join(root, 'rules/sigma');
  const source: unknown = JSON.parse(readFileSync(join(dir, 'SOURCE.json'), 'utf8'));
  const text = (key: string): string => {
    const v: unknown =
      typeof source === 'object' && source !== null
        ? Object.entries(source).find(([k]) => k === key)?.[1]
        : undefined;
    if (typeof v !== 'string') throw new Error(`rules/sigma/SOURCE.json: "${key}" is missing`);
    return v;
  };
  const rules: PackedRule[] = [];
  const problems: string[] = [];
  const files = readdirSync(join(dir, 'cloudtrail'))
    .filter((f) => f.endsWith('.yml'))
    .sort();
  for (const file of files) {
    const reading = readSigmaRule(readFileSync(join(dir, 'cloudtrail', file), 'utf8'));
    if (!reading.ok) {
      for (const p of reading.problems) problems.push(`${file}:${p.line}: ${p.message}`);
      continue;
    }
    try {
      matchRule(reading.rule);
    } catch (e) {
      problems.push(`${file}: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    rules.push(packRule(reading.rule, file));
  }
  if (problems.length > 0) throw new Error(`The Sigma rule pack:\n${problems.join('\n')}`);
  return {
    repository: text('repository'),
    commit: text('commit'),
    path: text('path'),
    license: text('license'),
    rules,
  };
}

/**
 * `import pack from 'virtual:sigma-pack'`: the rule pack compiled at build time (compileRulePack) as
 * one JSON module, so the app ships no YAML parsing for its own rules and never reads a rule file at
 * run time. Vitest uses it too (vitest.config.ts).
 */
export function sigmaPack(root: string = process.cwd()): Plugin {
  return {
    name: 'cairn-sigma-pack',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      for (const f of readdirSync(join(root, 'rules/sigma/cloudtrail')))
        this.addWatchFile(join(root, 'rules/sigma/cloudtrail', f));
      return `export default ${JSON.stringify(compileRulePack(root))};`;
    },
  };
}
