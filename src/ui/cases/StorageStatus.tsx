import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatBytes } from '../../lib/formatBytes';
import { storageStatusQuery } from '../../data/caseQueries';
import { requestPersistence, usePersistOutcome } from '../../data/persistStorage';

/** Percent of the quota used, one decimal under 10 %. */
export function quotaPercent(usage: number, quota: number): string {
  if (quota <= 0) return '—';
  const p = (usage / quota) * 100;
  if (p > 0 && p < 0.1) return '<0.1%';
  return `${p < 10 ? p.toFixed(1) : Math.round(p)}%`;
}

/**
 * The origin's storage: how much of the browser's quota the cases use, and whether the browser keeps
 * the data under storage pressure, with a button to ask for that and the browser's answer as given.
 */
export function StorageStatus() {
  const client = useQueryClient();
  const status = useQuery(storageStatusQuery()).data;
  const outcome = usePersistOutcome();
  const [asking, setAsking] = useState(false);
  if (status === undefined) return null;
  const { usage, quota, persisted } = status;
  const share = quota > 0 ? Math.min(1, usage / quota) : 0;
  return (
    <section
      className="cases-storage"
      aria-label="Browser storage"
      data-testid="storage-status"
      data-persisted={persisted}
    >
      <div className="cases-storage-use">
        <span>
          <strong>{formatBytes(usage)}</strong> of {formatBytes(quota)} used (
          {quotaPercent(usage, quota)})
        </span>
        <meter
          className="cases-meter"
          min={0}
          max={1}
          low={0.7}
          high={0.9}
          optimum={0}
          value={share}
          aria-label="Share of the browser's storage quota used"
        />
      </div>
      <div className="cases-storage-persist">
        {persisted ? (
          <span className="cases-persist-ok">
            ✓ Persistent: the browser will not delete this data to free space
          </span>
        ) : (
          <>
            <span>
              Not persistent: the browser may delete stored cases when disk space runs low.
              {outcome === 'declined' ? (
                <span className="cases-persist-declined">
                  {' '}
                  The browser declined the last request (it decides by its own rules, e.g. site
                  engagement or a bookmark).
                </span>
              ) : null}
              {outcome === 'unsupported' ? ' This browser cannot make it persistent.' : null}
            </span>
            <button
              type="button"
              className="btn btn-small"
              disabled={asking}
              onClick={() => {
                setAsking(true);
                void requestPersistence(client).finally(() => setAsking(false));
              }}
            >
              Keep data persistent
            </button>
          </>
        )}
      </div>
    </section>
  );
}
