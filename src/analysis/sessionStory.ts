import { STRING_FIELDS } from '../cloudtrail/types';
import type { EventIndex } from '../index/EventIndex';
import type { Annotation } from '../index/Annotation';
import type { RuleEntry } from '../index/RuleHits';
import { sessionChain } from './sessionChain';
import type { ChainNode } from './sessionChain';
import { sessionList } from './sessionList';
import type { SessionSummary } from './sessionTypes';

const KEY = STRING_FIELDS.indexOf('accessKeyId');

/**
 * A quiet spell longer than this between two events starts a new burst (ms). Scripted and console
 * activity comes in runs seconds apart, and CloudTrail delivers a region's events in files about
 * 5 minutes apart; 15 minutes of silence is well past both, so a break means the actor stopped, not
 * that a delivery lagged. Role sessions last 1 h by default, so a session rarely has many.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/how-cloudtrail-works.html
 */
export const STORY_GAP_MS = 15 * 60_000;
/** Most events a story lists (the earliest); the summary still counts every one. */
export const STORY_MAX_EVENTS = 5000;

/** One event of a story, from the index, with the responder's marks and the rules it hit. */
export interface StoryEvent {
  readonly row: number;
  readonly eventID: string;
  readonly time: number;
  readonly eventSource: string;
  readonly eventName: string;
  /** Resource names (resources column: ARNs or names), in record order. */
  readonly resources: readonly string[];
  /** '' when the call succeeded. */
  readonly errorCode: string;
  readonly sourceIPAddress: string;
  readonly awsRegion: string;
  readonly bookmarked: boolean;
  readonly tags: readonly string[];
  readonly note: string;
  /** Titles of the detection rules with an active hit on it. */
  readonly rules: readonly string[];
}

/** A run of events with no gap over STORY_GAP_MS inside it. */
export interface StoryBurst {
  /** Index of its first event in `events`, and how many follow. */
  readonly from: number;
  readonly count: number;
  readonly start: number;
  readonly end: number;
  readonly errors: number;
  /** Silence before it, ms (0 for the first burst). */
  readonly gapBeforeMs: number;
  /** Its most frequent calls, at most 3. */
  readonly calls: readonly { readonly eventName: string; readonly events: number }[];
}

/** A session told as a story (`?view=sessions&session=<key>`): the whole session, not a filter. */
export interface SessionStory {
  readonly summary: SessionSummary;
  /** In time order (ties by row), at most STORY_MAX_EVENTS. */
  readonly events: readonly StoryEvent[];
  readonly truncated: boolean;
  readonly bursts: readonly StoryBurst[];
  readonly gapMs: number;
  /** Every distinct call, most events first. */
  readonly calls: readonly {
    readonly eventSource: string;
    readonly eventName: string;
    readonly events: number;
  }[];
  readonly chain: ChainNode;
  readonly elapsedMs: number;
}

/** What a story reads beside the index: the responder's marks and the detection hits of a row. */
export interface StoryMarks {
  readonly annotation: (row: number) => Annotation | undefined;
  readonly rules: (row: number) => readonly RuleEntry[];
}

/**
 * The story of session `key` (a temporary access key): its events in time order with bursts and
 * the gaps between them, its distinct calls, and its credential chain (sessionChain). Index only.
 * Undefined when no event in the case is signed with `key`.
 */
export function sessionStory(
  index: EventIndex,
  key: string,
  marks: StoryMarks,
): SessionStory | undefined {
  const started = performance.now();
  const code = index.dicts[KEY]?.find(key) ?? -1;
  if (code < 0 || !key.startsWith('ASIA')) return undefined;
  const keys = index.cols[KEY]?.data ?? new Uint32Array(0);
  const found: number[] = [];
  for (let row = 0; row < index.size; row++) if (keys[row] === code) found.push(row);
  const times = index.time.data;
  const rows = Uint32Array.from(found).sort();
  const ordered = [...rows].sort((a, b) => {
    const d = (times[a] ?? 0) - (times[b] ?? 0);
    return d !== 0 ? d : a - b;
  });
  const summary = sessionList(index, rows, 'start', 1).sessions[0];
  if (summary === undefined) return undefined;
  const events = ordered.slice(0, STORY_MAX_EVENTS).map((row) => storyEvent(index, row, marks));
  return {
    summary,
    events,
    truncated: ordered.length > events.length,
    bursts: burstsOf(events),
    gapMs: STORY_GAP_MS,
    calls: callsOf(events),
    chain: sessionChain(index, key),
    elapsedMs: performance.now() - started,
  };
}

function storyEvent(index: EventIndex, row: number, marks: StoryMarks): StoryEvent {
  const resources: string[] = [];
  const offsets = index.resOffsets.data;
  for (let r = offsets[row] ?? 0; r < (offsets[row + 1] ?? 0); r++) {
    resources.push(index.resNameDict.get(index.resName.data[r] ?? 0));
  }
  const annotation = marks.annotation(row);
  return {
    row,
    eventID: index.eventId(row),
    time: index.time.data[row] ?? 0,
    eventSource: index.value('eventSource', row),
    eventName: index.value('eventName', row),
    resources,
    errorCode: index.value('errorCode', row),
    sourceIPAddress: index.value('sourceIPAddress', row),
    awsRegion: index.value('awsRegion', row),
    bookmarked: annotation?.bookmarked === true,
    tags: annotation?.tags ?? [],
    note: annotation?.note ?? '',
    rules: marks.rules(row).map((r) => r.title),
  };
}

/** Splits time-ordered events where the silence between two exceeds STORY_GAP_MS. */
export function burstsOf(events: readonly StoryEvent[]): StoryBurst[] {
  const bursts: StoryBurst[] = [];
  let from = 0;
  for (let i = 1; i <= events.length; i++) {
    const prev = events[i - 1];
    const next = events[i];
    if (next !== undefined && prev !== undefined && next.time - prev.time <= STORY_GAP_MS) continue;
    const run = events.slice(from, i);
    const before = events[from - 1];
    const first = run[0];
    if (first !== undefined) {
      bursts.push({
        from,
        count: run.length,
        start: first.time,
        end: run[run.length - 1]?.time ?? first.time,
        errors: run.filter((e) => e.errorCode !== '').length,
        gapBeforeMs: before === undefined ? 0 : first.time - before.time,
        calls: topCalls(run),
      });
    }
    from = i;
  }
  return bursts;
}

function topCalls(run: readonly StoryEvent[]) {
  const counts = new Map<string, number>();
  for (const e of run) counts.set(e.eventName, (counts.get(e.eventName) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => (b[1] !== a[1] ? b[1] - a[1] : a[0] < b[0] ? -1 : 1))
    .slice(0, 3)
    .map(([eventName, events]) => ({ eventName, events }));
}

function callsOf(events: readonly StoryEvent[]) {
  const counts = new Map<string, { eventSource: string; eventName: string; events: number }>();
  for (const e of events) {
    const id = `${e.eventSource}\n${e.eventName}`;
    const c = counts.get(id) ?? { eventSource: e.eventSource, eventName: e.eventName, events: 0 };
    c.events++;
    counts.set(id, c);
  }
  return [...counts.values()].sort((a, b) =>
    b.events !== a.events ? b.events - a.events : a.eventName < b.eventName ? -1 : 1,
  );
}
