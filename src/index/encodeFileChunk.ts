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
  const builder = new FileChunkBuilder(events.length);
  events.forEach((e, i) => builder.add(e, recordIndex[i] ?? i));
  return builder.finish();
}

/**
 * Builds a FileChunk one event at a time, as each record is extracted, so no event's fields outlive
 * it (holding a file's EventFields until the end made them survive into the old generation).
 * `capacity` is an upper bound on the events added (the file's record count).
 */
export class FileChunkBuilder {
  private count = 0;
  private readonly capacity: number;
  private readonly strings: string[] = [''];
  private readonly table = new Map<string, number>([['', 0]]);
  private readonly codes: Uint32Array;
  private readonly eventTime: Float64Array;
  private readonly recordIndex: Uint32Array;
  private readonly idWords: Uint32Array;
  private readonly idText: (readonly [number, string])[] = [];
  private readonly issued: (readonly [number, string])[] = [];
  private readonly resOffsets: Uint32Array;
  private readonly resTypes: number[] = [];
  private readonly resNames: number[] = [];
  private readonly lastValue: string[] = STRING_FIELDS.map(() => '');
  private readonly lastCode = new Uint32Array(STRING_FIELDS.length);

  constructor(capacity: number) {
    this.capacity = capacity;
    this.codes = new Uint32Array(capacity * STRING_FIELDS.length);
    this.eventTime = new Float64Array(capacity);
    this.recordIndex = new Uint32Array(capacity);
    this.idWords = new Uint32Array(capacity * 4);
    this.resOffsets = new Uint32Array(capacity + 1);
  }

  /** Adds one event, record `recordIndex` of the file. @throws RangeError past `capacity`. */
  add(e: EventFields, recordIndex: number): void {
    const i = this.count;
    if (i >= this.capacity) throw new RangeError('FileChunkBuilder: more events than its capacity');
    this.count++;
    const codes = this.codes;
    const n = this.capacity;
    if (!packEventId(e.eventID, this.idWords, i * 4)) this.idText.push([i, e.eventID]);
    // One direct read per field (in STRING_FIELDS order): a computed key per field is several
    // times slower, and this runs for every event.
    codes[i] = this.field(0, e.eventName);
    codes[n + i] = this.field(1, e.eventSource);
    codes[2 * n + i] = this.field(2, e.awsRegion);
    codes[3 * n + i] = this.field(3, e.errorCode);
    codes[4 * n + i] = this.field(4, e.sourceIPAddress);
    codes[5 * n + i] = this.field(5, e.userAgent);
    codes[6 * n + i] = this.field(6, e.readOnly);
    codes[7 * n + i] = this.field(7, e.recipientAccountId);
    codes[8 * n + i] = this.field(8, e.eventCategory);
    codes[9 * n + i] = this.field(9, e.eventType);
    codes[10 * n + i] = this.field(10, e.identityType);
    codes[11 * n + i] = this.field(11, e.userName);
    codes[12 * n + i] = this.field(12, e.accessKeyId);
    codes[13 * n + i] = this.field(13, e.arn);
    codes[14 * n + i] = this.field(14, e.principalId);
    this.eventTime[i] = e.eventTime;
    this.recordIndex[i] = recordIndex;
    if (e.issuedAccessKeyId !== '') this.issued.push([i, e.issuedAccessKeyId]);
    for (const r of e.resources) {
      this.resTypes.push(this.code(r.type));
      this.resNames.push(this.code(r.name));
    }
    this.resOffsets[i + 1] = this.resTypes.length;
  }

  /** The chunk of the events added; the builder must not be used afterwards. */
  finish(): FileChunk {
    const { count, capacity, strings } = this;
    const codes =
      strings.length <= 0x10000
        ? new Uint16Array(count * STRING_FIELDS.length)
        : new Uint32Array(count * STRING_FIELDS.length);
    for (let f = 0; f < STRING_FIELDS.length; f++) {
      codes.set(this.codes.subarray(f * capacity, f * capacity + count), f * count);
    }
    return {
      count,
      strings,
      codes,
      eventTime: this.eventTime.slice(0, count),
      idWords: this.idWords.slice(0, count * 4),
      idText: this.idText,
      recordIndex: this.recordIndex.slice(0, count),
      resOffsets: this.resOffsets.slice(0, count + 1),
      resTypes: Uint32Array.from(this.resTypes),
      resNames: Uint32Array.from(this.resNames),
      issued: this.issued,
    };
  }

  // Neighbouring records repeat most fields (source, region, account…): compare before hashing.
  private field(f: number, value: string): number {
    if (value !== this.lastValue[f]) {
      this.lastValue[f] = value;
      this.lastCode[f] = this.code(value);
    }
    return this.lastCode[f] ?? 0;
  }

  private code(s: string): number {
    let c = this.table.get(s);
    if (c === undefined) {
      c = this.strings.length;
      this.strings.push(s);
      this.table.set(s, c);
    }
    return c;
  }
}
