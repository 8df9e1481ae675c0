import type { CoverageMap, CrossAccountFiles } from '../../data/types';
import { formatCount } from '../common/formatCount';
import { visibleString } from '../common/visibleText';

/**
 * Why a log file's account and its events' account differ, in one line: `files of 218007301253 hold
 * events of 123837392027: an organisation or delegated trail`. An organisation trail, or a trail
 * that delivers to a bucket of another account (a delegated administrator or a central logging
 * account), writes files whose S3 key names one account while recipientAccountId names another
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/creating-trail-organization.html).
 */
export function crossAccountLine(c: CrossAccountFiles): string {
  return `files of ${visibleString(c.fileAccount)} hold events of ${visibleString(c.eventAccount)}: an organisation or delegated trail`;
}

/** crossAccountLine with the counts: `… (57 files, 3,082 events)`. */
export function crossAccountSentence(c: CrossAccountFiles): string {
  const line = crossAccountLine(c);
  return `${line.charAt(0).toUpperCase()}${line.slice(1)} (${formatCount(c.files)} ${c.files === 1 ? 'file' : 'files'}, ${formatCount(c.events)} ${c.events === 1 ? 'event' : 'events'}).`;
}

/**
 * What a row of `account` needs said about cross-account files: on the file account's rows, where
 * its files' events went; on the event account's rows, which files delivered them. Accounts
 * compare without case, as the map's rows do.
 */
export function crossAccountLinesFor(map: CoverageMap, account: string): string[] {
  const a = account.toLowerCase();
  if (a === '') return [];
  return map.crossAccount.flatMap((c) => {
    if (c.fileAccount.toLowerCase() === a)
      return [
        `${crossAccountSentence(c)} Their events are on the ${visibleString(c.eventAccount)} rows.`,
      ];
    if (c.eventAccount.toLowerCase() === a)
      return [
        `${crossAccountSentence(c)} Those files are on the ${visibleString(c.fileAccount)} rows.`,
      ];
    return [];
  });
}
