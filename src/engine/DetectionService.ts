import pack from 'virtual:sigma-pack';
import {
  MAX_CASE_RULES,
  MAX_NOTE_LENGTH,
  MAX_SUPPRESSIONS,
  loadCaseDetections,
  saveCaseDetections,
} from '../db/caseDetections';
import type { CaseDetections, CaseRuleFile, Suppression } from '../db/caseDetections';
import { buildRuleSet } from '../detect/buildRuleSet';
import type { RuleFileReading, RuleSet } from '../detect/buildRuleSet';
import { levelRank } from '../detect/attackTags';
import { detectionReport } from '../detect/detectionReport';
import type { ReportFormat } from '../detect/detectionReport';
import { runRules } from '../detect/runRules';
import { callCounts } from '../detect/callCounts';
import type { CallCount } from '../detect/callCounts';
import { PACK_KEY } from '../detect/packRules';
import type { FileRuleHits } from '../detect/fileRuleHits';
import { ruleSetSignature } from '../detect/ruleSetSignature';
import { loadDetectionHits, saveDetectionHits } from '../db/detectionHits';
import { scanAllRecords } from '../detect/scanAllRecords';
import { summarizeRule } from '../detect/summarizeRule';
import type { RuleSummary, SummarizedRule } from '../detect/summarizeRule';
import { applySuppressions } from '../detect/applySuppressions';
import { correlateHits } from '../detect/correlateHits';
import type { RuleHits } from '../index/RuleHits';
import { MAX_RULE_BYTES } from '../sigma/readSigmaRule';
import type { CaseParts } from './CaseParts';

/** Where the rules stand: running (steps done of total), or idle after the last run. */
export interface DetectionProgress {
  readonly running: boolean;
  readonly done: number;
  readonly total: number;
  /** Rows evaluated by the run under way or the last one. */
  readonly rows: number;
  /** Duration of the last finished run (ms), and records it read back of rows it evaluated. */
  readonly lastRunMs: number | undefined;
  readonly recordsRead: number;
}

/** What the Detections view shows. */
export interface DetectionsView {
  readonly progress: DetectionProgress;
  /** Every rule, those with hits first, most severe first, then by hits. */
  readonly rules: readonly RuleSummary[];
  /** The case's own rule files, read (problems listed per file). */
  readonly files: readonly RuleFileReading[];
  /** Where the pack comes from, for its credit line. */
  readonly pack: { readonly repository: string; readonly commit: string; readonly license: string };
  /** Distinct events with an active hit. */
  readonly eventsMatched: number;
}

/** One rule's hit on one event, for the detail pane. */
export interface EventRuleHit {
  readonly rule: RuleSummary;
  /** This hit is marked benign (alone or with its whole rule), with the note. */
  readonly suppression: Suppression | undefined;
}

/**
 * The case's detections: the vendored SigmaHQ pack plus the case's own rule files, run over the
 * index in this worker (runRules) after the case opens, after each ingest over the new rows only,
 * and after the rule set changes; the hits (RuleHits) answer `rule:`, `level:` and `attack:`
 * clauses. Suppressions and rule files are kept in the case (meta `detections`) and travel in
 * bundles. Runs queue one after another; a change of the rule set stops the run under way.
 */
export class DetectionService {
  private readonly hits: RuleHits;
  private readonly parts: CaseParts;
  private kept: CaseDetections;
  private set: RuleSet;
  private queue: Promise<void> = Promise.resolve();
  private generation = 0;
  /** start(): the stored hits are read before any run is queued; settled() waits for it. */
  private starting: Promise<void> = Promise.resolve();
  /** Rows 0 to this (exclusive) have been run under the current rule set. */
  private covered = 0;
  private pending = 0;
  private state: DetectionProgress = {
    running: false,
    done: 0,
    total: 0,
    rows: 0,
    lastRunMs: undefined,
    recordsRead: 0,
  };

  /** Hits the parse workers found in files whose rows no run has covered yet (runRules parsed). */
  private readonly parsed = new Map<number, Map<string, Uint32Array>>();
  private readonly packIds: ReadonlySet<string> = new Set(pack.rules.map((r) => r.id));

  private constructor(parts: CaseParts, stored: CaseDetections) {
    this.parts = parts;
    this.hits = parts.hits;
    this.kept = stored;
    this.set = buildRuleSet(pack, stored.rules);
    this.declare();
  }

  /** Loads the case's rule files and suppressions; call start() to evaluate the stored events. */
  static async load(parts: CaseParts): Promise<DetectionService> {
    return new DetectionService(parts, await loadCaseDetections(parts.db));
  }

  /** Queues a run over every row of the index (the case just opened, or its rules changed). */
  start(): Promise<void> {
    const begun = this.begin();
    this.starting = begun.catch(() => undefined);
    return begun;
  }

  private async begin(): Promise<void> {
    const stored = await loadDetectionHits(this.parts.db).catch(() => undefined);
    const { index } = this.parts;
    const last = (stored?.rows ?? 0) - 1;
    const usable =
      stored !== undefined &&
      stored.signature === this.signature() &&
      stored.rows <= index.size &&
      (stored.rows === 0 ||
        (index.fileId.data[last] === stored.lastFileId &&
          index.recordIndex.data[last] === stored.lastRecordIndex));
    if (!usable) return this.rerun();
    for (const [id, rows] of stored.hits) this.hits.replace(id, rows);
    this.covered = stored.rows;
    this.applySuppressions();
    return this.enqueue(stored.rows, false);
  }

  /** Queues a run over rows `from` onwards: the rows an ingest added. */
  addedRows(from: number): Promise<void> {
    return this.enqueue(from, false);
  }

  /**
   * Keeps the hits a parse worker found in file `fileId` (fileRuleHits) for the run over its rows.
   * Hits of another pack than this build's (`rulesKey`) are ignored.
   */
  noteParsed(fileId: number, hits: FileRuleHits, rulesKey: string): void {
    if (rulesKey === PACK_KEY) this.parsed.set(fileId, new Map(hits));
  }

  /** Where the rules stand. */
  progress(): DetectionProgress {
    return this.state;
  }

  /** Resolves when every queued run has ended. */
  async settled(): Promise<void> {
    await this.starting;
    for (let q = this.queue; ; q = this.queue) {
      await q;
      if (q === this.queue) return;
    }
  }

  /** The Detections view's content. */
  view(): DetectionsView {
    const rules = this.listed()
      .map((r) => summarizeRule(r, this.hits, this.parts.index, this.ruleBenign(r.rule.id)))
      .sort(
        (a, b) =>
          [
            Number(b.hits > 0) - Number(a.hits > 0),
            levelRank(a.level) - levelRank(b.level),
            b.hits - a.hits,
            a.title.localeCompare(b.title),
          ].find((d) => d !== 0) ?? 0,
      );
    const events = new Set<number>();
    for (const r of this.set.rules)
      for (const row of this.hits.activeRows(r.rule.id)) events.add(row);
    return {
      progress: this.state,
      rules,
      files: this.set.files,
      pack: { repository: pack.repository, commit: pack.commit, license: pack.license },
      eventsMatched: events.size,
    };
  }

  /** Every call of the case with its event count (the Detections view's sensitive calls). */
  callCounts(): CallCount[] {
    return callCounts(this.parts.index);
  }

  /** The rules `row` matched, suppressed hits included, most severe first. */
  eventHits(row: number): EventRuleHit[] {
    const key = this.parts.notes.current.keyOf(this.parts.index, row);
    const out: EventRuleHit[] = [];
    for (const { id } of this.hits.allRulesOf(row)) {
      const r = this.listed().find((x) => x.rule.id === id);
      if (r === undefined) continue;
      const suppression =
        this.kept.suppressions.find((s) => s.ruleId === id && s.event === key) ??
        this.kept.suppressions.find((s) => s.ruleId === id && s.event === undefined);
      out.push({
        rule: summarizeRule(r, this.hits, this.parts.index, this.ruleBenign(id)),
        suppression,
      });
    }
    return out.sort((a, b) => levelRank(a.rule.level) - levelRank(b.rule.level));
  }

  /**
   * Marks rule `ruleId`'s hit on `row` (or, without a row, the whole rule) benign with `note`.
   * @throws Error when the rule is unknown or the case holds too many suppressions.
   */
  async suppress(ruleId: string, row: number | undefined, note: string): Promise<void> {
    if (!this.listed().some((r) => r.rule.id === ruleId)) throw new Error('No such rule');
    const event =
      row === undefined ? undefined : this.parts.notes.current.keyOf(this.parts.index, row);
    const rest = this.kept.suppressions.filter((s) => !(s.ruleId === ruleId && s.event === event));
    if (rest.length >= MAX_SUPPRESSIONS) throw new Error('Too many suppressions in this case');
    const entry: Suppression = {
      ruleId,
      ...(event === undefined ? {} : { event }),
      note: note.slice(0, MAX_NOTE_LENGTH),
      at: Date.now(),
    };
    await this.store({ ...this.kept, suppressions: [...rest, entry] });
    this.applySuppressions();
  }

  /** Undoes a suppression of rule `ruleId` on `row` (or of the whole rule, without a row). */
  async unsuppress(ruleId: string, row: number | undefined): Promise<void> {
    const event =
      row === undefined ? undefined : this.parts.notes.current.keyOf(this.parts.index, row);
    const suppressions = this.kept.suppressions.filter(
      (s) => !(s.ruleId === ruleId && s.event === event),
    );
    await this.store({ ...this.kept, suppressions });
    this.applySuppressions();
  }

  /**
   * Adds rule files (untrusted YAML) to the case. Each is read at once: those that read are kept and
   * run over the whole case; the answer gives each file's rule ids or problems.
   * @throws Error when the case would hold too many rule files.
   */
  async addRuleFiles(files: readonly { name: string; text: string }[]): Promise<RuleFileReading[]> {
    const added: CaseRuleFile[] = [];
    const answers: RuleFileReading[] = [];
    for (const f of files) {
      const file: CaseRuleFile = { name: f.name, text: f.text, addedAt: Date.now() };
      if (f.text.length > MAX_RULE_BYTES) {
        const message = `a rule file is at most ${MAX_RULE_BYTES} bytes`;
        answers.push({ name: f.name, ruleIds: [], problems: [{ message, line: 0 }] });
        continue;
      }
      const trial = buildRuleSet(pack, [...this.kept.rules, ...added, file]);
      const reading = trial.files.at(-1);
      if (reading === undefined) continue;
      answers.push(reading);
      if (reading.problems.length === 0) added.push(file);
    }
    if (added.length > 0) {
      if (this.kept.rules.length + added.length > MAX_CASE_RULES)
        throw new Error(`A case keeps at most ${MAX_CASE_RULES} rule files`);
      await this.store({ ...this.kept, rules: [...this.kept.rules, ...added] });
      this.set = buildRuleSet(pack, this.kept.rules);
      this.declare();
      await this.rerun();
    }
    return answers;
  }

  /** Removes the case's rule file named `name` (its rules and their hits go with it). */
  async removeRuleFile(name: string): Promise<void> {
    const rules = this.kept.rules.filter((f) => f.name !== name);
    if (rules.length === this.kept.rules.length) return;
    await this.store({ ...this.kept, rules });
    this.set = buildRuleSet(pack, rules);
    this.declare();
    await this.rerun();
  }

  /** The case's rule files and suppressions as stored (case bundles carry them). */
  caseDetections(): CaseDetections {
    return this.kept;
  }

  /**
   * Adds a bundle's rule files (those whose name and text are new) and suppressions (those not
   * already made), then runs the rules again when any file was added.
   */
  async merge(incoming: CaseDetections): Promise<{ rules: number; suppressions: number }> {
    const rules = [...this.kept.rules];
    for (const f of incoming.rules)
      if (!rules.some((r) => r.name === f.name && r.text === f.text)) rules.push(f);
    const suppressions = [...this.kept.suppressions];
    for (const s of incoming.suppressions)
      if (!suppressions.some((x) => x.ruleId === s.ruleId && x.event === s.event))
        suppressions.push(s);
    const added = {
      rules: rules.length - this.kept.rules.length,
      suppressions: suppressions.length - this.kept.suppressions.length,
    };
    if (added.rules === 0 && added.suppressions === 0) return added;
    await this.store({
      kind: 'detections',
      rules: rules.slice(0, MAX_CASE_RULES),
      suppressions: suppressions.slice(0, MAX_SUPPRESSIONS),
    });
    if (added.rules > 0) {
      this.set = buildRuleSet(pack, this.kept.rules);
      this.declare();
      await this.rerun();
    } else this.applySuppressions();
    return added;
  }

  /**
   * Runs every rule the plain way (scanAllRecords: every stored record read back and tested), for
   * the bench's reference figure and the tests' cross-check. Returns its duration (ms), the records
   * read, and the hits by rule id; changes nothing.
   */
  async plainScan(): Promise<{ ms: number; records: number; hits: Record<string, number[]> }> {
    const { index, reader } = this.parts;
    const started = performance.now();
    const { hits, recordsRead } = await scanAllRecords(this.set.rules, index, (fileId) =>
      reader.records(fileId),
    );
    return {
      ms: performance.now() - started,
      records: recordsRead,
      hits: Object.fromEntries(hits),
    };
  }

  /** Every rule's hits (suppressed ones included) by rule id, rows ascending: tests compare them. */
  allHits(): Record<string, number[]> {
    return Object.fromEntries(
      this.listed().map((r) => [r.rule.id, [...this.hits.rows(r.rule.id)]]),
    );
  }

  /** The Detections view as a report (Markdown, JSON or CSV text). */
  report(format: ReportFormat): string {
    return detectionReport(this.view(), format);
  }

  /** Every rule of the set, base rules then correlations, as summaries read them. */
  private listed(): readonly SummarizedRule[] {
    return [...this.set.rules, ...this.set.correlations];
  }

  private ruleBenign(id: string): { note: string; at: number } | undefined {
    const s = this.kept.suppressions.find((x) => x.ruleId === id && x.event === undefined);
    return s === undefined ? undefined : { note: s.note, at: s.at };
  }

  private declare(): void {
    this.hits.setRules(
      this.listed().map(({ rule }) => ({
        id: rule.id,
        title: rule.title,
        level: rule.level,
        tags: rule.tags,
      })),
    );
  }

  private applySuppressions(): void {
    const { index, notes } = this.parts;
    applySuppressions(this.hits, this.kept.suppressions, (row) => notes.current.keyOf(index, row));
  }

  private async correlate(): Promise<void> {
    const { index, reader } = this.parts;
    await correlateHits(this.set, this.hits, index, (fileId) => reader.records(fileId));
  }

  private async store(next: CaseDetections): Promise<void> {
    await saveCaseDetections(this.parts.db, next);
    this.kept = next;
  }

  private rerun(): Promise<void> {
    this.generation++;
    return this.enqueue(0, true);
  }

  /** The fingerprint of the rule set the hits belong to (ruleSetSignature). */
  private signature(): string {
    return ruleSetSignature(
      this.set,
      pack.commit,
      this.kept.rules.map((f) => `${f.name}\u0000${f.text}`),
    );
  }

  /** Stores the hits of rows [0, covered): a reopened case runs its rules over later rows only. */
  private async saveHits(): Promise<void> {
    const { index, db } = this.parts;
    const rows = this.covered;
    await saveDetectionHits(db, {
      kind: 'detectionHits',
      signature: this.signature(),
      rows,
      lastFileId: rows === 0 ? 0 : (index.fileId.data[rows - 1] ?? 0),
      lastRecordIndex: rows === 0 ? 0 : (index.recordIndex.data[rows - 1] ?? 0),
      hits: this.listed().map((r) => [r.rule.id, this.hits.rows(r.rule.id)] as const),
    }).catch(() => undefined);
  }

  private enqueue(from: number, fresh: boolean): Promise<void> {
    const generation = this.generation;
    this.pending++;
    const run = this.queue.then(async () => {
      // A newer full run is queued behind this one: it covers these rows.
      if (generation !== this.generation) return;
      const { index, reader } = this.parts;
      const to = index.size;
      const started = performance.now();
      this.state = { ...this.state, running: true, done: 0, total: 0, rows: to - from };
      const result = await runRules(this.set.rules, {
        index,
        records: (fileId) => reader.records(fileId),
        from,
        to,
        isStopped: () => generation !== this.generation,
        parsed: { ruleIds: this.packIds, files: this.parsed },
        onProgress: (done, total) => (this.state = { ...this.state, done, total }),
      });
      if (result.stopped) return;
      for (let row = from; row < to; row++) this.parsed.delete(index.fileId.data[row] ?? 0);
      if (fresh) this.hits.clearHits();
      for (const [id, rows] of result.hits) this.hits.add(id, rows);
      await this.correlate();
      this.applySuppressions();
      // Rows before `from` were covered by an earlier run (or the stored hits).
      if (fresh || from <= this.covered) this.covered = Math.max(fresh ? 0 : this.covered, to);
      await this.saveHits();
      this.state = {
        running: this.pending > 1,
        done: this.state.total,
        total: this.state.total,
        rows: to - from,
        lastRunMs: performance.now() - started,
        recordsRead: result.recordsRead,
      };
    });
    this.queue = run
      .catch(() => undefined)
      .finally(() => {
        this.pending--;
        if (this.pending === 0) this.state = { ...this.state, running: false };
      });
    return run;
  }
}
