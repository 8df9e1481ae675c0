import type { CredentialChain, EventDetail } from '../analysis/types';
import { credentialChain } from '../analysis/credentialChain';
import { insightPartners } from '../analysis/insightPartners';
import { readEventDetail } from '../analysis/readEventDetail';
import type { RowView } from '../index/types';
import type { CaseParts } from './CaseParts';

/**
 * Reads about one event of a case, by its row: the detail pane (the original record, its sources,
 * its conflicts), the credential chain behind it, and the other records of its Insight.
 */
export class EventService {
  private readonly parts: CaseParts;

  constructor(parts: CaseParts) {
    this.parts = parts;
  }

  /** The event in `row` as the detail pane shows it; undefined when there is no such row. */
  detail(row: number): Promise<EventDetail | undefined> {
    const { index, reader, db } = this.parts;
    return readEventDetail({ index, reader, db, row });
  }

  /** The credential chain behind `row` (see credentialChain). */
  credentialChain(row: number): Promise<CredentialChain | undefined> {
    const { index, reader } = this.parts;
    if (row < 0 || row >= index.size) return Promise.resolve(undefined);
    return credentialChain(index, reader, row);
  }

  /** The other records of the Insight `row` belongs to: its Start or End (see insightPartners). */
  insightPartners(row: number): Promise<RowView[]> {
    return insightPartners(this.parts.index, this.parts.reader, row);
  }
}
