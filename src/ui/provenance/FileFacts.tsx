import type { ReactNode } from 'react';
import { formatBytes } from '../../lib/formatBytes';
import type { FileView } from '../../data/provenanceQueries';
import { CopyButton } from '../common/CopyButton';
import { formatCount } from '../common/formatCount';
import { LogText } from '../common/LogText';
import { useFileIntegrity } from '../../data/fileIntegrity';
import { FileIntegrityBadge } from '../validation/FileIntegrityBadge';
import { formatDeliveredAt } from './formatDeliveredAt';

const KIND_LABEL = {
  log: 'Log file',
  digest: 'Digest file',
  insight: 'Insights file',
  networkActivity: 'Network activity log file',
  aggregated: 'Aggregated events file',
} as const;

/** `12.3 KB (12,629 bytes)`. */
function bytes(n: number): string {
  return `${formatBytes(n)} (${formatCount(n)} bytes)`;
}

function Hash(props: { readonly value: string; readonly label: string; readonly testId: string }) {
  return (
    <span className="file-hash">
      <span className="mono wrap" data-testid={props.testId}>
        {props.value}
      </span>
      <CopyButton text={props.value} title={`Copy ${props.label}`} />
    </span>
  );
}

/** A definition list that skips empty entries. */
function Facts(props: { readonly items: readonly (readonly [string, ReactNode])[] }) {
  return (
    <dl className="file-facts">
      {props.items
        .filter(([, v]) => v !== null && v !== '')
        .map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

/**
 * What is known about one stored file: where the trail's S3 layout says it came from, its hashes and
 * sizes, and what its ingest found (records, duplicates, conflicts, invalid records, bytes after
 * the gzip data). Paths and keys are attacker-controlled text: rendered as text only.
 */
export function FileFacts(props: { readonly view: FileView }) {
  const { view } = props;
  const { meta, key } = view;
  const isLog = meta.kind === 'log';
  const verdict = useFileIntegrity(meta.fileId);
  const inflated =
    view.layers === 0
      ? 'not compressed'
      : `${bytes(view.inflatedSize)} uncompressed${view.layers > 1 ? ` (gzipped ${view.layers} times)` : ''}`;
  return (
    <div className="file-facts-grid">
      <section aria-label="S3 key">
        <h3>S3 key</h3>
        {key === undefined ? (
          <p className="muted" data-testid="file-view-no-key">
            Not in the trail&apos;s S3 layout: the file name is not one CloudTrail writes.
          </p>
        ) : (
          <Facts
            items={[
              [
                'Account',
                <span className="mono" key="a">
                  {key.accountId}
                </span>,
              ],
              ['Org ID', key.orgId === undefined ? '' : <span className="mono">{key.orgId}</span>],
              [
                'Region',
                <span className="mono" key="r">
                  {key.region}
                </span>,
              ],
              ['Delivered', formatDeliveredAt(key.deliveredAt)],
              ['Kind', KIND_LABEL[key.kind]],
              ['Trail', key.trailName === undefined ? '' : <LogText text={key.trailName} />],
              ['Home Region', key.homeRegion ?? ''],
              ['Backfill', key.backfill === true ? 'yes' : ''],
              [
                'Key',
                <span className="mono wrap" key="k" data-testid="file-view-key">
                  <LogText text={key.key} />
                </span>,
              ],
            ]}
          />
        )}
      </section>
      <section aria-label="File">
        <h3>File</h3>
        <Facts
          items={[
            [
              'SHA-256',
              <Hash key="s" value={meta.sha256} label="SHA-256" testId="file-view-sha256" />,
            ],
            [
              'SHA-256 uncompressed',
              view.inflatedSha256 === undefined || view.layers === 0 ? (
                ''
              ) : (
                <Hash
                  key="u"
                  value={view.inflatedSha256}
                  label="SHA-256 of the uncompressed content"
                  testId="file-view-inflated-sha256"
                />
              ),
            ],
            [
              'Integrity',
              verdict === undefined ? (
                ''
              ) : (
                <span key="i">
                  <FileIntegrityBadge fileId={meta.fileId} /> {verdict.reason}
                </span>
              ),
            ],
            ['Size', `${bytes(meta.size)}${meta.gzip ? ' gzip' : ''}`],
            ['Content', inflated],
            ['Read as', isLog ? (meta.shape ?? 'log file') : 'digest file (kept for validation)'],
            [
              'Events',
              isLog ? (
                <span key="e" data-testid="file-view-events" data-count={view.events}>
                  {formatCount(view.events)} in the dataset from this file
                </span>
              ) : (
                ''
              ),
            ],
            [
              'Records',
              isLog
                ? `${formatCount(meta.records)} read · ${formatCount(meta.added)} new events · ${formatCount(meta.duplicates)} already loaded · ${formatCount(meta.conflicts)} conflicting`
                : '',
            ],
            [
              'Invalid records',
              meta.invalidRecords === 0
                ? ''
                : `${formatCount(meta.invalidRecords)}${meta.invalidReason === undefined ? '' : ` (${meta.invalidReason})`}`,
            ],
            [
              'After the gzip data',
              meta.trailingBytes === 0 ? (
                meta.gzip ? (
                  'nothing (clean end)'
                ) : (
                  ''
                )
              ) : (
                <span className="file-warn" key="t" data-testid="file-view-trailing">
                  ⚠ {bytes(meta.trailingBytes)} after the end of the gzip stream. A tampering
                  signal: CloudTrail writes one gzip stream and nothing after it.
                </span>
              ),
            ],
            [
              'Case bundle',
              meta.bundleMismatch === undefined ? (
                ''
              ) : (
                <span className="file-warn" key="b" data-testid="file-view-bundle-mismatch">
                  ⚠ Not the file the case bundle{' '}
                  <LogText text={meta.bundleMismatch.bundleCase} max={200} /> (exported{' '}
                  <LogText text={meta.bundleMismatch.bundleExportedAt} max={40} />) lists under this
                  path: its manifest gives SHA-256{' '}
                  <span className="mono wrap">{meta.bundleMismatch.listedSha256}</span>. Changed
                  after the export; imported{' '}
                  {new Date(meta.bundleMismatch.importedAt).toISOString().slice(0, 19)} UTC.
                </span>
              ),
            ],
            ['Added', new Date(meta.addedAt).toISOString().replace('T', ' ').slice(0, 19) + ' UTC'],
          ]}
        />
      </section>
    </div>
  );
}
