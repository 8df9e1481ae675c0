import { STRING_FIELDS } from '../cloudtrail/types';
import type { EventFields } from '../cloudtrail/types';
import { packEventId } from './eventIdKey';
import type { FileChunk } from './types';

/**
 * Encodes one file's extracted events as a FileChunk: a local string table plus typed arrays, cheap to
 * transfer between workers and to store. `recordIndex[i]` is the position of `events[i]` in the file.
 */
export function encodeFileChunk(
  events: readonly EventFields[],
  recordIndex: readonly number[],
): FileChunk {
  const count = events.length;
  const strings: string[] = [''];
  const table = new Map<string, number>([['', 0]]);
  const code = (s: string): number => {
    let c = table.get(s);
    if (c === undefined) {
      c = strings.length;
      strings.push(s);
      table.set(s, c);
    }
    return c;
  };
  const codes = new Uint32Array(count * STRING_FIELDS.length);
  const eventTime = new Float64Array(count);
  const resOffsets = new Uint32Array(count + 1);
  const resTypes: number[] = [];
  const resNames: number[] = [];
  const idWords = new Uint32Array(count * 4);
  const idText: (readonly [number, string])[] = [];
  const issued: (readonly [number, string])[] = [];
  const lastValue: (string | undefined)[] = STRING_FIELDS.map(() => undefined);
  const lastCode = new Uint32Array(STRING_FIELDS.length);
  // Neighbouring records repeat most fields (source, region, account…): compare before hashing.
  const field = (f: number, value: string): number => {
    if (value !== lastValue[f]) {
      lastValue[f] = value;
      lastCode[f] = code(value);
    }
    return lastCode[f] ?? 0;
  };
  for (let i = 0; i < count; i++) {
    const e = events[i];
    if (e === undefined) continue;
    if (!packEventId(e.eventID, idWords, i * 4)) idText.push([i, e.eventID]);
    // One direct read per field (in STRING_FIELDS order): a computed key per field is several
    // times slower, and this loop runs for every event.
    codes[i] = field(0, e.eventName);
    codes[count + i] = field(1, e.eventSource);
    codes[2 * count + i] = field(2, e.awsRegion);
    codes[3 * count + i] = field(3, e.errorCode);
    codes[4 * count + i] = field(4, e.sourceIPAddress);
    codes[5 * count + i] = field(5, e.userAgent);
    codes[6 * count + i] = field(6, e.readOnly);
    codes[7 * count + i] = field(7, e.recipientAccountId);
    codes[8 * count + i] = field(8, e.eventCategory);
    codes[9 * count + i] = field(9, e.eventType);
    codes[10 * count + i] = field(10, e.identityType);
    codes[11 * count + i] = field(11, e.userName);
    codes[12 * count + i] = field(12, e.accessKeyId);
    eventTime[i] = e.eventTime;
    if (e.issuedAccessKeyId !== '') issued.push([i, e.issuedAccessKeyId]);
    for (const r of e.resources) {
      resTypes.push(code(r.type));
      resNames.push(code(r.name));
    }
    resOffsets[i + 1] = resTypes.length;
  }
  return {
    count,
    strings,
    codes: strings.length <= 0x10000 ? Uint16Array.from(codes) : codes,
    eventTime,
    idWords,
    idText,
    recordIndex: Uint32Array.from(recordIndex),
    resOffsets,
    resTypes: Uint32Array.from(resTypes),
    resNames: Uint32Array.from(resNames),
    issued,
  };
}
