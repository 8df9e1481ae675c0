#!/usr/bin/env node
// Re-vendors the SigmaHQ CloudTrail rules from a checkout of https://github.com/SigmaHQ/sigma and
// reports what changed: rules added, removed, and changed (by id, with their titles).
//
//   node scripts/vendorSigmaRules.js <sigma checkout> [--commit <sha>] [--dry-run]
//
// The rules are copied byte for byte (Detection Rule License 1.1: the author and a link to each
// rule must stay with it), into rules/sigma/cloudtrail/, and rules/sigma/SOURCE.json records where
// they came from. --commit names the checkout's commit when it is not a git work tree.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const RULES_PATH = 'rules/cloud/aws/cloudtrail';
const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, '..', 'rules', 'sigma');
const targetRules = join(target, 'cloudtrail');

/** Every .yml file under `dir`, as paths relative to it, sorted. */
function ymlFiles(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.yml')) out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

/** id → { file, title, sha256 } of the rules in `dir`; a file without a string id is an error. */
function rulesIn(dir) {
  const rules = new Map();
  for (const file of ymlFiles(dir)) {
    const text = readFileSync(join(dir, file));
    const doc = parse(text.toString('utf8'));
    const id = doc !== null && typeof doc === 'object' ? doc.id : undefined;
    if (typeof id !== 'string') throw new Error(`${file}: no rule id`);
    if (rules.has(id)) throw new Error(`${file}: id ${id} also in ${rules.get(id).file}`);
    const title = typeof doc.title === 'string' ? doc.title : '';
    rules.set(id, { file, title, sha256: createHash('sha256').update(text).digest('hex') });
  }
  return rules;
}

function main(argv) {
  const args = argv.slice(2);
  const checkout = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--commit');
  if (checkout === undefined) {
    console.error(
      'usage: node scripts/vendorSigmaRules.js <sigma checkout> [--commit <sha>] [--dry-run]',
    );
    process.exit(2);
  }
  const dryRun = args.includes('--dry-run');
  const commitArg = args[args.indexOf('--commit') + 1];
  const commit = args.includes('--commit')
    ? commitArg
    : execFileSync('git', ['-C', checkout, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  const source = join(checkout, RULES_PATH);
  const incoming = rulesIn(source);
  if (incoming.size === 0) throw new Error(`no rules under ${source}`);
  const current = rulesIn(targetRules);

  const added = [...incoming.keys()].filter((id) => !current.has(id));
  const removed = [...current.keys()].filter((id) => !incoming.has(id));
  const changed = [...incoming.keys()].filter(
    (id) => current.has(id) && current.get(id).sha256 !== incoming.get(id).sha256,
  );
  const line = (id, r) => `  ${id}  ${r.title}  (${r.file})`;
  console.log(
    `SigmaHQ ${commit}: ${incoming.size} CloudTrail rules (${current.size} vendored now)`,
  );
  console.log(`added ${added.length}`);
  for (const id of added) console.log(line(id, incoming.get(id)));
  console.log(`removed ${removed.length}`);
  for (const id of removed) console.log(line(id, current.get(id)));
  console.log(`changed ${changed.length}`);
  for (const id of changed) console.log(line(id, incoming.get(id)));
  if (dryRun) return;

  rmSync(targetRules, { recursive: true, force: true });
  for (const r of incoming.values()) {
    const to = join(targetRules, r.file);
    mkdirSync(dirname(to), { recursive: true });
    writeFileSync(to, readFileSync(join(source, r.file)));
  }
  const manifest = {
    repository: 'https://github.com/SigmaHQ/sigma',
    commit,
    path: RULES_PATH,
    license: 'Detection Rule License (DRL) 1.1',
    licenseUrl: 'https://github.com/SigmaHQ/Detection-Rule-License',
    rules: incoming.size,
  };
  writeFileSync(join(target, 'SOURCE.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`wrote ${incoming.size} rules to ${relative(process.cwd(), targetRules)}`);
}

main(process.argv);
