import type { ParseResult } from './types';

/** The buffers of a ParseResult that can move between workers without a copy. */
export function transferablesOf(result: ParseResult): Transferable[] {
  if (
    result.status === 'skipped' ||
    result.status === 'failed' ||
    result.status === 'known' ||
    result.status === 'zip'
  )
    return [];
  if (result.status === 'digest') return [result.bytes.buffer];
  const c = result.chunk;
  return [
    result.bytes.buffer,
    c.codes.buffer,
    c.idWords.buffer,
    c.eventTime.buffer,
    c.recordIndex.buffer,
    c.resOffsets.buffer,
    c.resTypes.buffer,
    c.resNames.buffer,
    ...(result.ruleHits ?? []).map(([, hits]) => hits.buffer),
  ];
}
