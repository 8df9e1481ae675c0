import type { CairnDatabase } from '../db/cairnDb';
import type { IndexStore } from '../db/IndexStore';
import type { RecordReader } from '../db/RecordReader';
import type { EventIndex } from '../index/EventIndex';
import type { FileCatalog } from '../index/FileCatalog';
import type { RuleHits } from '../index/RuleHits';
import type { CaseNotes } from './CaseNotes';
import type { CaseQueries } from './CaseQueries';

/**
 * What the services of one case session share, fixed for the session's life: Clear data and a case
 * switch open a new session instead of resetting these. The index and the catalog grow in place as
 * files are ingested.
 */
export interface CaseParts {
  /** The case's IndexedDB database (db/schema.ts). */
  readonly db: CairnDatabase;
  /** The in-memory index of the case's events. */
  readonly index: EventIndex;
  /** Stores the index after each run, so the case reopens without parsing its files again. */
  readonly indexStore: IndexStore;
  /** Reads records back from the stored original files (a small cache of decoded files). */
  readonly reader: RecordReader;
  /** The stored files' paths by fileId, for `file:` clauses and the sources tree. */
  readonly catalog: FileCatalog;
  /** Bookmarks, tags and notes on the case's events. */
  readonly notes: CaseNotes;
  /** The query history and saved queries (`saved:` clauses read them). */
  readonly queries: CaseQueries;
  /** The detection hits by rule (DetectionService fills them; `rule:` clauses read them). */
  readonly hits: RuleHits;
}
