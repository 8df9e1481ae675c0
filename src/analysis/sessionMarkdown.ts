import { formatDuration } from '../lib/formatDuration';
import { markdownText as md } from '../lib/markdownText';
import type { ChainNode } from './sessionChain';
import type { SessionStory } from './sessionStory';

/** One line per distinct call (`eventSource\neventName` → TrailDiscover's description). */
export type CallNotes = ReadonlyMap<string, string>;

/**
 * A session story as a Markdown report: a heading, the figures, the credential chain as a nested
 * list, the distinct calls with TrailDiscover's meaning (CC BY 4.0, credited), then the events as a
 * table with times in UTC and in `timeZone` (an IANA zone name; UTC when it is not one), the gaps
 * between bursts as rows of their own, and the responder's notes. Every string from the log or the
 * responder is escaped (markdownText): it is attacker-controlled.
 */
export function sessionMarkdown(
  story: SessionStory,
  timeZone: string,
  meanings: CallNotes,
): string {
  const zone = validZone(timeZone);
  const local = (ms: number) => formatIn(ms, zone);
  const s = story.summary;
  const out: string[] = [
    `# Session ${md(s.key)}`,
    '',
    `- Identity: ${md(firstText(s.arn, s.userName, '(none)'))}${s.userName === '' ? '' : ` (${md(s.userName)})`}`,
    `- Account: ${md(s.account)}`,
    `- Start: ${utc(s.start)} (${md(local(s.start))} ${md(zone)})`,
    `- End: ${utc(s.end)} (${md(local(s.end))} ${md(zone)})`,
    `- Duration: ${md(formatDuration(s.durationMs))}`,
    `- Events: ${s.events}, errors: ${s.errors}`,
    `- Source IPs (${s.ips}): ${s.topIps.map((ip) => `${md(ip.value)} (${ip.events})`).join(', ')}`,
    `- Regions: ${s.regions.map((r) => `${md(r.value)} (${r.events})`).join(', ')}`,
    '',
    '## Credential chain',
    '',
    ...chainLines(story.chain, 0),
    '',
    '## Calls',
    '',
    ...story.calls.map((c) => {
      const meaning = meanings.get(`${c.eventSource}\n${c.eventName}`);
      return `- ${md(c.eventSource)} ${md(c.eventName)} (${c.events})${meaning === undefined ? '' : `: ${md(meaning)}`}`;
    }),
    '',
    'Call meanings: TrailDiscover (https://traildiscover.cloud/), CC BY 4.0.',
    '',
    '## Events',
    '',
    `Times in UTC and ${md(zone)}. A gap over ${formatDuration(story.gapMs)} starts a new burst.`,
    '',
    `| Time (UTC) | Time (${md(zone)}) | Call | Target | Outcome | Source IP | Region | Rules | Note |`,
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const burst of story.bursts) {
    if (burst.gapBeforeMs > 0) {
      out.push(`| — ${md(formatDuration(burst.gapBeforeMs))} later — | | | | | | | | |`);
    }
    for (const e of story.events.slice(burst.from, burst.from + burst.count)) {
      out.push(
        `| ${utc(e.time)} | ${md(local(e.time))} | ${md(e.eventSource)} ${md(e.eventName)} | ${e.resources.map(md).join(', ')} | ${e.errorCode === '' ? 'success' : md(e.errorCode)} | ${md(e.sourceIPAddress)} | ${md(e.awsRegion)} | ${e.rules.map(md).join(', ')} | ${e.bookmarked ? '★ ' : ''}${e.tags.map((t) => `#${md(t)}`).join(' ')} ${md(e.note)} |`,
      );
    }
  }
  if (story.truncated) out.push('', `Only the first ${story.events.length} events are listed.`);
  const noted = story.events.filter((e) => e.note !== '' || e.bookmarked || e.tags.length > 0);
  out.push('', '## Notes', '');
  if (noted.length === 0) out.push('None.');
  for (const e of noted) {
    out.push(
      `- ${utc(e.time)} ${md(e.eventName)} (${md(e.eventID)})${e.bookmarked ? ' ★' : ''}${e.tags.length === 0 ? '' : ` tags: ${e.tags.map(md).join(', ')}`}${e.note === '' ? '' : `: ${md(e.note)}`}`,
    );
  }
  return `${out.join('\n')}\n`;
}

function chainLines(node: ChainNode, depth: number): string[] {
  const pad = '  '.repeat(depth);
  const via =
    node.issuedBy === undefined
      ? ''
      : `${md(node.issuedBy.eventName)} at ${utc(node.issuedBy.eventTime)} → `;
  const who = md(firstText(node.arn, node.userName, '(unknown identity)'));
  const line = `${pad}- ${via}${who} · key ${md(firstText(node.key, '(none)'))} · account ${md(firstText(node.account, '?'))} · ${node.events} ${node.events === 1 ? 'event' : 'events'}${node.crossAccount ? ' · **cross-account**' : ''}${node.current ? ' · **this session**' : ''}${node.incomplete ? ' · issued outside the case' : ''}`;
  const more = node.moreChildren > 0 ? [`${pad}  - and ${node.moreChildren} other sessions`] : [];
  return [line, ...node.children.flatMap((c) => chainLines(c, depth + 1)), ...more];
}

/** ISO 8601 UTC to the second, the form CloudTrail writes eventTime in. */
function utc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

function validZone(zone: string): string {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}

function formatIn(ms: number, zone: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(ms);
}

/** The first of `texts` that is not empty ('' when all are). */
function firstText(...texts: string[]): string {
  return texts.find((t) => t !== '') ?? '';
}
