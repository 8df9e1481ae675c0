import { parseS3Key } from '../parseS3Key';
import type { TrailPlace } from './validateDigests';

/** Where an S3 key belongs: the account and Region its layout names ('' for each when none). */
export function placeOf(key: string): TrailPlace {
  const parsed = parseS3Key(key);
  return { account: parsed?.accountId ?? '', region: parsed?.region ?? '' };
}
