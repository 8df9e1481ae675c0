/** Longest tag and note kept on an event, in characters (annotations.ts); longer text is cut. */
export const ANNOTATION_LIMITS = { tag: 64, note: 20_000 } as const;

/**
 * A responder's marks on one event (IndexedDB `annotations` store, keyed by `key`). `key` is the
 * event's stable key (see annotationKey in AnnotationIndex.ts). `eventTime` (ms since epoch) and
 * `eventName` are copied from the event when it is marked, so a case bundle reads on its own.
 * Tags and the note are the user's text: shown as text only, never as markup.
 */
export interface Annotation {
  readonly key: string;
  readonly bookmarked: boolean;
  readonly tags: readonly string[];
  readonly note: string;
  /** ms since epoch of the last change; a bundle import keeps the newer of two. */
  readonly updatedAt: number;
  readonly eventTime?: number;
  readonly eventName?: string;
}

/** A change to one event's marks; absent fields stay as they are. */
export interface AnnotationEdit {
  readonly bookmarked?: boolean;
  readonly tags?: readonly string[];
  readonly note?: string;
}

/** Longest tag kept, in characters; longer tags are cut. */
export const MAX_TAG_LENGTH = ANNOTATION_LIMITS.tag;

/** Longest note kept, in characters (pages of text; a note is not a document store). */
export const MAX_NOTE_LENGTH = ANNOTATION_LIMITS.note;

/**
 * Tags as stored: trimmed, inner whitespace runs made one space, cut to MAX_TAG_LENGTH, empty ones
 * dropped, and the first spelling kept of tags equal ignoring case (queries match tags ignoring case).
 */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of tags) {
    const clean = tag.trim().replace(/\s+/g, ' ').slice(0, MAX_TAG_LENGTH);
    const lower = clean.toLowerCase();
    if (clean === '' || seen.has(lower)) continue;
    seen.add(lower);
    out.push(clean);
  }
  return out;
}

/** `base` (or no marks) with `edit` applied, stamped `now` (ms since epoch). */
export function applyEdit(
  key: string,
  base: Annotation | undefined,
  edit: AnnotationEdit,
  now: number,
): Annotation {
  return {
    ...base,
    key,
    bookmarked: edit.bookmarked ?? base?.bookmarked ?? false,
    tags: edit.tags === undefined ? (base?.tags ?? []) : normalizeTags(edit.tags),
    note: (edit.note ?? base?.note ?? '').slice(0, MAX_NOTE_LENGTH),
    updatedAt: now,
  };
}

/** True when an annotation marks nothing (it is then deleted rather than stored). */
export function isBlank(a: Annotation): boolean {
  return !a.bookmarked && a.tags.length === 0 && a.note.trim() === '';
}
