#!/usr/bin/env node
// Re-vendors TrailDiscover's per-eventName descriptions from a checkout of
// https://github.com/adanalvarez/TrailDiscover (CC BY 4.0) and reports what changed: eventNames
// added, removed and changed (by eventSource and eventName).
//
//   node scripts/vendorTrailDiscover.js <TrailDiscover checkout> [--commit <sha>] [--date <iso>] [--out <dir>] [--dry-run]
//
// It reads the source of truth, `events/<Service>/<EventName>.json` (one file per event; the
// generated docs/events.json can lag behind it), keeps only what Cairn shows, and writes
// rules/traildiscover/events.json sorted by eventSource then eventName, so that the same checkout
// always gives the same bytes. It copies the licence and records the commit in SOURCE.json.
// --commit and --date name the commit when the folder is not a git work tree; --out writes
// elsewhere than rules/traildiscover (the script's test does).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPOSITORY = 'https://github.com/adanalvarez/TrailDiscover';
// The site opens an event's card from `#<awsService>-<eventName>` (docs/initializeGrid.js, parseHash).
const SITE = 'https://traildiscover.cloud/';
const here = dirname(fileURLToPath(import.meta.url));
const TACTIC = /^TA\d{4} - \S/;
const TECHNIQUE = /^T\d{4}(\.\d{3})? - \S/;
// A few files write "T1562.001: name" or "T1562.001 name"; they are read as "T1562.001 - name".
const LOOSE_TECHNIQUE = /^(T\d{4}(?:\.\d{3})?)\s*[:-]?\s+(\S.*)$/;

/** Every `*.json` (not `*.json.cloudtrail`) under `dir`, as paths relative to it, sorted. */
function eventFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.json')) out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

const strings = (v) => (Array.isArray(v) ? v.filter((s) => typeof s === 'string') : []);
const links = (v) =>
  (Array.isArray(v) ? v : [])
    .filter((l) => l !== null && typeof l === 'object')
    .filter((l) => typeof l.description === 'string' && typeof l.link === 'string')
    .filter((l) => /^https?:\/\//.test(l.link))
    .map((l) => ({ title: l.description.trim(), link: l.link.trim() }));
const unique = (list) => [...new Set(list)];

/** One TrailDiscover event file → the entry Cairn keeps, and the oddities it fixed on the way. */
function entryOf(file, doc, notes) {
  const need = ['eventName', 'eventSource', 'awsService', 'description'];
  for (const key of need) {
    if (typeof doc[key] !== 'string' || doc[key].trim() === '') {
      throw new Error(`${file}: no ${key}`);
    }
  }
  // A technique filed under the tactics (Bedrock's T1496 in places) is kept, as a technique.
  const tacticList = strings(doc.mitreAttackTactics).map((s) => s.trim());
  const misfiled = tacticList.filter((t) => !TACTIC.test(t));
  for (const t of misfiled) notes.push(`${file}: "${t}" is not a tactic`);
  const techniques = unique(
    [
      ...misfiled,
      ...strings(doc.mitreAttackTechniques),
      ...strings(doc.mitreAttackSubTechniques),
    ].map((s) => s.trim().replace(LOOSE_TECHNIQUE, '$1 - $2')),
  ).filter((t) => {
    if (TECHNIQUE.test(t)) return true;
    notes.push(`${file}: "${t}" dropped (not a technique)`);
    return false;
  });
  const awsService = doc.awsService.trim();
  const eventName = doc.eventName.trim();
  return {
    eventSource: doc.eventSource.trim(),
    eventName,
    description: doc.description.trim(),
    tactics: unique(tacticList.filter((t) => TACTIC.test(t))),
    techniques,
    incidents: links(doc.incidents),
    research: links(doc.researchLinks),
    // The site's hash splits on '-', so a service name holding one cannot be linked to.
    page: /^[A-Za-z0-9]+$/.test(awsService) ? `${SITE}#${awsService}-${eventName}` : SITE,
  };
}

/** The entries of a checkout, sorted by eventSource then eventName; a repeated pair is an error. */
function readCheckout(checkout, notes) {
  const dir = join(checkout, 'events');
  if (!existsSync(dir)) throw new Error(`no events/ folder in ${checkout}`);
  const byKey = new Map();
  for (const file of eventFiles(dir)) {
    const doc = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const entry = entryOf(file, doc, notes);
    const key = `${entry.eventSource} ${entry.eventName}`;
    if (byKey.has(key)) throw new Error(`${file}: ${key} also in ${byKey.get(key).file}`);
    byKey.set(key, { file, entry });
  }
  return [...byKey.values()]
    .map((v) => v.entry)
    .sort((a, b) => compare(a.eventSource, b.eventSource) || compare(a.eventName, b.eventName));
}

// Code-unit order, not the locale's: the file must be the same bytes on every machine.
const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const keyOf = (e) => `${e.eventSource} ${e.eventName}`;

function git(checkout, args) {
  return execFileSync('git', ['-C', checkout, ...args], { encoding: 'utf8' }).trim();
}

function option(args, name) {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
}

function main(argv) {
  const args = argv.slice(2);
  const valued = new Set(['--commit', '--date', '--out']);
  const checkout = args.find((a, i) => !a.startsWith('--') && !valued.has(args[i - 1]));
  if (checkout === undefined) {
    console.error(
      'usage: node scripts/vendorTrailDiscover.js <TrailDiscover checkout> [--commit <sha>] [--date <iso>] [--out <dir>] [--dry-run]',
    );
    process.exit(2);
  }
  const dryRun = args.includes('--dry-run');
  const target = option(args, '--out') ?? join(here, '..', 'rules', 'traildiscover');
  const commit = option(args, '--commit') ?? git(checkout, ['rev-parse', 'HEAD']);
  const date = option(args, '--date') ?? git(checkout, ['log', '-1', '--format=%cs', commit]);
  const notes = [];
  const incoming = readCheckout(checkout, notes);
  const file = join(target, 'events.json');
  const current = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : [];
  const was = new Map(current.map((e) => [keyOf(e), JSON.stringify(e)]));
  const now = new Map(incoming.map((e) => [keyOf(e), JSON.stringify(e)]));

  const added = [...now.keys()].filter((k) => !was.has(k));
  const removed = [...was.keys()].filter((k) => !now.has(k));
  const changed = [...now.keys()].filter((k) => was.has(k) && was.get(k) !== now.get(k));
  console.log(
    `TrailDiscover ${commit} (${date}): ${incoming.length} events (${current.length} vendored now)`,
  );
  for (const n of notes) console.log(`note: ${n}`);
  for (const [label, list] of [
    ['added', added],
    ['removed', removed],
    ['changed', changed],
  ]) {
    console.log(`${label} ${list.length}`);
    for (const k of list) console.log(`  ${k}`);
  }
  if (dryRun) return;

  mkdirSync(target, { recursive: true });
  // One entry a line: small diffs when TrailDiscover changes, and still compact.
  const body = incoming.map((e) => `  ${JSON.stringify(e)}`).join(',\n');
  writeFileSync(file, `[\n${body}\n]\n`);
  writeFileSync(join(target, 'LICENSE'), readFileSync(join(checkout, 'LICENSE')));
  const manifest = {
    repository: REPOSITORY,
    commit,
    date,
    path: 'events',
    license: 'CC BY 4.0',
    licenseUrl: 'https://creativecommons.org/licenses/by/4.0/',
    events: incoming.length,
  };
  writeFileSync(join(target, 'SOURCE.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`wrote ${incoming.length} events to ${relative(process.cwd(), file)}`);
}

main(process.argv);
