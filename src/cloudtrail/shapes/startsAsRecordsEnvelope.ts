const RECORDS_KEY = '"Records"';

/**
 * True when UTF-8 `text` opens as a trail file does, `{"Records"` (white space allowed): a cheap
 * look at the first bytes that tells the plain envelope, whose text holds each record's JSON as is,
 * from shapes that may carry records inside JSON strings or CSV cells.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html
 */
export function startsAsRecordsEnvelope(text: Uint8Array): boolean {
  let i = text[0] === 0xef && text[1] === 0xbb && text[2] === 0xbf ? 3 : 0;
  i = skipSpace(text, i);
  if (text[i] !== 0x7b) return false;
  i = skipSpace(text, i + 1);
  for (let k = 0; k < RECORDS_KEY.length; k++) {
    if (text[i + k] !== RECORDS_KEY.charCodeAt(k)) return false;
  }
  return true;
}

function skipSpace(text: Uint8Array, from: number): number {
  let i = from;
  while (text[i] === 0x20 || text[i] === 0x0a || text[i] === 0x0d || text[i] === 0x09) i++;
  return i;
}
