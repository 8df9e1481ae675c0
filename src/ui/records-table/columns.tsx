import {
  createColumnHelper,
  tableFeatures,
  columnVisibilityFeature,
  columnSizingFeature,
} from '@tanstack/react-table';
import type { RowView } from '../../data/types';
import { AccountId } from '../accounts/AccountId';
import { LogText } from '../common/LogText';
import { FileIntegrityBadge } from '../validation/FileIntegrityBadge';
import { IpOrigin } from '../iporigin/IpOrigin';

/** The table's features: visibility (the column chooser) and sizing. Sorting and paging are the worker's. */
export const features = tableFeatures({ columnVisibilityFeature, columnSizingFeature });

/** A table row: a loaded RowView, or a placeholder while its page loads. */
export type TableRow = RowView | { readonly placeholder: true; readonly row: number };

/** True when the row's data has loaded. */
export function isLoaded(r: TableRow): r is RowView {
  return !('placeholder' in r);
}

const helper = createColumnHelper<typeof features, TableRow>();
/** Characters a cell renders: a column is a few hundred pixels wide, and a log value can be 1 MB. */
export const CELL_CHARS = 300;
/** A log string in a cell: text only, escapes made visible, cut to CELL_CHARS. */
const logCell = (ctx: { getValue: () => unknown }) => {
  const v = ctx.getValue();
  return <LogText text={typeof v === 'string' ? v : ''} max={CELL_CHARS} />;
};
const text = (pick: (r: RowView) => string) => (r: TableRow) => (isLoaded(r) ? pick(r) : '');
const list = (pick: (r: RowView) => readonly string[]) => (r: TableRow) => {
  if (!isLoaded(r)) return '';
  const values = pick(r).filter((v) => v !== '');
  // The console lists several resources in one cell; show the first and how many more.
  return values.length <= 1 ? (values[0] ?? '') : `${values[0] ?? ''} (+${values.length - 1})`;
};

/**
 * The Event history columns: the console's six defaults (sized so that all six fit beside the facet
 * sidebar and an open detail pane at 1280 px; a wider table grows them, see layoutWidths) in the console's order, then the optional
 * ones (hidden by default). Event time is rendered by the table itself (it depends on the time zone).
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/view-cloudtrail-events-console.html
 */
export const columns = helper.columns([
  helper.accessor(
    text(() => ''),
    { id: 'eventTime', header: 'Event time', size: 150 },
  ),
  helper.accessor(
    text((r) => r.userName),
    { id: 'userName', header: 'User name', size: 80, cell: logCell },
  ),
  helper.accessor(
    text((r) => r.eventName),
    { id: 'eventName', header: 'Event name', size: 118, cell: logCell },
  ),
  helper.accessor(
    list((r) => r.resourceTypes),
    { id: 'resourceType', header: 'Resource type', size: 64, cell: logCell },
  ),
  helper.accessor(
    list((r) => r.resourceNames),
    { id: 'resourceName', header: 'Resource name', size: 76, cell: logCell },
  ),
  helper.accessor(
    text((r) => r.eventSource),
    { id: 'eventSource', header: 'Event source', size: 62, cell: logCell },
  ),
  helper.accessor(
    text((r) => r.accessKeyId),
    { id: 'accessKeyId', header: 'AWS access key', size: 170, cell: logCell },
  ),
  helper.accessor(
    text((r) => r.awsRegion),
    { id: 'awsRegion', header: 'AWS region', size: 90, cell: logCell },
  ),
  helper.accessor(
    text((r) => r.errorCode),
    { id: 'errorCode', header: 'Error code', size: 110, cell: logCell },
  ),
  helper.accessor(
    text((r) => r.sourceIPAddress),
    { id: 'sourceIPAddress', header: 'Source IP address', size: 120, cell: logCell },
  ),
  helper.accessor(
    text((r) => r.sourceIPAddress),
    {
      id: 'ipOrigin',
      header: 'IP origin',
      size: 110,
      // Country and ASN of the source IP, looked up once per distinct address by the worker.
      cell: (ctx) => {
        const r = ctx.row.original;
        return isLoaded(r) ? <IpOrigin ip={r.sourceIPAddress} compact /> : null;
      },
    },
  ),
  helper.accessor(
    text((r) => r.readOnly),
    { id: 'readOnly', header: 'Read-only', size: 70, cell: logCell },
  ),
  helper.accessor(
    text((r) => r.eventID),
    { id: 'eventID', header: 'Event ID', size: 290, cell: logCell },
  ),
  helper.accessor(
    text((r) => r.recipientAccountId),
    {
      id: 'recipientAccountId',
      header: 'Account ID',
      size: 120,
      // The value stays the bare ID (what sorting and search see); the user's name follows it.
      cell: (ctx) => <AccountId id={ctx.getValue()} />,
    },
  ),
  helper.accessor(
    text((r) => r.identityType),
    { id: 'identityType', header: 'Identity type', size: 100, cell: logCell },
  ),
  helper.accessor(
    text((r) => r.eventCategory),
    { id: 'eventCategory', header: 'Event category', size: 100, cell: logCell },
  ),
  helper.accessor(
    text((r) => r.userAgent),
    { id: 'userAgent', header: 'User agent', size: 180, cell: logCell },
  ),
  helper.accessor(
    text(() => ''),
    {
      id: 'integrity',
      header: 'Integrity',
      size: 100,
      // The status is the last validation's, kept in the page: the index does not hold it.
      cell: (ctx) => {
        const r = ctx.row.original;
        return isLoaded(r) ? <FileIntegrityBadge fileId={r.fileId} /> : null;
      },
    },
  ),
]);

/** Columns whose cells are log strings cut in the middle to fit (CutText), with their mono font. */
export const CUT_COLUMNS: ReadonlySet<string> = new Set(
  columns
    .map((c) => c.id ?? '')
    .filter((id) => !['eventTime', 'recipientAccountId', 'integrity', 'ipOrigin'].includes(id)),
);

/** Columns set in the monospace font (identifiers compared character by character). */
export const MONO_COLUMNS: ReadonlySet<string> = new Set([
  'eventTime',
  'eventID',
  'accessKeyId',
  'sourceIPAddress',
  'recipientAccountId',
]);

/** Columns hidden until the user picks them in the column chooser. */
export const DEFAULT_HIDDEN: Readonly<Record<string, boolean>> = {
  accessKeyId: false,
  awsRegion: false,
  errorCode: false,
  sourceIPAddress: false,
  ipOrigin: false,
  readOnly: false,
  eventID: false,
  recipientAccountId: false,
  identityType: false,
  eventCategory: false,
  userAgent: false,
  integrity: false,
};
