import { identityProfile } from '../analysis/identityProfile';
import type { IdentityProfile } from '../analysis/identityTypes';
import { plainIdentityScan } from '../analysis/plainIdentityScan';
import type { PlainIdentityScan } from '../analysis/plainIdentityScan';
import { resolveIdentity } from '../analysis/resolveIdentity';
import { topIdentities } from '../analysis/topIdentities';
import type { TopIdentity } from '../analysis/topIdentities';
import { compileFilter } from '../search/compileFilter';
import { selectRows } from '../search/selectRows';
import type { CaseParts } from './CaseParts';

/** The top identities of the case for the Identity view's picker, and how long they took. */
export interface TopIdentities {
  readonly identities: readonly TopIdentity[];
  readonly elapsedMs: number;
}

/**
 * Identity profiles of one case (analysis/identityProfile): a profile per identity value over the
 * whole case, the top identities to pick from, and the bench's plain scan of the same rows.
 */
export class IdentityService {
  private readonly parts: CaseParts;

  constructor(parts: CaseParts) {
    this.parts = parts;
  }

  /** The profile of `value` (see identityProfile); `baseline` in ms since epoch. */
  profile(value: string, baseline?: number): IdentityProfile {
    const { index, hits } = this.parts;
    return identityProfile(index, value, { hits, ...(baseline === undefined ? {} : { baseline }) });
  }

  /** The `limit` identities with most events (AWS service principals only with `includeServices`). */
  top(limit = 20, includeServices = false): TopIdentities {
    const started = performance.now();
    const identities = topIdentities(this.parts.index, limit, includeServices);
    return { identities, elapsedMs: performance.now() - started };
  }

  /** The bench's reference: `value`'s events read back from the stored files (plainIdentityScan). */
  plainScan(value: string): Promise<PlainIdentityScan> {
    const { index, reader } = this.parts;
    const { query } = resolveIdentity(index, value);
    return plainIdentityScan(
      index,
      reader,
      selectRows(index, compileFilter(index, query).rowTests, {}),
    );
  }
}
