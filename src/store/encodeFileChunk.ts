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
    for (let f = 0; f < STRING_FIELDS.length; f++) {
      codes[f * count + i] = field(f, e[STRING_FIELDS[f] ?? 'eventName']);
    }
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
