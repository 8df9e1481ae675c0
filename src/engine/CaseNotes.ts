import type { CairnDatabase } from '../db/cairnDb';
import { AnnotationIndex } from '../index/AnnotationIndex';
import type { TagCount } from '../index/AnnotationIndex';
import { applyEdit } from '../index/Annotation';
import { loadAnnotations, mergeAnnotations, saveAnnotation } from '../db/annotations';
import type { Annotation, AnnotationEdit } from '../index/Annotation';
import type { EventIndex } from '../index/EventIndex';
import type { FileMeta } from '../db/types';
import type { RowView } from '../index/types';
import { resolveField } from '../querylang/fields';
import type { Suggestion } from '../search/suggestValues';

/**
 * The responder's bookmarks, tags and notes as the engine serves them: kept in memory
 * (AnnotationIndex, for searches and table rows) and written through to IndexedDB on each change.
 */
export class CaseNotes {
  private readonly notes: AnnotationIndex;
  private readonly db: CairnDatabase;
  private readonly index: EventIndex;

  private constructor(db: CairnDatabase, index: EventIndex, notes: AnnotationIndex) {
    this.db = db;
    this.index = index;
    this.notes = notes;
  }

  /** Loads the stored annotations and makes `files`' events resolvable by file key. */
  static async load(
    db: CairnDatabase,
    index: EventIndex,
    files: readonly Pick<FileMeta, 'fileId' | 'sha256'>[],
  ): Promise<CaseNotes> {
    const notes = new AnnotationIndex(await loadAnnotations(db));
    for (const f of files) notes.addFile(f.fileId, f.sha256);
    return new CaseNotes(db, index, notes);
  }

  /** The in-memory annotations (the Searcher reads them). */
  get current(): AnnotationIndex {
    return this.notes;
  }

  /** A file was stored: its events without an eventID become resolvable. */
  addFile(meta: Pick<FileMeta, 'fileId' | 'sha256'>): void {
    this.notes.addFile(meta.fileId, meta.sha256);
  }

  /** The annotation of `row` (undefined when it has none), with the key it is stored under. */
  of(row: number): { readonly key: string; readonly annotation: Annotation | undefined } {
    const key = this.notes.keyOf(this.index, row);
    return { key, annotation: this.notes.get(key) };
  }

  /**
   * Applies `edit` to `row`'s annotation, stamps it now, and stores it (an annotation that marks
   * nothing any more is deleted). Returns the result. @throws RangeError when `row` does not exist.
   */
  async annotate(row: number, edit: AnnotationEdit): Promise<Annotation> {
    const { index } = this;
    if (row < 0 || row >= index.size) throw new RangeError(`No event row ${row}`);
    const { key, annotation } = this.of(row);
    const eventName = index.value('eventName', row);
    const next: Annotation = {
      ...applyEdit(key, annotation, edit, Date.now()),
      eventTime: index.time.data[row] ?? 0,
      eventName,
    };
    await saveAnnotation(this.db, next);
    this.notes.set(next);
    return next;
  }

  /** Every annotation, oldest event first. */
  all(): Annotation[] {
    return this.notes.all().sort((a, b) => (a.eventTime ?? 0) - (b.eventTime ?? 0));
  }

  /** The tags in use, most used first (autocomplete). */
  tags(): TagCount[] {
    return this.notes.tags();
  }

  /**
   * Autocomplete for an annotation field (`tag:` the tags in use, `bookmarked:` true/false, `is:`
   * its four words), with counts of annotated events; undefined for any other field.
   */
  suggest(field: string, text: string, limit = 12): Suggestion[] | undefined {
    const { source } = resolveField(field);
    if (source.kind !== 'annotation') return undefined;
    const all = this.notes.all();
    const count = (test: (a: Annotation) => boolean) => all.filter(test).length;
    let values: Suggestion[];
    switch (source.field) {
      case 'tag':
        values = this.notes.tags().map((t) => ({ value: t.tag, count: t.count }));
        break;
      case 'bookmarked':
        values = [{ value: 'true', count: count((a) => a.bookmarked) }];
        break;
      case 'is':
        values = [
          { value: 'bookmarked', count: count((a) => a.bookmarked) },
          { value: 'tagged', count: count((a) => a.tags.length > 0) },
          { value: 'noted', count: count((a) => a.note.trim() !== '') },
          { value: 'annotated', count: all.length },
        ];
        break;
      case 'note':
        values = [];
    }
    const needle = text.toLowerCase();
    return values.filter((v) => v.value.toLowerCase().includes(needle)).slice(0, limit);
  }

  /**
   * Merges a bundle's annotations (newer `updatedAt` wins; those `replaces` says false for only
   * fill keys the case lacks: see mergeAnnotations); returns how many were written.
   */
  async merge(
    incoming: readonly Annotation[],
    replaces?: (a: Annotation) => boolean,
  ): Promise<number> {
    const written = await mergeAnnotations(this.db, incoming, replaces);
    for (const a of written) this.notes.set(a);
    return written.length;
  }

  /** `rows` with their bookmark and tags, for the table's markers. */
  mark(rows: RowView[]): RowView[] {
    if (this.notes.size === 0) return rows;
    const { index } = this;
    // Key by key (a page is a few hundred rows): no eventID table needs building for it.
    return rows.map((r) => {
      const a = this.notes.get(this.notes.keyOf(index, r.row));
      if (a === undefined) return r;
      return {
        ...r,
        ...(a.bookmarked ? { bookmarked: true as const } : {}),
        ...(a.tags.length > 0 ? { tags: a.tags } : {}),
      };
    });
  }
}
